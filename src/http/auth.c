/*-------------------------------------------------------------------------
 *
 * auth.c
 *	  Who an HTTP request is: its role, session variables and whether it
 *	  may write.
 *
 * In order:
 *	1. X-Hasura-Admin-Secret equal to graphql.http_admin_secret (compared
 *	   in constant time): admin, the workers' own role, or the role in
 *	   X-Hasura-Role; the X-Hasura-* headers are the session.
 *	2. Authorization: Bearer with an API key (graphql.create_api_key): the
 *	   key's role, session and read-only flag.
 *	3. Authorization: Bearer (or the configured cookie) with a JWT
 *	   (jwt.c): the Hasura claims (x-hasura-default-role,
 *	   x-hasura-allowed-roles, X-Hasura-Role within them) or a top-level
 *	   role claim.
 *	4. graphql.http_trust_headers (loopback only): X-Hasura-Role and the
 *	   X-Hasura-* headers as given.
 *	5. graphql.http_anonymous_role; else 401.
 * The role must exist and the workers' login role must be a member of it
 * (SET ROLE's rule); otherwise 403.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

#include "guc.h"
#include "http/http_internal.h"
#include "http/request.h"
#include "metadata/metadata.h"

#define API_KEY_PREFIX "gqlk_"

/*
 * Constant-time string comparison: the SHA-256 digests of both are
 * compared with CRYPTO_memcmp, so neither the content nor the length of
 * the secret leaks through timing.
 */
bool
http_secret_equal(const char *a, const char *b)
{
	unsigned char da[SHA256_DIGEST_LENGTH];
	unsigned char db[SHA256_DIGEST_LENGTH];

	SHA256((const unsigned char *) a, strlen(a), da);
	SHA256((const unsigned char *) b, strlen(b), db);
	return CRYPTO_memcmp(da, db, SHA256_DIGEST_LENGTH) == 0;
}

/* A 401 or 403 answer in the GraphQL error shape */
static bool
deny(HttpCall *call, int status, const char *code, const char *message)
{
	if (status == 401)
		http_add_header(call, "WWW-Authenticate", "Bearer");
	http_error(call, status, code, message);
	return false;
}

/* Session JSON being built: {"k": v, ...} */
typedef struct SessionBuf
{
	StringInfoData buf;
	int			n;
} SessionBuf;

static void
session_start(SessionBuf *s)
{
	initStringInfo(&s->buf);
	appendStringInfoChar(&s->buf, '{');
	s->n = 0;
}

/* Add a key (lower-cased) with a string value, or raw JSON when json */
static void
session_add(SessionBuf *s, const char *key, int keylen, const char *value,
			int valuelen, bool json)
{
	char	   *lower = pnstrdup(key, keylen);
	char	   *c;

	for (c = lower; *c; c++)
		*c = pg_ascii_tolower((unsigned char) *c);
	if (s->n++ > 0)
		appendStringInfoChar(&s->buf, ',');
	escape_json(&s->buf, lower);
	appendStringInfoChar(&s->buf, ':');
	if (json)
		appendBinaryStringInfo(&s->buf, value, valuelen);
	else
		escape_json(&s->buf, pnstrdup(value, valuelen));
}

/*
 * The session as canonical JSON text: through jsonb, so that a key given
 * twice keeps its last value (x-hasura-role is added last).
 */
static const char *
session_finish(SessionBuf *s, const char *role)
{
	if (role)
		session_add(s, "x-hasura-role", 13, role, strlen(role), false);
	appendStringInfoChar(&s->buf, '}');
	return DatumGetCString(DirectFunctionCall1(jsonb_out,
											   DirectFunctionCall1(jsonb_in, CStringGetDatum(s->buf.data))));
}

static bool
header_to_session(void *arg, const char *name, const char *value)
{
	SessionBuf *s = arg;

	if (pg_strncasecmp(name, "x-hasura-", 9) == 0 &&
		pg_strcasecmp(name, "x-hasura-admin-secret") != 0 &&
		pg_strcasecmp(name, "x-hasura-role") != 0 &&
		pg_verifymbstr(value, strlen(value), true))
		session_add(s, name, strlen(name), value, strlen(value), false);
	return true;
}

/* The X-Hasura-* headers as session variables */
static const char *
session_from_headers(HttpCall *call, const char *role)
{
	SessionBuf	s;

	session_start(&s);
	call->each_header(call->conn, header_to_session, &s);
	return session_finish(&s, role);
}

/*
 * Every key of a jsonb object as a session variable (strings as strings),
 * except x-hasura-use-backend-only-permissions: backend-only permissions
 * are for the admin secret (or trusted headers), as in Hasura, not for the
 * holders of a token or key
 */
