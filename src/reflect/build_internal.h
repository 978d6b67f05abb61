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
	bool		is_composite;	/* an object type <name> and an input type
								 * <name>_input (build_mutation.c) */
	GqlCatType *type;			/* the one PostgreSQL type (not builtins) */
	int			flags;			/* SC_STRING / SC_JSONB */
	bool		used;			/* by an exposed column */
	bool		used_cmp;		/* <name>_comparison_exp needed */
	bool		used_arr_cmp;	/* <name>_array_comparison_exp needed */
	bool		cast_exp;		/* jsonb: <name>_cast_exp is planned */
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
	bool		insert_only;	/* not exposed, but has insert_<t> (the role
								 * may insert, not select) */
	const char *label;			/* "authors" or "other.things" */
	bool	   *col_exposed;	/* by column index */
	GqlCatColumn **cols;		/* exposed columns */
	int			ncols;
	const char **names;			/* field names taken on this relation */
	int			nnames;
	int			names_cap;
	bool		agg_target;		/* target of an array relationship */
	const char *root_names[GQL_NUM_ROOT_KINDS];	/* query_root field names
												 * (select kinds only) */
	bool		op_nonempty[NUM_AGG_OPS];
	/* mutations (build_mutation.c plans them) */
	GqlCatColumn **ins_cols;	/* exposed columns the role may insert */
	int			nins;
	GqlCatColumn **upd_cols;	/* exposed columns the role may update */
	int			nupd;
	GqlCatConstraint **arbiters;	/* constraints on_conflict may name */
	int			narbiters;
	bool		insertable;		/* insert_<t>, <t>_insert_input */
	bool		updatable;		/* update_<t>, <t>_set_input */
	bool		deletable;		/* delete_<t> */
	bool		inc;			/* some updatable column can be incremented */
	bool		jsonb;			/* some updatable column is jsonb */
	bool		obj_rel_insert; /* <t>_obj_rel_insert_input is used */
	bool		arr_rel_insert; /* <t>_arr_rel_insert_input is used */
	const char *mut_names[7];	/* the mutation_root fields it has (by
								 * MUT_* below), NULL when left out */
} RelInfo;

/* The mutation_root fields of a relation */
#define MUT_INSERT			0
#define MUT_INSERT_ONE		1
#define MUT_UPDATE			2
#define MUT_UPDATE_BY_PK	3
#define MUT_UPDATE_MANY		4
#define MUT_DELETE			5
#define MUT_DELETE_BY_PK	6


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
	P_OP_ORDER_BY,
	/* build_mutation.c */
	P_MUTATION_ROOT,
	P_INSERT_INPUT,
	P_OBJ_REL_INSERT_INPUT,
	P_ARR_REL_INSERT_INPUT,
	P_ON_CONFLICT,
	P_CONSTRAINT,
	P_UPDATE_COLUMN,
	P_MUTATION_RESPONSE,
	P_UPDATE_INPUT,				/* _set, _inc, jsonb operators' input types
								 * (op: the operator) */
	P_PK_COLUMNS_INPUT,
	P_UPDATES,
	P_FUNC_ARGS,				/* <fn>_args */
	P_COMPOSITE,				/* a composite type's object type */
	P_COMPOSITE_INPUT,			/* ... and its input type */
	P_JSONB_CAST				/* jsonb_cast_exp (_cast of jsonb comparisons) */
} PlanKind;

/* A type to create */
typedef struct Plan
{
	const char *name;
	PlanKind	kind;
	RelInfo    *ri;
	Scalar	   *sc;
	int			op;
	GqlCatFunction *fn;			/* FUNC_ARGS */
} Plan;

/* Where a function goes (BuildState.func_kind) */
typedef enum FuncKind
{
	FK_NONE,					/* left out */
	FK_QUERY,					/* a root field of query_root */
	FK_MUTATION,				/* a root field of mutation_root */
	FK_COMPUTED					/* a computed field of fn->row_of */
} FuncKind;

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
	NameSet		mroots;			/* claimed mutation_root field names */
	FuncKind   *func_kind;		/* by index in GqlCatalog.functions */
	bool	   *func_has_args;	/* it takes an args argument */
	bool		has_mutations;	/* mutation_root has a field */
} BuildState;

/* Can a column take part in aggregate op */
static inline bool
column_has_op(BuildState *st, const GqlCatColumn *col, int op)
{
	return !col->is_array &&
		(st->type_flags[col->type->index] & graphql_agg_ops[op].need) != 0;
}

