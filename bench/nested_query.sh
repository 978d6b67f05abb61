#!/usr/bin/env bash
#
# nested_query.sh -- how long graphql.resolve() takes to answer a nested
# query, compared with the hand-written SQL that returns the same JSON.
#
# Usage (after `make install`; run as root or as a user who may run
# PostgreSQL; as root the cluster runs as the `postgres` OS user):
#
#   bench/nested_query.sh                 # demo data x5, 200 calls, 3 sessions
#   SCALE=1 CALLS=500 RUNS=5 bench/nested_query.sh
#   PORT=55444 PG_CONFIG=/path/to/pg_config bench/nested_query.sh
#
# Environment:
#   SCALE      size of the data as a multiple of demo/demo.sql (default 5:
#              100 authors, 600 articles, 1,800 comments; 1 = the demo as is)
#   CALLS      timed calls of each statement per session (default 200)
#   WARMUP     untimed calls of each statement first (default 10)
#   RUNS       sessions, each timing CALLS calls of everything (default 3)
#   PORT       port of the temporary cluster (default 55444; socket only)
#   PG_CONFIG  pg_config of the server to use (default: the Makefile's)
#
# It creates a temporary cluster (removed on exit), creates the extension,
# loads demo/demo.sql and adds rows to it (generate_series and arithmetic,
# nothing random), then, for two GraphQL queries -- a 3-level nested list
# (authors -> articles -> comments) and a single row by primary key --
# times inside one plpgsql DO block per session, with clock_timestamp()
# around each call, each statement run by EXECUTE as a client would send it:
#
#   (a) resolve:      SELECT graphql.resolve($1), the document as parameter:
#                     parse + validate + plan to SQL + run that SQL
#   (b) hand SQL:     the SQL a careful human writes for the same JSON
#                     (json_build_object / json_agg / correlated subqueries)
#   (c) explain SQL:  the statement graphql.explain() gives, run directly
#
# Before timing it checks that (a)'s "data" equals (b) and (c) as jsonb and
# stops if not.  It prints the median milliseconds per call of each (per
# session and over all calls), the mean, and the ratios (a)/(b), (c)/(b).
# See bench/README.md.
#
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)

SCALE=${SCALE:-5}
CALLS=${CALLS:-200}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-3}
PORT=${PORT:-55444}

for v in SCALE CALLS WARMUP RUNS PORT; do
	if ! [[ ${!v} =~ ^[0-9]+$ ]]; then
		echo "nested_query.sh: $v must be a whole number" >&2
		exit 1
	fi
done
if [ "$SCALE" -lt 1 ] || [ "$CALLS" -lt 1 ] || [ "$RUNS" -lt 1 ]; then
	echo "nested_query.sh: SCALE, CALLS and RUNS must be at least 1" >&2
	exit 1
fi

# shellcheck source=bench/cluster.sh
. "$here/cluster.sh"
bench_cluster nested_query.sh "$PORT" "jit = off"
# demo.sql is read by psql, which runs as the cluster's owner
cp "$repo/demo/demo.sql" "$work/demo.sql"
if [ "$(id -u)" -eq 0 ]; then
	chown postgres "$work/demo.sql"
fi

# ---------------------------------------------------------------------------
# The data: demo/demo.sql, then SCALE times as many authors and articles
# (three comments per article, as in the demo)
# ---------------------------------------------------------------------------
echo "loading demo/demo.sql x$SCALE ..."
psql_ -c 'CREATE EXTENSION graphql'
psql_ -f "$work/demo.sql"
psql_ <<EOF
SET client_min_messages = warning;
BEGIN;
INSERT INTO public.authors (id, name, email, bio, created_at)
SELECT i, 'Author ' || i, 'author' || i || '@example.com',
       CASE WHEN i % 4 <> 0 THEN 'Author ' || i || ' writes about databases.' END,
       timestamptz '2023-01-02 09:00:00+00' + (i * 11) * interval '1 day'
FROM generate_series(21, 20 * $SCALE) AS i;

INSERT INTO public.articles (id, author_id, title, body, status, rating,
                             metadata, created_at, published_at)
SELECT i, 1 + (i * 7) % (20 * $SCALE),
       'Article number ' || i,
       'Notes, part ' || i || '. ' || repeat('One more detail. ', 1 + i % 5),
       'published', round(1 + ((i * 37) % 41) / 10.0, 1),
       jsonb_build_object('reading_minutes', 1 + i % 9),
       timestamptz '2024-01-01 08:00:00+00' + i * interval '1 hour',
       timestamptz '2024-01-02 08:00:00+00' + i * interval '1 hour'
FROM generate_series(121, 120 * $SCALE) AS i;

INSERT INTO public.comments (id, article_id, author_id, body, created_at)
SELECT (ar.id - 1) * 3 + k, ar.id,
       1 + (ar.author_id - 1 + k * 5 + ar.id % 4) % (20 * $SCALE),
       'Comment ' || k || ' on article ' || ar.id,
       ar.created_at + (k * 7) * interval '1 hour'
