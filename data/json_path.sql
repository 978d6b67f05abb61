-- json_path.sql - the schema of sql/json_path.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Documents with the same value as json and as jsonb (and a domain over
-- jsonb), their parts, a computed field and root functions returning
-- json values, for the path argument of json/jsonb fields.
CREATE DOMAIN jp_payload AS jsonb;
CREATE TABLE jp_doc (id int PRIMARY KEY, j json, jb jsonb, pl jp_payload, tags jsonb[], note text);
CREATE TABLE jp_part (id int PRIMARY KEY, doc_id int REFERENCES jp_doc (id), meta jsonb);
-- 1: an object with keys of every kind of path element; 2: an array; 3: a scalar; 4: NULL
INSERT INTO jp_doc (id, j, note) VALUES
  (1, $${"title": "t1", "size": {"w": 3, "h": 4}, "list": [10, 20, 30], "_hidden": true,
        "a-b": "hyphen", "%&*!": "odd", "labels": {"good day": "hello"},
        "items": [{"名前": "first"}, {"名前": "second"}], "quote'key": "single",
        "dq\"key": "double", "back\\slash": "backslash", "0": "zero key", "": "empty key",
        "NULL": "null key", "a\",\"b": "comma", "{}": "braces", "tab\tkey": "tab",
        "é": "accent", "x\"}'); DROP TABLE jp_doc; --": "hostile", "nested": {"deep": {"deeper": [[1, 2], [3, [4, 5]]]}}}$$, 'object'),
  (2, '[1, [2, 3], {"k": "v"}]', 'array'),
  (3, '"just a string"', 'scalar'),
  (4, NULL, 'null');
UPDATE jp_doc SET jb = j::jsonb, pl = j::jsonb;
INSERT INTO jp_part VALUES (10, 1, '{"kind": "cover", "pages": [1, 2]}'), (11, 1, '{"kind": "body"}'),
                           (12, 2, '[{"kind": "appendix"}]'), (13, 3, NULL);
-- a computed field of jp_doc, root functions returning rows and a json value
CREATE FUNCTION jp_doc_summary(d jp_doc) RETURNS jsonb STABLE LANGUAGE sql
  AS $$ SELECT jsonb_build_object('id', d.id, 'note', d.note, 'first', d.jb -> 'list' -> 0) $$;
CREATE FUNCTION jp_docs_noted(n text) RETURNS SETOF jp_doc STABLE LANGUAGE sql
  AS $$ SELECT * FROM jp_doc WHERE note = n $$;
CREATE FUNCTION jp_settings() RETURNS json STABLE LANGUAGE sql
  AS $$ SELECT '{"mode": "dark", "sizes": [8, 12]}'::json $$;
