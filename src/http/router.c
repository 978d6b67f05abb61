/*-------------------------------------------------------------------------
 *
 * router.c
 *	  The endpoints of the HTTP server, content negotiation and CORS.
 *
 *	  POST /v1/graphql, /graphql   {query, variables, operationName}; an
 *	                               array is a batch, answered with an array
 *	  GET  /v1/graphql, /graphql   ?query=&variables=&operationName= (no
 *	                               mutations: 405)
 *	  POST /v1/metadata            admin only (the metadata API)
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

/*
 * Answer with a GraphQL-style error:
 * {"errors": [{"message": M, "extensions": {"path": "$", "code": C}}]}
 */
void
http_error(HttpCall *call, int status, const char *code, const char *message)
{
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
			appendStringInfoChar(&call->body_out, ',');
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

/*
 * POST /v1/metadata: admin only.  The metadata API (issue 5) is not built
 * yet; when it is, metadata_answer calls it.
 */
static void
metadata_answer(HttpCall *call)
{
	api_error(call, 501, "not-supported",
			  "the metadata API is not available yet in this version of graphql");
}

static void
metadata_endpoint(HttpCall *call)
{
	MemoryContext cxt = CurrentMemoryContext;
	HttpIdentity id;

	StartTransactionCommand();
	PushActiveSnapshot(GetTransactionSnapshot());
	PG_TRY();
	{
		MemoryContextSwitchTo(cxt);
		if (http_authenticate(call, &id))
		{
			if (!id.admin || id.role != NULL)
				api_error(call, 403, "access-denied",
						  "restricted access: admin only");
			else
				metadata_answer(call);
		}
		else
		{
			/* the Hasura API error shape for authentication errors too */
			call->content_type = MEDIA_JSON;
		}
		MemoryContextSwitchTo(cxt);
		PopActiveSnapshot();
		CommitTransactionCommand();
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		AbortCurrentTransaction();
		MemoryContextSwitchTo(cxt);
		api_error(call, 500, "unexpected", "internal error");
	}
	PG_END_TRY();
	MemoryContextSwitchTo(cxt);
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
