/*-------------------------------------------------------------------------
 *
 * jwt.c
 *	  JWT bearer tokens: the configuration (graphql.http_jwt_secret, the
 *	  JSON form of Hasura's HASURA_GRAPHQL_JWT_SECRET) and verification.
 *
 * The configuration names exactly one algorithm ("type"); a token must
 * carry that "alg" in its header, so "none" and algorithm confusion (an
 * HS256 token signed with an RSA public key as its secret) are refused
 * before any signature is looked at.  Signatures are checked by OpenSSL:
 * HMAC for HS256/384/512, EVP_DigestVerify for RS256/384/512 and
 * ES256/384/512 (whose raw r||s signatures become DER first).  Then exp,
 * nbf and iat with allowed_skew seconds of leeway, audience and issuer.
 * The Hasura claims sit under claims_namespace (default
 * https://hasura.io/jwt/claims), as an object or, with claims_format
 * stringified_json, as a string holding one.
 *
 * The configuration is parsed when a request first needs it after the
 * setting changed, and kept in its own memory context.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <math.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "guc.h"
#include "http/http_internal.h"
#include "http/request.h"

#define HASURA_NAMESPACE "https://hasura.io/jwt/claims"
#define MAX_TOKEN 16384

typedef enum JwtFamily
{
	JWT_HMAC,
	JWT_RSA,
	JWT_ECDSA
} JwtFamily;

typedef struct JwtAlg
{
	const char *name;
	JwtFamily	family;
	int			bits;			/* digest size; ECDSA: also the curve */
} JwtAlg;

static const JwtAlg algorithms[] = {
	{"HS256", JWT_HMAC, 256}, {"HS384", JWT_HMAC, 384}, {"HS512", JWT_HMAC, 512},
	{"RS256", JWT_RSA, 256}, {"RS384", JWT_RSA, 384}, {"RS512", JWT_RSA, 512},
	{"ES256", JWT_ECDSA, 256}, {"ES384", JWT_ECDSA, 384}, {"ES512", JWT_ECDSA, 512},
};

typedef struct JwtConfig
{
	char	   *source;			/* the setting it was parsed from */
	const char *error;			/* NULL, or why every token is refused */
	const JwtAlg *alg;
	char	   *key;			/* HMAC secret */
	int			keylen;
	EVP_PKEY   *pkey;			/* RSA / EC public key */
	char	   *claims_namespace;
	bool		stringified;
	char	  **audience;
	int			naudience;
	char	   *issuer;
	int			skew;
	char	   *cookie;			/* header.type = Cookie: its name */
} JwtConfig;

static MemoryContext config_cxt = NULL;
static JwtConfig *config = NULL;

static const EVP_MD *
digest_of(const JwtAlg *alg)
{
	return alg->bits == 256 ? EVP_sha256() :
		alg->bits == 384 ? EVP_sha384() : EVP_sha512();
}

/* A string member of a jsonb object, or NULL */
static char *
get_string(Jsonb *obj, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(&obj->root, key, strlen(key), &v) ||
		v.type != jbvString)
		return NULL;
	return pnstrdup(v.val.string.val, v.val.string.len);
}

/* A public key (or certificate) in PEM */
static EVP_PKEY *
read_public_key(const char *pem)
{
	BIO		   *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY   *pkey;

	if (bio == NULL)
		return NULL;
	pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	if (pkey == NULL)
	{
		X509	   *cert;

		(void) BIO_reset(bio);
		cert = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		if (cert != NULL)
		{
			pkey = X509_get_pubkey(cert);
			X509_free(cert);
		}
	}
	BIO_free(bio);
	return pkey;
}

/* Is the JSON text valid, checked without raising an error */
static bool
json_valid(char *text)
{
	JsonLexContext *lex = makeJsonLexContextCstringLen(text, strlen(text),
													   GetDatabaseEncoding(), true);

	return pg_parse_json(lex, &nullSemAction) == JSON_SUCCESS;
}

/* audience: a string or an array of strings */
static void
parse_audience(JwtConfig *c, Jsonb *obj)
{
	JsonbValue	v;
	JsonbIterator *it;
	JsonbIteratorToken tok;

	if (!getKeyJsonValueFromContainer(&obj->root, "audience", 8, &v) || v.type == jbvNull)
		return;
	c->audience = palloc0(sizeof(char *) * 64);
	if (v.type == jbvString)
	{
		c->audience[c->naudience++] = pnstrdup(v.val.string.val, v.val.string.len);
		return;
	}
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
	{
		c->error = "audience must be a string or an array of strings";
		return;
	}
	it = JsonbIteratorInit(v.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_ELEM && v.type == jbvString && c->naudience < 64)
			c->audience[c->naudience++] = pnstrdup(v.val.string.val, v.val.string.len);
}

