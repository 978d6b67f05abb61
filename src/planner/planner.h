/*-------------------------------------------------------------------------
 *
 * planner.h
 *	  Public interface of the planner: a validated query operation becomes
 *	  a small intermediate tree (plan.c), then ONE SQL statement producing
 *	  the whole `data` object (sql.c, where.c).
 *
 * The tree knows relations, columns and relationships of the catalog
 * model (src/reflect/reflect.h), not GraphQL names: a selection over a
 * relation (PlanSelect) holds its output fields in selection order, its
 * filter, order, distinct_on and limit/offset.  Filters stay constant AST
 * values (variables substituted) that where.c reads with the catalog
 * model.  Every value becomes a $n parameter, passed as text and cast in
 * the SQL text to the column's type; aliases are numbered in emission
 * order, so the same document gives the same SQL text.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_PLANNER_H
#define GRAPHQL_PLANNER_H

#include "execution/execution.h"
#include "lib/stringinfo.h"
#include "reflect/reflect.h"

/* SQLSTATE of the planner's own validation errors (distinct_on, ...) */
#define ERRCODE_GRAPHQL_VALIDATION	MAKE_SQLSTATE('G','Q','0','0','1')

/* SQLSTATE of a session variable a permission needs and the request lacks
 * (Hasura's code not-found) */
#define ERRCODE_GRAPHQL_NOT_FOUND	MAKE_SQLSTATE('G','Q','0','0','2')

typedef enum PlanFieldKind
{
	PF_COLUMN,					/* a column of the row */
	PF_TEXT,					/* a constant string (__typename) */
	PF_JSON,					/* precomputed JSON (introspection) */
	PF_SELECT,					/* a nested selection (relationship, root) */
	PF_OBJECT,					/* an object of fields in the same scope
								 * (aggregate { ... }, sum { ... }) */
	PF_COUNT,					/* aggregate count */
	PF_AGG_OP,					/* aggregate op over a column */
	PF_NODES,					/* aggregate nodes: list of row objects */
	PF_CALL,					/* a scalar function's value (root field,
								 * or computed field of the row) */
	PF_ATTR						/* an attribute of a composite value */
} PlanFieldKind;

struct PlanSelect;

typedef struct PlanField
{
	PlanFieldKind kind;
	const char *key;			/* response key */
	const GqlCatColumn *column; /* COLUMN, AGG_OP */
	bool		stringify;		/* output as text (bigint/numeric setting) */
	bool		to_float;		/* AGG_OP: a Float result of a non-numeric
								 * column (avg, stddev, ... of integers) */
	const char *text;			/* TEXT: the string; JSON: the JSON; AGG_OP:
								 * the SQL aggregate function */
	struct PlanSelect *select;	/* SELECT */
	struct PlanField *fields;	/* OBJECT, NODES; COLUMN, CALL, ATTR of a
								 * composite type: the selected attributes
								 * (ATTR: text is the attribute's name) */
	int			nfields;
	const GqlCatColumn **columns;	/* COUNT: counted columns (none: rows) */
	int			ncolumns;
	bool		distinct;		/* COUNT */
	GqlLoc		loc;			/* CALL at the root: its field's location */
	const GqlCatFunction *func; /* CALL */
	const GqlValue *func_args;	/* CALL: the args object, or NULL */
	bool		func_row;		/* CALL: the row is the first argument */
	const char *json_path;		/* COLUMN, CALL of json/jsonb: the text[]
								 * literal of the path argument's elements
								 * (value #> path), NULL: the whole value */
} PlanField;

typedef enum PlanOrderKind
{
	PO_COLUMN,					/* column at the end of the path */
	PO_COUNT,					/* count(*) over the array relationship
								 * ending the path */
	PO_AGG						/* agg(column) over it */
} PlanOrderKind;

typedef struct PlanOrder
{
	PlanOrderKind kind;
	const GqlCatRelationship **path;	/* object relationships, then (COUNT,
										 * AGG) one array relationship */
	int			npath;
	const GqlCatColumn *column;
	const GqlCatComputedField *computed;	/* PO_COLUMN: instead of column */
	const GqlCatComputedField *agg_computed;	/* COUNT, AGG: over the rows of
												 * this computed field (the
												 * path's last entry is NULL) */
	const char *agg;			/* PO_AGG: SQL aggregate function */
	bool		desc;
	bool		nulls_first;
} PlanOrder;

typedef enum PlanShape
{
	PS_LIST,					/* JSON array of row objects */
	PS_SINGLE,					/* one row object or null */
	PS_AGGREGATE				/* one object of aggregates over the rows */
} PlanShape;

