/*-------------------------------------------------------------------------
 *
 * gqlcli.c
 *	  Command-line front end of the GraphQL language core, for development
 *	  and the conformance tests.
 *
 * Reads a document from stdin and writes one result line to stdout:
 *
 *	 --verdict	 (default) {"kind":"Document"} if the document parses
 *	 --json		 the AST as JSON, in graphql-js's shape
 *	 --json-loc	 the same with "loc": {"line", "column"} on every node
 *	 --print	 the document printed as graphql-js's print() prints it
 *
 * On a syntax error every mode writes
 * {"errors":[{"message":M,"locations":[{"line":L,"column":C}]}]}.
 *
 * Several modes may be given at once (the conformance script does so to
 * save process starts); then each result is preceded by a line
 * "<mode> <length in bytes>", and followed, like a single result, by a
 * newline.  The exit status is 0 whenever results were written, 2 on a
 * usage error.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"

#include <stdio.h>
#include <string.h>

typedef enum CliMode
{
	MODE_VERDICT,
	MODE_JSON,
	MODE_JSON_LOC,
	MODE_PRINT,
	MODE_COUNT
} CliMode;

#define MAX_MODES	8

/*
 * Read all of stdin into an arena buffer.
 */
static void
read_stdin(GqlBuf *buf)
{
	char		chunk[65536];
	size_t		n;

	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		gql_buf_append(buf, chunk, n);
}

/*
 * Append s as a JSON string (ASCII control characters escaped; other
 * bytes copied).
 */
static void
append_json_string(GqlBuf *buf, const char *s)
{
	gql_buf_append_char(buf, '"');
	for (; *s != '\0'; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == '"' || c == '\\')
		{
			gql_buf_append_char(buf, '\\');
			gql_buf_append_char(buf, (char) c);
		}
		else if (c < 0x20)
			gql_buf_printf(buf, "\\u%04x", (unsigned int) c);
		else
			gql_buf_append_char(buf, (char) c);
	}
	gql_buf_append_char(buf, '"');
}

/*
 * The errors object of a syntax error.
 */
static char *
error_json(GqlArena *arena, const GqlError *error)
{
	GqlBuf		buf;

	gql_buf_init(&buf, arena);
	gql_buf_append_str(&buf, "{\"errors\":[{\"message\":");
	append_json_string(&buf, error->message != NULL ? error->message : "");
	gql_buf_printf(&buf, ",\"locations\":[{\"line\":%u,\"column\":%u}]}]}",
				   (unsigned int) error->line, (unsigned int) error->column);
	return buf.data;
}

/*
 * The mode named by a command-line argument; false if none is.
 */
static bool
mode_of(const char *arg, CliMode *mode)
{
	static const char *const names[] = {"--verdict", "--json", "--json-loc",
	"--print"};
	int			i;

	for (i = 0; i < MODE_COUNT; i++)
	{
		if (strcmp(arg, names[i]) == 0)
		{
			*mode = (CliMode) i;
			return true;
		}
	}
	return false;
}

/*
 * The result for a document that parsed; *len receives its length (a
 * printed block string may contain U+0000).
 */
static const char *
result_text(GqlArena *arena, const GqlDocument *doc, CliMode mode,
			size_t *len)
{
	const char *verdict = "{\"kind\":\"Document\"}";

	switch (mode)
	{
		case MODE_JSON:
			return gql_ast_to_json(arena, &doc->hdr, 0, len);
		case MODE_JSON_LOC:
			return gql_ast_to_json(arena, &doc->hdr, GQL_JSON_LOCATIONS, len);
		case MODE_PRINT:
			return gql_print(arena, &doc->hdr, len);
		default:
			*len = strlen(verdict);
			return verdict;
	}
}

/*
 * Write the result of one mode: as it is for a single mode, framed by a
 * "<mode> <length>" line when there are several.
 */
static void
write_result(GqlArena *arena, const GqlDocument *doc, const GqlError *error,
			 const char *arg, CliMode mode, bool framed)
{
	const char *out;
	size_t		len;

	if (doc != NULL)
		out = result_text(arena, doc, mode, &len);
	else
	{
		out = error_json(arena, error);
		len = strlen(out);
	}
	if (framed)
		printf("%s %zu\n", arg, len);
	fwrite(out, 1, len, stdout);
	fputc('\n', stdout);
}

/*
 * Read, parse, write the result of every mode asked for.
 */
int
main(int argc, char **argv)
{
	CliMode		modes[MAX_MODES];
	GqlArena   *arena;
	GqlBuf		source;
	GqlDocument *doc;
	GqlError	error;
	int			i;

	for (i = 1; i < argc; i++)
	{
		if (i > MAX_MODES || !mode_of(argv[i], &modes[i - 1]))
		{
			fprintf(stderr, "usage: %s [--verdict] [--json] [--json-loc] [--print] < document\n",
					argv[0]);
			return 2;
		}
	}
	arena = gql_arena_create(NULL);
	gql_buf_init(&source, arena);
	read_stdin(&source);
	memset(&error, 0, sizeof(error));
	doc = gql_parse(arena, source.data, source.len, NULL, &error);
	if (argc < 2)
		write_result(arena, doc, &error, "--verdict", MODE_VERDICT, false);
	for (i = 1; i < argc; i++)
		write_result(arena, doc, &error, argv[i], modes[i - 1], argc > 2);
	gql_arena_destroy(arena);
	return 0;
}