/* The other members: namespace, format, issuer, skew, header */
static void
parse_options(JwtConfig *c, Jsonb *obj)
{
	JsonbValue	v;
	char	   *format = get_string(obj, "claims_format");

	c->claims_namespace = get_string(obj, "claims_namespace");
	if (c->claims_namespace == NULL)
		c->claims_namespace = HASURA_NAMESPACE;
	if (format && strcmp(format, "stringified_json") == 0)
		c->stringified = true;
	else if (format && strcmp(format, "json") != 0)
		c->error = "claims_format must be json or stringified_json";
	c->issuer = get_string(obj, "issuer");
	if (getKeyJsonValueFromContainer(&obj->root, "allowed_skew", 12, &v) &&
		v.type == jbvNumeric)
		c->skew = DatumGetInt32(DirectFunctionCall1(numeric_int4,
													NumericGetDatum(v.val.numeric)));
	if (getKeyJsonValueFromContainer(&obj->root, "header", 6, &v) &&
		v.type == jbvBinary)
	{
		JsonbValue	t;
		JsonbValue	n;

		if (getKeyJsonValueFromContainer(v.val.binary.data, "type", 4, &t) &&
			t.type == jbvString && t.val.string.len == 6 &&
			pg_strncasecmp(t.val.string.val, "cookie", 6) == 0)
		{
			if (getKeyJsonValueFromContainer(v.val.binary.data, "name", 4, &n) &&
				n.type == jbvString)
				c->cookie = pnstrdup(n.val.string.val, n.val.string.len);
			else
				c->error = "header of type Cookie needs a name";
		}
	}
	parse_audience(c, obj);
}

/* Parse the setting into a configuration, in the current memory context */
static JwtConfig *
parse_config(const char *setting)
{
	JwtConfig  *c = palloc0(sizeof(JwtConfig));
	char	   *text = pstrdup(setting);
	char	   *type;
	char	   *key;
	Jsonb	   *obj;
	int			i;

	c->source = pstrdup(setting);
	if (!json_valid(text))
	{
		c->error = "graphql.http_jwt_secret is not valid JSON";
		return c;
	}
	obj = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
	if (!JB_ROOT_IS_OBJECT(obj))
	{
		c->error = "graphql.http_jwt_secret must be a JSON object";
		return c;
	}
	type = get_string(obj, "type");
	key = get_string(obj, "key");
	for (i = 0; type && i < lengthof(algorithms); i++)
		if (strcmp(type, algorithms[i].name) == 0)
			c->alg = &algorithms[i];
	if (c->alg == NULL)
		c->error = "graphql.http_jwt_secret: type must be one of HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512 (jwk_url is not supported)";
	else if (key == NULL)
		c->error = "graphql.http_jwt_secret: key is missing";
	else if (c->alg->family == JWT_HMAC)
	{
		c->key = key;
		c->keylen = strlen(key);
		if (c->keylen < c->alg->bits / 8)
			c->error = "graphql.http_jwt_secret: the key is shorter than the digest";
	}
	else
	{
		c->pkey = read_public_key(key);
		if (c->pkey == NULL ||
			EVP_PKEY_base_id(c->pkey) != (c->alg->family == JWT_RSA ? EVP_PKEY_RSA : EVP_PKEY_EC))
			c->error = "graphql.http_jwt_secret: key is not a PEM public key of the type's kind";
	}
	if (c->error == NULL)
		parse_options(c, obj);
	return c;
}

/* The configuration for the current setting, parsed when it changed */
static JwtConfig *
current_config(void)
{
	MemoryContext old;

	if (graphql_http_jwt_secret == NULL || graphql_http_jwt_secret[0] == '\0')
		return NULL;
	if (config != NULL && strcmp(config->source, graphql_http_jwt_secret) == 0)
		return config;
	if (config != NULL && config->pkey != NULL)
		EVP_PKEY_free(config->pkey);
	config = NULL;
	if (config_cxt == NULL)
		config_cxt = AllocSetContextCreate(TopMemoryContext, "graphql jwt",
										   ALLOCSET_SMALL_SIZES);
	MemoryContextReset(config_cxt);
	old = MemoryContextSwitchTo(config_cxt);
	config = parse_config(graphql_http_jwt_secret);
	MemoryContextSwitchTo(old);
	if (config->error)
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", config->error)));
	return config;
}

