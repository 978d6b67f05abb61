/*-------------------------------------------------------------------------
 *
 * gqlschema.c
 *	  Command-line front end of the type system, for the conformance test:
 *	  reads SDL on stdin, builds the schema and writes it as
 *	  gql_schema_print() prints it (followed by a newline), or, when the
 *	  document does not parse or the schema is invalid, one line
 *	  {"errors":[{"message":M}]}.  Exit status 0 in both cases.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"

#include <stdio.h>
#include <string.h>

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
 * Write s as a JSON string (control characters escaped).
 */
static void
write_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/*
 * Build the schema of stdin's SDL and print it or the error.
 */
int
main(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlBuf		input;
	GqlError	error;
	GqlDocument *doc;
	GqlSchema  *schema = NULL;
	size_t		len;
	char	   *text;

	memset(&error, 0, sizeof(error));
	gql_buf_init(&input, arena);
	read_stdin(&input);
	doc = gql_parse(arena, input.data, input.len, NULL, &error);
	if (doc != NULL)
		schema = gql_schema_from_sdl(arena, doc, &error);
	if (schema == NULL)
	{
		fputs("{\"errors\":[{\"message\":", stdout);
		write_json_string(error.message != NULL ? error.message : "invalid");
		fputs("}]}\n", stdout);
	}
	else
	{
		text = gql_schema_print(arena, schema, &len);
		fwrite(text, 1, len, stdout);
		putchar('\n');
	}
	gql_arena_destroy(arena);
	return 0;
}