FROM public.articles AS ar, generate_series(1, 3) AS k
WHERE ar.id > 120;
COMMIT;
ANALYZE public.authors, public.articles, public.comments;
EOF

# ---------------------------------------------------------------------------
# The statements: per query, (a) the GraphQL document, (b) the hand-written
# SQL, (c) graphql.explain's SQL.  nparams: the $n the SQL takes (the small
# query's key, 1, as $1 as graphql.resolve passes it).
# ---------------------------------------------------------------------------
psql_ <<'EOF'
CREATE TABLE bench_statement (
	query   text NOT NULL,
	variant text NOT NULL,
	sql     text NOT NULL,
	nparams int NOT NULL DEFAULT 0,
	PRIMARY KEY (query, variant)
);
CREATE TABLE bench_timing (
	run     int NOT NULL,
	query   text NOT NULL,
	variant text NOT NULL,
	ms      float8 NOT NULL
);

INSERT INTO bench_statement (query, variant, sql) VALUES
('nested', 'a', $q$ { authors(order_by: {id: asc}) { id name articles(order_by: {id: asc}) { id title comments(order_by: {id: asc}) { id body } } } } $q$),
('small', 'a', $q$ { authors_by_pk(id: 1) { name } } $q$);

INSERT INTO bench_statement (query, variant, sql, nparams) VALUES
('nested', 'b', $s$
SELECT json_build_object('authors', coalesce((
  SELECT json_agg(json_build_object(
           'id', au.id,
           'name', au.name,
           'articles', coalesce((
             SELECT json_agg(json_build_object(
                      'id', ar.id,
                      'title', ar.title,
                      'comments', coalesce((
                        SELECT json_agg(json_build_object('id', c.id, 'body', c.body)
                                        ORDER BY c.id)
                        FROM public.comments AS c
                        WHERE c.article_id = ar.id), '[]'::json))
                    ORDER BY ar.id)
             FROM public.articles AS ar
             WHERE ar.author_id = au.id), '[]'::json))
         ORDER BY au.id)
  FROM public.authors AS au), '[]'::json))
$s$, 0),
('small', 'b', $s$
SELECT json_build_object('authors_by_pk',
  (SELECT json_build_object('name', au.name) FROM public.authors AS au WHERE au.id = $1))
$s$, 1);

INSERT INTO bench_statement (query, variant, sql, nparams)
SELECT query, 'c', graphql.explain(sql), CASE query WHEN 'small' THEN 1 ELSE 0 END
FROM bench_statement WHERE variant = 'a';
EOF


# ---------------------------------------------------------------------------
# Same answer: (a)'s data = (b) = (c) as jsonb, for both queries; stop if not
# ---------------------------------------------------------------------------
check=$(psql_ -At <<'EOF'
-- one statement, run as the timing loop below runs it
CREATE FUNCTION bench_run_one(s bench_statement) RETURNS json
LANGUAGE plpgsql AS $f$
DECLARE
	r json;
BEGIN
	IF s.variant = 'a' THEN
		EXECUTE 'SELECT graphql.resolve($1)' INTO r USING s.sql;
	ELSIF s.nparams = 1 THEN
		EXECUTE s.sql INTO r USING 1;
	ELSE
		EXECUTE s.sql INTO r;
	END IF;
	RETURN r;
END
$f$;
CREATE TABLE bench_answer AS
SELECT s.query, s.variant, bench_run_one(s) AS j FROM bench_statement AS s;
SELECT format('%s: %s', a.query,
	CASE WHEN a.j IS NULL OR b.j IS NULL OR c.j IS NULL THEN 'no answer'
		 WHEN a.j::jsonb ? 'errors' THEN 'graphql.resolve answered ' || a.j::text
		 WHEN (a.j -> 'data')::jsonb IS DISTINCT FROM b.j::jsonb THEN '(a) data <> (b)'
		 WHEN c.j::jsonb IS DISTINCT FROM b.j::jsonb THEN '(c) <> (b)'
		 ELSE 'same' END)
FROM bench_answer AS a
JOIN bench_answer AS b USING (query)
JOIN bench_answer AS c USING (query)
WHERE a.variant = 'a' AND b.variant = 'b' AND c.variant = 'c'
ORDER BY a.query;
EOF
)
while IFS= read -r line; do
	echo "check: $line"
done <<<"$check"
if [ "$(grep -c ': same$' <<<"$check")" -ne 2 ]; then
	echo "nested_query.sh: (a), (b) and (c) do not give the same JSON; no timing" >&2
	exit 1
fi

# ---------------------------------------------------------------------------
# Timing: RUNS sessions; in each, one DO block runs every statement WARMUP
# times untimed, then CALLS rounds of all six statements in turn, each call
# timed with clock_timestamp() (per-call times, milliseconds)
# ---------------------------------------------------------------------------
for ((run = 1; run <= RUNS; run++)); do
	echo "session $run of $RUNS: $CALLS calls of each statement ..."
	psql_ <<EOF
