/*-------------------------------------------------------------------------
 *
 * worker.c
 *	  The HTTP background workers: registration, listening sockets and the
 *	  event loop.
 *
 * Each worker opens its own listening socket on every address of
 * graphql.http_listen_addresses with SO_REUSEPORT, so the kernel spreads
 * the connections over the workers.  libmicrohttpd runs in "external"
 * mode with no thread of its own: its epoll descriptor joins a WaitEventSet
 * together with the latch and postmaster death, so one wait covers network
 * activity, SIGTERM, SIGHUP and the postmaster going away.  Requests are
 * answered inside libmicrohttpd's callbacks (server.c), one at a time.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "miscadmin.h"
#include "pgstat.h"
#include "postmaster/bgworker.h"
#include "postmaster/interrupt.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "tcop/tcopprot.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/varlena.h"

#include "guc.h"
#include "http/http.h"
#include "http/http_internal.h"
#include "http/server.h"

#define MAX_LISTENERS 16

static int	listen_fds[MAX_LISTENERS];
static int	n_listeners = 0;

/*
 * _PG_init: one worker per graphql.http_workers, when the library is
 * preloaded and the server is enabled (graphql.http_port <> 0).
 */
void
graphql_http_register_workers(void)
{
	BackgroundWorker worker;
	int			i;

	if (!process_shared_preload_libraries_in_progress || graphql_http_port == 0)
		return;
	for (i = 0; i < graphql_http_workers; i++)
	{
		memset(&worker, 0, sizeof(worker));
		worker.bgw_flags = BGWORKER_SHMEM_ACCESS |
			BGWORKER_BACKEND_DATABASE_CONNECTION;
		worker.bgw_start_time = BgWorkerStart_RecoveryFinished;
		worker.bgw_restart_time = 2;
		snprintf(worker.bgw_library_name, BGW_MAXLEN, "graphql");
		snprintf(worker.bgw_function_name, BGW_MAXLEN, "graphql_http_main");
		snprintf(worker.bgw_name, BGW_MAXLEN, "graphql http worker %d", i + 1);
		snprintf(worker.bgw_type, BGW_MAXLEN, "graphql http worker");
		worker.bgw_main_arg = Int32GetDatum(i);
		RegisterBackgroundWorker(&worker);
	}
}

/* A socket bound to one address, listening, non-blocking; -1 on failure */
static int
open_listener(const struct addrinfo *ai, const char *host)
{
	int			fd;
	int			one = 1;

	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
		setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one)) < 0 ||
		(ai->ai_family == AF_INET6 &&
		 setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) < 0) ||
		bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
		listen(fd, 128) < 0 ||
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) < 0)
	{
		int			save = errno;

		close(fd);
		errno = save;
		ereport(LOG,
				(errcode_for_socket_access(),
				 errmsg("graphql http: could not listen on \"%s\" port %d: %m",
						host, graphql_http_port)));
		return -1;
	}
	return fd;
}

/* Listening sockets on every address of graphql.http_listen_addresses */
static void
open_listeners(void)
{
	char	   *raw = pstrdup(graphql_http_listen_addresses);
	List	   *hosts = NIL;
	ListCell   *lc;
	char		port[16];

	if (!SplitGUCList(raw, ',', &hosts))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid list syntax in \"graphql.http_listen_addresses\"")));
	snprintf(port, sizeof(port), "%d", graphql_http_port);
	foreach(lc, hosts)
	{
		const char *host = lfirst(lc);
		struct addrinfo hints;
		struct addrinfo *res = NULL;
		struct addrinfo *ai;
		int			rc;

		memset(&hints, 0, sizeof(hints));
		hints.ai_family = AF_UNSPEC;
		hints.ai_socktype = SOCK_STREAM;
		hints.ai_flags = AI_PASSIVE;
		rc = getaddrinfo(strcmp(host, "*") == 0 ? NULL : host, port, &hints, &res);
		if (rc != 0)
		{
			ereport(LOG,
					(errcode(ERRCODE_CONFIG_FILE_ERROR),
					 errmsg("graphql http: could not resolve \"%s\": %s",
							host, gai_strerror(rc))));
			continue;
		}
		for (ai = res; ai != NULL && n_listeners < MAX_LISTENERS; ai = ai->ai_next)
		{
			int			fd = open_listener(ai, host);

			if (fd >= 0)
				listen_fds[n_listeners++] = fd;
		}
		freeaddrinfo(res);
	}
	if (n_listeners == 0)
		ereport(ERROR,
				(errcode(ERRCODE_CONNECTION_FAILURE),
				 errmsg("graphql http: could not listen on any address of \"graphql.http_listen_addresses\"")));
}

