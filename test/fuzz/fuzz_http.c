/*-------------------------------------------------------------------------
 *
 * fuzz_http.c
 *	  libFuzzer target of the HTTP server's request parsing and routing
 *	  (src/http/request.c).
 *
 * The input is split at newlines into a method, a path, and the Accept,
 * Content-Type, Authorization and Cookie headers; each is routed or
 * parsed as the workers do, every bearer token and cookie is split as a
 * JWS and its parts base64url-decoded.  Any result must be within its
 * input; the sanitizers catch every out-of-bounds read or write.
 *
 * Build and run: make -C test/unit fuzz (see the Makefile there).
 *
 *-------------------------------------------------------------------------
 */
#include "http/request.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Split a token as a JWS and decode each part */
static void
check_token(const char *token, size_t len)
{
	size_t		d1;
	size_t		d2;
	unsigned char *out = malloc(len * 3 / 4 + 1);
	long		n;

	if (out == NULL)
		return;
	n = http_b64url_decode(token, len, out);
	if (n > (long) (len * 3 / 4))
		abort();
	if (http_split_jws(token, len, &d1, &d2))
	{
		if (!(d1 < d2 && d2 < len && token[d1] == '.' && token[d2] == '.'))
			abort();
		(void) http_b64url_decode(token, d1, out);
		(void) http_b64url_decode(token + d1 + 1, d2 - d1 - 1, out);
		(void) http_b64url_decode(token + d2 + 1, len - d2 - 1, out);
	}
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *copy = malloc(size + 1);
	char	   *field[6] = {"", "", NULL, NULL, NULL, NULL};
	char	   *p;
	int			i;
	size_t		len;
	const char *t;
	HttpRoute	r;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	p = copy;
	for (i = 0; i < 6 && p != NULL; i++)
	{
		char	   *nl = strchr(p, '\n');

		field[i] = p;
		if (nl)
			*nl = '\0';
		p = nl ? nl + 1 : NULL;
	}
	r = http_route_of(field[0], field[1]);
	if (r.action == HTTP_ACT_BAD_METHOD && r.allow == NULL)
		abort();
	(void) http_negotiate(field[2]);
	(void) http_is_json_content_type(field[3]);
	t = http_bearer_token(field[4], &len);
	if (t != NULL)
	{
		if (t < field[4] || t + len > field[4] + strlen(field[4]))
			abort();
		check_token(t, len);
	}
	t = http_cookie_value(field[5], "token", &len);
	if (t != NULL)
	{
		if (t < field[5] || t + len > field[5] + strlen(field[5]))
			abort();
		check_token(t, len);
	}
	if (field[5] != NULL)
		check_token(field[5], strlen(field[5]));
	free(copy);
	return 0;
}
