-- relationships: object and array relationships inferred from foreign keys
-- (two-column keys, a self reference, two keys to one table and their
-- names), nesting four levels deep, filters through relationships with
-- EXISTS semantics both ways, ordering through each kind, and relationship
-- aggregates; checked against hand-written SQL.
SET client_min_messages = warning;
CREATE EXTENSION graphql;
-- the schema (also checked by make test's conformance)
\set ECHO none
\i data/relationships.sql
\set ECHO all
-- the relationship fields of each type and their types, from introspection
SELECT t ->> 'name' AS type, f ->> 'name' AS field,
       coalesce(f #>> '{type,name}', f #>> '{type,ofType,name}', f #>> '{type,ofType,ofType,ofType,name}')
         || CASE WHEN f #>> '{type,kind}' = 'NON_NULL' THEN ' (non-null' ELSE ' (nullable' END
         || CASE WHEN f #>> '{type,ofType,kind}' = 'LIST' THEN ' list)' ELSE ')' END AS of_type
FROM jsonb_each(graphql.resolve('{ a: __type(name: "rel_region") { ...T } b: __type(name: "rel_city") { ...T }
        c: __type(name: "rel_person") { ...T } d: __type(name: "rel_message") { ...T } }
        fragment T on __Type { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } }')::jsonb -> 'data') AS x(k, t),
     jsonb_array_elements(t -> 'fields') AS f
WHERE coalesce(f #>> '{type,name}', f #>> '{type,ofType,name}', f #>> '{type,ofType,ofType,ofType,name}') ~ '^rel_'
ORDER BY k, f ->> 'name';
-- object relationships (NULL when the key is NULL or half NULL) and array relationships
SELECT graphql.resolve('{ rel_message(order_by: {id: asc}) { id sender { name } recipient { name } } }');
SELECT graphql.resolve('{ rel_message(order_by: {id: asc}) { id sender { name } recipient { name } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('rel_message',
         (SELECT jsonb_agg(jsonb_build_object('id', m.id, 'sender', jsonb_build_object('name', s.name),
                                              'recipient', CASE WHEN r.id IS NULL THEN 'null'::jsonb
                                                                ELSE jsonb_build_object('name', r.name) END) ORDER BY m.id)
          FROM rel_message m JOIN rel_person s ON s.id = m.sender_id LEFT JOIN rel_person r ON r.id = m.recipient_id))) AS as_sql;
-- the two-column key, both ways
SELECT graphql.resolve('{ rel_city(order_by: {id: asc}) { name rel_region { country code name } } }');
SELECT graphql.resolve('{ rel_region(order_by: [{country: asc}, {code: asc}]) { name rel_city(order_by: {name: asc}) { name } } }');
-- the self reference: a manager and the people managed
SELECT graphql.resolve('{ rel_person(order_by: {id: asc}) { name manager { name } rel_person(order_by: {id: asc}) { name } } }');
-- two keys to one table: received (rel_message, by recipient_id) and sent (rel_message_by_sender_id)
SELECT graphql.resolve('{ rel_person(order_by: {id: asc}) { id rel_message(order_by: {id: asc}) { id } rel_message_by_sender_id(order_by: {id: asc}) { id } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('rel_person',
         (SELECT jsonb_agg(jsonb_build_object('id', p.id,
            'rel_message', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id) ORDER BY m.id), '[]')
                            FROM rel_message m WHERE m.recipient_id = p.id),
            'rel_message_by_sender_id', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id) ORDER BY m.id), '[]')
                                         FROM rel_message m WHERE m.sender_id = p.id)) ORDER BY p.id)
          FROM rel_person p))) AS two_keys_as_sql;
SELECT graphql.resolve('{ rel_person_by_pk(id: 1) { received: rel_message(order_by: {id: asc}) { body sender { name } }
                                                     sent: rel_message_by_sender_id(order_by: {id: asc}) { body recipient { name } } } }');
-- four levels down (region → city → person → message sent → its recipient) ...
SELECT graphql.resolve('{ rel_region(where: {code: {_eq: 1}}, order_by: {country: asc}) { name
    rel_city(order_by: {id: asc}) { name rel_person(order_by: {id: asc}) { name
      rel_message_by_sender_id(order_by: {id: asc}) { body recipient { name } } } } } }');
