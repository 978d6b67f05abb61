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
 *	   ddl_command_end and sql_drop (src/extension/core.sql) set the one row of
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
	GQL_CAT_ROOT_AGGREGATE,		/* query_root.<t>_aggregate */
	GQL_CAT_ROOT_INSERT,		/* mutation_root.insert_<t> */
	GQL_CAT_ROOT_INSERT_ONE,	/* mutation_root.insert_<t>_one */
	GQL_CAT_ROOT_UPDATE,		/* mutation_root.update_<t> */
	GQL_CAT_ROOT_UPDATE_BY_PK,	/* mutation_root.update_<t>_by_pk */
	GQL_CAT_ROOT_UPDATE_MANY,	/* mutation_root.update_<t>_many */
	GQL_CAT_ROOT_DELETE,		/* mutation_root.delete_<t> */
	GQL_CAT_ROOT_DELETE_BY_PK,	/* mutation_root.delete_<t>_by_pk */
	GQL_CAT_CONSTRAINT,			/* a unique or primary key constraint */
	GQL_CAT_FUNCTION,			/* a function (GqlCatFunction) */
	GQL_CAT_FUNCTION_ARG,		/* one of its arguments */
	GQL_CAT_ROOT_FUNCTION,		/* query_root / mutation_root.<fn> */
	GQL_CAT_ROOT_FUNCTION_AGGREGATE,	/* query_root.<fn>_aggregate */
	GQL_CAT_COMPUTED_FIELD,		/* a function as a field of a relation */
	GQL_CAT_ATTRIBUTE			/* an attribute of a composite type */
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
	const char **label_descriptions;	/* an enum table's: its other column,
										 * or NULL */
	struct GqlCatAttribute *attrs;	/* a composite type of its own (CREATE
									 * TYPE ... AS): its attributes; NULL
									 * for a relation's row type */
	int			nattrs;
	int			index;			/* position in GqlCatalog.types */
} GqlCatType;

/* An attribute of a composite type */
typedef struct GqlCatAttribute
{
	GqlCatTag	tag;			/* GQL_CAT_ATTRIBUTE */
	const char *name;
	Oid			typid;			/* declared type */
	GqlCatType *type;			/* its base (element) type */
	bool		is_array;
} GqlCatAttribute;

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
	bool		insertable;		/* the role may insert it, and it is not
								 * generated or GENERATED ALWAYS identity */
	bool		updatable;		/* likewise for update */
	const char *description;	/* COMMENT ON COLUMN, or NULL */
	const char *custom_name;	/* metadata: its GraphQL name, or NULL */
	const char *gql_name;		/* set by the builder: its field name */
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
	struct GqlCatFunction *function;	/* ROOT_FUNCTION* */
} GqlCatRole;

/* What a function returns */
typedef enum GqlCatFuncReturn
{
	GQL_FUNC_SCALAR,			/* a value of a scalar, enum or array type */
	GQL_FUNC_ROW,				/* one row of an exposed relation's type */
	GQL_FUNC_SETOF_ROW			/* SETOF an exposed relation's type */
} GqlCatFuncReturn;

/* An input argument of a function */
typedef struct GqlCatFunctionArg
{
	GqlCatTag	tag;			/* GQL_CAT_FUNCTION_ARG */
	const char *name;			/* GraphQL name: the SQL name, or arg_<n> */
	const char *sqlname;		/* NULL when the argument has no name */
	Oid			typid;			/* declared type */
	GqlCatType *type;			/* its base (element) type */
	bool		is_array;
	bool		has_default;
} GqlCatFunctionArg;

/*
 * A function exposed as a root field (STABLE/IMMUTABLE in query_root,
 * VOLATILE in mutation_root) or, when its first argument is a relation's
 * row type, as a computed field of that relation (args[0] is the row).
 */