DO \$\$
DECLARE
	st bench_statement[];
	s bench_statement;
	r json;
	t0 timestamptz;
	t1 timestamptz;
	qs text[] := '{}';
	vs text[] := '{}';
	ms float8[] := '{}';
BEGIN
	SELECT array_agg(x ORDER BY x.query, x.variant) INTO st FROM bench_statement AS x;
	FOR i IN 1..$WARMUP LOOP
		FOREACH s IN ARRAY st LOOP
			r := bench_run_one(s);
		END LOOP;
	END LOOP;
	FOR i IN 1..$CALLS LOOP
		FOREACH s IN ARRAY st LOOP
			IF s.variant = 'a' THEN
				t0 := clock_timestamp();
				EXECUTE 'SELECT graphql.resolve(\$1)' INTO r USING s.sql;
				t1 := clock_timestamp();
			ELSIF s.nparams = 1 THEN
				t0 := clock_timestamp();
				EXECUTE s.sql INTO r USING 1;
				t1 := clock_timestamp();
			ELSE
				t0 := clock_timestamp();
				EXECUTE s.sql INTO r;
				t1 := clock_timestamp();
			END IF;
			qs := array_append(qs, s.query);
			vs := array_append(vs, s.variant);
			ms := array_append(ms, 1000 * extract(epoch FROM t1 - t0)::float8);
		END LOOP;
	END LOOP;
	INSERT INTO bench_timing (run, query, variant, ms)
	SELECT $run, q, v, m FROM unnest(qs, vs, ms) AS u(q, v, m);
END
\$\$;
EOF
done

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
echo
psql_ -At <<'EOF'
WITH per_run AS (
	SELECT query, variant, run,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS med
	FROM bench_timing GROUP BY query, variant, run
), overall AS (
	SELECT query, variant,
		   percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS med,
		   avg(ms) AS mean, count(*) AS n
	FROM bench_timing GROUP BY query, variant
), line AS (
	SELECT o.query, o.variant,
		   format('  %-26s', CASE o.variant
				WHEN 'a' THEN '(a) graphql.resolve'
				WHEN 'b' THEN '(b) hand-written SQL'
				ELSE '(c) graphql.explain SQL' END)
		   || (SELECT string_agg(to_char(p.med, '9990.000'), ' ' ORDER BY p.run)
			   FROM per_run AS p WHERE (p.query, p.variant) = (o.query, o.variant))
		   || ' |' || to_char(o.med, '9990.000') || to_char(o.mean, '9990.000') AS text
	FROM overall AS o
), header AS (
	SELECT format('  %-26s', '')
		   || (SELECT string_agg(lpad('run ' || r, 9), ' ' ORDER BY r)
			   FROM (SELECT DISTINCT run AS r FROM bench_timing) AS d)
		   || ' |' || lpad('median', 9) || lpad('mean', 9) AS text
), ratio AS (
	SELECT query,
		   format('  (a)/(b) = %sx   (c)/(b) = %sx   (a) - (c) = %s ms per request',
				  to_char(max(med) FILTER (WHERE variant = 'a')
						  / max(med) FILTER (WHERE variant = 'b'), 'FM990.00'),
				  to_char(max(med) FILTER (WHERE variant = 'c')
						  / max(med) FILTER (WHERE variant = 'b'), 'FM990.00'),
				  to_char(max(med) FILTER (WHERE variant = 'a')
						  - max(med) FILTER (WHERE variant = 'c'), 'FM9990.000')) AS text
	FROM overall GROUP BY query
), title AS (
	SELECT query,
		   CASE query
			WHEN 'nested' THEN format(
				'nested query: authors -> articles -> comments (%s / %s / %s rows, %s kB of JSON)',
				(SELECT count(*) FROM public.authors),
				(SELECT count(*) FROM public.articles),
				(SELECT count(*) FROM public.comments),
				(SELECT round(octet_length(j::text) / 1024.0)
				 FROM bench_answer WHERE (query, variant) = ('nested', 'b')))
			ELSE 'small query: { authors_by_pk(id: 1) { name } }'
		   END AS text
	FROM (VALUES ('nested'), ('small')) AS q(query)
)
SELECT text FROM (
	SELECT query, 0 AS k, '' AS v, text FROM title
	UNION ALL SELECT q, 1, '', h.text FROM header AS h, (VALUES ('nested'), ('small')) AS x(q)
	UNION ALL SELECT query, 2, variant, text FROM line
	UNION ALL SELECT query, 3, '', text FROM ratio
	UNION ALL SELECT query, 4, '', '' FROM title
) AS t
ORDER BY query, k, v;
EOF
echo "ms per call: median of $CALLS calls in each of $RUNS sessions, then median and mean of all calls"
