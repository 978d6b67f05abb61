/*-------------------------------------------------------------------------
 *
 * request.h
 *	  The portable part of the HTTP request path (request.c): routing,
 *	  content negotiation, Content-Type, Authorization and Cookie headers,
 *	  base64url and the shape of a compact JWS.
 *
 * Plain C11 without PostgreSQL headers or allocation, so the unit tests
 * and the libFuzzer target (test/fuzz/fuzz_http.c) exercise the same
 * code the workers run on every request's untrusted headers.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_HTTP_REQUEST_H
#define GRAPHQL_HTTP_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

typedef enum HttpEndpoint
{
	HTTP_EP_NOT_FOUND,
	HTTP_EP_GRAPHQL,			/* /v1/graphql, /graphql */
	HTTP_EP_METADATA,			/* /v1/metadata */
	HTTP_EP_HEALTHZ,			/* /healthz */
	HTTP_EP_VERSION				/* /v1/version */
} HttpEndpoint;

typedef enum HttpAction
{
	HTTP_ACT_SERVE,				/* the endpoint's method */
	HTTP_ACT_PREFLIGHT,			/* OPTIONS on an API path */
	HTTP_ACT_BAD_METHOD			/* 405, with the Allow header */
} HttpAction;

typedef struct HttpRoute
{
	HttpEndpoint endpoint;
	HttpAction	action;
	const char *allow;			/* the methods of the path (Allow header) */
	bool		is_get;			/* GET or HEAD */
} HttpRoute;

/* The endpoint and what to do for a method and a path (without query) */
extern HttpRoute http_route_of(const char *method, const char *path);

typedef enum HttpMedia
{
	HTTP_MEDIA_NONE,			/* nothing acceptable: 406 */
	HTTP_MEDIA_JSON,			/* application/json */
	HTTP_MEDIA_GRAPHQL			/* application/graphql-response+json */
} HttpMedia;

/*
 * The media type of the answer from an Accept header (NULL: none), per
 * GraphQL over HTTP.  Quality values are honoured; wildcards mean
 * application/json; on equal quality application/graphql-response+json.
 */
extern HttpMedia http_negotiate(const char *accept);

/* Whether a Content-Type is JSON in UTF-8 (the charset may be absent) */
extern bool http_is_json_content_type(const char *content_type);

/*
 * The token of "Authorization: Bearer <token>": its start and length; NULL
 * when the header is another scheme (or empty).
 */
extern const char *http_bearer_token(const char *authorization, size_t *len);

/* The value of cookie name in a Cookie header: its start and length, or NULL */
extern const char *http_cookie_value(const char *cookies, const char *name,
									 size_t *len);

/*
 * Decode base64url without padding into dst (room for at least
 * len * 3 / 4 + 1 bytes); returns the decoded length, or -1 when src is
 * not strict base64url.
 */
extern long http_b64url_decode(const char *src, size_t len, unsigned char *dst);

/*
 * Split a compact JWS "header.payload.signature": the offsets of its two
 * dots; false when there are not exactly two, or a part is empty (the
 * signature may be empty only for alg none, which is refused anyway).
 */
extern bool http_split_jws(const char *token, size_t len, size_t *dot1,
						   size_t *dot2);

#endif							/* GRAPHQL_HTTP_REQUEST_H */
