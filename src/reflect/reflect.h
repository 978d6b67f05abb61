/*-------------------------------------------------------------------------
 *
 * reflect.h
 *	  Public interface of the reflection module: the database as a plain C
 *	  model (reflect.c), the Hasura-dialect GraphQL schema built from it
 *	  (build.c), and the per-backend schema cache (cache.c).
 *
 * Model.  graphql_catalog_reflect() reads pg_catalog with a handful of SPI
 * queries (one per aspect: relations, columns, keys, types), keeping only
 * what the current role may SELECT in the schemas of graphql.schemas.
 * Partitions of a partitioned table are left out (the parent is exposed).
 *
 * Sources.  graphql_catalog_build() sets the `source` pointer of schema
 * elements to model elements.  Every model struct a source may point to
 * starts with a GqlCatTag, so a consumer (the planner) dispatches on
 * `*(const GqlCatTag *) source`:
 *
 *	 types derived from a relation (<t>, <t>_bool_exp, <t>_order_by,
 *	 <t>_select_column, <t>_aggregate*, <t>_<op>_fields, ...)
 *												 -> GqlCatRelation
 *	 scalar / enum types of one PostgreSQL type, and their
 *	 comparison expressions					 -> GqlCatType
 *	 column fields (object type, bool_exp, order_by, <op>_fields,
 *	 <op>_order_by), select_column enum values, _by_pk arguments
 *												 -> GqlCatColumn
 *	 object and array relationship fields (object type, bool_exp,
 *	 order_by)									 -> GqlCatRelationship
 *	 <rel>_aggregate fields (object type, order_by)
 *												 -> GqlCatRole ARRAY_AGGREGATE
 *	 root fields <t>, <t>_by_pk, <t>_aggregate -> GqlCatRole ROOT_*
 *
 * Everything else (operators, standard arguments, _and/_or/_not, count,
 * sum, nodes, ..., the builtin scalars Int/Float/String/Boolean) has a
 * NULL source: its name is its meaning.
 *
 * Cache.  The schema of a role depends on the catalog, on the role
 * (privileges, membership) and on graphql.schemas.  graphql_schema_get()
 * keeps a few schemas per backend, keyed by (current_user, graphql.schemas),
 * each in its own memory context under one long-lived context.  They are
 * dropped when the schema version changes:
 *
 *	 - DDL, COMMENT ON, GRANT/REVOKE on objects: event triggers on
 *	   ddl_command_end and sql_drop (graphql--0.1.0.sql) set the one row of
 *	   graphql.schema_version to a fresh value of a sequence.  The row is
 *	   read once per request (one index-free single-row query).  A table
 *	   row, unlike a bare sequence, becomes visible only when the DDL
 *	   commits, and a sequence value is never reused, so a schema built
 *	   from uncommitted (later rolled back) DDL is never mistaken for a
 *	   committed state.
 *	 - Role membership and role attributes (GRANT role TO role, ALTER ROLE
 *	   ... SUPERUSER) are global commands that fire no event trigger; a
 *	   syscache callback on AUTHMEMROLEMEM and AUTHOID drops the cache of
 *	   this backend (the invalidation reaches every backend).
 *
 * Why not syscache/relcache callbacks alone: COMMENT ON writes
 * pg_description, which has no syscache and sends no invalidation at all;
 * and pg_class invalidations also come from ANALYZE, autovacuum and every
 * temporary table of every session, which would throw the cache away far
 * more often than DDL does.  The event trigger ignores temporary objects.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_REFLECT_H
#define GRAPHQL_REFLECT_H

#include "access/attnum.h"
#include "fmgr.h"
#include "schema/schema.h"

typedef enum GqlCatTag
{
	GQL_CAT_RELATION = 1,
	GQL_CAT_COLUMN,
	GQL_CAT_TYPE,
	GQL_CAT_OBJECT_RELATIONSHIP,
	GQL_CAT_ARRAY_RELATIONSHIP,
	GQL_CAT_ARRAY_AGGREGATE,	/* <rel>_aggregate of an array relationship */
	GQL_CAT_ROOT_SELECT,		/* query_root.<t> */
	GQL_CAT_ROOT_BY_PK,			/* query_root.<t>_by_pk */
	GQL_CAT_ROOT_AGGREGATE		/* query_root.<t>_aggregate */
} GqlCatTag;

struct GqlCatRelation;
struct GqlCatRelationship;