SELECT graphql.resolve('{ rel_region(order_by: [{country: asc}, {code: asc}]) { name
    rel_city(order_by: {id: asc}) { name rel_person(order_by: {id: asc}) { name
      rel_message_by_sender_id(order_by: {id: asc}) { body } } } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('rel_region', (SELECT jsonb_agg(jsonb_build_object('name', g.name,
         'rel_city', (SELECT coalesce(jsonb_agg(jsonb_build_object('name', c.name,
            'rel_person', (SELECT coalesce(jsonb_agg(jsonb_build_object('name', p.name,
               'rel_message_by_sender_id', (SELECT coalesce(jsonb_agg(jsonb_build_object('body', m.body) ORDER BY m.id), '[]')
                                            FROM rel_message m WHERE m.sender_id = p.id)) ORDER BY p.id), '[]')
                           FROM rel_person p WHERE p.city_id = c.id)) ORDER BY c.id), '[]')
                      FROM rel_city c WHERE (c.country, c.region_code) = (g.country, g.code))) ORDER BY g.country, g.code)
       FROM rel_region g))) AS four_down_as_sql;
-- ... and four levels up (message → sender → city → region; person → manager → manager → manager)
SELECT graphql.resolve('{ rel_message(order_by: {id: asc}) { id sender { name city { name rel_region { name } } } } }');
SELECT graphql.resolve('{ rel_person_by_pk(id: 5) { name manager { name manager { name manager { name manager { name } } } } } }');
-- filters through relationships: the ids selected, and whether they are those of the SQL condition
CREATE FUNCTION rel_ids(q text) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN r ? 'errors' THEN (r -> 'errors')::text
         ELSE (SELECT coalesce(string_agg(coalesce(e ->> 'id', e ->> 'name'), ' ' ORDER BY o), '')
               FROM jsonb_each(r -> 'data') AS d(k, v), jsonb_array_elements(v) WITH ORDINALITY AS x(e, o)) END
  FROM (SELECT graphql.resolve(q)::jsonb AS r) AS s $$;
