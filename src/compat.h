/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  The one place for PostgreSQL version differences.
 *
 * The extension targets PostgreSQL 15 (Debian 12).  Anything that differs
 * between server versions is wrapped here, so the rest of the code is
 * written against a single API.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_COMPAT_H
#define GRAPHQL_COMPAT_H

#if PG_VERSION_NUM < 150000
#error "graphql requires PostgreSQL 15 or later"
#endif

/*
 * MarkGUCPrefixReserved() replaced EmitWarningsOnPlaceholders() in
 * PostgreSQL 15; keep the name we use in one spot.
 */
#define graphql_reserve_guc_prefix(prefix) MarkGUCPrefixReserved(prefix)

/* fmgr.h declares the module initializer only from PostgreSQL 16 on. */
#if PG_VERSION_NUM < 160000
extern PGDLLEXPORT void _PG_init(void);
#endif

#endif							/* GRAPHQL_COMPAT_H */
