
/* graphql--0.1.0.sql, part 5: permissions compiled into RLS policies and GRANTs (src/metadata/permissions.sql) */
