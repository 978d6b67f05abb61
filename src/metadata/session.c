/*-------------------------------------------------------------------------
 *
 * session.c
 *	  Session variables and the administrator test, for row-level security
 *	  policies and the metadata API.
 *
 * graphql.session_var(name) reads one variable of the transaction-local
 * setting graphql.session, a JSON object with lower-case keys
 * ({"x-hasura-user-id": "2"}).  Policies call it once per row, so the
 * setting is parsed once and the parsed pairs are kept until the setting's
 * text changes (in practice: once per transaction or request); each call
 * then costs one string comparison and a short linear search.
 *
 * graphql.is_admin() is true for superusers and members of the role named
 * by graphql.admin_role.  It tests the role set by SET ROLE (the outer
 * user), not the owner of a SECURITY DEFINER function it is called from,
 * so the metadata API (a SECURITY DEFINER function) can check its caller.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_authid.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "guc.h"
#include "metadata/metadata.h"

PG_FUNCTION_INFO_V1(graphql_session_var);
PG_FUNCTION_INFO_V1(graphql_is_admin_sql);

typedef struct SessionPair
{
	char	   *name;			/* lower case */
	char	   *value;			/* a string's contents, else the JSON text */
} SessionPair;

/* The parsed setting, in its own context under TopMemoryContext */
static MemoryContext session_cxt = NULL;
static char *session_text = NULL;	/* the text it was parsed from */
static SessionPair *session_pairs = NULL;
static int	session_npairs = 0;

static char *
lower_copy(const char *s, int len)
{
	char	   *r = palloc(len + 1);

	for (int i = 0; i < len; i++)
		r[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + ('a' - 'A') : s[i];
	r[len] = '\0';
	return r;
}

/* Parse text (a JSON object, or empty) into session_pairs */
static void
session_parse(const char *text)
{
	MemoryContext old;
	Jsonb	   *jb;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			cap = 8;

	if (session_cxt == NULL)
		session_cxt = AllocSetContextCreate(TopMemoryContext,
											"graphql session variables",
											ALLOCSET_SMALL_SIZES);
	MemoryContextReset(session_cxt);
	session_text = NULL;
	session_pairs = NULL;
	session_npairs = 0;

	old = MemoryContextSwitchTo(session_cxt);
	session_pairs = palloc(cap * sizeof(SessionPair));
	if (text[0] != '\0')
	{
		jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));
		if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("graphql.session must be a JSON object"),
					 errhint("For example: SET LOCAL graphql.session = '{\"x-hasura-user-id\": \"2\"}'")));
		it = JsonbIteratorInit(&jb->root);
		while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		{
			SessionPair *p;

			if (tok != WJB_KEY)
				continue;
			if (session_npairs == cap)
			{
				cap *= 2;
				session_pairs = repalloc(session_pairs, cap * sizeof(SessionPair));
			}
			p = &session_pairs[session_npairs++];
			p->name = lower_copy(v.val.string.val, v.val.string.len);
			tok = JsonbIteratorNext(&it, &v, true);
			if (v.type == jbvString)
				p->value = pnstrdup(v.val.string.val, v.val.string.len);
			else if (v.type == jbvNull)
				p->value = NULL;
			else if (v.type == jbvBinary)
				p->value = JsonbToCString(NULL, v.val.binary.data, v.val.binary.len);
			else
			{
				Jsonb	   *scalar = JsonbValueToJsonb(&v);

				p->value = JsonbToCString(NULL, &scalar->root, VARSIZE(scalar));
			}
		}
	}
	session_text = pstrdup(text);
	MemoryContextSwitchTo(old);
}

const char *
graphql_session_get(const char *name)
{
	const char *text = graphql_session ? graphql_session : "";
	size_t		len = strlen(name);

	if (session_text == NULL || strcmp(session_text, text) != 0)
		session_parse(text);
	for (int i = 0; i < session_npairs; i++)
	{
		const char *n = session_pairs[i].name;

		if (strlen(n) == len && pg_strncasecmp(n, name, len) == 0)
			return session_pairs[i].value;
	}
	return NULL;
}

/*
 * A session variable as a boolean, in Hasura's spelling (any case): 1 for
 * true, t, yes, y; 0 for false, f, no, n; -1 for anything else
 */
static int
session_bool(const char *v)
{
	static const char *const yes[] = {"true", "t", "yes", "y"};
	static const char *const no[] = {"false", "f", "no", "n"};

	for (int i = 0; i < (int) lengthof(yes); i++)
	{
		if (pg_strcasecmp(v, yes[i]) == 0)
			return 1;
		if (pg_strcasecmp(v, no[i]) == 0)
			return 0;
	}
	return -1;
}

bool
graphql_session_backend_only(void)
{
	const char *v = graphql_session_get(GRAPHQL_BACKEND_ONLY_VAR);

	return v != NULL && session_bool(v) == 1;
}

const char *
graphql_session_error(void)
{
	const char *v = graphql_session_get(GRAPHQL_BACKEND_ONLY_VAR);

	if (v == NULL || session_bool(v) >= 0)
		return NULL;
	return psprintf("the session variable %s is not a boolean: \"%s\" "
					"(use true, t, yes, y or false, f, no, n, in any case)",
					GRAPHQL_BACKEND_ONLY_VAR, v);
}

/* graphql.session_var(name text) RETURNS text: NULL when not set */
Datum
graphql_session_var(PG_FUNCTION_ARGS)
{
	char	   *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
	const char *value = graphql_session_get(name);

	if (value == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(value));
}

bool
graphql_role_is_admin(Oid roleid)
{
	Oid			admin;

	if (superuser_arg(roleid))
		return true;
	if (graphql_admin_role == NULL || graphql_admin_role[0] == '\0')
		return false;
	admin = get_role_oid(graphql_admin_role, true);
	return OidIsValid(admin) && is_member_of_role(roleid, admin);
}

/* graphql.is_admin() RETURNS boolean: of the role set by SET ROLE */
Datum
graphql_is_admin_sql(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(graphql_role_is_admin(GetOuterUserId()));
}
