/*-------------------------------------------------------------------------
 *
 * http_internal.h
 *	  What the files of src/http/ share: the request being answered
 *	  (HttpCall), the router, and the authentication of a request.
 *
 * server.c fills an HttpCall from libmicrohttpd and sends the response the
 * router leaves in it; router.c and auth.c see headers and query
 * parameters only through the call's accessors, so they do not depend on
 * libmicrohttpd.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_HTTP_INTERNAL_H
#define GRAPHQL_HTTP_INTERNAL_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

/* Visitor of request headers (false stops the iteration) */
typedef bool (*HttpHeaderVisitor) (void *arg, const char *name, const char *value);

#define HTTP_MAX_HEADERS 12

typedef struct HttpCall
{
	/* the request */
	const char *method;
	const char *path;			/* without the query string */
	const char *body;			/* NUL-terminated copy; NULL: none */
	size_t		body_len;
	void	   *conn;			/* for the accessors */
	const char *(*header) (void *conn, const char *name);	/* NULL: absent */
	const char *(*query_arg) (void *conn, const char *name);
	void		(*each_header) (void *conn, HttpHeaderVisitor visitor, void *arg);
	bool		api_errors;		/* errors in Hasura's API shape (/v1/metadata) */

	/* the response */
	int			status;
	const char *content_type;
	StringInfoData body_out;
	int			n_headers;		/* further response headers */
	const char *header_names[HTTP_MAX_HEADERS];
	const char *header_values[HTTP_MAX_HEADERS];
} HttpCall;

/* Add a response header (values are kept, not copied) */
extern void http_add_header(HttpCall *call, const char *name, const char *value);

/* router.c */
extern void http_route(HttpCall *call);
/*
 * An error answer: GraphQL's shape {"errors": [...]}, or Hasura's API
 * shape {"path", "error", "code"} when call->api_errors is set.
 */
extern void http_error(HttpCall *call, int status, const char *code,
					   const char *message);

/*
 * auth.c: who a request is.  role is NULL for the workers' own login role
 * (admin); session is a JSON object with lower-case keys.
 */
typedef struct HttpIdentity
{
	const char *role;
	const char *session;
	bool		read_only;
	bool		admin;
} HttpIdentity;

/*
 * Authenticates the call inside the request's transaction: true with *id
 * filled, or false with the error response (401, 403) in call.
 */
extern bool http_authenticate(HttpCall *call, HttpIdentity *id);

/* Whether every listen address is a loopback address (trust_headers) */
extern bool http_listening_on_loopback_only(void);

/*
 * jwt.c: verify a compact JWS against graphql.http_jwt_secret.  On
 * success returns true and sets *claims (the payload as jsonb) and
 * *hasura (the Hasura claims object, or NULL when absent); else false with
 * *error set to the reason.
 */
extern bool http_jwt_configured(void);
extern const char *http_jwt_cookie_name(void);
extern bool http_jwt_verify(const char *token, Jsonb **claims,
							Jsonb **hasura, const char **error);

/* Constant-time comparison of two strings (OpenSSL's CRYPTO_memcmp) */
extern bool http_secret_equal(const char *a, const char *b);

#endif							/* GRAPHQL_HTTP_INTERNAL_H */
