/*-------------------------------------------------------------------------
 *
 * guc.c
 *	  Every setting of the extension, defined in one place.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "miscadmin.h"

#include <limits.h>

#include "utils/guc.h"
#include "utils/varlena.h"

#include "compat.h"
#include "guc.h"
#include "language/language.h"

int			graphql_parser_max_depth = GQL_DEFAULT_MAX_DEPTH;
int			graphql_parser_max_tokens = GQL_DEFAULT_MAX_TOKENS;
char	   *graphql_schemas = NULL;
bool		graphql_stringify_numeric_types = false;
bool		graphql_infer_function_permissions = true;
bool		graphql_hasura_compat = false;

int			graphql_max_depth = 0;
int			graphql_max_complexity = 0;
int			graphql_max_rows = 0;

/* The HTTP server (src/http/) */
char	   *graphql_http_listen_addresses = NULL;
int			graphql_http_port = 8080;
int			graphql_http_workers = 2;
char	   *graphql_http_database = NULL;
char	   *graphql_http_role = NULL;
int			graphql_http_max_body_size = 1024 * 1024;
int			graphql_http_statement_timeout = 3000;
int			graphql_http_connection_timeout = 30;
int			graphql_http_max_connections = 256;
char	   *graphql_http_admin_secret = NULL;
char	   *graphql_http_jwt_secret = NULL;
char	   *graphql_http_anonymous_role = NULL;
bool		graphql_http_trust_headers = false;
char	   *graphql_http_cors_origins = NULL;
char	   *graphql_enabled_apis = NULL;
char	   *graphql_session = NULL;
char	   *graphql_admin_role = NULL;

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
 * A comma-separated list (graphql.http_listen_addresses,
 * graphql.http_cors_origins, graphql.enabled_apis) must split.
 */
static bool
check_list(char **newval, void **extra, GucSource source)
{
	char	   *raw = pstrdup(*newval);
	List	   *items = NIL;
	bool		ok = SplitGUCList(raw, ',', &items);

	list_free(items);
	pfree(raw);
	if (!ok)
		GUC_check_errdetail("List syntax is invalid.");
	return ok;
}

/* graphql.enabled_apis names only known APIs */
static bool
check_enabled_apis(char **newval, void **extra, GucSource source)
{
	char	   *raw = pstrdup(*newval);
	List	   *items = NIL;
	ListCell   *lc;
	bool		ok = SplitGUCList(raw, ',', &items);

	if (!ok)
		GUC_check_errdetail("List syntax is invalid.");
	foreach(lc, items)
	{
		const char *api = lfirst(lc);

		if (ok && strcmp(api, "graphql") != 0 && strcmp(api, "metadata") != 0)
		{
			GUC_check_errdetail("Unknown API \"%s\": the APIs are graphql and metadata.", api);
			ok = false;
		}
	}
	list_free(items);
	pfree(raw);
	return ok;
}

/*
 * The settings of the HTTP server.  Where it listens, how many workers and
 * as whom they connect are fixed at server start (PGC_POSTMASTER); what a
 * request may do is re-read on SIGHUP.  The secrets are visible to
 * superusers only.  graphql.session is PGC_USERSET: the workers set it for
 * each request, and an SQL script acting as a role sets it after SET ROLE
 * (doc/permissions.md: whoever runs SQL as a role chooses its session
 * variables, as with PostgREST's request.jwt.claims).
 */