typedef struct PlanSelect
{
	PlanShape	shape;
	const struct PlanSelect *parent;	/* the select this one is nested in */
	const char *key;			/* response key of its field */
	GqlLoc		loc;			/* location of its field in the document */
	const GqlCatRelation *rel;
	const GqlCatRelationship *via;	/* join to the parent row, NULL at root */
	const GqlValue *where;		/* a <t>_bool_exp value, or NULL */
	PlanOrder  *order;
	int			norder;
	const GqlCatColumn **distinct_on;
	int			ndistinct;
	const GqlValue *limit;		/* Int values or NULL */
	const GqlValue *offset;
	const GqlCatColumn **pk;	/* _by_pk: columns and their values */
	const GqlValue **pk_values;
	int			npk;
	PlanField  *fields;			/* in selection order */
	int			nfields;
	const char *rows_json;		/* rows given as a JSON array of objects
								 * (a mutation's returning) instead of read
								 * from the relation; kept in their order */
	const GqlCatFunction *func; /* rows from a call of this function */
	const GqlValue *func_args;	/* its args object, or NULL */
	bool		func_row;		/* the parent row is its first argument */
} PlanSelect;

/* The whole operation: the root fields */
typedef struct PlanQuery
{
	PlanField  *fields;
	int			nfields;
} PlanQuery;

/*
 * Where a parameter comes from, to attribute a data exception of the
 * statement to a field: the select whose SQL holds it, and a statement
 * that fails the same way when the value is the culprit ("SELECT
 * $1::uuid"; for a pattern "SELECT ''::text ~ $1::text").
 */
typedef struct PlanParamSite
{
	const PlanSelect *select;	/* NULL: not inside a select */
	char	   *check;
} PlanParamSite;

/* The SQL statement and its parameters (all passed as text) */
typedef struct PlanSql
{
	char	   *sql;
	int			nparams;
	char	  **values;			/* NULL: SQL NULL */
	PlanParamSite *sites;		/* where each value comes from */
	const PlanQuery *plan;
} PlanSql;

/*
 * plan.c: the tree of a query operation (the document validated, the
 * variables coerced in ctx).  Planner-level validation errors (distinct_on
 * not leading order_by) are raised with ERRCODE_GRAPHQL_VALIDATION, after
 * *error_loc is set to the location of the offending argument.
 */
extern PlanQuery *graphql_plan_query(const GqlExecContext *ctx,
									 GqlLoc *error_loc);

/*
 * The answer of one mutation field (cf, over rows of rel) once it has
 * run, from the rows it returned as a JSON array of objects: a
 * <t>_mutation_response (with the number of affected rows), one row
 * object or null (insert_<t>_one, _by_pk, a function returning a row), or
 * a list of rows (a function returning SETOF, its where, order_by, limit
 * and offset applied).  The plan has one field, whose value
 * graphql_plan_sql_value computes.
 */
typedef enum MutResultShape
{
	MR_RESPONSE,
	MR_ROW,
	MR_ROWS
} MutResultShape;

extern PlanQuery *graphql_plan_mutation_result(const GqlExecContext *ctx,
											   const GqlCollectedField *cf,
											   const GqlCatRelation *rel,
											   MutResultShape shape,
											   int64 affected,
											   const char *rows_json);

/* The plan of one root field alone (a function's scalar value) */
extern PlanQuery *graphql_plan_field(const GqlExecContext *ctx,
									 const GqlCollectedField *cf);

/*
 * json_path.c: the text[] literal of the elements of the path argument of
 * a json/jsonb field, NULL for "$" (the whole value); a path that does
 * not parse is ERRCODE_GRAPHQL_VALIDATION
 */
extern char *graphql_json_path(const char *path, size_t len);

/* sql.c: the one statement computing the data object of a plan */
extern PlanSql *graphql_plan_sql(const PlanQuery *plan);

/* The statement computing the JSON value of the plan's one field */
extern PlanSql *graphql_plan_sql_value(const PlanQuery *plan);

/* ------------------------------------------------------------------------
 * Shared by sql.c and where.c
 * ------------------------------------------------------------------------
 */
typedef struct SqlContext
{
	StringInfoData buf;
	int			next_alias;
	int			nparams;
	int			params_cap;
	char	  **values;
	PlanParamSite *sites;
	const PlanSelect *select;	/* the select being emitted */
} SqlContext;

/* A fresh table alias "t<n>" */
extern char *graphql_sql_alias(SqlContext *cx);

/* Fail (Hasura's not-found) when the role's permission of this kind on rel
 * needs a session variable the request lacks */
extern void graphql_check_session_vars(const GqlCatRelation *rel, GqlPermKind kind);

/* "(<filter>) AND " of the role's permission on a relation without RLS */
extern void graphql_sql_permission_filter(SqlContext *cx, const GqlCatRelation *rel,
										  GqlPermKind kind, const char *alias);

