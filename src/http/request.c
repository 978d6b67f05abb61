/*-------------------------------------------------------------------------
 *
 * request.c
 *	  Routing and header parsing of the HTTP server, in portable C.
 *
 * Everything here reads untrusted bytes (a request line's path, the
 * Accept, Content-Type, Authorization and Cookie headers, a token), so it
 * is written without allocation or recursion, reads only within the given
 * lengths or NUL terminators, and is fuzzed (test/fuzz/fuzz_http.c).
 *
 *-------------------------------------------------------------------------
 */
#include "http/request.h"

#include <stdlib.h>
#include <string.h>

/* ASCII case-insensitive comparison of n bytes */
static bool
ascii_ieq(const char *a, const char *b, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
	{
		unsigned char ca = (unsigned char) a[i];
		unsigned char cb = (unsigned char) b[i];

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb)
			return false;
	}
	return true;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

HttpRoute
http_route_of(const char *method, const char *path)
{
	HttpRoute	r = {HTTP_EP_NOT_FOUND, HTTP_ACT_SERVE, NULL, false};
	bool		get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	bool		post = strcmp(method, "POST") == 0;
	bool		options = strcmp(method, "OPTIONS") == 0;

	r.is_get = get;
	if (strcmp(path, "/v1/graphql") == 0 || strcmp(path, "/graphql") == 0)
	{
		r.endpoint = HTTP_EP_GRAPHQL;
		r.allow = "GET, POST, OPTIONS";
		r.action = options ? HTTP_ACT_PREFLIGHT :
			(get || post) ? HTTP_ACT_SERVE : HTTP_ACT_BAD_METHOD;
	}
	else if (strcmp(path, "/v1/metadata") == 0)
	{
		r.endpoint = HTTP_EP_METADATA;
		r.allow = "POST, OPTIONS";
		r.action = options ? HTTP_ACT_PREFLIGHT :
			post ? HTTP_ACT_SERVE : HTTP_ACT_BAD_METHOD;
	}
	else if (strcmp(path, "/healthz") == 0 || strcmp(path, "/v1/version") == 0)
	{
		r.endpoint = path[1] == 'h' ? HTTP_EP_HEALTHZ : HTTP_EP_VERSION;
		r.allow = "GET, HEAD";
		r.action = get ? HTTP_ACT_SERVE : HTTP_ACT_BAD_METHOD;
	}
	return r;
}

/* The q parameter of a media range's parameters [p, end); 1 when absent */
static double
quality(const char *p, const char *end)
{
	while (p < end)
	{
		const char *semi = memchr(p, ';', end - p);
		const char *stop = semi ? semi : end;

		while (p < stop && is_space(*p))
			p++;
		if (stop - p >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=')
		{
			char		buf[16];
			size_t		n = stop - p - 2;

			if (n >= sizeof(buf))
				n = sizeof(buf) - 1;
			memcpy(buf, p + 2, n);
			buf[n] = '\0';
			return strtod(buf, NULL);
		}
		p = semi ? semi + 1 : end;
	}
	return 1;
}

HttpMedia
http_negotiate(const char *accept)
{
	double		q_graphql = -1;
	double		q_json = -1;
	const char *p = accept;

	if (accept == NULL || accept[0] == '\0')
		return HTTP_MEDIA_JSON;
	while (*p)
	{
		const char *end = p + strcspn(p, ",");
		const char *type_end;
		size_t		n;
		double		q;

		while (p < end && is_space(*p))
			p++;
		type_end = p;
		while (type_end < end && *type_end != ';' && !is_space(*type_end))
			type_end++;
		n = type_end - p;
		q = quality(type_end, end);
		if (n == 33 && ascii_ieq(p, "application/graphql-response+json", 33))
			q_graphql = q > q_graphql ? q : q_graphql;
		else if ((n == 16 && ascii_ieq(p, "application/json", 16)) ||
				 (n == 13 && ascii_ieq(p, "application/*", 13)) ||
				 (n == 3 && memcmp(p, "*/*", 3) == 0))
			q_json = q > q_json ? q : q_json;
		p = *end ? end + 1 : end;
	}
	if (q_graphql > 0 && q_graphql >= q_json)
		return HTTP_MEDIA_GRAPHQL;
	if (q_json > 0)
		return HTTP_MEDIA_JSON;
	return HTTP_MEDIA_NONE;
}

bool
http_is_json_content_type(const char *ct)
{
	size_t		len;
	const char *charset;

	if (ct == NULL)
		return false;
	while (is_space(*ct))
		ct++;
	len = strcspn(ct, "; \t");
	if (!((len == 16 && ascii_ieq(ct, "application/json", 16)) ||
		  (len == 33 && ascii_ieq(ct, "application/graphql-response+json", 33))))
		return false;
	/* a charset other than UTF-8 is refused */
	for (charset = ct + len; *charset; charset++)
		if (strlen(charset) >= 8 && ascii_ieq(charset, "charset=", 8))
		{
			charset += 8;
			if (*charset == '"')
				charset++;
			return strlen(charset) >= 5 && ascii_ieq(charset, "utf-8", 5) &&
				(charset[5] == '\0' || charset[5] == '"' || charset[5] == ';' ||
				 is_space(charset[5]));
		}
	return true;
}

const char *
http_bearer_token(const char *authorization, size_t *len)
{
	const char *p = authorization;

	if (p == NULL || strlen(p) < 7 || !ascii_ieq(p, "Bearer ", 7))
		return NULL;
	p += 7;
	while (is_space(*p))
		p++;
	*len = strcspn(p, " \t");
	return *len > 0 ? p : NULL;
}

const char *
http_cookie_value(const char *cookies, const char *name, size_t *len)
{
	size_t		nlen = strlen(name);
	const char *p = cookies;

	if (p == NULL || nlen == 0)
		return NULL;
	while (*p)
	{
		while (*p == ' ' || *p == ';' || *p == '\t')
			p++;
		if (strncmp(p, name, nlen) == 0 && p[nlen] == '=')
		{
			p += nlen + 1;
			*len = strcspn(p, ";");
			return p;
		}
		p += strcspn(p, ";");
	}
	return NULL;
}

/* The value of a base64url digit, or -1 */
static int
b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

long
http_b64url_decode(const char *src, size_t len, unsigned char *dst)
{
	unsigned long acc = 0;
	int			bits = 0;
	long		out = 0;
	size_t		i;

	if (len % 4 == 1)
		return -1;
	for (i = 0; i < len; i++)
	{
		int			v = b64url_value((unsigned char) src[i]);

		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned long) v;
		bits += 6;
		if (bits >= 8)
		{
			bits -= 8;
			dst[out++] = (unsigned char) (acc >> bits);
			acc &= (1UL << bits) - 1;
		}
	}
	/* the unused low bits of the last digit must be zero (canonical form) */
	if (acc != 0)
		return -1;
	return out;
}

bool
http_split_jws(const char *token, size_t len, size_t *dot1, size_t *dot2)
{
	const char *d1 = memchr(token, '.', len);
	const char *d2;

	if (d1 == NULL)
		return false;
	d2 = memchr(d1 + 1, '.', len - (d1 + 1 - token));
	if (d2 == NULL || memchr(d2 + 1, '.', len - (d2 + 1 - token)) != NULL)
		return false;
	*dot1 = d1 - token;
	*dot2 = d2 - token;
	return *dot1 > 0 && *dot2 > *dot1 + 1;
}
