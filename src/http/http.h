/*-------------------------------------------------------------------------
 *
 * http.h
 *	  Public interface of the HTTP server: background workers that answer
 *	  GraphQL over HTTP (worker.c: the loop and libmicrohttpd; server.c:
 *	  requests and responses; router.c: endpoints; auth.c, jwt.c:
 *	  credentials).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_HTTP_H
#define GRAPHQL_HTTP_H

#include "fmgr.h"
#include "lib/stringinfo.h"

/* _PG_init: register the workers (only under shared_preload_libraries) */
extern void graphql_http_register_workers(void);

/* The workers' entry point */
extern PGDLLEXPORT void graphql_http_main(Datum main_arg);

#endif							/* GRAPHQL_HTTP_H */
