#!/usr/bin/env bash
# http.sh - load benchmark of the HTTP server: fixed queries at several
# concurrencies with wrk, requests per second, p50/p99 latency, errors,
# and the workers' memory before and after.
#
#   make install && bench/http.sh
#   DURATION=10 CONNECTIONS="1 8 32" bench/http.sh
#
# Environment: DURATION (seconds per run, 5), CONNECTIONS (the
# concurrencies, "1 4 16 64"), PORT (temporary cluster, 55791), HTTP_PORT
# (55792, loopback only), WORKERS (2), PG_CONFIG.  Needs wrk (Debian
# package wrk).  Traffic goes to 127.0.0.1 only; each run is bounded by
# DURATION.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/cluster.sh
. "$here/cluster.sh"

DURATION=${DURATION:-5}
CONNECTIONS=${CONNECTIONS:-1 4 16 64}
HTTP_PORT=${HTTP_PORT:-55792}
WORKERS=${WORKERS:-2}
SECRET=bench-secret

if ! command -v wrk >/dev/null 2>&1; then
	echo "http.sh: wrk is not installed (apt-get install wrk)" >&2
	exit 1
fi

bench_cluster http "${PORT:-55791}" \
	"graphql.http_port = $HTTP_PORT" \
	"graphql.http_listen_addresses = '127.0.0.1'" \
	"graphql.http_workers = $WORKERS" \
	"graphql.http_database = 'postgres'" \
	"graphql.http_admin_secret = '$SECRET'"
psql_() { "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$bench_port" -U postgres -d postgres "$@"; }
psql_ -c "CREATE EXTENSION graphql" -f "$repo/demo/demo.sql" >/dev/null
url=http://127.0.0.1:$HTTP_PORT/v1/graphql
for i in $(seq 100); do
	curl -sf "http://127.0.0.1:$HTTP_PORT/healthz" >/dev/null 2>&1 && break
	sleep 0.2
done

# RSS (kB) of every worker, summed
worker_rss() {
	local pid sum=0
	for pid in $(psql_ -At -c "SELECT pid FROM pg_stat_activity WHERE backend_type = 'graphql http worker'"); do
		sum=$((sum + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")))
	done
	echo "$sum"
}

# One wrk script per query: POST the body with the admin secret; non-2xx
# responses count as errors.
make_script() {
	local name=$1 body=$2
	cat >"$work/$name.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Hasura-Admin-Secret"] = "$SECRET"
LUA
}
make_script small '{"query": "{ authors(limit: 1, order_by: {id: asc}) { id name } }"}'
make_script nested '{"query": "{ authors(limit: 10, order_by: {id: asc}) { name articles(limit: 5) { title comments(limit: 3) { body } } } }"}'

printf '%-8s %5s %10s %9s %9s %7s %10s\n' query conns req/s p50 p99 errors rss_kB
rss_before=$(worker_rss)
for q in small nested small nested; do
	for c in $CONNECTIONS; do
		out=$(wrk -t "$((c < 2 ? 1 : 2))" -c "$c" -d "${DURATION}s" --latency -s "$work/$q.lua" "$url" 2>&1)
		rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
		p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
		p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
		errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
		printf '%-8s %5d %10s %9s %9s %7s %10s\n' "$q" "$c" "$rps" "$p50" "$p99" "$errors" "$(worker_rss)"
	done
done
rss_after=$(worker_rss)
echo "worker RSS (all workers): ${rss_before} kB before, ${rss_after} kB after"
echo "(each query runs twice: the second pass shows whether memory keeps growing once caches are warm)"
