/*-------------------------------------------------------------------------
 *
 * test_http.c
 *	  Unit tests of the HTTP server's portable request parsing
 *	  (src/http/request.c): routing, content negotiation, Content-Type,
 *	  Authorization, cookies, base64url and JWS splitting.
 *
 *-------------------------------------------------------------------------
 */
#include "http/request.h"

#include "unit.h"

static void
test_routes(void)
{
	HttpRoute	r;

	r = http_route_of("POST", "/v1/graphql");
	ok(r.endpoint == HTTP_EP_GRAPHQL && r.action == HTTP_ACT_SERVE, "POST /v1/graphql");
	r = http_route_of("GET", "/graphql");
	ok(r.endpoint == HTTP_EP_GRAPHQL && r.action == HTTP_ACT_SERVE && r.is_get, "GET /graphql");
	r = http_route_of("PUT", "/v1/graphql");
	ok(r.action == HTTP_ACT_BAD_METHOD && strcmp(r.allow, "GET, POST, OPTIONS") == 0,
	   "PUT /v1/graphql is a bad method with Allow");
	r = http_route_of("OPTIONS", "/v1/metadata");
	ok(r.endpoint == HTTP_EP_METADATA && r.action == HTTP_ACT_PREFLIGHT, "OPTIONS is a preflight");
	r = http_route_of("GET", "/v1/metadata");
	ok(r.action == HTTP_ACT_BAD_METHOD, "GET /v1/metadata is a bad method");
	r = http_route_of("HEAD", "/healthz");
	ok(r.endpoint == HTTP_EP_HEALTHZ && r.action == HTTP_ACT_SERVE, "HEAD /healthz");
	r = http_route_of("GET", "/v1/version");
	ok(r.endpoint == HTTP_EP_VERSION, "GET /v1/version");
	r = http_route_of("GET", "/v1/graphql/");
	ok(r.endpoint == HTTP_EP_NOT_FOUND, "a trailing slash is another path");
	r = http_route_of("GET", "");
	ok(r.endpoint == HTTP_EP_NOT_FOUND, "an empty path is not found");
}

static void
test_negotiation(void)
{
	ok(http_negotiate(NULL) == HTTP_MEDIA_JSON, "no Accept: application/json");
	ok(http_negotiate("") == HTTP_MEDIA_JSON, "empty Accept: application/json");
	ok(http_negotiate("application/graphql-response+json") == HTTP_MEDIA_GRAPHQL,
	   "graphql-response+json");
	ok(http_negotiate("application/graphql-response+json, application/json;q=0.9") == HTTP_MEDIA_GRAPHQL,
	   "the spec's recommended Accept");
	ok(http_negotiate("application/graphql-response+json;q=0.5, application/json") == HTTP_MEDIA_JSON,
	   "quality decides");
	ok(http_negotiate("application/json, application/graphql-response+json") == HTTP_MEDIA_GRAPHQL,
	   "equal quality: graphql-response+json");
	ok(http_negotiate("*/*") == HTTP_MEDIA_JSON, "*/*: application/json");
	ok(http_negotiate("application/*;q=0.2") == HTTP_MEDIA_JSON, "application/*");
	ok(http_negotiate("text/html") == HTTP_MEDIA_NONE, "text/html: nothing acceptable");
	ok(http_negotiate("application/json;q=0") == HTTP_MEDIA_NONE, "q=0 is not acceptable");
	ok(http_negotiate("APPLICATION/JSON ; charset=utf-8") == HTTP_MEDIA_JSON, "case and spaces");
	ok(http_negotiate(",,,;;;q=") == HTTP_MEDIA_NONE, "garbage is nothing acceptable");
}

static void
test_content_type(void)
{
	ok(http_is_json_content_type("application/json"), "application/json");
	ok(http_is_json_content_type("application/json; charset=utf-8"), "with charset utf-8");
	ok(http_is_json_content_type("Application/JSON;charset=\"UTF-8\""), "quoted, any case");
	ok(!http_is_json_content_type("application/json; charset=latin1"), "another charset");
	ok(!http_is_json_content_type("application/jsonx"), "a longer type");
	ok(!http_is_json_content_type("text/plain"), "text/plain");
	ok(!http_is_json_content_type(NULL), "none");
	ok(!http_is_json_content_type("application/json; charset=utf-88"), "utf-88");
}

static void
test_tokens(void)
{
	size_t		len = 0;
	const char *t;

	t = http_bearer_token("Bearer abc.def", &len);
	ok(t && len == 7 && strncmp(t, "abc.def", 7) == 0, "Bearer token");
	t = http_bearer_token("bearer   xyz  ", &len);
	ok(t && len == 3, "scheme case-insensitive, spaces trimmed");
	ok(http_bearer_token("Basic dXNlcg==", &len) == NULL, "Basic is not Bearer");
	ok(http_bearer_token("Bearer ", &len) == NULL, "an empty token");
	ok(http_bearer_token("Bear", &len) == NULL, "a short header");
	t = http_cookie_value("a=1; tok=xyz; b=2", "tok", &len);
	ok(t && len == 3 && strncmp(t, "xyz", 3) == 0, "a cookie in the middle");
	t = http_cookie_value("tok=", "tok", &len);
	ok(t && len == 0, "an empty cookie");
	ok(http_cookie_value("atok=1; tokx=2", "tok", &len) == NULL, "no partial name match");
	ok(http_cookie_value(NULL, "tok", &len) == NULL, "no Cookie header");
}

static void
test_base64url(void)
{
	unsigned char out[64];
	long		n;

	n = http_b64url_decode("eyJhIjoxfQ", 10, out);
	ok(n == 7 && memcmp(out, "{\"a\":1}", 7) == 0, "decodes without padding");
	n = http_b64url_decode("-_8", 3, out);
	ok(n == 2 && out[0] == 0xfb && out[1] == 0xff, "the url-safe digits");
	ok(http_b64url_decode("ab=", 3, out) < 0, "padding is refused");
	ok(http_b64url_decode("a+b/", 4, out) < 0, "+ and / are refused");
	ok(http_b64url_decode("abcde", 5, out) < 0, "a length of 4n+1 is refused");
	ok(http_b64url_decode("QR", 2, out) < 0, "non-zero unused bits are refused");
	ok(http_b64url_decode("", 0, out) == 0, "empty decodes to nothing");
}

static void
test_jws(void)
{
	size_t		d1;
	size_t		d2;

	ok(http_split_jws("a.b.c", 5, &d1, &d2) && d1 == 1 && d2 == 3, "three parts");
	ok(http_split_jws("a.b.", 4, &d1, &d2), "an empty signature splits");
	ok(!http_split_jws("a.b", 3, &d1, &d2), "two parts");
	ok(!http_split_jws("a.b.c.d", 7, &d1, &d2), "four parts");
	ok(!http_split_jws(".b.c", 4, &d1, &d2), "an empty header");
	ok(!http_split_jws("a..c", 4, &d1, &d2), "an empty payload");
}

int
main(void)
{
	test_routes();
	test_negotiation();
	test_content_type();
	test_tokens();
	test_base64url();
	test_jws();
	return done_testing();
}