CREATE FUNCTION rel_ref(tab text, key text, cond text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format('SELECT coalesce(string_agg(%s::text, '' '' ORDER BY %s), '''') FROM %I AS t WHERE %s', key, key, tab, cond) INTO r;
  RETURN r;
END $$;
SELECT n, w AS "where", rel_ids(format('{ %s(where: %s, order_by: {%s: asc}) { %s } }', tab, w, key, key)) AS selected,
       rel_ids(format('{ %s(where: %s, order_by: {%s: asc}) { %s } }', tab, w, key, key)) = rel_ref(tab, key, cond) AS as_sql
FROM (VALUES
  -- array relationships: some related row matches (each parent once, however many match)
  (1, 'rel_person', 'id', '{rel_message_by_sender_id: {body: {_like: "hi%"}}}',
      'EXISTS (SELECT FROM rel_message m WHERE m.sender_id = t.id AND m.body LIKE ''hi%'')'),
  (2, 'rel_person', 'id', '{rel_message: {}}', 'EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id)'),
  (3, 'rel_person', 'id', '{_not: {rel_message_by_sender_id: {}}}', 'NOT EXISTS (SELECT FROM rel_message m WHERE m.sender_id = t.id)'),
  (4, 'rel_person', 'id', '{rel_message: {sender_id: {_neq: 2}}}',
      'EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.sender_id <> 2)'),
  (5, 'rel_person', 'id', '{_not: {rel_message: {sender_id: {_eq: 2}}}}',
      'NOT EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.sender_id = 2)'),
  -- two conditions on one related row, or on two (maybe different) rows
  (6, 'rel_person', 'id', '{rel_message: {_and: [{id: {_eq: 11}}, {id: {_eq: 14}}]}}',
      'EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.id = 11 AND m.id = 14)'),
  (7, 'rel_person', 'id', '{_and: [{rel_message: {id: {_eq: 11}}}, {rel_message: {id: {_eq: 14}}}]}',
      'EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.id = 11) AND EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.id = 14)'),
  (8, 'rel_person', 'id', '{_or: [{rel_message: {id: {_eq: 12}}}, {rel_message_by_sender_id: {id: {_eq: 15}}}]}',
      'EXISTS (SELECT FROM rel_message m WHERE m.recipient_id = t.id AND m.id = 12) OR EXISTS (SELECT FROM rel_message m WHERE m.sender_id = t.id AND m.id = 15)'),
  -- object relationships: the related row exists and matches (a NULL key matches nothing)
  (9, 'rel_message', 'id', '{sender: {city: {name: {_eq: "Oslo"}}}}',
      'EXISTS (SELECT FROM rel_person p JOIN rel_city c ON c.id = p.city_id WHERE p.id = t.sender_id AND c.name = ''Oslo'')'),
  (10, 'rel_message', 'id', '{recipient: {}}', 'EXISTS (SELECT FROM rel_person p WHERE p.id = t.recipient_id)'),
  (11, 'rel_message', 'id', '{_not: {recipient: {}}}', 'NOT EXISTS (SELECT FROM rel_person p WHERE p.id = t.recipient_id)'),
  (12, 'rel_message', 'id', '{recipient: {id: {_is_null: true}}}', 'false'),
  (13, 'rel_message', 'id', '{_not: {recipient: {name: {_eq: "Ann"}}}}',
      'NOT EXISTS (SELECT FROM rel_person p WHERE p.id = t.recipient_id AND p.name = ''Ann'')'),
  (14, 'rel_message', 'id', '{sender: {name: {_eq: "Ann"}}, recipient: {name: {_eq: "Bob"}}}',
      'sender_id = 1 AND recipient_id = 2'),
  -- the two-column key
  (15, 'rel_city', 'id', '{rel_region: {name: {_eq: "North"}}}',
      'EXISTS (SELECT FROM rel_region g WHERE (g.country, g.code) = (t.country, t.region_code) AND g.name = ''North'')'),
  (16, 'rel_city', 'id', '{_not: {rel_region: {}}}',
      'NOT EXISTS (SELECT FROM rel_region g WHERE (g.country, g.code) = (t.country, t.region_code))'),
  (17, 'rel_region', 'name', '{rel_city: {name: {_like: "%o"}}}',
      'EXISTS (SELECT FROM rel_city c WHERE (t.country, t.code) = (c.country, c.region_code) AND c.name LIKE ''%o'')'),
  (18, 'rel_region', 'name', '{_not: {rel_city: {}}}',
      'NOT EXISTS (SELECT FROM rel_city c WHERE (t.country, t.code) = (c.country, c.region_code))'),
  -- the self reference, both ways and twice
  (19, 'rel_person', 'id', '{manager: {name: {_eq: "Ann"}}}', 'manager_id = 1'),
  (20, 'rel_person', 'id', '{rel_person: {name: {_eq: "Eve"}}}', 'id = 4'),
  (21, 'rel_person', 'id', '{manager: {manager: {id: {_eq: 1}}}}',
      'EXISTS (SELECT FROM rel_person m WHERE m.id = t.manager_id AND m.manager_id = 1)'),
  (22, 'rel_person', 'id', '{rel_person: {rel_person: {}}}',
      'EXISTS (SELECT FROM rel_person a JOIN rel_person b ON b.manager_id = a.id WHERE a.manager_id = t.id)'),
  (23, 'rel_person', 'id', '{_not: {manager: {}}}', 'manager_id IS NULL'),
  -- three relationships down, and a mix of directions
  (24, 'rel_region', 'name', '{rel_city: {rel_person: {rel_message_by_sender_id: {body: {_ilike: "%ALL%"}}}}}',
      'EXISTS (SELECT FROM rel_city c JOIN rel_person p ON p.city_id = c.id JOIN rel_message m ON m.sender_id = p.id
               WHERE (c.country, c.region_code) = (t.country, t.code) AND m.body ILIKE ''%ALL%'')'),
  (25, 'rel_message', 'id', '{sender: {rel_message: {sender: {name: {_eq: "Bob"}}}}}',
      'EXISTS (SELECT FROM rel_message r WHERE r.recipient_id = t.sender_id AND r.sender_id = 2)'),
  (26, 'rel_city', 'id', '{rel_person: {manager: {city: {name: {_eq: "Oslo"}}}}}',
      'EXISTS (SELECT FROM rel_person p JOIN rel_person m ON m.id = p.manager_id JOIN rel_city c ON c.id = m.city_id
               WHERE p.city_id = t.id AND c.name = ''Oslo'')')
) AS c(n, tab, key, w, cond)
ORDER BY n;
-- ordering through each kind of relationship: the ids (or names) returned, and whether in the SQL order
CREATE FUNCTION rel_order(tab text, key text, ord text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format('SELECT coalesce(string_agg(%s::text, '' '' ORDER BY %s), '''') FROM %I AS t', key, ord, tab) INTO r;
  RETURN r;
END $$;
SELECT n, o AS order_by, rel_ids(format('{ %s(order_by: %s) { %s } }', tab, o, key)) AS returned,
       rel_ids(format('{ %s(order_by: %s) { %s } }', tab, o, key)) = rel_order(tab, key, ord) AS as_sql
FROM (VALUES
  (1, 'rel_city', 'id', '[{rel_region: {name: asc}}, {id: asc}]',
      '(SELECT g.name FROM rel_region g WHERE (g.country, g.code) = (t.country, t.region_code)) ASC NULLS LAST, id'),
  (2, 'rel_region', 'name', '[{rel_city_aggregate: {count: desc}}, {name: asc}]',
      '(SELECT count(*) FROM rel_city c WHERE (c.country, c.region_code) = (t.country, t.code)) DESC, name'),
  (3, 'rel_person', 'id', '[{manager: {name: desc_nulls_last}}, {id: asc}]',
      '(SELECT m.name FROM rel_person m WHERE m.id = t.manager_id) DESC NULLS LAST, id'),
  (4, 'rel_person', 'id', '[{rel_person_aggregate: {count: desc}}, {id: asc}]',
      '(SELECT count(*) FROM rel_person p WHERE p.manager_id = t.id) DESC, id'),
  (5, 'rel_person', 'id', '[{rel_message_by_sender_id_aggregate: {count: desc}}, {rel_message_aggregate: {max: {id: desc_nulls_last}}}, {id: asc}]',
      '(SELECT count(*) FROM rel_message m WHERE m.sender_id = t.id) DESC, (SELECT max(m.id) FROM rel_message m WHERE m.recipient_id = t.id) DESC NULLS LAST, id'),
  (6, 'rel_message', 'id', '[{sender: {city: {rel_region: {name: asc}}}}, {id: desc}]',
      '(SELECT g.name FROM rel_person p JOIN rel_city c ON c.id = p.city_id JOIN rel_region g ON (g.country, g.code) = (c.country, c.region_code)
        WHERE p.id = t.sender_id) ASC NULLS LAST, id DESC'),
  (7, 'rel_message', 'id', '[{recipient: {manager: {name: asc_nulls_first}}}, {id: asc}]',
      '(SELECT m.name FROM rel_person p JOIN rel_person m ON m.id = p.manager_id WHERE p.id = t.recipient_id) ASC NULLS FIRST, id')
) AS c(n, tab, key, o, ord)
ORDER BY n;
-- distinct_on, then an object relationship in order_by
SELECT rel_ids('{ rel_person(distinct_on: city_id, order_by: [{city_id: asc}, {manager: {id: desc}}]) { id } }') AS returned,
       (SELECT string_agg(id::text, ' ' ORDER BY city_id ASC NULLS LAST, mid DESC NULLS FIRST)
        FROM (SELECT DISTINCT ON (city_id) p.id, p.city_id, m.id AS mid FROM rel_person p LEFT JOIN rel_person m ON m.id = p.manager_id
              ORDER BY city_id ASC NULLS LAST, m.id DESC NULLS FIRST) AS d) AS as_sql;
-- a filter on a nested array relationship, through an object relationship
SELECT graphql.resolve('{ rel_person(order_by: {id: asc}, where: {id: {_lte: 3}}) { name rel_message(where: {sender: {name: {_eq: "Bob"}}}) { id } } }');
-- relationship aggregates: per parent, with where, with nodes; against SQL
SELECT graphql.resolve('{ rel_person(order_by: {id: asc}) { id
    sent: rel_message_by_sender_id_aggregate { aggregate { count max { id } } }
    received: rel_message_aggregate(where: {sender: {name: {_neq: "Bob"}}}) { aggregate { count } nodes { id } } } }')::jsonb
     = jsonb_build_object('data', jsonb_build_object('rel_person', (SELECT jsonb_agg(jsonb_build_object('id', p.id,
         'sent', (SELECT jsonb_build_object('aggregate', jsonb_build_object('count', count(*), 'max', jsonb_build_object('id', max(m.id))))
                  FROM rel_message m WHERE m.sender_id = p.id),
         'received', (SELECT jsonb_build_object('aggregate', jsonb_build_object('count', count(*)),
                                                'nodes', coalesce(jsonb_agg(jsonb_build_object('id', m.id) ORDER BY m.id), '[]'))
                      FROM rel_message m JOIN rel_person s ON s.id = m.sender_id WHERE m.recipient_id = p.id AND s.name <> 'Bob'))
         ORDER BY p.id) FROM rel_person p))) AS aggregates_as_sql;
SELECT graphql.resolve('{ rel_region(order_by: [{country: asc}, {code: asc}]) { name
    rel_city_aggregate { aggregate { count } nodes { name rel_person_aggregate { aggregate { count } } } } } }');
-- an aggregate under an object relationship, and the root aggregate of a relationship target
SELECT graphql.resolve('{ rel_message_by_pk(id: 15) { sender { manager { rel_person_aggregate { aggregate { count } } } } }
                          rel_person_aggregate(where: {manager: {}}) { aggregate { count } } }');
DROP FUNCTION rel_ids(text), rel_ref(text, text, text), rel_order(text, text, text);
DROP TABLE rel_message, rel_person, rel_city, rel_region;
DROP EXTENSION graphql;