#define BACKEND_ONLY_VAR GRAPHQL_BACKEND_ONLY_VAR

static void
session_from_object(SessionBuf *s, Jsonb *obj)
{
	JsonbIterator *it = JsonbIteratorInit(&obj->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	char	   *key = NULL;
	int			keylen = 0;
	int			depth = 0;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_BEGIN_OBJECT)
			depth++;
		else if (tok == WJB_END_OBJECT)
			depth--;
		else if (tok == WJB_KEY && depth == 1)
		{
			key = v.val.string.val;
			keylen = v.val.string.len;
		}
		else if (tok == WJB_VALUE && key != NULL)
		{
			if (keylen == strlen(BACKEND_ONLY_VAR) &&
				pg_strncasecmp(key, BACKEND_ONLY_VAR, keylen) == 0)
				;				/* dropped */
			else if (v.type == jbvString)
				session_add(s, key, keylen, v.val.string.val, v.val.string.len, false);
			else
			{
				Jsonb	   *jb = JsonbValueToJsonb(&v);
				char	   *text = JsonbToCString(NULL, &jb->root, VARSIZE(jb));

				session_add(s, key, keylen, text, strlen(text), true);
			}
			key = NULL;
		}
	}
}

/* The role must exist and the login role be a member of it */
static bool
check_role(HttpCall *call, const char *role)
{
	Oid			roleid;

	if (role == NULL)
		return true;
	roleid = get_role_oid(role, true);
	if (!OidIsValid(roleid))
		return deny(call, 403, "access-denied",
					psprintf("role \"%s\" does not exist", role));
	if (!is_member_of_role(GetSessionUserId(), roleid))
		return deny(call, 403, "access-denied",
					psprintf("the HTTP server may not act as role \"%s\"", role));
	return true;
}

/* An API key: looked up by its SHA-256 among the live keys */
static bool
api_key_identity(HttpCall *call, const char *key, HttpIdentity *id)
{
	MemoryContext cxt = CurrentMemoryContext;
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1];
	bool		found = false;
	const char *requested = call->header(call->conn, "X-Hasura-Role");

	values[0] = CStringGetTextDatum(key);
	SPI_connect();
	if (SPI_execute_with_args("SELECT role::text, session::text, read_only"
							  " FROM graphql.api_keys"
							  " WHERE key_hash = pg_catalog.sha256(pg_catalog.convert_to($1, 'UTF8'))"
							  " AND revoked IS NULL"
							  " AND (expires IS NULL OR expires > pg_catalog.now())",
							  1, argtypes, values, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "graphql http: API key lookup failed");
	if (SPI_processed == 1)
	{
		HeapTuple	tup = SPI_tuptable->vals[0];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		MemoryContext old = MemoryContextSwitchTo(cxt);
		bool		isnull;
		SessionBuf	s;
		Jsonb	   *session;

		id->role = SPI_getvalue(tup, desc, 1);
		session = DatumGetJsonbP(DirectFunctionCall1(jsonb_in,
													 CStringGetDatum(SPI_getvalue(tup, desc, 2))));
		id->read_only = DatumGetBool(SPI_getbinval(tup, desc, 3, &isnull));
		session_start(&s);
		session_from_object(&s, session);
		id->session = session_finish(&s, id->role);
		MemoryContextSwitchTo(old);
		found = true;
	}
	SPI_finish();
	if (!found)
		return deny(call, 401, "invalid-headers",
					"invalid API key (unknown, revoked or expired)");
	if (requested && strcmp(requested, id->role) != 0)
		return deny(call, 403, "access-denied",
					"the requested role is not the role of the API key");
	return true;
}

/* Whether role is a string of the array allowed */
static bool
role_allowed(JsonbValue *allowed, const char *role)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		found = false;

	if (allowed->type != jbvBinary || !JsonContainerIsArray(allowed->val.binary.data))
		return false;
	it = JsonbIteratorInit(allowed->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_ELEM && v.type == jbvString &&
			v.val.string.len == strlen(role) &&
			memcmp(v.val.string.val, role, v.val.string.len) == 0)
			found = true;
	return found;
}

