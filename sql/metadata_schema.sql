-- What the GraphQL schema makes of the metadata (doc/metadata.md, "Exposure"): with
-- graphql.schemas = '' only tracked objects exist, with their custom names, custom root
-- fields and column names, declared relationships of every form, enum tables, computed
-- fields and tracked functions; with graphql.schemas = 'public' automatic exposure adds
-- the other relations and relationships inferred between them.  Inconsistent metadata
-- leaves the rest of the schema working.  The metadata is set through graphql.metadata()
-- (data/metadata_schema.sql).  Schema excerpts come from graphql.sdl(), answers from
-- graphql.resolve(), compared with plain SQL where it helps.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
SET graphql.schemas = '';
-- the schema and its metadata (also checked by make test's conformance)
\set ECHO none
\i data/metadata_schema.sql
\set ECHO all

-- sdl_type(name): the fields (with the names of their arguments) of one type of the SDL,
-- descriptions left out; sdl_lines(pattern): the SDL lines matching a pattern
CREATE FUNCTION sdl_type(t text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  line text;
  inside boolean := false;
  indesc boolean := false;
  field text;
  args text[];
BEGIN
  FOR line IN SELECT l FROM regexp_split_to_table(graphql.sdl(), E'\n') AS l LOOP
    IF NOT inside THEN
      IF line ~ ('^(type|input|enum) ' || t || ' \{$') THEN
        inside := true;
        RETURN NEXT line;
      END IF;
      CONTINUE;
    END IF;
    IF line = '}' THEN
      RETURN NEXT line;
      RETURN;
    END IF;
    IF line ~ '^\s*"""' THEN
      IF line ~ '^\s*"""\s*$' THEN indesc := NOT indesc; END IF;
      CONTINUE;
    END IF;
    IF indesc OR line = '' THEN CONTINUE; END IF;
    IF field IS NOT NULL THEN          -- inside a field's argument list
      IF line ~ '^  \)' THEN
        RETURN NEXT '  ' || field || '(' || array_to_string(args, ', ') || ')' || substr(line, 4);
        field := NULL;
      ELSIF line ~ '^    \w+:' THEN
        args := args || substring(line FROM '^    (\w+):');
      END IF;
    ELSIF line ~ '^  \w+\($' THEN
      field := substring(line FROM '^  (\w+)\(');
      args := '{}';
    ELSE
      RETURN NEXT line;
    END IF;
  END LOOP;
END;
$$;
CREATE FUNCTION sdl_lines(pattern text) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT line FROM regexp_split_to_table(graphql.sdl(), E'\n') AS line WHERE line ~ pattern
$$;

-- ---------------------------------------------------------------- exposure, names
-- the root fields: tracked tables only (not ms_untracked), also those outside
-- graphql.schemas (ms_extra); ms_article under its custom root fields, ms_author under
-- its custom name; the tracked functions under their custom name (find_posts) and, the
-- VOLATILE ms_peek, in query_root because of exposed_as
SELECT sdl_type('query_root');
SELECT sdl_type('mutation_root');
SELECT count(*) AS untracked_lines FROM sdl_lines('ms_untracked');
-- custom column names in the object type, select and update columns, inputs, where,
-- order_by, the _by_pk arguments; the enum table's column type; relationships (the
-- declared object relationship writer is over a NOT NULL foreign key, yet nullable: ms_author
-- has row level security, which may hide the row; Hasura says writer!)
SELECT sdl_type('ms_article');
SELECT sdl_type('writer');
SELECT sdl_type('ms_article_select_column');
SELECT sdl_type('ms_article_update_column');
SELECT sdl_type('ms_article_insert_input');
SELECT sdl_type('ms_article_set_input');
SELECT sdl_type('ms_article_bool_exp');
SELECT sdl_type('ms_article_order_by');
SELECT sdl_type('ms_article_pk_columns_input');
-- (post is in query_root and subscription_root)
SELECT sdl_lines('^  (post|removePost)\(');
-- SQL keeps the real names
SELECT attname FROM pg_attribute WHERE attrelid = 'ms_article'::regclass AND attnum > 0 ORDER BY attnum;

-- ---------------------------------------------------------------- queries
SELECT graphql.resolve('{ posts(where: {headline: {_like: "%ir%"}}, order_by: [{writerId: desc}, {postId: asc}]) { postId headline writerId status } }')::jsonb;
SELECT id, title, author_id, status FROM ms_article WHERE title LIKE '%ir%' ORDER BY author_id DESC, id;
SELECT graphql.resolve('{ post(postId: 2) { postId headline } none: post(postId: 99) { postId } }')::jsonb;
SELECT graphql.resolve('{ postStats(where: {writerId: {_eq: 1}}) { aggregate { count max { words postId } } nodes { headline } } }')::jsonb;
SELECT graphql.resolve('{ posts(distinct_on: writerId, order_by: {writerId: asc}) { writerId } }')::jsonb;
-- the relationships: object (foreign key column), array (foreign key on the remote
-- table), object on the remote table (the profile holds the key), manual (tags)
SELECT graphql.resolve('{ writer(order_by: {id: asc}) { id name profile { bio writer { name } } posts(order_by: {postId: asc}) { headline tags(order_by: {id: asc}) { label } } posts_aggregate { aggregate { count } } } }')::jsonb;
SELECT graphql.resolve('{ posts(where: {tags: {label: {_eq: "news"}}}) { postId writer { name } } }')::jsonb;
SELECT graphql.resolve('{ ms_extra_ms_profile { bio writer { id } } }')::jsonb;
SELECT graphql.resolve('{ writer(where: {profile: {bio: {_is_null: false}}}, order_by: {posts_aggregate: {count: desc}}) { id } }')::jsonb;

-- ---------------------------------------------------------------- computed fields, functions
-- label: its row argument is the second one (table_argument); article_count: a scalar
-- usable in where and order_by; long_posts: rows of ms_article, with an argument
SELECT sdl_type('ms_extra_ms_label_args');
SELECT sdl_type('ms_extra_ms_long_articles_args');
SELECT sdl_type('writer_bool_exp');
SELECT sdl_type('writer_order_by');
SELECT graphql.resolve('{ writer(order_by: {id: asc}) { id label(args: {prefix: "Dr. "}) article_count long_posts(args: {min_words: 100}) { headline words } } }')::jsonb;
SELECT a.id, ms_extra.ms_label('Dr. ', a), ms_extra.ms_article_count(a) FROM ms_author AS a ORDER BY a.id;
SELECT graphql.resolve('{ writer(where: {article_count: {_gte: 1}}, order_by: [{article_count: desc}, {id: asc}]) { id article_count } }')::jsonb;
SELECT graphql.resolve('{ find_posts(args: {q: "ir"}, order_by: {postId: asc}) { postId headline } find_posts_aggregate(args: {q: "d"}) { aggregate { count } } }')::jsonb;
SELECT graphql.resolve('{ ms_extra_ms_peek(args: {n: 2}) { id name } }')::jsonb;
SELECT count(*) AS peek_in_mutation_root FROM sdl_type('mutation_root') AS l WHERE l ~ 'peek';

-- ---------------------------------------------------------------- enum tables
-- the values of ms_status become ms_status_enum, the type of ms_article.status; its
-- comparison takes enum values
SELECT sdl_type('ms_status_enum');
SELECT sdl_lines('^  (status|_eq|_in): .*ms_status_enum');
-- only equality, as in Hasura: no _gt/_lt over an enum table's values
SELECT sdl_type('ms_status_enum_comparison_exp');
SELECT graphql.resolve('{ posts(where: {status: {_eq: draft}}) { postId status } }')::jsonb;
SELECT graphql.resolve('query ($s: [ms_status_enum!]) { posts(where: {status: {_in: $s}}, order_by: {postId: asc}) { postId } }', '{"s": ["published"]}')::jsonb;
-- a string is not an enum value; neither is an unknown name
SELECT graphql.resolve('{ posts(where: {status: {_eq: "draft"}}) { postId } }')::jsonb;
SELECT graphql.resolve('{ posts(where: {status: {_eq: archived}}) { postId } }')::jsonb;
SELECT graphql.resolve('query ($s: ms_status_enum) { posts(where: {status: {_eq: $s}}) { postId } }', '{"s": "archived"}')::jsonb;

-- ---------------------------------------------------------------- mutations
BEGIN;
-- insert with an enum value and a nested object relationship (the author first)
SELECT graphql.resolve('mutation { addPost(object: {headline: "Fourth", status: draft, writer: {data: {id: 4, name: "Dan Ho"}}}) { postId headline status writerId writer { name } } }')::jsonb;
-- the object relationship on the remote table: the author is inserted first, then its
-- profile with the author's id; the array relationship likewise
SELECT graphql.resolve('mutation { insert_writer_one(object: {id: 5, name: "Eve Li", profile: {data: {bio: "New here"}}, posts: {data: [{headline: "Fifth", status: published}]}}) { id name profile { bio } posts { headline writerId } } }')::jsonb;
SELECT p.author_id, p.bio, a.full_name FROM ms_extra.ms_profile AS p JOIN ms_author AS a ON a.id = p.author_id ORDER BY 1;
-- updates and deletes under their custom root fields, with the custom column names
SELECT graphql.resolve('mutation { editPost(pk_columns: {postId: 1}, _set: {headline: "First!"}, _inc: {words: 1}) { postId headline words } }')::jsonb;
SELECT graphql.resolve('mutation { editPosts(where: {writerId: {_eq: 1}}, _set: {status: published}) { affected_rows returning { postId status } } }')::jsonb;
SELECT graphql.resolve('mutation { editPostsMany(updates: [{where: {postId: {_eq: 3}}, _set: {headline: "Third!"}}, {where: {headline: {_eq: "Third!"}}, _inc: {words: 5}}]) { affected_rows returning { headline words } } }')::jsonb;
SELECT graphql.resolve('mutation { removePost(postId: 101) { postId headline } removePosts(where: {headline: {_eq: "Fifth"}}) { affected_rows returning { postId } } }')::jsonb;
-- an upsert names the update columns by their custom names
SELECT graphql.resolve('mutation { addPosts(objects: [{postId: 2, writerId: 1, headline: "Second (v2)", status: draft}], on_conflict: {constraint: ms_article_pkey, update_columns: [headline]}) { affected_rows returning { postId headline status } } }')::jsonb;
SELECT id, author_id, title, status, words FROM ms_article ORDER BY id;
ROLLBACK;

-- ---------------------------------------------------------------- a role without the enum table
-- ms_reader may read ms_author and ms_article (published ones), not ms_status: no
-- ms_status root field, but the enum type is there, and it filters with it
BEGIN;
SET LOCAL ROLE ms_reader;
SELECT sdl_type('query_root');
SELECT l FROM sdl_type('ms_article') AS l WHERE l !~ '^  writer:';
SELECT sdl_type('ms_status_enum');
SELECT graphql.resolve('{ posts(where: {status: {_in: [draft, published]}}, order_by: {postId: asc}) { postId status writer { name } } }')::jsonb;
-- its computed field label gets the ms_author row with the columns it may not select as NULL
-- (the whole row, alias.*, would need every column)
SELECT graphql.resolve('{ writer(order_by: {id: asc}) { id name label(args: {prefix: "Dr. "}) } }')::jsonb;
ROLLBACK;

-- ---------------------------------------------------------------- with graphql.schemas = 'public'
-- automatic exposure adds ms_untracked (and nothing of ms_extra that is not tracked);
-- tracked tables keep their names.  Relationships are inferred only between
-- automatically exposed relations (ms_untracked -> ms_author and back), never to the
-- tracked ms_extra tables, and not where a declared one joins the same columns
-- (ms_article.writer, ms_author.posts)
SET graphql.schemas = 'public';
SELECT sdl_lines('^  \w+(\(|:)') AS l INTERSECT SELECT sdl_type('query_root') ORDER BY 1;
SELECT sdl_type('ms_untracked');
SELECT sdl_type('writer');
SELECT l FROM sdl_type('ms_article') AS l WHERE l !~ '^  writer:';
SELECT graphql.resolve('{ ms_untracked { note author { name posts_aggregate { aggregate { count } } } } }')::jsonb;
RESET graphql.schemas;
SHOW graphql.schemas;
SET graphql.schemas = '';

-- ---------------------------------------------------------------- inconsistent metadata
-- dropping a column named by column_config and the column of a manual relationship: the
-- metadata reports them, the schema loses the relationship (and the custom name) and
-- everything else still works
ALTER TABLE ms_article DROP COLUMN title;
ALTER TABLE ms_extra.ms_tag DROP COLUMN article_ref;
SELECT jsonb_pretty(graphql.metadata('{"type": "get_inconsistent_metadata", "args": {}}'));
SELECT l FROM sdl_type('ms_article') AS l WHERE l !~ '^  writer:';
SELECT count(*) AS tag_relationship_lines FROM sdl_lines('^  tags');
SELECT graphql.resolve('{ posts(order_by: {postId: asc}) { postId words writer { name } } ms_extra_ms_tag(order_by: {id: asc}) { label } }')::jsonb;
SELECT graphql.resolve('{ posts { tags { label } } }')::jsonb;

DROP FUNCTION sdl_type(text), sdl_lines(text);
SELECT graphql.metadata('{"type": "clear_metadata", "args": {}}');
DROP SCHEMA ms_extra CASCADE;
DROP TABLE ms_untracked, ms_article, ms_author, ms_status;
DROP OWNED BY ms_reader;
DROP ROLE ms_reader;
DROP EXTENSION graphql;
