/*-------------------------------------------------------------------------
 *
 * fuzz_parser.c
 *	  libFuzzer target of the GraphQL language core.
 *
 * Every input is parsed with small limits.  A syntax error must come with
 * a message and a line.  A document that parses is printed, the printed
 * text must parse again and print identically, and the document is
 * converted to JSON (with and without locations).  Any violation aborts.
 *
 * Build and run: make -C test/unit fuzz (see the Makefile there).
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"

#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Print doc, parse the text again and check that it prints the same.
 */
static void
check_round_trip(GqlArena *arena, const GqlDocument *doc,
				 const GqlParseOptions *opts)
{
	size_t		len1;
	size_t		len2;
	char	   *text1 = gql_print(arena, &doc->hdr, &len1);
	char	   *text2;
	GqlError	err;
	GqlDocument *again;

	again = gql_parse(arena, text1, len1, opts, &err);
	if (again == NULL)
		abort();
	text2 = gql_print(arena, &again->hdr, &len2);
	if (len1 != len2 || memcmp(text1, text2, len1) != 0)
		abort();
}

/*
 * One fuzzing input.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlParseOptions opts = {64, 10000};
	GqlError	err;
	GqlDocument *doc;
	size_t		len;

	doc = gql_parse(arena, (const char *) data, size, &opts, &err);
	if (doc == NULL)
	{
		if (err.message == NULL ||
			strncmp(err.message, "Syntax Error: ", 14) != 0 || err.line == 0)
			abort();
	}
	else
	{
		check_round_trip(arena, doc, &opts);
		if (gql_ast_to_json(arena, &doc->hdr, 0, &len) == NULL ||
			gql_ast_to_json(arena, &doc->hdr,
							GQL_JSON_LOCATIONS | GQL_JSON_NO_NUL, &len) == NULL)
			abort();
	}
	gql_arena_destroy(arena);
	return 0;
}