/* Append "$n::<type>" for a text value (NULL: SQL NULL) */
extern void graphql_sql_param(SqlContext *cx, const char *value,
							  const char *sqltype);

/*
 * The same with the statement that checks the value alone ($1 in it), for
 * values that fail in an operator rather than in the cast (patterns)
 */
extern void graphql_sql_param_checked(SqlContext *cx, const char *value,
									  const char *sqltype, const char *check);

/* The text form of a constant value for a parameter of a column's type */
extern char *graphql_sql_value_text(const GqlValue *value, bool json);
extern char *graphql_sql_array_text(const GqlValue *list, bool json);
extern char *graphql_sql_items_text(const GqlValue *v, bool json_items);

/* The schema-qualified SQL name of a type, "[]" appended when array */
extern char *graphql_sql_type_name(Oid typid, bool array);

/* "<alias>.<column>" */
extern void graphql_sql_column(SqlContext *cx, const char *alias,
							   const GqlCatColumn *col);

/* "<nsp>.<rel> AS <alias>" */
extern void graphql_sql_from(SqlContext *cx, const GqlCatRelation *rel,
							 const char *alias);

/* The join condition of a relationship: child.target = parent.source */
extern void graphql_sql_join(SqlContext *cx, const GqlCatRelationship *r,
							 const char *parent, const char *child);

/* The items of a list value (a single non-list value is a one-item list) */
extern int	graphql_value_items(const GqlValue *value, const GqlValue ***items);

/*
 * call.c: "schema.fn(row, args...)" with row the alias whose row is the
 * first argument (computed fields) or NULL, args the <fn>_args value
 */
extern void graphql_sql_call(SqlContext *cx, const GqlCatFunction *fn,
							 const char *row, const GqlValue *args);

/* where.c: a <t>_bool_exp value over rel (alias) as a SQL condition */
extern void graphql_where_sql(SqlContext *cx, const GqlCatRelation *rel,
							  const char *alias, const GqlValue *where);

/* ------------------------------------------------------------------------
 * mutation.c: the data-modifying statements of mutation fields.  Each
 * returns, per affected row, the row as a JSON object of the readable
 * columns, then the text of the link columns asked for.
 * ------------------------------------------------------------------------
 */

/* One row to insert: by column index of the relation, given or DEFAULT */
typedef struct MutInsertRow
{
	const char **values;		/* text of each given column (NULL: null) */
	bool	   *given;
} MutInsertRow;

/* on_conflict, resolved */
typedef struct MutConflict
{
	const GqlCatConstraint *constraint;
	const GqlCatColumn **update_columns;	/* none: DO NOTHING */
	int			nupdate;
	const GqlValue *where;		/* filter on the existing row, or NULL */
} MutConflict;

typedef enum MutSetKind
{
	MS_SET,						/* _set: col = v */
	MS_INC,						/* _inc: col = col + v */
	MS_APPEND,					/* _append: col = col || v */
	MS_PREPEND,					/* _prepend: col = v || col */
	MS_DELETE_KEY,				/* _delete_key: col = col - key */
	MS_DELETE_ELEM,				/* _delete_elem: col = col - index */
	MS_DELETE_AT_PATH			/* _delete_at_path: col = col #- path */
} MutSetKind;

typedef struct MutSet
{
	const GqlCatColumn *column;
	MutSetKind	kind;
	const GqlValue *value;
} MutSet;

/* Which rows an update or delete touches: key values and a filter */
typedef struct MutFilter
{
	const GqlCatColumn **pk;
	const GqlValue **pk_values;
	int			npk;
	const GqlValue *where;		/* a <t>_bool_exp, or NULL */
} MutFilter;

extern PlanSql *graphql_sql_insert(const GqlCatRelation *rel,
								   const MutInsertRow *rows, int nrows,
								   const MutConflict *conflict,
								   const GqlCatColumn *const *link, int nlink);

/* A statement giving the numbers (from 1) of the upsert rows that meet an
 * existing row the role's update filter does not reach, or NULL when none
 * can meet one */
extern PlanSql *graphql_sql_upsert_unreachable(const GqlCatRelation *rel,
											   const MutConflict *conflict,
											   const MutInsertRow *rows, int nrows);
extern PlanSql *graphql_sql_update(const GqlCatRelation *rel,
								   const MutSet *sets, int nsets,
								   const MutFilter *filter);
extern PlanSql *graphql_sql_delete(const GqlCatRelation *rel,
								   const MutFilter *filter);

/* SELECT row_to_json(t0) FROM fn(args) AS t0: a function's rows */
extern PlanSql *graphql_sql_call_rows(const GqlCatFunction *fn,
									  const GqlValue *args);

#endif							/* GRAPHQL_PLANNER_H */
