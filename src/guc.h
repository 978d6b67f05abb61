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

extern void graphql_define_gucs(void);

#endif							/* GRAPHQL_GUC_H */