bool
http_jwt_configured(void)
{
	return current_config() != NULL;
}

const char *
http_jwt_cookie_name(void)
{
	JwtConfig  *c = current_config();

	return c ? c->cookie : NULL;
}

/* base64url (no padding) to bytes, NUL-terminated; NULL when malformed */
static char *
b64url_decode(const char *src, int len, int *outlen)
{
	char	   *out = palloc(len * 3 / 4 + 2);
	long		n = http_b64url_decode(src, len, (unsigned char *) out);

	if (n < 0)
		return NULL;
	out[n] = '\0';
	*outlen = (int) n;
	return out;
}

/* A decoded part as a jsonb object, or NULL */
static Jsonb *
decode_object(const char *src, int len)
{
	int			n;
	char	   *json = b64url_decode(src, len, &n);
	Jsonb	   *jb;

	if (json == NULL || (int) strlen(json) != n ||
		!pg_verifymbstr(json, n, true) || !json_valid(json))
		return NULL;
	jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
	return JB_ROOT_IS_OBJECT(jb) ? jb : NULL;
}

/* EVP_DigestVerify with the configured public key */
static bool
verify_pkey(JwtConfig *c, const char *input, int inlen,
			const unsigned char *sig, size_t siglen)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	bool		ok;

	if (ctx == NULL)
		return false;
	ok = EVP_DigestVerifyInit(ctx, NULL, digest_of(c->alg), NULL, c->pkey) == 1 &&
		EVP_DigestVerify(ctx, sig, siglen, (const unsigned char *) input, inlen) == 1;
	EVP_MD_CTX_free(ctx);
	return ok;
}

/* An ECDSA signature r||s (JWS) as DER, for OpenSSL; NULL if malformed */
static unsigned char *
ecdsa_to_der(const JwtAlg *alg, const unsigned char *sig, int siglen,
			 int *derlen)
{
	int			n = alg->bits == 512 ? 66 : alg->bits / 8;
	ECDSA_SIG  *es;
	BIGNUM	   *r;
	BIGNUM	   *s;
	unsigned char *der = NULL;
	unsigned char *out;

	if (siglen != 2 * n)
		return NULL;
	es = ECDSA_SIG_new();
	r = BN_bin2bn(sig, n, NULL);
	s = BN_bin2bn(sig + n, n, NULL);
	if (es == NULL || r == NULL || s == NULL || ECDSA_SIG_set0(es, r, s) != 1)
	{
		BN_free(r);
		BN_free(s);
		ECDSA_SIG_free(es);
		return NULL;
	}
	*derlen = i2d_ECDSA_SIG(es, &der);
	ECDSA_SIG_free(es);
	if (*derlen <= 0)
		return NULL;
	out = palloc(*derlen);
	memcpy(out, der, *derlen);
	OPENSSL_free(der);
	return out;
}

/* The signature over input is the configured key's */
static bool
verify_signature(JwtConfig *c, const char *input, int inlen,
				 const unsigned char *sig, int siglen)
{
	if (c->alg->family == JWT_HMAC)
	{
		unsigned char mac[EVP_MAX_MD_SIZE];
		unsigned int maclen = 0;

		if (HMAC(digest_of(c->alg), c->key, c->keylen,
				 (const unsigned char *) input, inlen, mac, &maclen) == NULL)
			return false;
		return (int) maclen == siglen && CRYPTO_memcmp(mac, sig, maclen) == 0;
	}
	if (c->alg->family == JWT_ECDSA)
	{
		int			derlen;
		unsigned char *der = ecdsa_to_der(c->alg, sig, siglen, &derlen);

		return der != NULL && verify_pkey(c, input, inlen, der, derlen);
	}
	return verify_pkey(c, input, inlen, sig, siglen);
}

/* A numeric claim: -1 when absent, -2 when not a number */
static double
numeric_claim(Jsonb *claims, const char *key)
{
	JsonbValue	v;

	if (!getKeyJsonValueFromContainer(&claims->root, key, strlen(key), &v))
		return -1;
	if (v.type != jbvNumeric)
		return -2;
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8,
											  NumericGetDatum(v.val.numeric)));
}

/* exp, nbf, iat with leeway; NULL or the reason */
static const char *
check_times(JwtConfig *c, Jsonb *claims)
{
	double		now = (double) time(NULL);
	double		exp = numeric_claim(claims, "exp");
	double		nbf = numeric_claim(claims, "nbf");
	double		iat = numeric_claim(claims, "iat");

	if (exp == -2 || nbf == -2 || iat == -2)
		return "exp, nbf and iat must be numbers";
	if (exp != -1 && now > exp + c->skew)
		return "JWTExpired";
	if (nbf != -1 && now + c->skew < nbf)
		return "JWTNotYetValid";
	if (iat != -1 && now + c->skew < iat)
		return "JWTIssuedInTheFuture";
	return NULL;
}