static void
define_http_gucs(void)
{
	/*
	 * PostgreSQL defines PGC_POSTMASTER settings only while preloading
	 * (FATAL otherwise).  A backend that loads the library on CREATE
	 * EXTENSION or first use, in a server without it in
	 * shared_preload_libraries, runs no HTTP worker: there these settings
	 * only show their values, so PGC_SIGHUP does.
	 */
	GucContext	server_start = process_shared_preload_libraries_in_progress
		? PGC_POSTMASTER : PGC_SIGHUP;

	DefineCustomStringVariable("graphql.http_listen_addresses",
							   "Addresses the HTTP server listens on.",
							   "A comma-separated list of host names or IP addresses; * for all.",
							   &graphql_http_listen_addresses, "127.0.0.1",
							   server_start, GUC_LIST_INPUT,
							   check_list, NULL, NULL);
	DefineCustomIntVariable("graphql.http_port",
							"TCP port of the HTTP server; 0 disables it.",
							NULL,
							&graphql_http_port, 8080, 0, 65535,
							server_start, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("graphql.http_workers",
							"Number of HTTP background workers (they share the port).",
							NULL,
							&graphql_http_workers, 2, 1, 64,
							server_start, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_database",
							   "Database the HTTP workers connect to.",
							   NULL,
							   &graphql_http_database, "postgres",
							   server_start, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_role",
							   "Login role of the HTTP workers; empty: the bootstrap superuser.",
							   "Every request switches to its own role, of which this one must be a member.",
							   &graphql_http_role, "",
							   server_start, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("graphql.http_max_connections",
							"Maximum number of open HTTP connections per worker.",
							NULL,
							&graphql_http_max_connections, 256, 1, 100000,
							server_start, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("graphql.http_max_body_size",
							"Maximum size of an HTTP request body.",
							NULL,
							&graphql_http_max_body_size, 1024 * 1024, 1024, INT_MAX,
							PGC_SIGHUP, GUC_UNIT_BYTE, NULL, NULL, NULL);
	DefineCustomIntVariable("graphql.http_statement_timeout",
							"statement_timeout of the operations of HTTP requests; 0: none.",
							NULL,
							&graphql_http_statement_timeout, 3000, 0, INT_MAX,
							PGC_SIGHUP, GUC_UNIT_MS, NULL, NULL, NULL);
	DefineCustomIntVariable("graphql.http_connection_timeout",
							"Seconds an idle or slow HTTP connection is kept.",
							NULL,
							&graphql_http_connection_timeout, 30, 1, 3600,
							server_start, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_admin_secret",
							   "Admin secret of the HTTP server (header X-Hasura-Admin-Secret); empty: none.",
							   NULL,
							   &graphql_http_admin_secret, "",
							   PGC_SIGHUP, GUC_SUPERUSER_ONLY | GUC_NO_SHOW_ALL,
							   NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_jwt_secret",
							   "JWT configuration, as Hasura's HASURA_GRAPHQL_JWT_SECRET (JSON); empty: no JWT.",
							   NULL,
							   &graphql_http_jwt_secret, "",
							   PGC_SIGHUP, GUC_SUPERUSER_ONLY | GUC_NO_SHOW_ALL,
							   NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_anonymous_role",
							   "Role of HTTP requests that present no credentials; empty: they get 401.",
							   NULL,
							   &graphql_http_anonymous_role, "",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("graphql.http_trust_headers",
							 "Take X-Hasura-Role and X-Hasura-* request headers as given (development only).",
							 "Refused unless the server listens on loopback addresses only.",
							 &graphql_http_trust_headers, false,
							 PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.http_cors_origins",
							   "Origins allowed by CORS: a comma-separated list, * for any, empty for none.",
							   NULL,
							   &graphql_http_cors_origins, "*",
							   PGC_SIGHUP, GUC_LIST_INPUT, check_list, NULL, NULL);
	DefineCustomStringVariable("graphql.enabled_apis",
							   "APIs the HTTP server answers: graphql, metadata.",
							   NULL,
							   &graphql_enabled_apis, "graphql,metadata",
							   PGC_SIGHUP, GUC_LIST_INPUT, check_enabled_apis, NULL, NULL);
	DefineCustomStringVariable("graphql.admin_role",
							   "Members of this role are administrators: the metadata API, every table and field.",
							   "Empty: superusers only.",
							   &graphql_admin_role, "",
							   PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("graphql.session",
							   "Session variables of the current HTTP request (JSON object, lower-case keys).",
							   "Set transaction-locally by the HTTP workers.",
							   &graphql_session, "",
							   PGC_USERSET, GUC_NOT_IN_SAMPLE, NULL, NULL, NULL);
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

	DefineCustomBoolVariable("graphql.infer_function_permissions",
							 "Roles may call tracked functions without a function permission.",
							 "As Hasura's HASURA_GRAPHQL_INFER_FUNCTION_PERMISSIONS: on, a role may call a tracked function it may execute whose result it may select; off, it also needs a function permission (pg_create_function_permission).",
							 &graphql_infer_function_permissions,
							 true,
							 PGC_SUSET, 0,
							 NULL, NULL, NULL);

	DefineCustomBoolVariable("graphql.hasura_compat",
							 "Accept what Hasura v2 accepts where the GraphQL specification or this extension does not.",
							 "Unused variables are allowed; strings holding a number or a boolean are accepted for Int, Float and Boolean; composite types are JSON scalars instead of object types (doc/settings.md).",
							 &graphql_hasura_compat,
							 false,
							 PGC_USERSET, 0,
							 NULL, NULL, NULL);

	DefineCustomIntVariable("graphql.max_depth",
							"Maximum nesting depth of the fields of an operation; 0: no limit.",
							"Checked before the operation runs, for graphql.resolve and over HTTP.",
							&graphql_max_depth,
							0, 0, 100000,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	DefineCustomIntVariable("graphql.max_complexity",
							"Maximum complexity of an operation; 0: no limit.",
							"Every field costs 1; a list field multiplies the cost of its subtree by its limit argument, or without one by graphql.max_rows (100 when that is 0).",
							&graphql_max_complexity,
							0, 0, INT_MAX,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	DefineCustomIntVariable("graphql.max_rows",
							"Maximum number of rows of a list field; 0: no limit.",
							"A list without limit, or with a larger one, returns at most this many rows (aggregates count every row).",
							&graphql_max_rows,
							0, 0, INT_MAX,
							PGC_USERSET, 0,
							NULL, NULL, NULL);

	define_http_gucs();
	graphql_reserve_guc_prefix("graphql");
}
