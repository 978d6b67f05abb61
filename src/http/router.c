/*-------------------------------------------------------------------------
 *
 * router.c
 *	  The endpoints of the HTTP server, content negotiation and CORS.
 *
 *	  POST /v1/graphql, /graphql   {query, variables, operationName}; an
 *	                               array is a batch, answered with an array
 *	  GET  /v1/graphql, /graphql   ?query=&variables=&operationName= (no
 *	                               mutations: 405)
 *	  POST /v1/metadata            admin only: graphql.metadata, Hasura's
 *	                               error bodies and status codes
 *	  GET  /healthz, /v1/version
 *
 * A GraphQL request runs in its own transaction: authentication (auth.c),
 * SET LOCAL ROLE, the session variables in graphql.session, READ ONLY for
 * read-only credentials, and statement_timeout from
 * graphql.http_statement_timeout around each operation, which
 * graphql.resolve answers.  Any error is caught here: the transaction is
 * aborted and the client gets a JSON error; the worker goes on.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "tcop/tcopprot.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/timeout.h"
#include "utils/varlena.h"

#include "executor/executor.h"
#include "executor/spi.h"
#include "graphql.h"
#include "guc.h"
#include "http/http_internal.h"
#include "http/request.h"

#define GRAPHQL_VERSION "0.1.0"

#define MEDIA_JSON "application/json; charset=utf-8"
#define MEDIA_GRAPHQL "application/graphql-response+json; charset=utf-8"

/* One operation of a request */
typedef struct GqlRequest
{
	const char *query;
	Jsonb	   *variables;		/* NULL: none */
	const char *operation_name; /* NULL: none */
} GqlRequest;

/* Whether the request being answered is an admin's (error details) */
static bool request_is_admin = false;

/* What a request asks for, parsed */
typedef struct ParsedRequest
{
	GqlRequest *ops;
	int			nops;
	bool		batch;
} ParsedRequest;

/* Answer with a Hasura API error: {"path": "$", "error": M, "code": C} */
static void
api_error(HttpCall *call, int status, const char *code, const char *message)
{
	resetStringInfo(&call->body_out);
	appendStringInfoString(&call->body_out, "{\"path\":\"$\",\"error\":");
	escape_json(&call->body_out, message);
	appendStringInfoString(&call->body_out, ",\"code\":");
	escape_json(&call->body_out, code);
	appendStringInfoChar(&call->body_out, '}');
	call->status = status;
	call->content_type = MEDIA_JSON;
}

/*
 * Answer with a GraphQL-style error:
 * {"errors": [{"message": M, "extensions": {"path": "$", "code": C}}]},
 * or with a Hasura API error on the API endpoints (call->api_errors).
 */
void
http_error(HttpCall *call, int status, const char *code, const char *message)
{
	if (call->api_errors)
	{
		api_error(call, status, code, message);
		return;
	}
	resetStringInfo(&call->body_out);
	appendStringInfoString(&call->body_out, "{\"errors\":[{\"message\":");
	escape_json(&call->body_out, message);
	appendStringInfoString(&call->body_out,
						   ",\"extensions\":{\"path\":\"$\",\"code\":");
	escape_json(&call->body_out, code);
	appendStringInfoString(&call->body_out, "}}]}");
	call->status = status;
	if (call->content_type == NULL)
		call->content_type = MEDIA_JSON;
}

/* Whether item is in the comma-separated list (case-insensitive) */
static bool
list_contains(const char *list, const char *item)
{
	char	   *raw = pstrdup(list);
	List	   *items = NIL;
	ListCell   *lc;
	bool		found = false;

	if (SplitGUCList(raw, ',', &items))
		foreach(lc, items)
			found |= pg_strcasecmp(lfirst(lc), item) == 0;
	list_free(items);
	pfree(raw);
	return found;
}

/*
 * CORS: an allowed Origin is echoed (or "*" when every origin is
 * allowed).  A preflight (OPTIONS) gets the methods and headers.
 */