/* Whether the aud claim (string or array) names a configured audience */
static bool
audience_ok(JwtConfig *c, Jsonb *claims)
{
	JsonbValue	v;
	JsonbIterator *it;
	JsonbIteratorToken tok;
	int			i;

	if (c->naudience == 0)
		return true;
	if (!getKeyJsonValueFromContainer(&claims->root, "aud", 3, &v))
		return false;
	if (v.type == jbvString)
	{
		for (i = 0; i < c->naudience; i++)
			if (strlen(c->audience[i]) == v.val.string.len &&
				memcmp(c->audience[i], v.val.string.val, v.val.string.len) == 0)
				return true;
		return false;
	}
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		return false;
	it = JsonbIteratorInit(v.val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_ELEM && v.type == jbvString)
			for (i = 0; i < c->naudience; i++)
				if (strlen(c->audience[i]) == v.val.string.len &&
					memcmp(c->audience[i], v.val.string.val, v.val.string.len) == 0)
					return true;
	return false;
}

/* The Hasura claims object of the payload, or NULL when absent */
static const char *
hasura_claims(JwtConfig *c, Jsonb *claims, Jsonb **hasura)
{
	JsonbValue	v;

	*hasura = NULL;
	if (!getKeyJsonValueFromContainer(&claims->root, c->claims_namespace,
									  strlen(c->claims_namespace), &v))
		return NULL;
	if (c->stringified)
	{
		char	   *text;
		Jsonb	   *jb;

		if (v.type != jbvString)
			return "the claims must be a string (claims_format stringified_json)";
		text = pnstrdup(v.val.string.val, v.val.string.len);
		if (!json_valid(text))
			return "the stringified claims are not valid JSON";
		jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
		if (!JB_ROOT_IS_OBJECT(jb))
			return "the claims must be a JSON object";
		*hasura = jb;
		return NULL;
	}
	if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
		return "the claims must be a JSON object";
	*hasura = JsonbValueToJsonb(&v);
	return NULL;
}

bool
http_jwt_verify(const char *token, Jsonb **claims, Jsonb **hasura,
				const char **error)
{
	JwtConfig  *c = current_config();
	const char *dot1;
	const char *dot2;
	Jsonb	   *header;
	char	   *alg;
	char	   *sig;
	int			siglen;
	JsonbValue	crit;
	size_t		off1;
	size_t		off2;

	if (c == NULL || c->error != NULL)
		return (*error = "JWT authentication is misconfigured (see the server log)", false);
	if (strlen(token) > MAX_TOKEN)
		return (*error = "the token is too long", false);
	if (!http_split_jws(token, strlen(token), &off1, &off2))
		return (*error = "the token is not a compact JWS (header.payload.signature)", false);
	dot1 = token + off1;
	dot2 = token + off2;
	header = decode_object(token, dot1 - token);
	if (header == NULL)
		return (*error = "the JWT header is not base64url-encoded JSON", false);
	alg = get_string(header, "alg");
	if (alg == NULL || strcmp(alg, c->alg->name) != 0)
		return (*error = psprintf("the JWT algorithm must be %s", c->alg->name), false);
	if (getKeyJsonValueFromContainer(&header->root, "crit", 4, &crit))
		return (*error = "the JWT has critical header parameters", false);
	sig = b64url_decode(dot2 + 1, strlen(dot2 + 1), &siglen);
	if (sig == NULL ||
		!verify_signature(c, token, dot2 - token, (unsigned char *) sig, siglen))
		return (*error = "JWSInvalidSignature", false);
	*claims = decode_object(dot1 + 1, dot2 - dot1 - 1);
	if (*claims == NULL)
		return (*error = "the JWT payload is not base64url-encoded JSON", false);
	if ((*error = check_times(c, *claims)) != NULL)
		return false;
	if (!audience_ok(c, *claims))
		return (*error = "JWTNotInAudience", false);
	if (c->issuer != NULL)
	{
		char	   *iss = get_string(*claims, "iss");

		if (iss == NULL || strcmp(iss, c->issuer) != 0)
			return (*error = "JWTNotInIssuer", false);
	}
	return (*error = hasura_claims(c, *claims, hasura)) == NULL;
}
