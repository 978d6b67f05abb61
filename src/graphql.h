/*-------------------------------------------------------------------------
 *
 * graphql.h
 *	  Backend-side glue shared by the extension's modules.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_H
#define GRAPHQL_H

#include "language/language.h"

/* An arena whose blocks come from (and die with) a memory context. */
extern GqlArena *graphql_arena_create(MemoryContext cxt);

/* Parse a document held in server encoding with the graphql.parser_* limits. */
extern GqlDocument *graphql_parse_document(GqlArena *arena, const char *doc,
										   int len, GqlError *error);

#endif							/* GRAPHQL_H */
