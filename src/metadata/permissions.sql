
/* graphql--0.1.0.sql, part 5: permissions compiled into RLS policies and GRANTs (src/metadata/permissions.sql) */

-- CONTRACT STUBS (signatures are final; bodies to be written)

-- Rebuild the RLS policies and GRANTs of one table from its rows in
-- graphql.metadata_permission (consistent ones only).  Called by the
-- metadata API after every change that touches the table's permissions,
-- relationships or tracking (also when the last permission is gone).
CREATE FUNCTION graphql._apply_permissions(relid oid)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$ BEGIN END; $$;

-- Rebuild every table that has or had managed permissions
-- (replace_metadata, clear_metadata, reload_metadata).
CREATE FUNCTION graphql._apply_all_permissions()
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$ BEGIN END; $$;

REVOKE EXECUTE ON FUNCTION graphql._apply_permissions(oid), graphql._apply_all_permissions() FROM PUBLIC;