static void
add_cors_headers(HttpCall *call)
{
	const char *origin = call->header(call->conn, "Origin");
	const char *req_headers;

	if (origin == NULL || graphql_http_cors_origins[0] == '\0')
		return;
	if (strcmp(graphql_http_cors_origins, "*") == 0)
		http_add_header(call, "Access-Control-Allow-Origin", "*");
	else if (list_contains(graphql_http_cors_origins, origin))
	{
		http_add_header(call, "Access-Control-Allow-Origin", pstrdup(origin));
		http_add_header(call, "Vary", "Origin");
	}
	else
		return;
	if (strcmp(call->method, "OPTIONS") != 0)
		return;
	http_add_header(call, "Access-Control-Allow-Methods", "GET, POST, OPTIONS");
	req_headers = call->header(call->conn, "Access-Control-Request-Headers");
	http_add_header(call, "Access-Control-Allow-Headers",
					req_headers ? pstrdup(req_headers) :
					"Content-Type, Authorization, X-Hasura-Admin-Secret, X-Hasura-Role");
	http_add_header(call, "Access-Control-Max-Age", "1728000");
}

/* The Content-Type of the answer for the request's Accept header */
static const char *
negotiate(const char *accept)
{
	switch (http_negotiate(accept))
	{
		case HTTP_MEDIA_GRAPHQL:
			return MEDIA_GRAPHQL;
		case HTTP_MEDIA_JSON:
			return MEDIA_JSON;
		case HTTP_MEDIA_NONE:
			break;
	}
	return NULL;
}

/*
 * JSON text from the client to jsonb, or NULL with *error set: the text
 * must be valid UTF-8 without NUL, and valid JSON (checked without
 * raising); jsonb_in may still refuse (\u0000), which the caller catches.
 */
static Jsonb *
parse_json(const char *text, size_t len, const char **error)
{
	JsonLexContext *lex;
	JsonParseErrorType rc;
	char	   *server;

	if (memchr(text, '\0', len) != NULL ||
		!pg_verify_mbstr(PG_UTF8, text, (int) len, true))
	{
		*error = "the request is not valid UTF-8";
		return NULL;
	}
	server = pg_any_to_server(text, (int) len, PG_UTF8);
	lex = makeJsonLexContextCstringLen(server, strlen(server),
									   GetDatabaseEncoding(), true);
	rc = pg_parse_json(lex, &nullSemAction);
	if (rc != JSON_SUCCESS)
	{
		*error = psprintf("invalid JSON: %s", json_errdetail(rc, lex));
		return NULL;
	}
	return DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(server)));
}

/* The parameters of one operation from a JSON object, or an error */
static const char *
request_from_object(JsonbContainer *obj, GqlRequest *op)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(obj, "query", 5, &v))
		return "the request has no query";
	if (v.type != jbvString)
		return "query must be a string";
	op->query = pnstrdup(v.val.string.val, v.val.string.len);
	if (getKeyJsonValueFromContainer(obj, "operationName", 13, &v) &&
		v.type != jbvNull)
	{
		if (v.type != jbvString)
			return "operationName must be a string or null";
		op->operation_name = pnstrdup(v.val.string.val, v.val.string.len);
	}
	if (getKeyJsonValueFromContainer(obj, "variables", 9, &v) &&
		v.type != jbvNull)
	{
		if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
			return "variables must be an object or null";
		op->variables = JsonbValueToJsonb(&v);
	}
	if (getKeyJsonValueFromContainer(obj, "extensions", 10, &v) &&
		v.type != jbvNull &&
		(v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data)))
		return "extensions must be an object or null";
	return NULL;
}

