/*-------------------------------------------------------------------------
 *
 * build_internal.h
 *	  Private records shared by the files of the Hasura-dialect builder:
 *	  build.c (planning: names, exposed relations, relationships, the list
 *	  of types to create) and build_types.c (emission of those types).
 *
 * Nothing outside src/reflect/build*.c includes this header.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_BUILD_INTERNAL_H
#define GRAPHQL_BUILD_INTERNAL_H

#include "reflect/reflect.h"

/* What aggregates a column type supports, and which operators it has */
#define SC_SUM		0x01		/* sum */
#define SC_STAT		0x02		/* avg, stddev*, var*, variance */
#define SC_MINMAX	0x04		/* max, min */
#define SC_STRING	0x08		/* _like, _ilike, _similar, _regex, ... */
#define SC_JSONB	0x10		/* _contains, _has_key, ... */
#define SC_NUMERIC	(SC_SUM | SC_STAT | SC_MINMAX)

/* A GraphQL scalar or enum type that columns map to */
typedef struct Scalar
{
	const char *name;
	bool		builtin;		/* Int, Float, String, Boolean */
	bool		is_enum;
	GqlCatType *type;			/* the one PostgreSQL type (not builtins) */
	int			flags;			/* SC_STRING / SC_JSONB */
	bool		used;			/* by an exposed column */
	bool		used_cmp;		/* <name>_comparison_exp needed */
	bool		used_arr_cmp;	/* <name>_array_comparison_exp needed */
} Scalar;

/* The aggregate operations of <t>_aggregate_fields, in name order */
typedef struct AggOp
{
	const char *name;
	int			need;			/* SC_* a column type must have */
	bool		to_float;		/* the result is Float, whatever the column */
} AggOp;

/* Number of entries of graphql_agg_ops (checked in build.c) */
#define NUM_AGG_OPS 10

extern const AggOp graphql_agg_ops[];

/* A set of strings with a value each (open addressing; strings not copied) */
typedef struct NameSet
{
	const char **slots;
	void	  **vals;
	uint32		cap;			/* a power of two */
	uint32		count;
} NameSet;

/* Per relation planning state */
typedef struct RelInfo
{
	GqlCatRelation *rel;
	bool		exposed;
	const char *label;			/* "authors" or "other.things" */
	bool	   *col_exposed;	/* by column index */
	GqlCatColumn **cols;		/* exposed columns */
	int			ncols;
	const char **names;			/* field names taken on this relation */
	int			nnames;
	int			names_cap;
	bool		agg_target;		/* target of an array relationship */
	bool		op_nonempty[NUM_AGG_OPS];
} RelInfo;

typedef enum PlanKind
{
	P_SCALAR,
	P_ENUM,
	P_CMP,
	P_ARR_CMP,
	P_ORDER_BY_ENUM,
	P_QUERY_ROOT,
	P_SUBSCRIPTION_ROOT,
	P_OBJECT,
	P_AGGREGATE,
	P_AGG_FIELDS,
	P_OP_FIELDS,
	P_BOOL_EXP,
	P_ORDER_BY,
	P_SELECT_COLUMN,
	P_AGG_ORDER_BY,
	P_OP_ORDER_BY
} PlanKind;

/* A type to create */
typedef struct Plan
{
	const char *name;
	PlanKind	kind;
	RelInfo    *ri;
	Scalar	   *sc;
	int			op;
} Plan;

typedef struct BuildState
{
	GqlArena   *arena;
	GqlSchema  *schema;
	GqlCatalog *cat;
	NameSet		types;			/* claimed type names */
	NameSet		roots;			/* claimed root field names */
	NameSet		refs;			/* type references by name */
	Scalar	  **type_scalar;	/* by GqlCatType.index; NULL: unsupported */
	int		   *type_flags;		/* SC_* by GqlCatType.index */
	Scalar	   *builtins[4];	/* Int, Float, String, Boolean */
	Scalar	  **scalars;		/* every scalar, builtins first */
	int			nscalars;
	RelInfo    *rels;			/* by GqlCatRelation.index */
	Plan	   *plans;
	int			nplans;
	int			plans_cap;
	bool		has_relations;	/* some relation is exposed */
} BuildState;

/* Can a column take part in aggregate op */
static inline bool
column_has_op(BuildState *st, const GqlCatColumn *col, int op)
{
	return !col->is_array &&
		(st->type_flags[col->type->index] & graphql_agg_ops[op].need) != 0;
}

/* build.c: the name sets of BuildState */
extern void *graphql_nameset_get(NameSet *set, const char *s);
extern void graphql_nameset_put(NameSet *set, const char *s, void *val);

/* build_types.c: create the planned types, in name order, and the roots */
extern void graphql_build_emit_types(BuildState *st);

#endif							/* GRAPHQL_BUILD_INTERNAL_H */
