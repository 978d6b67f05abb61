-- metadata_schema.sql - the schema of sql/metadata_schema.sql (loaded with \i), also
-- checked by make test's conformance (scripts/test.sh, conformance_fixtures).
-- Authors, articles, an enum table, a table outside graphql.schemas, an untracked
-- table, computed fields and functions, and the metadata that exposes and names
-- them, set through graphql.metadata() (Hasura's request bodies).  With
-- graphql.schemas = '' only the metadata decides what the GraphQL schema shows.
-- conformance: graphql.schemas = ''
CREATE SCHEMA ms_extra;
-- the enum table: its single-column text primary key becomes ms_status_enum
CREATE TABLE ms_status (value text PRIMARY KEY, comment text);
INSERT INTO ms_status VALUES ('draft', 'Not yet visible'), ('published', 'Visible to everyone');
CREATE TABLE ms_author (id int PRIMARY KEY, full_name text NOT NULL, rating int);
CREATE TABLE ms_article (id serial PRIMARY KEY, author_id int NOT NULL REFERENCES ms_author (id),
                         title text NOT NULL, status text NOT NULL REFERENCES ms_status (value),
                         words int NOT NULL DEFAULT 0);
-- untracked: exposed only when its schema is in graphql.schemas
CREATE TABLE ms_untracked (id int PRIMARY KEY, author_id int REFERENCES ms_author (id), note text);
-- outside every graphql.schemas of the suite: exposed because it is tracked.  The
-- profile holds the foreign key to its author (an object relationship of the author
-- on the remote table); tags have no foreign key (a manual relationship)
CREATE TABLE ms_extra.ms_profile (id serial PRIMARY KEY, author_id int NOT NULL UNIQUE REFERENCES ms_author (id),
                                  bio text);
CREATE TABLE ms_extra.ms_tag (id serial PRIMARY KEY, article_ref int NOT NULL, label text NOT NULL);
INSERT INTO ms_author VALUES (1, 'Ann Lee', 5), (2, 'Bob Ray', 3), (3, 'Cid Xu', NULL);
INSERT INTO ms_article (author_id, title, status, words) VALUES
  (1, 'First', 'published', 100), (1, 'Second', 'draft', 250), (2, 'Third', 'published', 50);
INSERT INTO ms_untracked VALUES (1, 1, 'hidden');
INSERT INTO ms_extra.ms_profile (author_id, bio) VALUES (1, 'Writes a lot');
INSERT INTO ms_extra.ms_tag (article_ref, label) VALUES (1, 'intro'), (1, 'news'), (3, 'misc');
SELECT setval('ms_article_id_seq', 100), setval('ms_extra.ms_profile_id_seq', 100), setval('ms_extra.ms_tag_id_seq', 100);
-- computed fields: the row argument second; a scalar without other arguments; rows
CREATE FUNCTION ms_extra.ms_label(prefix text, author ms_author) RETURNS text STABLE LANGUAGE sql
  AS $$ SELECT prefix || author.full_name $$;
CREATE FUNCTION ms_extra.ms_article_count(author ms_author) RETURNS bigint STABLE LANGUAGE sql
  AS $$ SELECT count(*) FROM ms_article WHERE author_id = author.id $$;
CREATE FUNCTION ms_extra.ms_long_articles(author ms_author, min_words int) RETURNS SETOF ms_article STABLE LANGUAGE sql
  AS $$ SELECT * FROM ms_article WHERE author_id = author.id AND words >= min_words $$;
-- tracked functions: a query under a custom name, a VOLATILE one exposed as a query
CREATE FUNCTION ms_extra.ms_search(q text) RETURNS SETOF ms_article STABLE LANGUAGE sql
  AS $$ SELECT * FROM ms_article WHERE title ILIKE '%' || q || '%' $$;
CREATE FUNCTION ms_extra.ms_peek(n int) RETURNS SETOF ms_author VOLATILE LANGUAGE sql
  AS $$ SELECT * FROM ms_author WHERE id <= n $$;
-- a role that may read articles and authors but not the enum table
CREATE ROLE ms_reader NOLOGIN;
GRANT USAGE ON SCHEMA ms_extra TO ms_reader;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ms_extra TO ms_reader;

SELECT graphql.metadata($${"type": "bulk", "args": [
  {"type": "pg_track_table", "args": {"table": {"schema": "public", "name": "ms_status"}, "is_enum": true}},
  {"type": "pg_track_table", "args": {"table": "ms_author", "configuration": {
     "custom_name": "writer",
     "column_config": {"full_name": {"custom_name": "name"}}}}},
  {"type": "pg_track_table", "args": {"table": "ms_article", "configuration": {
     "column_config": {"id": {"custom_name": "postId"}, "title": {"custom_name": "headline"},
                       "author_id": {"custom_name": "writerId"}},
     "custom_root_fields": {
       "select": "posts", "select_by_pk": "post", "select_aggregate": "postStats",
       "insert": "addPosts", "insert_one": "addPost",
       "update": "editPosts", "update_by_pk": "editPost", "update_many": "editPostsMany",
       "delete": "removePosts", "delete_by_pk": "removePost"}}}},
  {"type": "pg_track_table", "args": {"table": {"schema": "ms_extra", "name": "ms_profile"}}},
  {"type": "pg_track_table", "args": {"table": {"schema": "ms_extra", "name": "ms_tag"}}},
  {"type": "pg_create_object_relationship", "args": {"table": "ms_article", "name": "writer",
     "using": {"foreign_key_constraint_on": "author_id"}}},
  {"type": "pg_create_array_relationship", "args": {"table": "ms_author", "name": "posts",
     "using": {"foreign_key_constraint_on": {"table": "ms_article", "column": "author_id"}}}},
  {"type": "pg_create_object_relationship", "args": {"table": "ms_author", "name": "profile",
     "using": {"foreign_key_constraint_on": {"table": {"schema": "ms_extra", "name": "ms_profile"}, "column": "author_id"}}}},
  {"type": "pg_create_object_relationship", "args": {"table": {"schema": "ms_extra", "name": "ms_profile"}, "name": "writer",
     "using": {"foreign_key_constraint_on": "author_id"}}},
  {"type": "pg_create_array_relationship", "args": {"table": "ms_article", "name": "tags",
     "using": {"manual_configuration": {"remote_table": {"schema": "ms_extra", "name": "ms_tag"},
                                        "column_mapping": {"id": "article_ref"}}}}},
  {"type": "pg_add_computed_field", "args": {"table": "ms_author", "name": "label",
     "definition": {"function": {"schema": "ms_extra", "name": "ms_label"}, "table_argument": "author"}}},
  {"type": "pg_add_computed_field", "args": {"table": "ms_author", "name": "article_count",
     "definition": {"function": {"schema": "ms_extra", "name": "ms_article_count"}}}},
  {"type": "pg_add_computed_field", "args": {"table": "ms_author", "name": "long_posts",
     "definition": {"function": {"schema": "ms_extra", "name": "ms_long_articles"}, "table_argument": "author"}}},
  {"type": "pg_track_function", "args": {"function": {"schema": "ms_extra", "name": "ms_search"},
     "configuration": {"custom_name": "find_posts"}}},
  {"type": "pg_track_function", "args": {"function": {"schema": "ms_extra", "name": "ms_peek"},
     "configuration": {"exposed_as": "query"}}},
  {"type": "pg_create_select_permission", "args": {"table": "ms_author", "role": "ms_reader",
     "permission": {"columns": ["id", "full_name"], "filter": {}, "computed_fields": ["label"]}}},
  {"type": "pg_create_select_permission", "args": {"table": "ms_article", "role": "ms_reader",
     "permission": {"columns": ["id", "author_id", "title", "status"], "filter": {"status": {"_eq": "published"}}}}}
]}$$);