typedef struct GqlCatFunction
{
	GqlCatTag	tag;			/* GQL_CAT_FUNCTION */
	Oid			oid;
	const char *nspname;
	const char *proname;
	char		volatility;		/* pg_proc.provolatile: 'i', 's', 'v' */
	GqlCatFuncReturn returns;
	Oid			rettype;
	GqlCatType *ret_type;		/* SCALAR: base (element) type */
	bool		ret_is_array;
	struct GqlCatRelation *relation;	/* ROW, SETOF_ROW: the rows' relation */
	int			row_arg;		/* with row_of: the argument taking the row */
	struct GqlCatRelation *row_of;	/* args[row_arg] takes a row of this relation
									 * (a computed field), or NULL */
	GqlCatFunctionArg *args;	/* input arguments in order */
	int			nargs;
	const char *description;	/* COMMENT ON FUNCTION, or NULL */
	/* exposure and metadata (graphql.reflect_functions, reflect_computed_fields) */
	bool		auto_exposed;	/* in a schema of graphql.schemas */
	bool		tracked;		/* a tracked function: a root field */
	const char *custom_name;	/* metadata: root field name, or NULL */
	const char *custom_aggregate;	/* metadata: name of <fn>_aggregate, or NULL */
	char		exposed_as;		/* metadata: 'q'uery, 'm'utation, or 0 */
	bool		permitted;		/* metadata: the role has a function permission */
	int			session_arg;	/* metadata: the argument given the session
								 * variables (session_argument), or -1 */
	const char *computed_name;	/* metadata: a computed field of this name */
	struct GqlCatRelation *computed_of;	/* ... of this relation, or NULL */
	/* set by the builder */
	const char *gql_name;
	GqlCatRole	root;			/* ROOT_FUNCTION */
	GqlCatRole	root_aggregate; /* ROOT_FUNCTION_AGGREGATE */
} GqlCatFunction;

/* A function as a field of a relation's object type */
typedef struct GqlCatComputedField
{
	GqlCatTag	tag;			/* GQL_CAT_COMPUTED_FIELD */
	const char *name;
	struct GqlCatRelation *relation;
	GqlCatFunction *function;	/* args[row_arg] takes the row */
	bool		order_aggregate;	/* set by the builder: <name>_aggregate in
									 * <t>_order_by (rows, no arguments) */
} GqlCatComputedField;

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
	bool		after_parent;	/* object: the target references the source
								 * (a nested insert inserts it after the
								 * parent row, linked like an array's) */
	GqlCatRole	aggregate;		/* array: the <name>_aggregate field */
} GqlCatRelationship;

/*
 * A relationship declared in the metadata (graphql.reflect_relationships):
 * the field `name` on source yields rows of target, joined on
 * source_cols[i] = target_cols[i].
 */
typedef struct GqlCatMdRelationship
{
	struct GqlCatRelation *source;
	struct GqlCatRelation *target;
	const char *name;
	bool		array;
	GqlCatColumn **source_cols;
	GqlCatColumn **target_cols;
	int			ncols;
} GqlCatMdRelationship;

/* The root fields a table may have, in the order of Hasura's custom_root_fields keys */
typedef enum GqlRootKind
{
	GQL_ROOT_SELECT,
	GQL_ROOT_SELECT_BY_PK,
	GQL_ROOT_SELECT_AGGREGATE,
	GQL_ROOT_INSERT,
	GQL_ROOT_INSERT_ONE,
	GQL_ROOT_UPDATE,
	GQL_ROOT_UPDATE_BY_PK,
	GQL_ROOT_UPDATE_MANY,
	GQL_ROOT_DELETE,
	GQL_ROOT_DELETE_BY_PK
} GqlRootKind;
#define GQL_NUM_ROOT_KINDS 10

extern const char *const graphql_root_kind_names[GQL_NUM_ROOT_KINDS];

/* The kinds of permission, as in graphql.metadata_permission.kind */
typedef enum GqlPermKind
{
	GQL_PERM_SELECT,
	GQL_PERM_INSERT,
	GQL_PERM_UPDATE,
	GQL_PERM_DELETE
} GqlPermKind;
#define GQL_NUM_PERM_KINDS 4

/* A column preset of an insert or update permission (Hasura's "set") */
typedef struct GqlCatPreset
{
	GqlCatColumn *column;
	const char *session_var;	/* the value is this session variable, or */
	const char *value;			/* this text (NULL: SQL NULL) */
} GqlCatPreset;

/*
 * What the engine enforces of a metadata permission of the current role
 * (the filters, checks and columns are RLS policies and GRANTs, which
 * PostgreSQL enforces): only for roles that are not administrators.
 */