/* A POST body: one request object, or an array of them (a batch) */
static const char *
parse_post(HttpCall *call, ParsedRequest *req)
{
	const char *error = NULL;
	Jsonb	   *jb;
	int			i;

	if (!http_is_json_content_type(call->header(call->conn, "Content-Type")))
		return "unsupported content type: send application/json";
	if (call->body == NULL || call->body_len == 0)
		return "the request body is empty";
	jb = parse_json(call->body, call->body_len, &error);
	if (jb == NULL)
		return error;
	if (JB_ROOT_IS_OBJECT(jb))
	{
		req->nops = 1;
		req->ops = palloc0(sizeof(GqlRequest));
		return request_from_object(&jb->root, &req->ops[0]);
	}
	if (!JB_ROOT_IS_ARRAY(jb) || JB_ROOT_IS_SCALAR(jb))
		return "the request must be a JSON object or an array of objects";
	req->batch = true;
	req->nops = JB_ROOT_COUNT(jb);
	if (req->nops == 0)
		return "the batch is empty";
	req->ops = palloc0(sizeof(GqlRequest) * req->nops);
	for (i = 0; i < req->nops && error == NULL; i++)
	{
		JsonbValue *item = getIthJsonbValueFromContainer(&jb->root, i);

		if (item->type != jbvBinary || !JsonContainerIsObject(item->val.binary.data))
			return "every request of a batch must be a JSON object";
		error = request_from_object(item->val.binary.data, &req->ops[i]);
	}
	return error;
}

/* A GET: the parameters from the query string */
static const char *
parse_get(HttpCall *call, ParsedRequest *req)
{
	const char *query = call->query_arg(call->conn, "query");
	const char *vars = call->query_arg(call->conn, "variables");
	const char *ext = call->query_arg(call->conn, "extensions");
	const char *error = NULL;
	GqlRequest *op;

	if (query == NULL)
		return "the request has no query parameter";
	req->nops = 1;
	req->ops = op = palloc0(sizeof(GqlRequest));
	if (!pg_verify_mbstr(PG_UTF8, query, strlen(query), true))
		return "the request is not valid UTF-8";
	op->query = pg_any_to_server(query, strlen(query), PG_UTF8);
	op->operation_name = call->query_arg(call->conn, "operationName");
	if (op->operation_name && op->operation_name[0] == '\0')
		op->operation_name = NULL;
	if (vars && vars[0] && strcmp(vars, "null") != 0)
	{
		op->variables = parse_json(vars, strlen(vars), &error);
		if (op->variables == NULL)
			return error;
		if (!JB_ROOT_IS_OBJECT(op->variables))
			return "variables must be an object or null";
	}
	if (ext && ext[0] && strcmp(ext, "null") != 0)
	{
		Jsonb	   *e = parse_json(ext, strlen(ext), &error);

		if (e == NULL)
			return error;
		if (!JB_ROOT_IS_OBJECT(e))
			return "extensions must be an object or null";
	}
	return NULL;
}

/*
 * The operation a request will run, parsed here for its name and type;
 * NULL when the document does not parse or has no such operation
 * (graphql.resolve then answers with the error).
 */
static const GqlOperationDefinition *
find_operation(const GqlRequest *op)
{
	GqlArena   *arena = graphql_arena_create(CurrentMemoryContext);
	GqlError	error;
	GqlDocument *doc;
	const char *message;

	doc = graphql_parse_document(arena, op->query, strlen(op->query), &error);
	if (doc == NULL)
		return NULL;
	return gql_get_operation(doc, op->operation_name, &message);
}

/* SET LOCAL role, graphql.session and transaction_read_only */
static void
apply_identity(const HttpIdentity *id)
{
	if (id->role)
		(void) set_config_option("role", id->role, PGC_SUSET, PGC_S_SESSION,
								 GUC_ACTION_LOCAL, true, 0, false);
	(void) set_config_option("graphql.session", id->session, PGC_SUSET,
							 PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0, false);
	if (id->read_only)
		(void) set_config_option("transaction_read_only", "on", PGC_USERSET,
								 PGC_S_SESSION, GUC_ACTION_LOCAL, true, 0,
								 false);
}

/*
 * Run one operation through graphql.resolve, under the statement timeout,
 * with its name in pg_stat_activity; the response is appended to out.
 * Returns whether the response has a "data" entry.
 */
