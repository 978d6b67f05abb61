/*-------------------------------------------------------------------------
 *
 * guc.h
 *	  Settings (graphql.*) of the extension, all defined in guc.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_GUC_H
#define GRAPHQL_GUC_H

extern int	graphql_parser_max_depth;
extern int	graphql_parser_max_tokens;
extern char *graphql_schemas;
extern bool graphql_stringify_numeric_types;
extern bool graphql_infer_function_permissions;
extern bool graphql_hasura_compat;

extern int	graphql_max_depth;
extern int	graphql_max_complexity;
extern int	graphql_max_rows;
extern char *graphql_http_listen_addresses;
extern int	graphql_http_port;
extern int	graphql_http_workers;
extern char *graphql_http_database;
extern char *graphql_http_role;
extern int	graphql_http_max_body_size;
extern int	graphql_http_statement_timeout;
extern int	graphql_http_connection_timeout;
extern int	graphql_http_max_connections;
extern char *graphql_http_admin_secret;
extern char *graphql_http_jwt_secret;
extern char *graphql_http_anonymous_role;
extern bool graphql_http_trust_headers;
extern char *graphql_http_cors_origins;
extern char *graphql_enabled_apis;
extern char *graphql_session;
extern char *graphql_admin_role;

extern void graphql_define_gucs(void);

#endif							/* GRAPHQL_GUC_H */
