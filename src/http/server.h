/*-------------------------------------------------------------------------
 *
 * server.h
 *	  libmicrohttpd glue (server.c), used by the worker loop (worker.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_HTTP_SERVER_H
#define GRAPHQL_HTTP_SERVER_H

typedef struct HttpServer HttpServer;

/* A libmicrohttpd daemon on a listening socket, with no thread of its own */
extern HttpServer *http_server_start(int listen_fd);

/* The descriptor that becomes readable when the daemon has work */
extern int	http_server_fd(HttpServer *server);

/* Milliseconds until the daemon needs to run (connection timeouts) */
extern long http_server_timeout(HttpServer *server);

/* Do the daemon's pending work (answering requests), without blocking */
extern void http_server_run(HttpServer *server);

#endif							/* GRAPHQL_HTTP_SERVER_H */
