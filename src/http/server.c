/*-------------------------------------------------------------------------
 *
 * server.c
 *	  libmicrohttpd glue: daemons, receiving requests, sending responses.
 *
 * libmicrohttpd calls the access handler several times per request: once
 * when the headers are in, once per chunk of body, and once more when the
 * request is complete; only then is the request answered (router.c).
 * Its callbacks are C frames of a foreign library, so no PostgreSQL error
 * may unwind through them: the body is kept in malloc'd memory, and
 * answering runs under PG_TRY.  Each answer has its own memory context,
 * deleted before the callback returns; libmicrohttpd copies the response.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <microhttpd.h>

#include "access/xact.h"
#include "utils/memutils.h"

#include "guc.h"
#include "http/http_internal.h"
#include "http/request.h"
#include "http/server.h"

/* Bytes of connection memory: bounds the request line and headers */
#define CONNECTION_MEMORY (64 * 1024)

struct HttpServer
{
	struct MHD_Daemon *daemon;
	int			fd;
};

/* A request being received */
typedef struct Pending
{
	char	   *body;			/* malloc'd */
	size_t		len;
	size_t		cap;
	size_t		discarded;		/* bytes dropped past the size limit */
	bool		too_large;
} Pending;

/* libmicrohttpd's messages go to the server log */
static void
log_message(void *cls, const char *fmt, va_list ap)
{
	char		buf[512];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	buf[strcspn(buf, "\n")] = '\0';
	ereport(DEBUG1, (errmsg_internal("graphql http: %s", buf)));
}

static const char *
lookup_header(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
}

