/*-------------------------------------------------------------------------
 *
 * graphql.c
 *	  Module entry (_PG_init) and the SQL-callable functions.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "compat.h"
#include "graphql.h"
#include "guc.h"
#include "http/http.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(graphql_parse);

/*
 * Module load: define the settings, and, when loaded through
 * shared_preload_libraries, register the HTTP workers (src/http/).
 */
void
_PG_init(void)
{
	graphql_define_gucs();
	graphql_http_register_workers();
}

/*
 * Block allocator of arenas living in a memory context.  palloc raises an
 * ERROR on out-of-memory, which satisfies the language core's contract
 * that block_alloc never returns NULL.
 */
static void *
arena_block_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size);
}

GqlArena *
graphql_arena_create(MemoryContext cxt)
{
	GqlAllocator allocator;

	allocator.block_alloc = arena_block_alloc;
	allocator.block_free = NULL;	/* released with the context */
	allocator.ctx = cxt;
	return gql_arena_create(&allocator);
}

/*
 * Parse a document given in server encoding.  The language core reads
 * UTF-8, so other server encodings are converted first (a no-op for UTF-8
 * databases).
 */
GqlDocument *
graphql_parse_document(GqlArena *arena, const char *doc, int len,
					   GqlError *error)
{
	GqlParseOptions opts;
	char	   *utf8;

	utf8 = pg_server_to_any(doc, len, PG_UTF8);
	if (utf8 != doc)
		len = strlen(utf8);
	opts.max_depth = graphql_parser_max_depth;
	opts.max_tokens = graphql_parser_max_tokens;
	return gql_parse(arena, utf8, (size_t) len, &opts, error);
}

/*
 * The syntax error object of graphql.parse():
 * {"errors": [{"message": ..., "locations": [{"line": L, "column": C}]}]}
 */
static char *
syntax_error_json(const GqlError *error)
{
	StringInfoData buf;
	char	   *message;

	message = pg_any_to_server(error->message, strlen(error->message), PG_UTF8);
	initStringInfo(&buf);
	appendStringInfoString(&buf, "{\"errors\": [{\"message\": ");
	escape_json(&buf, message);
	appendStringInfo(&buf, ", \"locations\": [{\"line\": %u, \"column\": %u}]}]}",
					 error->line, error->column);
	return buf.data;
}

/*
 * graphql.parse(document text) RETURNS jsonb
 *
 * The document's AST in graphql-js's JSON shape with a "loc" (line, column)
 * on every node, or the syntax error object.  A syntax error is an answer,
 * not an SQL error, so tools can inspect it.
 */
Datum
graphql_parse(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	MemoryContext cxt;
	MemoryContext oldcxt;
	GqlArena   *arena;
	GqlDocument *ast;
	GqlError	error;
	char	   *json;
	Datum		result;

	cxt = AllocSetContextCreate(CurrentMemoryContext, "graphql parse",
								ALLOCSET_DEFAULT_SIZES);
	oldcxt = MemoryContextSwitchTo(cxt);
	arena = graphql_arena_create(cxt);
	ast = graphql_parse_document(arena, VARDATA_ANY(doc),
								 VARSIZE_ANY_EXHDR(doc), &error);
	if (ast != NULL)
	{
		json = gql_ast_to_json(arena, &ast->hdr,
							   GQL_JSON_LOCATIONS | GQL_JSON_NO_NUL, NULL);
		json = pg_any_to_server(json, strlen(json), PG_UTF8);
	}
	else
		json = syntax_error_json(&error);
	MemoryContextSwitchTo(oldcxt);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(json));
	MemoryContextDelete(cxt);
	PG_RETURN_DATUM(result);
}
