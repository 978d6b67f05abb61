--
-- The extension itself: install, catalog entry, schema, members, removal
--
CREATE EXTENSION graphql;

-- name, version, schema, relocatable (as \dx and pg_extension see it)
SELECT e.extname, e.extversion, n.nspname AS schema, e.extrelocatable,
       obj_description(e.oid, 'pg_extension') AS description
FROM pg_extension AS e JOIN pg_namespace AS n ON n.oid = e.extnamespace
WHERE e.extname = 'graphql';

-- the schema exists
SELECT nspname FROM pg_namespace WHERE nspname = 'graphql';

-- everything the extension owns (a new object must show up here)
SELECT pg_describe_object(classid, objid, objsubid) AS member
FROM pg_depend
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'graphql')
  AND deptype = 'e'
ORDER BY 1;

-- not relocatable
ALTER EXTENSION graphql SET SCHEMA public;

-- the library is preloaded (test/regress.conf)
SHOW shared_preload_libraries;

-- dropping and creating again works
DROP EXTENSION graphql;
SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'graphql';
-- PostgreSQL keeps the schema that CREATE EXTENSION created, empty
SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'graphql'::regnamespace) AS relations,
       (SELECT count(*) FROM pg_proc WHERE pronamespace = 'graphql'::regnamespace) AS functions;
CREATE EXTENSION graphql;
SELECT extversion FROM pg_extension WHERE extname = 'graphql';
DROP EXTENSION graphql;
