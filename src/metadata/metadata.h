/*-------------------------------------------------------------------------
 *
 * metadata.h
 *	  Session variables and the administrator test (session.c).  The
 *	  metadata API itself is SQL (src/metadata/api.sql); reflection reads
 *	  its consistent part through the graphql.reflect_* views
 *	  (src/metadata/reflect.sql).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_METADATA_H
#define GRAPHQL_METADATA_H

/* One variable of graphql.session (name case-insensitive), or NULL */
extern const char *graphql_session_get(const char *name);

#define GRAPHQL_BACKEND_ONLY_VAR "x-hasura-use-backend-only-permissions"

/* Does the session ask for backend-only permissions
 * (x-hasura-use-backend-only-permissions: true, t, yes or y, any case) */
extern bool graphql_session_backend_only(void);

/* Why the session's variables cannot be used (a variable Hasura requires
 * to be a boolean is not one), or NULL */
extern const char *graphql_session_error(void);

/* A superuser or a member of graphql.admin_role */
extern bool graphql_role_is_admin(Oid roleid);

#endif							/* GRAPHQL_METADATA_H */
