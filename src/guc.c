/*-------------------------------------------------------------------------
 *
 * guc.c
 *	  Every setting of the extension, defined in one place.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "utils/guc.h"
#include "utils/varlena.h"

#include "compat.h"
#include "guc.h"
#include "language/language.h"

int			graphql_parser_max_depth = GQL_DEFAULT_MAX_DEPTH;
int			graphql_parser_max_tokens = GQL_DEFAULT_MAX_TOKENS;
char	   *graphql_schemas = NULL;
bool		graphql_stringify_numeric_types = false;

/*
 * graphql.schemas must be a list of identifiers, as search_path is
 * (unquoted names are folded to lower case).
 */
static bool
check_schemas(char **newval, void **extra, GucSource source)
{
	char	   *raw = pstrdup(*newval);
	List	   *names = NIL;
	bool		ok = SplitIdentifierString(raw, ',', &names);

	list_free(names);
	pfree(raw);
	if (!ok)
		GUC_check_errdetail("List syntax is invalid.");
	return ok;
}

/*
 * Define the graphql.* settings and reserve the prefix, so a misspelt
 * graphql.something is reported instead of silently kept.
 *
 * The parser limits are USERSET: they only protect the backend from
 * hostile documents, and a session may need to raise them for one large
 * document.  The upper bounds keep the recursive parser well inside
 * PostgreSQL's default stack (max_stack_depth = 2MB).
 */
void
graphql_define_gucs(void)
{
	DefineCustomIntVariable("graphql.parser_max_depth",
							"Maximum nesting depth of a GraphQL document.",
							"Counts nested selection sets, list and object values, and type wrappers.",
							&graphql_parser_max_depth,
							GQL_DEFAULT_MAX_DEPTH, 1, 1000,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	DefineCustomIntVariable("graphql.parser_max_tokens",
							"Maximum number of tokens in a GraphQL document.",
							NULL,
							&graphql_parser_max_tokens,
							GQL_DEFAULT_MAX_TOKENS, 1, 10000000,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	DefineCustomStringVariable("graphql.schemas",
							   "Schemas whose relations are exposed through GraphQL.",
							   "A comma-separated list of schema names, as search_path.",
							   &graphql_schemas,
							   "public",
							   PGC_USERSET, GUC_LIST_INPUT,
							   check_schemas, NULL, NULL);

	DefineCustomBoolVariable("graphql.stringify_numeric_types",
							 "Output bigint and numeric values as JSON strings.",
							 "As Hasura's --stringify-numeric-types: JSON numbers lose precision in many clients.",
							 &graphql_stringify_numeric_types,
							 false,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	graphql_reserve_guc_prefix("graphql");
}
