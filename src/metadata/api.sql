
/* graphql--0.1.0.sql, part 4: the metadata API (src/metadata/api.sql) */
