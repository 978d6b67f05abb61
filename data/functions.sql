-- functions.sql - the schema of sql/functions.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Users and posts, functions of every kind that becomes a field (SETOF,
-- one row, scalar, VOLATILE, computed), and the kinds that are left out.
-- conformance: no execution check: f_boom_users and f_user_boom raise on purpose (errors located at their fields)
CREATE TABLE f_user (id int PRIMARY KEY, name text NOT NULL, first text, last text, score int);
CREATE TABLE f_post (id int PRIMARY KEY, user_id int REFERENCES f_user (id), title text NOT NULL, likes int NOT NULL);
INSERT INTO f_user VALUES (1, 'ann', 'Ann', 'Lee', 5), (2, 'bob', 'Bob', 'Ray', 3),
                          (3, 'cid', 'Cid', NULL, 8), (4, 'dan', 'Dan', 'Xu', 1);
INSERT INTO f_post VALUES (10, 1, 'hello', 3), (11, 1, 'world', 9), (12, 2, 'again', 1), (13, 3, 'x', 0);
-- root fields
CREATE FUNCTION f_search_users(q text) RETURNS SETOF f_user STABLE LANGUAGE sql
  AS $$ SELECT * FROM f_user WHERE name ILIKE '%' || q || '%' $$;
CREATE FUNCTION f_all_users() RETURNS SETOF f_user STABLE LANGUAGE sql AS $$ SELECT * FROM f_user $$;
CREATE FUNCTION f_user_by_name(n text) RETURNS f_user STABLE LANGUAGE sql
  AS $$ SELECT * FROM f_user WHERE name = n $$;
CREATE FUNCTION f_add(a int, b int DEFAULT 10) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT a + b $$;
CREATE FUNCTION f_two(a int DEFAULT 1, b int DEFAULT 2) RETURNS int IMMUTABLE LANGUAGE sql AS $$ SELECT a * 10 + b $$;
CREATE FUNCTION f_double(int) RETURNS int STABLE LANGUAGE sql AS $$ SELECT $1 * 2 $$;
CREATE FUNCTION f_bump(amount int DEFAULT 1) RETURNS SETOF f_user VOLATILE LANGUAGE sql
  AS $$ UPDATE f_user SET score = score + amount RETURNING * $$;
CREATE FUNCTION f_new_user(uname text) RETURNS f_user VOLATILE LANGUAGE sql
  AS $$ INSERT INTO f_user (id, name) SELECT max(id) + 1, uname FROM f_user RETURNING * $$;
CREATE FUNCTION f_count_users() RETURNS bigint VOLATILE LANGUAGE sql AS $$ SELECT count(*) FROM f_user $$;
CREATE FUNCTION f_fail_v(msg text) RETURNS int VOLATILE LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'failed: %', msg; END $$;
CREATE FUNCTION f_boom_users() RETURNS SETOF f_user STABLE LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$;
-- left out: overloaded, variadic, trigger, SETOF of a scalar, a name that is taken
CREATE FUNCTION f_over(a int) RETURNS int STABLE LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION f_over(a text) RETURNS text STABLE LANGUAGE sql AS $$ SELECT a $$;
CREATE FUNCTION f_var(VARIADIC a int[]) RETURNS int STABLE LANGUAGE sql AS $$ SELECT array_length(a, 1) $$;
CREATE FUNCTION f_trig() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER f_trig BEFORE INSERT ON f_post FOR EACH ROW EXECUTE FUNCTION f_trig();
CREATE FUNCTION f_numbers(n int) RETURNS SETOF int STABLE LANGUAGE sql AS $$ SELECT generate_series(1, n) $$;
CREATE FUNCTION f_user_aggregate(n int) RETURNS int STABLE LANGUAGE sql AS $$ SELECT n $$;
-- computed fields of f_user
CREATE FUNCTION f_user_full_name(u f_user) RETURNS text STABLE LANGUAGE sql
  AS $$ SELECT u.first || ' ' || u.last $$;
CREATE FUNCTION f_user_score_plus(u f_user, n int) RETURNS int STABLE LANGUAGE sql AS $$ SELECT u.score + n $$;
CREATE FUNCTION f_user_popular_posts(u f_user, min_likes int DEFAULT 1) RETURNS SETOF f_post STABLE LANGUAGE sql
  AS $$ SELECT * FROM f_post WHERE user_id = u.id AND likes >= min_likes $$;
CREATE FUNCTION f_user_boom(u f_user) RETURNS int STABLE LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'boom for %', u.name; END $$;
-- left out: a VOLATILE computed field, one whose name is a column's
CREATE FUNCTION f_user_vol(u f_user) RETURNS int VOLATILE LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION f_user_name(u f_user) RETURNS text STABLE LANGUAGE sql AS $$ SELECT 'not the column' $$;