/*
 * Whether every address of graphql.http_listen_addresses is a loopback
 * address (127.0.0.0/8, ::1 or localhost): graphql.http_trust_headers is
 * refused otherwise.
 */
bool
http_listening_on_loopback_only(void)
{
	char	   *raw = pstrdup(graphql_http_listen_addresses);
	List	   *hosts = NIL;
	ListCell   *lc;
	bool		loopback;

	loopback = SplitGUCList(raw, ',', &hosts) && hosts != NIL;
	foreach(lc, hosts)
	{
		const char *host = lfirst(lc);
		struct in_addr a4;
		struct in6_addr a6;

		if (strcmp(host, "localhost") == 0)
			continue;
		if (inet_pton(AF_INET, host, &a4) == 1 &&
			(ntohl(a4.s_addr) >> 24) == 127)
			continue;
		if (inet_pton(AF_INET6, host, &a6) == 1 &&
			IN6_IS_ADDR_LOOPBACK(&a6))
			continue;
		loopback = false;
	}
	list_free(hosts);
	pfree(raw);
	return loopback;
}

/* SIGHUP: re-read the configuration file */
static void
reload_settings(void)
{
	ConfigReloadPending = false;
	ProcessConfigFile(PGC_SIGHUP);
	if (graphql_http_trust_headers && !http_listening_on_loopback_only())
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("graphql.http_trust_headers is ignored: the server does not listen on loopback addresses only")));
}

/*
 * The worker: connect to graphql.http_database as graphql.http_role,
 * listen, and serve until SIGTERM or postmaster death.
 */
void
graphql_http_main(Datum main_arg)
{
	HttpServer *servers[MAX_LISTENERS];
	WaitEventSet *set;
	WaitEvent	events[MAX_LISTENERS + 2];
	int			i;

	pqsignal(SIGHUP, SignalHandlerForConfigReload);
	pqsignal(SIGTERM, die);
	pqsignal(SIGPIPE, SIG_IGN);
	BackgroundWorkerUnblockSignals();
	BackgroundWorkerInitializeConnection(graphql_http_database,
										 graphql_http_role[0] ? graphql_http_role : NULL,
										 0);
	pgstat_report_appname("graphql http");

	open_listeners();
	set = CreateWaitEventSet(TopMemoryContext, n_listeners + 2);
	AddWaitEventToSet(set, WL_LATCH_SET, PGINVALID_SOCKET, MyLatch, NULL);
	AddWaitEventToSet(set, WL_EXIT_ON_PM_DEATH, PGINVALID_SOCKET, NULL, NULL);
	for (i = 0; i < n_listeners; i++)
	{
		servers[i] = http_server_start(listen_fds[i]);
		AddWaitEventToSet(set, WL_SOCKET_READABLE, http_server_fd(servers[i]),
						  NULL, NULL);
	}
	if (graphql_http_trust_headers && !http_listening_on_loopback_only())
		ereport(WARNING,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("graphql.http_trust_headers is ignored: the server does not listen on loopback addresses only")));
	ereport(LOG,
			(errmsg("graphql http worker %d listening on port %d",
					DatumGetInt32(main_arg) + 1, graphql_http_port)));
	pgstat_report_activity(STATE_IDLE, NULL);

	for (;;)
	{
		long		timeout = 1000;

		for (i = 0; i < n_listeners; i++)
			timeout = Min(timeout, http_server_timeout(servers[i]));
		(void) WaitEventSetWait(set, timeout, events, lengthof(events),
								PG_WAIT_EXTENSION);
		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (ConfigReloadPending)
			reload_settings();
		for (i = 0; i < n_listeners; i++)
			http_server_run(servers[i]);
	}
}