static bool
run_operation(const GqlRequest *op, const GqlOperationDefinition *def,
			  StringInfo out)
{
	LOCAL_FCINFO(fcinfo, 4);
	const char *name = op->operation_name;
	text	   *result;
	char	   *activity;
	const char *p;

	if (name == NULL && def != NULL && def->name != NULL)
		name = def->name->value;
	activity = psprintf("graphql %s %s",
						def && def->operation == GQL_OP_MUTATION ? "mutation" : "query",
						name ? name : "(anonymous)");
	pgstat_report_activity(STATE_RUNNING, activity);
	debug_query_string = activity;
	InitFunctionCallInfoData(*fcinfo, NULL, 4, InvalidOid, NULL, NULL);
	fcinfo->args[0].value = PointerGetDatum(cstring_to_text(op->query));
	fcinfo->args[0].isnull = false;
	fcinfo->args[1].value = PointerGetDatum(op->variables);
	fcinfo->args[1].isnull = op->variables == NULL;
	fcinfo->args[2].value = op->operation_name ?
		PointerGetDatum(cstring_to_text(op->operation_name)) : (Datum) 0;
	fcinfo->args[2].isnull = op->operation_name == NULL;
	fcinfo->args[3].value = (Datum) 0;
	fcinfo->args[3].isnull = true;
	if (graphql_http_statement_timeout > 0)
		enable_timeout_after(STATEMENT_TIMEOUT, graphql_http_statement_timeout);
	result = DatumGetTextPP(graphql_resolve(fcinfo));
	disable_timeout(STATEMENT_TIMEOUT, false);
	debug_query_string = NULL;
	appendBinaryStringInfo(out, VARDATA_ANY(result), VARSIZE_ANY_EXHDR(result));
	p = VARDATA_ANY(result);
	while (*p == ' ' || *p == '{')
		p++;
	return strncmp(p, "\"data\"", 6) == 0;
}

/*
 * Inside the request's transaction: check the operations (a mutation over
 * GET is refused), authenticate, and run them.
 */
static void
graphql_in_transaction(HttpCall *call, ParsedRequest *req, bool is_get,
					   const char *media)
{
	HttpIdentity id;
	const GqlOperationDefinition **defs;
	bool		all_data = true;
	int			i;

	defs = palloc0(sizeof(*defs) * req->nops);
	for (i = 0; i < req->nops; i++)
	{
		defs[i] = find_operation(&req->ops[i]);
		if (is_get && defs[i] && defs[i]->operation != GQL_OP_QUERY)
		{
			http_add_header(call, "Allow", "POST");
			http_error(call, 405, "validation-failed",
					   "only queries can be sent with GET; use POST for mutations");
			return;
		}
	}
	if (!OidIsValid(get_extension_oid("graphql", true)))
	{
		http_error(call, 503, "unexpected",
				   "the graphql extension is not installed in the database of the HTTP server");
		return;
	}
	if (!http_authenticate(call, &id))
		return;
	request_is_admin = id.admin;
	apply_identity(&id);
	resetStringInfo(&call->body_out);
	if (req->batch)
		appendStringInfoChar(&call->body_out, '[');
	for (i = 0; i < req->nops; i++)
	{
		if (i > 0)
		{
			/* a batch's later operations see what the earlier ones wrote */
			PopActiveSnapshot();
			CommandCounterIncrement();
			PushActiveSnapshot(GetTransactionSnapshot());
			appendStringInfoChar(&call->body_out, ',');
		}
		all_data &= run_operation(&req->ops[i], defs[i], &call->body_out);
	}
	if (req->batch)
		appendStringInfoChar(&call->body_out, ']');
	call->content_type = media;
	call->status = 200;
	/* GraphQL over HTTP: no data (a request error) is a 400 */
	if (!req->batch && !all_data && strcmp(media, MEDIA_GRAPHQL) == 0)
		call->status = 400;
}

/*
 * POST or GET on the GraphQL endpoint.  Errors raised anywhere on the way
 * are caught: the transaction is aborted, the client gets a 500 (with the
 * message for admins), and the worker goes on.
 */