/* build.c: the name sets of BuildState, names, the plan */
extern void *graphql_nameset_get(NameSet *set, const char *s);
extern void graphql_nameset_put(NameSet *set, const char *s, void *val);
extern bool graphql_nameset_has(NameSet *set, const char *s);
extern bool graphql_valid_name(const char *s);
extern bool graphql_valid_enum_value(const char *s);
extern const char *graphql_build_str(BuildState *st, const char *s);
extern void graphql_build_take_name(RelInfo *ri, const char *name);
extern bool graphql_build_name_taken(const RelInfo *ri, const char *name);
extern Scalar *graphql_build_new_scalar(BuildState *st, const char *name);
extern void graphql_build_add_plan(BuildState *st, const char *name,
								   PlanKind kind, RelInfo *ri, Scalar *sc,
								   int op);

/* build_mutation.c: planning of composite types */
extern void graphql_build_plan_composites(BuildState *st, GqlCatType **sorted,
										  int ntypes);
extern void graphql_build_mark_used(BuildState *st, Scalar *sc);
extern GqlTypeRef *graphql_build_input_type(BuildState *st,
											const GqlCatType *type,
											bool is_array);

/* build_mutation.c: planning of mutations, functions, computed fields */
extern void graphql_build_plan_mutations(BuildState *st);
extern void graphql_build_plan_functions(BuildState *st);
extern void graphql_build_plan_mutation_types(BuildState *st, RelInfo *ri);
extern void graphql_build_plan_function_types(BuildState *st);

/* ------------------------------------------------------------------------
 * build_types.c: emission.  Members (fields, input fields) are collected,
 * sorted by name, then added; these helpers are shared with
 * build_mutation.c.
 * ------------------------------------------------------------------------
 */

/* What kind of arguments a member field takes */
typedef enum MemberArgs
{
	ARGS_NONE,
	ARGS_SELECT,				/* distinct_on, limit, offset, order_by, where */
	ARGS_COUNT,					/* columns, distinct */
	ARGS_BY_PK,					/* the primary key columns */
	ARGS_INSERT,				/* objects, on_conflict */
	ARGS_INSERT_ONE,			/* object, on_conflict */
	ARGS_UPDATE,				/* the operators, where */
	ARGS_UPDATE_BY_PK,			/* the operators, pk_columns */
	ARGS_UPDATE_MANY,			/* updates */
	ARGS_DELETE,				/* where */
	ARGS_FUNCTION,				/* args */
	ARGS_FUNCTION_SELECT		/* args, and those of ARGS_SELECT */
} MemberArgs;

/* A field, input field or enum value before it is added */
typedef struct Member
{
	const char *name;
	GqlTypeRef *type;
	const char *description;
	const void *source;
	MemberArgs	args;
	RelInfo    *args_rel;
	GqlCatFunction *fn;			/* ARGS_FUNCTION* */
	const GqlValue *default_value;	/* input fields */
	bool		accepts_strings;	/* input fields: GqlInputValue's */
	bool		json_path;		/* a json/jsonb value: it also takes path */
} Member;

typedef struct MemberList
{
	Member	   *items;
	int			count;
	int			cap;
} MemberList;

extern GqlTypeRef *graphql_build_named(BuildState *st, const char *name);
extern GqlTypeRef *graphql_build_nonnull(BuildState *st, GqlTypeRef *ref);
extern GqlTypeRef *graphql_build_list(BuildState *st, GqlTypeRef *ref);
extern GqlTypeRef *graphql_build_column_type(BuildState *st,
											 const GqlCatColumn *col,
											 bool nonnull_ok);
extern GqlTypeRef *graphql_build_value_type(BuildState *st,
											const GqlCatType *type,
											bool is_array);
extern Member *graphql_build_member(MemberList *ml, const char *name,
									GqlTypeRef *type, const char *description,
									const void *source);
extern void graphql_build_emit_members(BuildState *st, GqlSchemaType *type,
									   MemberList *ml);
extern GqlSchemaType *graphql_build_new_type(BuildState *st, const Plan *p,
											 GqlTypeKind kind,
											 const char *description,
											 const void *source);
extern void graphql_build_select_args(BuildState *st, GqlFieldDef *f,
									  RelInfo *ri);
extern bool graphql_build_is_json(const GqlCatType *type, bool is_array);

/* build_mutation.c: emission */
extern bool graphql_build_emit_mutation_type(BuildState *st, const Plan *p);
extern void graphql_build_function_roots(BuildState *st, MemberList *ml,
										 FuncKind kind);
extern void graphql_build_computed_members(BuildState *st, MemberList *ml,
										   RelInfo *ri, PlanKind kind);
extern void graphql_build_member_args(BuildState *st, GqlFieldDef *f,
									  const Member *m);

/* build_types.c: create the planned types, in name order, and the roots */
extern void graphql_build_emit_types(BuildState *st);

/*
 * What the role's metadata permissions allow (build.c): <t>_aggregate
 * fields of rel; a query_root field of rel
 */
extern bool graphql_build_may_aggregate(const GqlCatRelation *rel);
extern bool graphql_build_root_allowed(const GqlCatRelation *rel, GqlRootKind kind);

#endif							/* GRAPHQL_BUILD_INTERNAL_H */