typedef struct GqlCatPermission
{
	int			row_limit;		/* select: cap of every list; 0 = none */
	bool		allow_aggregations; /* select: <t>_aggregate fields */
	bool		backend_only;	/* insert: only with the backend-only header */
	uint32		root_fields;	/* select: bits (1 << GqlRootKind) of the
								 * query_root fields it may have */
	const char **computed_fields;	/* select: the computed fields it may read */
	int			ncomputed_fields;
	GqlCatPreset *presets;		/* insert, update */
	int			npresets;
	const char *filter_sql;		/* select, update, delete: the compiled
								 * filter (graphql.permission_filter_sql),
								 * columns qualified by GQL_PERM_ALIAS */
	const char **session_vars;	/* the session variables its filter and
								 * check compare with (lower-cased) */
	int			nsession_vars;
} GqlCatPermission;

/* The alias the columns of GqlCatPermission.filter_sql are qualified by */
#define GQL_PERM_ALIAS "__gql_row__"

/* The preset of a column by a permission (perm may be NULL), or NULL */
extern const GqlCatPreset *graphql_permission_preset(const GqlCatPermission *perm,
													 const GqlCatColumn *col);

/* filter_sql with GQL_PERM_ALIAS replaced by alias (palloc'd) */
extern char *graphql_permission_filter(const GqlCatPermission *perm, const char *alias);

/* A unique or primary key constraint (the values of <t>_constraint) */
typedef struct GqlCatConstraint
{
	GqlCatTag	tag;			/* GQL_CAT_CONSTRAINT */
	struct GqlCatRelation *relation;
	const char *name;
	GqlCatColumn **columns;
	int			ncolumns;
	bool		primary;
} GqlCatConstraint;

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
	int			natts;			/* all its columns, visible or not */
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
	GqlCatRole	root_insert;
	GqlCatRole	root_insert_one;
	GqlCatRole	root_update;
	GqlCatRole	root_update_by_pk;
	GqlCatRole	root_update_many;
	GqlCatRole	root_delete;
	GqlCatRole	root_delete_by_pk;
	bool		can_insert;
	bool		can_update;
	bool		can_delete;
	struct GqlCatConstraint *constraints;	/* unique and primary key */
	int			nconstraints;
	struct GqlCatComputedField **computed;	/* its computed fields */
	int			ncomputed;
	/* exposure and metadata (graphql.reflect_tables, reflect_permissions) */
	bool		auto_exposed;	/* in a schema of graphql.schemas */
	bool		tracked;		/* in the metadata */
	bool		insert_only;	/* tracked, the role may insert but select no
								 * column: its columns are the insertable
								 * ones, it has insert_<t> only */
	bool		is_enum;		/* metadata: an enum table */
	const char *custom_name;	/* metadata: its GraphQL base name, or NULL */
	const char *custom_roots[GQL_NUM_ROOT_KINDS];	/* metadata: root field
													 * names, or NULL */
	GqlCatPermission *perms[GQL_NUM_PERM_KINDS];	/* of the current role;
													 * NULL: none, or admin */
} GqlCatRelation;

typedef struct GqlCatalog
{
	GqlCatRelation *relations;	/* in graphql.schemas order, then by name */
	int			nrelations;
	GqlCatForeignKey *fkeys;	/* by referencing relation, then name */
	int			nfkeys;
	GqlCatType **types;			/* every base type of a visible column */
	int			ntypes;
	GqlCatFunction *functions;	/* exposable functions, by schema and name */
	int			nfunctions;
	GqlCatMdRelationship *md_relationships;	/* declared in the metadata */
	int			nmd_relationships;
	bool		is_admin;		/* the role is an administrator */
	bool		backend_only;	/* the session asks for backend-only
								 * permissions (x-hasura-use-backend-only-permissions) */
	bool		infer_function_permissions; /* the setting at build time */
	bool		composite_scalars;	/* composite types are scalars
									 * (graphql.hasura_compat) */
} GqlCatalog;

/*
 * Is argument k of fn given by the engine, not by <fn>_args: the row of a
 * computed field, or the session variables (session_argument)
 */
static inline bool
graphql_function_arg_hidden(const GqlCatFunction *fn, int k)
{
	return (fn->row_of && k == fn->row_arg) || k == fn->session_arg;
}

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
