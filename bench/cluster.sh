# shellcheck shell=bash
# cluster.sh - the temporary cluster the benchmarks run in (sourced).
#
#   . "$here/cluster.sh"; bench_cluster NAME PORT [EXTRA_CONF_LINE...]
#
# Finds pg_config as the Makefile does, checks that graphql is installed,
# creates a cluster as the postgres OS user when run as root (unix socket
# only, graphql preloaded, fsync off), starts it and removes it on exit.
# Sets: repo, bindir, work (the scratch directory, writable by the cluster's
# owner), as_owner (run a command as that owner), psql_ (psql on database
# postgres, stopping on the first error).

# shellcheck disable=SC2034 # the variables are the interface
bench_cluster() {
	local name=$1 port=$2 libdir line
	shift 2
	repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	if [ -z "${PG_CONFIG:-}" ]; then
		# shellcheck disable=SC2016 # $(PG_CONFIG) is for make
		PG_CONFIG=$(make -s --no-print-directory -C "$repo" -f Makefile -f - \
			bench-print-pg-config <<<'bench-print-pg-config: ; @echo $(PG_CONFIG)')
	fi
	bindir=$("$PG_CONFIG" --bindir)
	libdir=$("$PG_CONFIG" --pkglibdir)
	if [ ! -x "$bindir/initdb" ]; then
		echo "$name: no initdb in $bindir (set PG_CONFIG)" >&2
		exit 1
	fi
	if [ ! -f "$libdir/graphql.so" ]; then
		echo "$name: graphql is not installed in $libdir (run make install)" >&2
		exit 1
	fi
	if [ "$(id -u)" -eq 0 ]; then
		as_owner() { runuser -u postgres -- "$@"; }
	else
		as_owner() { "$@"; }
	fi
	work=$(mktemp -d "${TMPDIR:-/tmp}/graphql-bench.XXXXXX")
	bench_started=
	trap bench_cleanup EXIT
	trap 'exit 130' INT TERM
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres "$work"
	fi
	as_owner "$bindir/initdb" -D "$work/data" -A trust -U postgres >/dev/null
	{
		echo "shared_preload_libraries = 'graphql'"
		echo "port = $port"
		echo "listen_addresses = ''"
		echo "unix_socket_directories = '$work'"
		echo "fsync = off"
		for line in "$@"; do
			echo "$line"
		done
	} >>"$work/data/postgresql.conf"
	as_owner "$bindir/pg_ctl" -D "$work/data" -l "$work/log" -w start >/dev/null
	bench_started=1
	bench_port=$port
}

# Stop and remove the cluster (the EXIT trap)
bench_cleanup() {
	if [ -n "${bench_started:-}" ]; then
		as_owner "$bindir/pg_ctl" -D "$work/data" -m immediate -w stop \
			>/dev/null 2>&1 || true
	fi
	rm -rf "$work"
}

# psql on the benchmark cluster
psql_() {
	as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$bench_port" \
		-U postgres -d postgres "$@"
}