static const char *
lookup_query_arg(void *conn, const char *name)
{
	return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct VisitState
{
	HttpHeaderVisitor visitor;
	void	   *arg;
} VisitState;

static enum MHD_Result
visit_header(void *cls, enum MHD_ValueKind kind, const char *key,
			 const char *value)
{
	VisitState *st = cls;

	return st->visitor(st->arg, key, value ? value : "") ? MHD_YES : MHD_NO;
}

static void
each_header(void *conn, HttpHeaderVisitor visitor, void *arg)
{
	VisitState	st = {visitor, arg};

	MHD_get_connection_values(conn, MHD_HEADER_KIND, visit_header, &st);
}

void
http_add_header(HttpCall *call, const char *name, const char *value)
{
	if (call->n_headers < HTTP_MAX_HEADERS)
	{
		call->header_names[call->n_headers] = name;
		call->header_values[call->n_headers] = value;
		call->n_headers++;
	}
}

/*
 * Route the call; an error that escapes the router (it catches its own)
 * becomes a 500 answer, after the transaction, if any, is aborted.
 */
static void
route_safely(HttpCall *call, MemoryContext cxt)
{
	PG_TRY();
	{
		http_route(call);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		EmitErrorReport();
		AbortCurrentTransaction();
		FlushErrorState();
		MemoryContextSwitchTo(cxt);
		call->n_headers = 0;
		initStringInfo(&call->body_out);
		http_error(call, 500, "unexpected", "internal error");
	}
	PG_END_TRY();
}

/* Hand the call's response to libmicrohttpd */
static enum MHD_Result
send_response(struct MHD_Connection *conn, HttpCall *call)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	int			i;

	resp = MHD_create_response_from_buffer(call->body_out.len,
										   call->body_out.data,
										   MHD_RESPMEM_MUST_COPY);
	if (resp == NULL)
		return MHD_NO;
	if (call->content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
								call->content_type);
	for (i = 0; i < call->n_headers; i++)
		MHD_add_response_header(resp, call->header_names[i],
								call->header_values[i]);
	ret = MHD_queue_response(conn, call->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Answer a complete request */
static enum MHD_Result
answer(struct MHD_Connection *conn, const char *url, const char *method,
	   Pending *p)
{
	MemoryContext cxt;
	MemoryContext old;
	HttpCall	call;
	enum MHD_Result ret;

	cxt = AllocSetContextCreate(TopMemoryContext, "graphql http request",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	memset(&call, 0, sizeof(call));
	call.method = method;
	call.path = url;
	call.body = p->body;
	call.body_len = p->len;
	call.conn = conn;
	call.header = lookup_header;
	call.query_arg = lookup_query_arg;
	call.each_header = each_header;
	call.status = 200;
	/* the metadata endpoint answers every error in Hasura's API shape */
	call.api_errors = http_route_of(method, url).endpoint == HTTP_EP_METADATA;
	initStringInfo(&call.body_out);
	if (p->too_large)
		http_error(&call, 413, "invalid-request",
				   "the request body exceeds graphql.http_max_body_size");
	else
		route_safely(&call, cxt);
	ret = send_response(conn, &call);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return ret;
}

/* Keep a chunk of the body, or count it as dropped past the limit */
static bool
receive_chunk(Pending *p, const char *data, size_t size)
{
	size_t		limit = (size_t) graphql_http_max_body_size;

	if (p->too_large || size > limit - p->len)
	{
		p->too_large = true;
		p->discarded += size;
		/* a client streaming on and on is cut off */
		return p->discarded <= 4 * limit;
	}
	if (p->len + size + 1 > p->cap)
	{
		size_t		cap = Max(p->cap * 2, p->len + size + 1);
		char	   *body = realloc(p->body, Max(cap, 1024));

		if (body == NULL)
			return false;
		p->body = body;
		p->cap = Max(cap, 1024);
	}
	memcpy(p->body + p->len, data, size);
	p->len += size;
	p->body[p->len] = '\0';
	return true;
}

/*
 * The access handler: the first call (headers in) sets up the request
 * (and refuses a declared Content-Length over the limit at once), the
 * following ones take the body, the last one answers.
 */
static enum MHD_Result
access_handler(void *cls, struct MHD_Connection *conn, const char *url,
			   const char *method, const char *version,
			   const char *upload_data, size_t *upload_data_size,
			   void **con_cls)
{
	Pending    *p = *con_cls;

	if (p == NULL)
	{
		const char *length;

		p = calloc(1, sizeof(Pending));
		if (p == NULL)
			return MHD_NO;
		*con_cls = p;
		length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
											 MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (length != NULL &&
			strtoull(length, NULL, 10) > (unsigned long long) graphql_http_max_body_size)
		{
			p->too_large = true;
			return answer(conn, url, method, p);
		}
		return MHD_YES;
	}
	if (*upload_data_size > 0)
	{
		bool		ok = receive_chunk(p, upload_data, *upload_data_size);

		*upload_data_size = 0;
		return ok ? MHD_YES : MHD_NO;
	}
	return answer(conn, url, method, p);
}

/* A request ended (answered, timed out or the client went away) */
static void
request_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
				  enum MHD_RequestTerminationCode toe)
{
	Pending    *p = *con_cls;

	if (p != NULL)
	{
		free(p->body);
		free(p);
		*con_cls = NULL;
	}
}

HttpServer *
http_server_start(int listen_fd)
{
	HttpServer *server = MemoryContextAllocZero(TopMemoryContext,
												sizeof(HttpServer));
	const union MHD_DaemonInfo *info;

	server->daemon = MHD_start_daemon(MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
									  0, NULL, NULL,
									  access_handler, NULL,
									  MHD_OPTION_LISTEN_SOCKET, listen_fd,
									  MHD_OPTION_CONNECTION_TIMEOUT,
									  (unsigned int) graphql_http_connection_timeout,
									  MHD_OPTION_CONNECTION_LIMIT,
									  (unsigned int) graphql_http_max_connections,
									  MHD_OPTION_CONNECTION_MEMORY_LIMIT,
									  (size_t) CONNECTION_MEMORY,
									  MHD_OPTION_NOTIFY_COMPLETED,
									  request_completed, NULL,
									  MHD_OPTION_EXTERNAL_LOGGER,
									  log_message, NULL,
									  MHD_OPTION_SIGPIPE_HANDLED_BY_APP, 1,
									  MHD_OPTION_END);
	if (server->daemon == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CONNECTION_FAILURE),
				 errmsg("graphql http: could not start the HTTP daemon")));
	info = MHD_get_daemon_info(server->daemon, MHD_DAEMON_INFO_EPOLL_FD);
	if (info == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CONNECTION_FAILURE),
				 errmsg("graphql http: the HTTP daemon has no epoll descriptor")));
	server->fd = info->epoll_fd;
	return server;
}

int
http_server_fd(HttpServer *server)
{
	return server->fd;
}

long
http_server_timeout(HttpServer *server)
{
	MHD_UNSIGNED_LONG_LONG ms;

	if (MHD_get_timeout(server->daemon, &ms) != MHD_YES)
		return 1000;
	return ms > 1000 ? 1000 : (long) ms;
}

void
http_server_run(HttpServer *server)
{
	MHD_run(server->daemon);
}