/* A base type of columns (domains and arrays unwrapped) */
typedef struct GqlCatType
{
	GqlCatTag	tag;			/* GQL_CAT_TYPE */
	Oid			oid;
	const char *nspname;
	const char *typname;
	char		typtype;		/* pg_type.typtype: 'b', 'e', 'c', 'r', ... */
	const char *description;	/* COMMENT ON TYPE, or NULL */
	const char **labels;		/* enum labels in sort order */
	int			nlabels;
	int			index;			/* position in GqlCatalog.types */
} GqlCatType;

typedef struct GqlCatColumn
{
	GqlCatTag	tag;			/* GQL_CAT_COLUMN */
	struct GqlCatRelation *relation;
	const char *name;
	AttrNumber	attnum;
	Oid			typid;			/* the column's declared type */
	GqlCatType *type;			/* its base (element) type */
	bool		is_array;		/* typid is (a domain over) an array of type */
	bool		notnull;
	bool		orderable;		/* the type has a default btree ordering */
	bool		has_default;
	bool		generated;		/* GENERATED ALWAYS AS (...) STORED */
	bool		identity;
	const char *description;	/* COMMENT ON COLUMN, or NULL */
} GqlCatColumn;

/* A foreign key between two reflected relations (columns pair up by index) */
typedef struct GqlCatForeignKey
{
	const char *conname;
	struct GqlCatRelation *from;	/* the referencing relation */
	struct GqlCatRelation *to;	/* the referenced relation */
	GqlCatColumn **from_cols;
	GqlCatColumn **to_cols;
	int			ncols;
} GqlCatForeignKey;

/* A node tag plus back pointers, for sources that are roles of an element */
typedef struct GqlCatRole
{
	GqlCatTag	tag;
	struct GqlCatRelation *relation;
	struct GqlCatRelationship *relationship;
} GqlCatRole;

/*
 * A relationship inferred from a foreign key (filled by the builder, the
 * names being dialect).  The field lives on `source`, yields rows of
 * `target`; the join is source_cols[i] = target_cols[i].
 */
typedef struct GqlCatRelationship
{
	GqlCatTag	tag;			/* OBJECT_ or ARRAY_RELATIONSHIP */
	const char *name;
	GqlCatForeignKey *fk;
	struct GqlCatRelation *source;
	struct GqlCatRelation *target;
	GqlCatColumn **source_cols;
	GqlCatColumn **target_cols;
	int			ncols;
	bool		notnull;		/* object: always finds a row (nullable otherwise) */
	GqlCatRole	aggregate;		/* array: the <name>_aggregate field */
} GqlCatRelationship;

typedef struct GqlCatRelation
{
	GqlCatTag	tag;			/* GQL_CAT_RELATION */
	Oid			oid;
	const char *nspname;
	const char *relname;
	char		relkind;		/* 'r', 'v', 'm', 'p', 'f' */
	bool		rls;			/* row level security enabled */
	const char *description;	/* COMMENT ON TABLE/VIEW, or NULL */
	GqlCatColumn *columns;		/* visible columns in attnum order */
	int			ncolumns;
	GqlCatColumn **pkey;		/* primary key columns, in key order */
	int			npkey;			/* 0: no (fully visible) primary key */
	int			index;			/* position in GqlCatalog.relations */
	/* set by the builder */
	const char *gql_name;		/* GraphQL base name; NULL when not exposed */
	GqlCatRelationship **relationships;
	int			nrelationships;
	GqlCatRole	root_select;
	GqlCatRole	root_by_pk;
	GqlCatRole	root_aggregate;
} GqlCatRelation;

typedef struct GqlCatalog
{
	GqlCatRelation *relations;	/* in graphql.schemas order, then by name */
	int			nrelations;
	GqlCatForeignKey *fkeys;	/* by referencing relation, then name */
	int			nfkeys;
	GqlCatType **types;			/* every base type of a visible column */
	int			ntypes;
} GqlCatalog;

/* Read the catalog as the current role sees it; all memory from cxt */
extern GqlCatalog *graphql_catalog_reflect(MemoryContext cxt);

/*
 * The Hasura-dialect schema of a model, in arena (the model is completed
 * with the dialect's names and relationships, allocated in the arena too).
 * Raises an ERROR if the result is not a valid schema (a bug).
 */
extern GqlSchema *graphql_catalog_build(GqlArena *arena, GqlCatalog *catalog);

/*
 * The current role's schema from the cache, built when missing or stale.
 * Valid until the next call (which may find it stale and free it).
 */
extern const GqlSchema *graphql_schema_get(void);

extern Datum graphql_sdl(PG_FUNCTION_ARGS);

#endif							/* GRAPHQL_REFLECT_H */