/* A JWT: verified by jwt.c, its role and session from the claims */
static bool
jwt_identity(HttpCall *call, const char *token, HttpIdentity *id)
{
	Jsonb	   *claims;
	Jsonb	   *hasura;
	const char *error;
	const char *requested = call->header(call->conn, "X-Hasura-Role");
	JsonbValue	v;
	SessionBuf	s;

	if (!http_jwt_configured())
		return deny(call, 401, "invalid-jwt",
					"bearer token given, but neither an API key nor JWT authentication is configured");
	if (!http_jwt_verify(token, &claims, &hasura, &error))
		return deny(call, 401, "invalid-jwt",
					psprintf("Could not verify JWT: %s", error));
	session_start(&s);
	if (hasura != NULL)
	{
		JsonbValue	allowed;

		if (!getKeyJsonValueFromContainer(&hasura->root, "x-hasura-default-role", 21, &v) ||
			v.type != jbvString)
			return deny(call, 401, "jwt-missing-role-claims",
						"JWT claim x-hasura-default-role is missing or not a string");
		if (!getKeyJsonValueFromContainer(&hasura->root, "x-hasura-allowed-roles", 22, &allowed))
			return deny(call, 401, "jwt-missing-role-claims",
						"JWT claim x-hasura-allowed-roles is missing");
		id->role = pnstrdup(v.val.string.val, v.val.string.len);
		if (requested)
		{
			if (strcmp(requested, id->role) != 0 && !role_allowed(&allowed, requested))
				return deny(call, 403, "access-denied",
							"Your requested role is not in allowed roles");
			id->role = pstrdup(requested);
		}
		session_from_object(&s, hasura);
	}
	else
	{
		if (!getKeyJsonValueFromContainer(&claims->root, "role", 4, &v) ||
			v.type != jbvString)
			return deny(call, 401, "jwt-missing-role-claims",
						"the JWT has neither Hasura claims nor a role claim");
		id->role = pnstrdup(v.val.string.val, v.val.string.len);
		if (requested && strcmp(requested, id->role) != 0)
			return deny(call, 403, "access-denied",
						"Your requested role is not the role of the JWT");
		session_from_object(&s, claims);
	}
	id->session = session_finish(&s, id->role);
	return true;
}

/* The bearer token of the request (Authorization or the JWT cookie) */
static const char *
bearer_token(HttpCall *call, bool *malformed)
{
	const char *authz = call->header(call->conn, "Authorization");
	const char *cookie_name = http_jwt_cookie_name();
	const char *token;
	size_t		len;

	*malformed = false;
	if (authz != NULL)
	{
		token = http_bearer_token(authz, &len);
		if (token == NULL)
			*malformed = true;
		return token ? pnstrdup(token, len) : NULL;
	}
	if (cookie_name != NULL)
	{
		token = http_cookie_value(call->header(call->conn, "Cookie"), cookie_name, &len);
		if (token != NULL)
			return pnstrdup(token, len);
	}
	return NULL;
}

/* The admin secret matched: the login role, or the one asked for */
static bool
admin_identity(HttpCall *call, HttpIdentity *id)
{
	const char *requested = call->header(call->conn, "X-Hasura-Role");

	id->admin = true;
	if (requested && strcmp(requested, "admin") != 0)
		id->role = pstrdup(requested);
	id->session = session_from_headers(call, id->role ? id->role : "admin");
	return true;
}

bool
http_authenticate(HttpCall *call, HttpIdentity *id)
{
	const char *secret = call->header(call->conn, "X-Hasura-Admin-Secret");
	const char *token;
	bool		malformed;
	bool		ok;

	memset(id, 0, sizeof(*id));
	if (secret != NULL)
	{
		if (graphql_http_admin_secret[0] == '\0' ||
			!http_secret_equal(secret, graphql_http_admin_secret))
			return deny(call, 401, "access-denied",
						"invalid x-hasura-admin-secret/x-hasura-access-key");
		ok = admin_identity(call, id);
	}
	else if ((token = bearer_token(call, &malformed)) != NULL)
	{
		if (strncmp(token, API_KEY_PREFIX, strlen(API_KEY_PREFIX)) == 0)
			ok = api_key_identity(call, token, id);
		else
			ok = jwt_identity(call, token, id);
	}
	else if (malformed)
		return deny(call, 401, "invalid-headers",
					"malformed Authorization header: expected \"Bearer <token>\"");
	else if (graphql_http_trust_headers && http_listening_on_loopback_only())
	{
		const char *requested = call->header(call->conn, "X-Hasura-Role");

		if (requested && strcmp(requested, "admin") != 0)
			id->role = pstrdup(requested);
		else
			id->admin = true;
		id->session = session_from_headers(call, requested ? requested : "admin");
		ok = true;
	}
	else if (graphql_http_anonymous_role[0] != '\0')
	{
		SessionBuf	s;

		id->role = graphql_http_anonymous_role;
		session_start(&s);
		id->session = session_finish(&s, id->role);
		ok = true;
	}
	else
		return deny(call, 401, "access-denied",
					"no credentials: send X-Hasura-Admin-Secret or Authorization: Bearer <token>");
	return ok && check_role(call, id->role);
}
