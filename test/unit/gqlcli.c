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
 * With --validate, or when the environment variable GQL_VIA is "resolve"
 * (how the conformance driver calls it), the document is validated
 * against the SDL schema in the file named by GQL_SCHEMA_FILE (a minimal
 * schema when unset or empty) and the output is a GraphQL response:
 * {"errors":[{"message","locations","extensions":{"code":"parse-failed"}}]}
 * for a syntax error, the same with "validation-failed" and every
 * validation error, or {"data":null} for a valid document.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/validation/validation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The schema used when GQL_SCHEMA_FILE names none */
#define MINIMAL_SCHEMA "type Query { _: Boolean }"

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
 * Read a whole file into an arena buffer; false if it cannot be read.
 */
static bool
read_file(GqlBuf *buf, const char *path)
{
	char		chunk[65536];
	size_t		n;
	FILE	   *f = fopen(path, "rb");

	if (f == NULL)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		gql_buf_append(buf, chunk, n);
	fclose(f);
	return true;
}

/*
 * Build the schema named by GQL_SCHEMA_FILE (or the minimal one); NULL
 * and a message on failure.
 */
static GqlSchema *
load_schema(GqlArena *arena, const char **message)
{
	const char *path = getenv("GQL_SCHEMA_FILE");
	GqlBuf		sdl;
	GqlDocument *doc;
	GqlSchema  *schema;
	GqlError	error;

	gql_buf_init(&sdl, arena);
	if (path == NULL || path[0] == '\0')
		gql_buf_append_str(&sdl, MINIMAL_SCHEMA);
	else if (!read_file(&sdl, path))
	{
		*message = "cannot read the schema file";
		return NULL;
	}
	memset(&error, 0, sizeof(error));
	doc = gql_parse(arena, sdl.data, sdl.len, NULL, &error);
	schema = doc != NULL ? gql_schema_from_sdl(arena, doc, &error) : NULL;
	if (schema == NULL)
		*message = error.message != NULL ? error.message : "invalid schema";
	return schema;
}

/*
 * One error object of a response.
 */
static void
append_error(GqlBuf *buf, const char *message, const GqlLoc *locs, int nlocs,
			 const char *code)
{
	int			i;

	gql_buf_append_str(buf, "{\"message\":");
	append_json_string(buf, message);
	if (nlocs > 0)
	{
		gql_buf_append_str(buf, ",\"locations\":[");
		for (i = 0; i < nlocs; i++)
			gql_buf_printf(buf, "%s{\"line\":%u,\"column\":%u}", i > 0 ? "," : "",
						   (unsigned int) locs[i].line,
						   (unsigned int) locs[i].column);
		gql_buf_append_char(buf, ']');
	}
	gql_buf_printf(buf, ",\"extensions\":{\"code\":\"%s\"}}", code);
}

/*
 * The response for a document: parse, validate against the schema.
 */
static char *
resolve_response(GqlArena *arena, const GqlSchema *schema, const GqlBuf *source)
{
	GqlBuf		out;
	GqlError	error;
	GqlDocument *doc;
	GqlValidationError *e;
	GqlLoc		loc;

	gql_buf_init(&out, arena);
	memset(&error, 0, sizeof(error));
	doc = gql_parse(arena, source->data, source->len, NULL, &error);
	if (doc == NULL)
	{
		memset(&loc, 0, sizeof(loc));
		loc.line = error.line;
		loc.column = error.column;
		gql_buf_append_str(&out, "{\"errors\":[");
		append_error(&out, error.message, &loc, 1, "parse-failed");
		gql_buf_append_str(&out, "]}");
		return out.data;
	}
	e = gql_validate(arena, schema, doc, NULL, NULL);
	if (e == NULL)
		return "{\"data\":null}";
	gql_buf_append_str(&out, "{\"errors\":[");
	for (; e != NULL; e = e->next)
	{
		append_error(&out, e->message, e->locations, e->nlocations,
					 "validation-failed");
		if (e->next != NULL)
			gql_buf_append_char(&out, ',');
	}
	gql_buf_append_str(&out, "]}");
	return out.data;
}

/*
 * The --validate / GQL_VIA=resolve behaviour.
 */
static int
run_resolve(void)
{
	GqlArena   *arena = gql_arena_create(NULL);
	GqlBuf		source;
	GqlSchema  *schema;
	const char *message = NULL;
	GqlBuf		out;
	int			status = 0;

	gql_buf_init(&source, arena);
	read_stdin(&source);
	schema = load_schema(arena, &message);
	if (schema == NULL)
	{
		gql_buf_init(&out, arena);
		gql_buf_append_str(&out, "{\"errors\":[");
		append_error(&out, message, NULL, 0, "unexpected");
		gql_buf_append_str(&out, "]}");
		printf("%s\n", out.data);
		status = 1;
	}
	else
		printf("%s\n", resolve_response(arena, schema, &source));
	gql_arena_destroy(arena);
	return status;
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
	const char *via = getenv("GQL_VIA");

	if ((argc == 2 && strcmp(argv[1], "--validate") == 0) ||
		(via != NULL && strcmp(via, "resolve") == 0))
		return run_resolve();
	for (i = 1; i < argc; i++)
	{
		if (i > MAX_MODES || !mode_of(argv[i], &modes[i - 1]))
		{
			fprintf(stderr, "usage: %s [--verdict] [--json] [--json-loc] [--print] | --validate < document\n",
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