static void
graphql_endpoint(HttpCall *call)
{
	MemoryContext cxt = CurrentMemoryContext;
	bool		is_get = strcmp(call->method, "GET") == 0 ||
		strcmp(call->method, "HEAD") == 0;
	const char *media = negotiate(call->header(call->conn, "Accept"));
	volatile bool parsing = true;
	ParsedRequest req;
	const char *error;

	if (media == NULL)
	{
		http_error(call, 406, "invalid-request",
				   "acceptable media types: application/graphql-response+json, application/json");
		return;
	}
	call->content_type = media;
	request_is_admin = false;
	memset(&req, 0, sizeof(req));
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	PG_TRY();
	{
		MemoryContextSwitchTo(cxt);
		error = is_get ? parse_get(call, &req) : parse_post(call, &req);
		parsing = false;
		if (error != NULL)
			http_error(call, http_is_json_content_type(call->header(call->conn, "Content-Type")) || is_get ? 400 : 415,
					   "invalid-request", error);
		else
			graphql_in_transaction(call, &req, is_get, media);
		MemoryContextSwitchTo(cxt);
		PopActiveSnapshot();
		CommitTransactionCommand();
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		debug_query_string = NULL;
		disable_timeout(STATEMENT_TIMEOUT, false);
		if (!parsing)
			ereport(LOG,
					(errcode(edata->sqlerrcode),
					 errmsg("graphql http request failed: %s", edata->message)));
		AbortCurrentTransaction();
		MemoryContextSwitchTo(cxt);
		if (parsing)
			http_error(call, 400, "invalid-request",
					   psprintf("invalid JSON: %s", edata->message));
		else
			http_error(call, 500, "unexpected",
					   request_is_admin ? edata->message : "internal error");
		FreeErrorData(edata);
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	pgstat_report_activity(STATE_IDLE, NULL);
}

/* ------------------------------------------------------------ /v1/metadata */

/* The SQLSTATE of every error of graphql.metadata (src/metadata/api.sql) */
#define ERRCODE_GRAPHQL_METADATA MAKE_SQLSTATE('G', 'Q', '1', '0', '0')

/* Finds the top-level "code" string of a JSON object, without raising */
typedef struct CodeScan
{
	int			depth;
	bool		object;			/* the top level is an object */
	bool		in_code;		/* the value of the top-level "code" is next */
	char	   *code;
} CodeScan;

static void
code_scan_open(void *state)
{
	CodeScan   *s = state;

	s->in_code = false;
	s->depth++;
}

static void
code_scan_object_start(void *state)
{
	CodeScan   *s = state;

	if (s->depth == 0)
		s->object = true;
	code_scan_open(state);
}

static void
code_scan_close(void *state)
{
	((CodeScan *) state)->depth--;
}

static void
code_scan_field(void *state, char *fname, bool isnull)
{
	CodeScan   *s = state;

	s->in_code = s->depth == 1 && strcmp(fname, "code") == 0;
}

static void
code_scan_scalar(void *state, char *token, JsonTokenType type)
{
	CodeScan   *s = state;

	if (s->in_code && type == JSON_TOKEN_STRING && s->code == NULL)
		s->code = token;
	s->in_code = false;
}

/*
 * The "code" of a Hasura error body (the DETAIL of a GQ100 error), or
 * NULL when the text is not a JSON object with a string "code".
 */
static const char *
error_body_code(const char *body)
{
	JsonLexContext *lex = makeJsonLexContextCstringLen((char *) body, strlen(body),
													   GetDatabaseEncoding(), true);
	JsonSemAction sem;
	CodeScan	scan;

	memset(&sem, 0, sizeof(sem));
	memset(&scan, 0, sizeof(scan));
	sem.semstate = &scan;
	sem.object_start = code_scan_object_start;
	sem.object_end = code_scan_close;
	sem.array_start = code_scan_open;
	sem.array_end = code_scan_close;
	sem.object_field_start = code_scan_field;
	sem.scalar = code_scan_scalar;
	if (pg_parse_json(lex, &sem) != JSON_SUCCESS || !scan.object)
		return NULL;
	return scan.code;
}

/*
 * The HTTP status of a metadata API error, by its code, as Hasura answers
 * them: conflict (resource_version) 409, unexpected (an internal error)
 * 500, everything else (bad arguments, missing objects...) 400.
 * access-denied from graphql.metadata itself means that the credentials
 * were admin's but the workers' login role is not a metadata admin in the
 * database (superuser or member of graphql.admin_role): 403.
 */
static int
metadata_status(const char *code)
{
	if (strcmp(code, "conflict") == 0)
		return 409;
	if (strcmp(code, "access-denied") == 0)
		return 403;
	if (strcmp(code, "unexpected") == 0)
		return 500;
	return 400;
}

/* SELECT graphql.metadata($1): its jsonb answer becomes the body */
static void
metadata_call(HttpCall *call, Jsonb *request)
{
	MemoryContext cxt = CurrentMemoryContext;
	MemoryContext old;
	Oid			argtypes[1] = {JSONBOID};
	Datum		values[1];
	Datum		answer;
	bool		isnull;

	values[0] = JsonbPGetDatum(request);
	SPI_connect();
	if (SPI_execute_with_args("SELECT graphql.metadata($1)", 1, argtypes, values,
							  NULL, false, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "graphql http: SELECT graphql.metadata($1) returned no row");
	answer = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	old = MemoryContextSwitchTo(cxt);
	resetStringInfo(&call->body_out);
	if (isnull)
		appendStringInfoString(&call->body_out, "null");
	else
	{
		Jsonb	   *jb = DatumGetJsonbP(answer);

		(void) JsonbToCString(&call->body_out, &jb->root, VARSIZE(jb));
	}
	MemoryContextSwitchTo(old);
	SPI_finish();
}

/*
 * Inside the request's transaction: authenticate (admin only, as Hasura:
 * a request with a role is 400 access-denied), parse the body and run it
 * through graphql.metadata under the statement timeout, the request's
 * type visible in pg_stat_activity.  *admin and *parsing tell the caller's
 * error handler where an error came from.
 */
static void
metadata_in_transaction(HttpCall *call, volatile bool *admin, volatile bool *parsing)
{
	HttpIdentity id;
	Jsonb	   *request;
	const char *error = NULL;
	const char *type = "(no type)";
	char	   *activity;
	JsonbValue	v;

	if (!OidIsValid(get_extension_oid("graphql", true)))
	{
		api_error(call, 503, "unexpected",
				  "the graphql extension is not installed in the database of the HTTP server");
		return;
	}
	if (!http_authenticate(call, &id))
		return;
	if (!id.admin || id.role != NULL)
	{
		api_error(call, 400, "access-denied",
				  "You have to be an admin to access this endpoint");
		return;
	}
	*admin = true;
	if (!http_is_json_content_type(call->header(call->conn, "Content-Type")))
	{
		api_error(call, 415, "invalid-headers",
				  "unsupported content type: send application/json");
		return;
	}
	if (call->body == NULL || call->body_len == 0)
	{
		api_error(call, 400, "invalid-json", "the request body is empty");
		return;
	}
	*parsing = true;
	request = parse_json(call->body, call->body_len, &error);
	*parsing = false;
	if (request == NULL)
	{
		api_error(call, 400, "invalid-json", error);
		return;
	}
	if (JB_ROOT_IS_OBJECT(request) &&
		getKeyJsonValueFromContainer(&request->root, "type", 4, &v) &&
		v.type == jbvString)
		type = pnstrdup(v.val.string.val, Min(v.val.string.len, 64));
	apply_identity(&id);
	activity = psprintf("graphql metadata %s", type);
	pgstat_report_activity(STATE_RUNNING, activity);
	debug_query_string = activity;
	if (graphql_http_statement_timeout > 0)
		enable_timeout_after(STATEMENT_TIMEOUT, graphql_http_statement_timeout);
	metadata_call(call, request);
	disable_timeout(STATEMENT_TIMEOUT, false);
	debug_query_string = NULL;
	call->status = 200;
	call->content_type = MEDIA_JSON;
}

/*
 * POST /v1/metadata: the metadata API (graphql.metadata) in the request's
 * own transaction, committed when it succeeds.  Errors are caught: the
 * transaction is aborted and the client gets Hasura's error body.  A
 * metadata API error (SQLSTATE GQ100) carries that body in its DETAIL,
 * answered verbatim with the status of its code; any other error is 500
 * unexpected (its message for admins only); a body that jsonb refuses is
 * 400 invalid-json.
 */
static void
metadata_endpoint(HttpCall *call)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile bool admin = false;
	volatile bool parsing = false;

	/* authentication errors in the Hasura API shape too */
	call->api_errors = true;
	call->content_type = MEDIA_JSON;
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	PG_TRY();
	{
		MemoryContextSwitchTo(cxt);
		metadata_in_transaction(call, &admin, &parsing);
		MemoryContextSwitchTo(cxt);
		PopActiveSnapshot();
		CommitTransactionCommand();
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		const char *code = NULL;

		MemoryContextSwitchTo(cxt);
		edata = CopyErrorData();
		FlushErrorState();
		debug_query_string = NULL;
		disable_timeout(STATEMENT_TIMEOUT, false);
		AbortCurrentTransaction();
		MemoryContextSwitchTo(cxt);
		if (edata->sqlerrcode == ERRCODE_GRAPHQL_METADATA && edata->detail != NULL)
			code = error_body_code(edata->detail);
		if (parsing)
			api_error(call, 400, "invalid-json",
					  psprintf("invalid JSON: %s", edata->message));
		else if (code != NULL)
		{
			resetStringInfo(&call->body_out);
			appendStringInfoString(&call->body_out, edata->detail);
			call->status = metadata_status(code);
			call->content_type = MEDIA_JSON;
		}
		else
		{
			ereport(LOG,
					(errcode(edata->sqlerrcode),
					 errmsg("graphql http metadata request failed: %s", edata->message)));
			api_error(call, 500, "unexpected", admin ? edata->message : "internal error");
		}
		FreeErrorData(edata);
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
	pgstat_report_activity(STATE_IDLE, NULL);
}

/*
 * The router: CORS, then the endpoint by path and method (request.c).
 * Unknown paths are 404, known paths with another method 405.
 */
void
http_route(HttpCall *call)
{
	HttpRoute	route = http_route_of(call->method, call->path);

	add_cors_headers(call);
	call->content_type = MEDIA_JSON;
	if ((route.endpoint == HTTP_EP_GRAPHQL && !list_contains(graphql_enabled_apis, "graphql")) ||
		(route.endpoint == HTTP_EP_METADATA && !list_contains(graphql_enabled_apis, "metadata")))
	{
		api_error(call, 404, "not-found", "this API is disabled (graphql.enabled_apis)");
		return;
	}
	if (route.endpoint == HTTP_EP_NOT_FOUND)
		api_error(call, 404, "not-found", "resource does not exist");
	else if (route.action == HTTP_ACT_BAD_METHOD)
	{
		http_add_header(call, "Allow", route.allow);
		api_error(call, 405, "method-not-allowed",
				  psprintf("allowed methods: %s", route.allow));
	}
	else if (route.action == HTTP_ACT_PREFLIGHT)
		call->status = 204;
	else if (route.endpoint == HTTP_EP_GRAPHQL)
		graphql_endpoint(call);
	else if (route.endpoint == HTTP_EP_METADATA)
		metadata_endpoint(call);
	else if (route.endpoint == HTTP_EP_HEALTHZ)
	{
		call->content_type = "text/plain; charset=utf-8";
		appendStringInfoString(&call->body_out, "OK");
	}
	else
		appendStringInfoString(&call->body_out,
							   "{\"version\":\"" GRAPHQL_VERSION "\",\"server_type\":\"graphql-postgres\"}");
}
