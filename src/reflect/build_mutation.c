/*-------------------------------------------------------------------------
 *
 * build_mutation.c
 *	  The Hasura (v2) dialect, continued: mutation_root (insert_, update_,
 *	  delete_ fields and their input types), SQL functions as root fields,
 *	  and computed fields.
 *
 * Planning.  A relation gets the mutations its role may run: insert_<t>
 * and insert_<t>_one when it may insert some exposed column (and the
 * relation is insertable: a table, an automatically updatable view, a
 * foreign table whose wrapper says so), update_<t>, update_<t>_by_pk and
 * update_<t>_many when it may update some exposed column, delete_<t> and
 * delete_<t>_by_pk when it may delete; the _by_pk ones only with a primary
 * key.  mutation_root field names are claimed in relation order, so a
 * name two relations would produce goes to the first.
 *
 * Functions.  A function whose first argument is the row type of an
 * exposed relation becomes a computed field of it (STABLE or IMMUTABLE
 * only), named after the function without a leading "<relation>_"; any
 * other function becomes a root field: STABLE and IMMUTABLE ones in
 * query_root (with <fn>_aggregate when they return SETOF rows of a table
 * the role may aggregate), VOLATILE ones in mutation_root.  Arguments go in one `args` input object,
 * <fn>_args, in declaration order.  A function is left out when a name it
 * needs is taken (a column, a root field, a type).
 *
 * Composite types.  A composite type of its own (CREATE TYPE ... AS) whose
 * attributes all have GraphQL types becomes an object type <name> for
 * output and an input object type <name>_input for insert and update
 * values (a relation's row type does not: the relation's object type is
 * that).  Such columns are left out of bool_exp and order_by.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/typcache.h"

#include "reflect/build_internal.h"

/* The update operators, in name order (Hasura's argument order) */
typedef enum UpdOpKind
{
	UO_JSONB,					/* a jsonb column operator */
	UO_INC,						/* _inc: columns that can be summed */
	UO_SET						/* _set: every updatable column */
} UpdOpKind;

static const struct
{
	const char *name;
	const char *suffix;			/* of the input type */
	UpdOpKind	kind;
	const char *value;			/* the input fields' type: a builtin scalar
								 * name, "[String]" for [String!], NULL for
								 * the column's own type */
	const char *description;	/* of the argument */
	const char *type_description;	/* of the input type (%s: the relation) */
}			upd_ops[] = {
	{"_append", "_append_input", UO_JSONB, NULL,
		"append existing jsonb value of filtered columns with new jsonb value",
	"append existing jsonb value of filtered columns with new jsonb value"},
	{"_delete_at_path", "_delete_at_path_input", UO_JSONB, "[String]",
		"delete the field or element with specified path (for JSON arrays, negative integers count from the end)",
	"delete the field or element with specified path (for JSON arrays, negative integers count from the end)"},
	{"_delete_elem", "_delete_elem_input", UO_JSONB, "Int",
		"delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array",
	"delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array"},
	{"_delete_key", "_delete_key_input", UO_JSONB, "String",
		"delete key/value pair or string element. key/value pairs are matched based on their key value",
	"delete key/value pair or string element. key/value pairs are matched based on their key value"},
	{"_inc", "_inc_input", UO_INC, NULL,
		"increments the numeric columns with given value of the filtered values",
	"input type for incrementing numeric columns in table \"%s\""},
	{"_prepend", "_prepend_input", UO_JSONB, NULL,
		"prepend existing jsonb value of filtered columns with new jsonb value",
	"prepend existing jsonb value of filtered columns with new jsonb value"},
	{"_set", "_set_input", UO_SET, NULL,
		"sets the columns of the filtered rows to the given values",
	"input type for updating data in table \"%s\""},
};

/* The mutation_root fields of a relation, by MUT_* */
static const struct
{
	const char *prefix;
	const char *suffix;
	const char *description;	/* %s: the relation */
	MemberArgs	args;
}			mut_fields[] = {
	{"insert_", "", "insert data into the table: \"%s\"", ARGS_INSERT},
	{"insert_", "_one", "insert a single row into the table: \"%s\"", ARGS_INSERT_ONE},
	{"update_", "", "update data of the table: \"%s\"", ARGS_UPDATE},
	{"update_", "_by_pk", "update single row of the table: \"%s\"", ARGS_UPDATE_BY_PK},
	{"update_", "_many", "update multiples rows of table: \"%s\"", ARGS_UPDATE_MANY},
	{"delete_", "", "delete data from the table: \"%s\"", ARGS_DELETE},
	{"delete_", "_by_pk", "delete single row from the table: \"%s\"", ARGS_BY_PK},
};

/* Shorthands for the shared type reference helpers */
#define NAMED(n)		graphql_build_named(st, (n))
#define NONNULL(r)		graphql_build_nonnull(st, (r))
#define LIST(r)			graphql_build_list(st, (r))

/* Is a column jsonb (not an array of it) */
static bool
is_jsonb(const GqlCatColumn *col)
{
	return !col->is_array && col->type->oid == JSONBOID;
}

/* Can _inc add to a column */
static bool
is_incrementable(BuildState *st, const GqlCatColumn *col)
{
	return !col->is_array && (st->type_flags[col->type->index] & SC_SUM) != 0;
}

/* Does an update operator apply to a relation */
static bool
upd_op_applies(const RelInfo *ri, int k)
{
	switch (upd_ops[k].kind)
	{
		case UO_JSONB:
			return ri->jsonb;
		case UO_INC:
			return ri->inc;
		case UO_SET:
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Planning: composite types
 * ------------------------------------------------------------------------
 */

/* Claim a type name and <name>_input when both are free */
static bool
claim_composite_names(BuildState *st, const char *name)
{
	char	   *input = psprintf("%s_input", name);

	if (!graphql_valid_name(name) || graphql_nameset_has(&st->types, name) ||
		graphql_nameset_has(&st->types, input))
		return false;
	graphql_nameset_put(&st->types, graphql_build_str(st, name), NULL);
	graphql_nameset_put(&st->types, graphql_build_str(st, input), NULL);
	return true;
}

/*
 * The object type of a composite type, planned first for the composite
 * types of its attributes; NULL when an attribute has no GraphQL type or
 * name, or both names are taken.  done marks the types decided.
 */
static Scalar *
plan_composite(BuildState *st, GqlCatType *t, bool *done, int depth)
{
	const char *name;
	Scalar	   *sc;
	int			k;

	if (done[t->index] || depth > 64)
		return st->type_scalar[t->index];
	done[t->index] = true;
	if (t->attrs == NULL || t->nattrs == 0)
		return NULL;
	for (k = 0; k < t->nattrs; k++)
	{
		GqlCatAttribute *a = &t->attrs[k];
		Scalar	   *asc;

		if (a->type == NULL || !graphql_valid_name(a->name))
			return NULL;
		asc = a->type->typtype == TYPTYPE_COMPOSITE
			? plan_composite(st, a->type, done, depth + 1)
			: st->type_scalar[a->type->index];
		if (asc == NULL || (asc->is_composite && a->is_array))
			return NULL;
	}
	name = t->typname;
	if (!claim_composite_names(st, name))
	{
		name = psprintf("%s_%s", t->nspname, t->typname);
		if (!claim_composite_names(st, name))
			return NULL;
	}
	sc = graphql_build_new_scalar(st, graphql_build_str(st, name));
	sc->is_composite = true;
	sc->type = t;
	st->type_scalar[t->index] = sc;
	return sc;
}

/* The object types of the composite types, in the order of sorted */
void
graphql_build_plan_composites(BuildState *st, GqlCatType **sorted, int ntypes)
{
	bool	   *done = palloc0(sizeof(bool) * (st->cat->ntypes + 1));
	int			k;

	for (k = 0; k < ntypes; k++)
		if (sorted[k]->typtype == TYPTYPE_COMPOSITE)
			plan_composite(st, sorted[k], done, 0);
}

/* Mark a scalar as used, with the types of a composite's attributes */
void
graphql_build_mark_used(BuildState *st, Scalar *sc)
{
	int			k;

	if (sc->used)
		return;
	sc->used = true;
	for (k = 0; sc->is_composite && k < sc->type->nattrs; k++)
		graphql_build_mark_used(st, st->type_scalar[sc->type->attrs[k].type->index]);
}

/* The GraphQL type of an input value of a type (composites: <name>_input) */
GqlTypeRef *
graphql_build_input_type(BuildState *st, const GqlCatType *type, bool is_array)
{
	Scalar	   *sc = st->type_scalar[type->index];

	if (sc->is_composite)
		return NAMED(psprintf("%s_input", sc->name));
	return graphql_build_value_type(st, type, is_array);
}

/* ------------------------------------------------------------------------
 * Planning: mutations
 * ------------------------------------------------------------------------
 */

/* The columns, constraints and capabilities of an exposed relation */
static void
plan_relation_mutations(BuildState *st, RelInfo *ri)
{
	GqlCatRelation *rel = ri->rel;
	int			k;

	ri->ins_cols = palloc(sizeof(GqlCatColumn *) * (ri->ncols + 1));
	ri->upd_cols = palloc(sizeof(GqlCatColumn *) * (ri->ncols + 1));
	for (k = 0; k < ri->ncols; k++)
	{
		GqlCatColumn *col = ri->cols[k];

		if (col->insertable && !graphql_permission_preset(rel->perms[GQL_PERM_INSERT], col))
			ri->ins_cols[ri->nins++] = col;
		if (col->updatable && !graphql_permission_preset(rel->perms[GQL_PERM_UPDATE], col))
		{
			ri->upd_cols[ri->nupd++] = col;
			ri->inc |= is_incrementable(st, col);
			ri->jsonb |= is_jsonb(col);
		}
	}
	ri->arbiters = palloc(sizeof(GqlCatConstraint *) * (rel->nconstraints + 1));
	for (k = 0; k < rel->nconstraints; k++)
		if (graphql_valid_enum_value(rel->constraints[k].name))
			ri->arbiters[ri->narbiters++] = &rel->constraints[k];
	/* a backend-only insert permission: only when the session asks for it */
	ri->insertable = rel->can_insert && ri->nins > 0 &&
		(rel->perms[GQL_PERM_INSERT] == NULL ||
		 !rel->perms[GQL_PERM_INSERT]->backend_only || st->cat->backend_only);
	ri->updatable = rel->can_update && ri->nupd > 0;
	if (ri->insert_only)
	{
		/* no <t>_bool_exp for where, no row to read for on_conflict */
		ri->updatable = false;
		ri->narbiters = 0;
	}
	ri->deletable = rel->can_delete && !ri->insert_only;
}

/* The source of a mutation field of a relation, its tag set */
static GqlCatRole *
mut_role(GqlCatRelation *rel, int mut)
{
	static const GqlCatTag tags[] = {
		GQL_CAT_ROOT_INSERT, GQL_CAT_ROOT_INSERT_ONE, GQL_CAT_ROOT_UPDATE,
		GQL_CAT_ROOT_UPDATE_BY_PK, GQL_CAT_ROOT_UPDATE_MANY,
		GQL_CAT_ROOT_DELETE, GQL_CAT_ROOT_DELETE_BY_PK,
	};
	GqlCatRole *roles[] = {
		&rel->root_insert, &rel->root_insert_one, &rel->root_update,
		&rel->root_update_by_pk, &rel->root_update_many, &rel->root_delete,
		&rel->root_delete_by_pk,
	};

	roles[mut]->tag = tags[mut];
	roles[mut]->relation = rel;
	return roles[mut];
}

/* Claim the mutation_root field names of a relation that are free */
static void
claim_mutation_names(BuildState *st, RelInfo *ri)
{
	bool		want[lengthof(mut_fields)];
	int			k;

	want[MUT_INSERT] = ri->insertable;
	want[MUT_INSERT_ONE] = ri->insertable && !ri->insert_only;	/* returns <t> */
	want[MUT_UPDATE] = want[MUT_UPDATE_MANY] = ri->updatable;
	want[MUT_UPDATE_BY_PK] = ri->updatable && ri->rel->npkey > 0;
	want[MUT_DELETE] = ri->deletable;
	want[MUT_DELETE_BY_PK] = ri->deletable && ri->rel->npkey > 0;
	for (k = 0; k < (int) lengthof(mut_fields); k++)
	{
		char	   *name;

		if (!want[k])
			continue;
		name = ri->rel->custom_roots[GQL_ROOT_INSERT + k]
			? pstrdup(ri->rel->custom_roots[GQL_ROOT_INSERT + k])
			: psprintf("%s%s%s", mut_fields[k].prefix, ri->rel->gql_name,
					   mut_fields[k].suffix);
		if (!graphql_valid_name(name))
			continue;
		if (graphql_nameset_has(&st->mroots, name))
			continue;
		graphql_nameset_put(&st->mroots, name, NULL);
		ri->mut_names[k] = name;
		mut_role(ri->rel, k);
		st->has_mutations = true;
	}
}

/*
 * The mutations of every exposed relation, then which relations nested
 * inserts reach (the targets of the relationships of insertable ones)
 */
void
graphql_build_plan_mutations(BuildState *st)
{
	int			k,
				j;

	for (k = 0; k < st->cat->nrelations; k++)
		if (st->rels[k].exposed || st->rels[k].insert_only)
		{
			plan_relation_mutations(st, &st->rels[k]);
			claim_mutation_names(st, &st->rels[k]);
		}
	for (k = 0; k < st->cat->nrelations; k++)
	{
		RelInfo    *ri = &st->rels[k];

		for (j = 0; ri->insertable && j < ri->rel->nrelationships; j++)
		{
			GqlCatRelationship *r = ri->rel->relationships[j];
			RelInfo    *target = &st->rels[r->target->index];

			if (!target->insertable)
				continue;
			if (r->tag == GQL_CAT_OBJECT_RELATIONSHIP)
				target->obj_rel_insert = true;
			else
				target->arr_rel_insert = true;
		}
	}
}

/* ------------------------------------------------------------------------
 * Planning: functions and computed fields
 * ------------------------------------------------------------------------
 */

/* Do the function's arguments and result have GraphQL types and names */
static bool
function_typed(BuildState *st, GqlCatFunction *fn)
{
	int			k,
				j;

	for (k = 0; k < fn->nargs; k++)
	{
		GqlCatFunctionArg *a = &fn->args[k];

		if (graphql_function_arg_hidden(fn, k))
			continue;
		if (!graphql_valid_name(a->name) || st->type_scalar[a->type->index] == NULL ||
			st->type_scalar[a->type->index]->is_composite)
			return false;
		for (j = 0; j < k; j++)
			if (strcmp(fn->args[j].name, a->name) == 0)
				return false;
	}
	if (fn->returns == GQL_FUNC_SCALAR)
		return st->type_scalar[fn->ret_type->index] != NULL;
	return st->rels[fn->relation->index].exposed;
}

/* Does a function take arguments besides those the engine gives */
static bool
function_takes_args(const GqlCatFunction *fn)
{
	int			k;

	for (k = 0; k < fn->nargs; k++)
		if (!graphql_function_arg_hidden(fn, k))
			return true;
	return false;
}

/* Must args be given: an argument without a default */
static bool
function_needs_args(const GqlCatFunction *fn)
{
	int			k;

	for (k = 0; k < fn->nargs; k++)
		if (!graphql_function_arg_hidden(fn, k) && !fn->args[k].has_default)
			return true;
	return false;
}

/* Mark the scalars a function's arguments and result use */
static void
mark_function_scalars(BuildState *st, GqlCatFunction *fn)
{
	int			k;

	for (k = 0; k < fn->nargs; k++)
		if (!graphql_function_arg_hidden(fn, k))
			graphql_build_mark_used(st, st->type_scalar[fn->args[k].type->index]);
	if (fn->returns == GQL_FUNC_SCALAR)
		graphql_build_mark_used(st, st->type_scalar[fn->ret_type->index]);
}

/*
 * Can a scalar computed field be filtered and ordered on: it needs no
 * argument, since a filter calls it with the row alone
 */
static bool
computed_comparable(BuildState *st, const GqlCatFunction *fn)
{
	return fn->returns == GQL_FUNC_SCALAR && !function_needs_args(fn) &&
		!st->type_scalar[fn->ret_type->index]->is_composite;
}

/*
 * May the role read a computed field: a scalar one when its select
 * permission lists it; one returning rows of a table always (that table's
 * permission governs them, as in Hasura)
 */
static bool
computed_permitted(const GqlCatRelation *rel, const GqlCatFunction *fn, const char *name)
{
	const GqlCatPermission *perm = rel->perms[GQL_PERM_SELECT];
	int			k;

	if (perm == NULL || fn->returns != GQL_FUNC_SCALAR)
		return true;
	for (k = 0; k < perm->ncomputed_fields; k++)
		if (strcmp(perm->computed_fields[k], name) == 0)
			return true;
	return false;
}

/*
 * Make a function a computed field of its row's relation, if it can be:
 * under the name the metadata gives it, else (automatic exposure only)
 * its name without the "<relation>_" prefix
 */
static bool
plan_computed(BuildState *st, GqlCatFunction *fn)
{
	RelInfo    *ri = &st->rels[fn->row_of->index];
	GqlCatRelation *rel = ri->rel;
	size_t		len = strlen(rel->relname);
	const char *name = fn->proname;
	GqlCatComputedField *cc;
	GqlCatComputedField **old = rel->computed;

	if (!ri->exposed || fn->volatility == PROVOLATILE_VOLATILE)
		return false;
	if (fn->computed_name)
	{
		if (fn->computed_of != rel)
			return false;
		name = fn->computed_name;
	}
	else if (!fn->auto_exposed || fn->row_arg != 0)
		return false;
	else if (strncmp(name, rel->relname, len) == 0 && name[len] == '_' &&
			 name[len + 1] != '\0')
		name += len + 1;
	if (!graphql_valid_name(name) || graphql_build_name_taken(ri, name) ||
		!computed_permitted(rel, fn, name))
		return false;
	graphql_build_take_name(ri, name);
	cc = gql_arena_alloc(st->arena, sizeof(GqlCatComputedField));
	memset(cc, 0, sizeof(GqlCatComputedField));
	/* a table computed field without arguments orders by its aggregates */
	if (fn->returns == GQL_FUNC_SETOF_ROW && !function_needs_args(fn) &&
		graphql_build_may_aggregate(fn->relation) &&
		!graphql_build_name_taken(ri, psprintf("%s_aggregate", name)))
	{
		graphql_build_take_name(ri, psprintf("%s_aggregate", name));
		st->rels[fn->relation->index].agg_target = true;
		cc->order_aggregate = true;
	}
	cc->tag = GQL_CAT_COMPUTED_FIELD;
	cc->name = graphql_build_str(st, name);
	cc->relation = rel;
	cc->function = fn;
	rel->computed = gql_arena_alloc(st->arena, sizeof(GqlCatComputedField *) *
									(rel->ncomputed + 1));
	if (old)
		memcpy(rel->computed, old, sizeof(GqlCatComputedField *) * rel->ncomputed);
	rel->computed[rel->ncomputed++] = cc;
	if (computed_comparable(st, fn))
	{
		Scalar	   *sc = st->type_scalar[fn->ret_type->index];

		if (fn->ret_is_array)
			sc->used_arr_cmp = true;
		else
			sc->used_cmp = true;
	}
	return true;
}

/* Make a function a root field of query_root or mutation_root, if it can be */
static bool
plan_root_function(BuildState *st, GqlCatFunction *fn, FuncKind kind)
{
	NameSet    *roots = kind == FK_QUERY ? &st->roots : &st->mroots;
	char	   *agg = psprintf("%s_aggregate", fn->gql_name);
	bool		with_agg = kind == FK_QUERY && fn->returns == GQL_FUNC_SETOF_ROW &&
		graphql_build_may_aggregate(fn->relation);

	if (graphql_nameset_has(roots, fn->gql_name) ||
		(with_agg && graphql_nameset_has(roots, agg)))
		return false;
	graphql_nameset_put(roots, fn->gql_name, NULL);
	if (with_agg)
		graphql_nameset_put(roots, graphql_build_str(st, agg), NULL);
	fn->root.tag = GQL_CAT_ROOT_FUNCTION;
	fn->root.relation = fn->relation;
	fn->root.function = fn;
	fn->root_aggregate.tag = GQL_CAT_ROOT_FUNCTION_AGGREGATE;
	fn->root_aggregate.relation = fn->relation;
	fn->root_aggregate.function = fn;
	if (kind == FK_MUTATION)
		st->has_mutations = true;
	return true;
}

/* Decide where each function goes (see the file comment) */
void
graphql_build_plan_functions(BuildState *st)
{
	GqlCatalog *cat = st->cat;
	int			k;

	st->func_kind = palloc0(sizeof(FuncKind) * (cat->nfunctions + 1));
	st->func_has_args = palloc0(sizeof(bool) * (cat->nfunctions + 1));
	for (k = 0; k < cat->nfunctions; k++)
	{
		GqlCatFunction *fn = &cat->functions[k];
		bool		public = strcmp(fn->nspname, "public") == 0;
		char	   *name = public ? pstrdup(fn->proname)
			: psprintf("%s_%s", fn->nspname, fn->proname);
		char	   *args_type = psprintf("%s_args", name);
		FuncKind	kind;

		/* root fields: automatically exposed or tracked ones */
		if (!fn->row_of && !fn->auto_exposed && !fn->tracked)
			continue;
		/* without inference, a tracked function needs a function permission */
		if (fn->tracked && !fn->row_of && !cat->is_admin &&
			!cat->infer_function_permissions && !fn->permitted)
			continue;
		if (!fn->row_of && fn->custom_name)
			name = pstrdup(fn->custom_name);
		if (!graphql_valid_name(name) || !function_typed(st, fn))
			continue;
		st->func_has_args[k] = function_takes_args(fn);
		if (st->func_has_args[k] && graphql_nameset_has(&st->types, args_type))
			continue;
		fn->gql_name = graphql_build_str(st, name);
		if (fn->row_of)
			kind = plan_computed(st, fn) ? FK_COMPUTED : FK_NONE;
		else
		{
			kind = fn->volatility == PROVOLATILE_VOLATILE ? FK_MUTATION : FK_QUERY;
			if (fn->exposed_as == 'q')
				kind = FK_QUERY;
			else if (fn->exposed_as == 'm')
				kind = FK_MUTATION;
			if (!plan_root_function(st, fn, kind))
				kind = FK_NONE;
		}
		st->func_kind[k] = kind;
		if (kind == FK_NONE)
			continue;
		if (st->func_has_args[k])
			graphql_nameset_put(&st->types, graphql_build_str(st, args_type), NULL);
		mark_function_scalars(st, fn);
	}
}

/* ------------------------------------------------------------------------
 * Planning: the types
 * ------------------------------------------------------------------------
 */

/* The mutation input and output types of an exposed relation */
void
graphql_build_plan_mutation_types(BuildState *st, RelInfo *ri)
{
	const char *n = ri->rel->gql_name;
	bool		response = ri->mut_names[MUT_INSERT] || ri->mut_names[MUT_UPDATE] ||
		ri->mut_names[MUT_UPDATE_MANY] || ri->mut_names[MUT_DELETE];
	bool		update = ri->mut_names[MUT_UPDATE] ||
		ri->mut_names[MUT_UPDATE_BY_PK] || ri->mut_names[MUT_UPDATE_MANY];
	int			k;

#define PLAN(suffix, kind, op) \
	graphql_build_add_plan(st, psprintf("%s%s", n, suffix), kind, ri, NULL, op)
	if (response)
		PLAN("_mutation_response", P_MUTATION_RESPONSE, 0);
	if (ri->insertable)
	{
		PLAN("_insert_input", P_INSERT_INPUT, 0);
		if (ri->obj_rel_insert)
			PLAN("_obj_rel_insert_input", P_OBJ_REL_INSERT_INPUT, 0);
		if (ri->arr_rel_insert)
			PLAN("_arr_rel_insert_input", P_ARR_REL_INSERT_INPUT, 0);
		if (ri->narbiters > 0)
		{
			PLAN("_on_conflict", P_ON_CONFLICT, 0);
			PLAN("_constraint", P_CONSTRAINT, 0);
			PLAN("_update_column", P_UPDATE_COLUMN, 0);
		}
	}
	if (update)
	{
		for (k = 0; k < (int) lengthof(upd_ops); k++)
			if (upd_op_applies(ri, k))
				PLAN(upd_ops[k].suffix, P_UPDATE_INPUT, k);
		if (ri->mut_names[MUT_UPDATE_BY_PK])
			PLAN("_pk_columns_input", P_PK_COLUMNS_INPUT, 0);
		if (ri->mut_names[MUT_UPDATE_MANY])
			PLAN("_updates", P_UPDATES, 0);
	}
#undef PLAN
}

/* The <fn>_args types of the functions that take arguments */
void
graphql_build_plan_function_types(BuildState *st)
{
	int			k;

	for (k = 0; k < st->cat->nfunctions; k++)
	{
		GqlCatFunction *fn = &st->cat->functions[k];

		if (st->func_kind[k] == FK_NONE || !st->func_has_args[k])
			continue;
		graphql_build_add_plan(st, psprintf("%s_args", fn->gql_name),
							   P_FUNC_ARGS, NULL, NULL, 0);
		st->plans[st->nplans - 1].fn = fn;
	}
}

/* ------------------------------------------------------------------------
 * Emission: arguments of fields
 * ------------------------------------------------------------------------
 */

/* The update operator arguments of update_<t> and update_<t>_by_pk */
static void
add_update_op_args(BuildState *st, GqlFieldDef *f, RelInfo *ri)
{
	int			k;

	for (k = 0; k < (int) lengthof(upd_ops); k++)
		if (upd_op_applies(ri, k))
			gql_field_add_arg(st->schema, f, upd_ops[k].name,
							  NAMED(psprintf("%s%s", ri->rel->gql_name,
											 upd_ops[k].suffix)),
							  NULL, upd_ops[k].description);
}

/* on_conflict, when the relation has constraints to name */
static void
add_on_conflict_arg(BuildState *st, GqlFieldDef *f, RelInfo *ri)
{
	if (ri->narbiters > 0)
		gql_field_add_arg(st->schema, f, "on_conflict",
						  NAMED(psprintf("%s_on_conflict", ri->rel->gql_name)),
						  NULL, "upsert condition");
}

/* args: <fn>_args, required when an argument has no default */
static void
add_function_args_arg(BuildState *st, GqlFieldDef *f, GqlCatFunction *fn)
{
	GqlTypeRef *ref;

	if (!function_takes_args(fn))
		return;
	ref = NAMED(psprintf("%s_args", fn->gql_name));
	gql_field_add_arg(st->schema, f, "args",
					  function_needs_args(fn) ? NONNULL(ref) : ref, NULL,
					  psprintf("input parameters for function \"%s\"", fn->gql_name));
}

/* The arguments of the member kinds of this file (build_internal.h) */
void
graphql_build_member_args(BuildState *st, GqlFieldDef *f, const Member *m)
{
	RelInfo    *ri = m->args_rel;
	const char *n = ri ? ri->rel->gql_name : NULL;

	switch (m->args)
	{
		case ARGS_INSERT:
			gql_field_add_arg(st->schema, f, "objects",
							  NONNULL(LIST(NAMED(psprintf("%s_insert_input", n)))),
							  NULL, "the rows to be inserted");
			add_on_conflict_arg(st, f, ri);
			break;
		case ARGS_INSERT_ONE:
			gql_field_add_arg(st->schema, f, "object",
							  NONNULL(NAMED(psprintf("%s_insert_input", n))),
							  NULL, "the row to be inserted");
			add_on_conflict_arg(st, f, ri);
			break;
		case ARGS_UPDATE:
			add_update_op_args(st, f, ri);
			gql_field_add_arg(st->schema, f, "where",
							  NONNULL(NAMED(psprintf("%s_bool_exp", n))), NULL,
							  "filter the rows which have to be updated");
			break;
		case ARGS_UPDATE_BY_PK:
			add_update_op_args(st, f, ri);
			gql_field_add_arg(st->schema, f, "pk_columns",
							  NONNULL(NAMED(psprintf("%s_pk_columns_input", n))),
							  NULL, NULL);
			break;
		case ARGS_UPDATE_MANY:
			gql_field_add_arg(st->schema, f, "updates",
							  NONNULL(LIST(NAMED(psprintf("%s_updates", n)))),
							  NULL, "updates to execute, in order");
			break;
		case ARGS_DELETE:
			gql_field_add_arg(st->schema, f, "where",
							  NONNULL(NAMED(psprintf("%s_bool_exp", n))), NULL,
							  "filter the rows which have to be deleted");
			break;
		case ARGS_FUNCTION:
			add_function_args_arg(st, f, m->fn);
			break;
		case ARGS_FUNCTION_SELECT:
			add_function_args_arg(st, f, m->fn);
			graphql_build_select_args(st, f, ri);
			break;
		default:
			elog(ERROR, "unexpected kind of field arguments");
	}
}

/* ------------------------------------------------------------------------
 * Emission: root fields and computed fields
 * ------------------------------------------------------------------------
 */

/*
 * The field of a function (root or computed): its value, one row, or
 * SETOF rows with the arguments of a list
 */
static Member *
function_member(BuildState *st, MemberList *ml, const char *name,
				GqlCatFunction *fn, const char *description, const void *source)
{
	Member	   *m;

	if (fn->returns == GQL_FUNC_SCALAR)
		m = graphql_build_member(ml, name,
								 graphql_build_value_type(st, fn->ret_type, fn->ret_is_array),
								 description, source);
	else if (fn->returns == GQL_FUNC_ROW)
		m = graphql_build_member(ml, name, NAMED(fn->relation->gql_name),
								 description, source);
	else
	{
		m = graphql_build_member(ml, name,
								 NONNULL(LIST(NAMED(fn->relation->gql_name))),
								 description, source);
		m->args = ARGS_FUNCTION_SELECT;
		m->args_rel = &st->rels[fn->relation->index];
		m->fn = fn;
		return m;
	}
	m->args = ARGS_FUNCTION;
	m->fn = fn;
	return m;
}

/* The function fields of query_root (and subscription_root) or mutation_root */
void
graphql_build_function_roots(BuildState *st, MemberList *ml, FuncKind kind)
{
	int			k;

	for (k = 0; k < st->cat->nfunctions; k++)
	{
		GqlCatFunction *fn = &st->cat->functions[k];
		const char *desc = fn->description;
		Member	   *m;

		if (st->func_kind[k] != kind)
			continue;
		if (desc == NULL)
			desc = fn->relation
				? psprintf("execute function \"%s\" which returns \"%s\"",
						   fn->gql_name, st->rels[fn->relation->index].label)
				: psprintf("execute function \"%s\"", fn->gql_name);
		m = function_member(st, ml, fn->gql_name, fn, desc, &fn->root);
		/* a json/jsonb value takes path, as computed fields do */
		m->json_path = fn->returns == GQL_FUNC_SCALAR &&
			graphql_build_is_json(fn->ret_type, fn->ret_is_array);
		/* <fn>_aggregate: as <t>_aggregate, only with allow_aggregations */
		if (kind != FK_QUERY || fn->returns != GQL_FUNC_SETOF_ROW ||
			!graphql_build_may_aggregate(fn->relation))
			continue;
		m = graphql_build_member(ml, psprintf("%s_aggregate", fn->gql_name),
								 NONNULL(NAMED(psprintf("%s_aggregate",
														fn->relation->gql_name))),
								 psprintf("execute function \"%s\" and query aggregates on result of table type \"%s\"",
										  fn->gql_name,
										  st->rels[fn->relation->index].label),
								 &fn->root_aggregate);
		m->args = ARGS_FUNCTION_SELECT;
		m->args_rel = &st->rels[fn->relation->index];
		m->fn = fn;
	}
}

/*
 * The computed fields of a relation as members of its object type, its
 * bool_exp (scalar ones without required arguments) or its order_by (the
 * same, when the type is orderable)
 */
void
graphql_build_computed_members(BuildState *st, MemberList *ml, RelInfo *ri,
							   PlanKind kind)
{
	GqlCatRelation *rel = ri->rel;
	int			k;

	for (k = 0; k < rel->ncomputed; k++)
	{
		GqlCatComputedField *cc = rel->computed[k];
		GqlCatFunction *fn = cc->function;
		Scalar	   *sc;

		if (kind == P_OBJECT)
		{
			Member	   *m = function_member(st, ml, cc->name, fn,
											fn->description ? fn->description
											: psprintf("A computed field, executes function \"%s\"",
													   fn->gql_name), cc);

			/* a json/jsonb value takes path after args, as in Hasura */
			m->json_path = fn->returns == GQL_FUNC_SCALAR &&
				graphql_build_is_json(fn->ret_type, fn->ret_is_array);
			continue;
		}
		/* <name>_aggregate: order by an aggregate of its rows */
		if (kind == P_ORDER_BY && cc->order_aggregate)
		{
			graphql_build_member(ml, psprintf("%s_aggregate", cc->name),
								 NAMED(psprintf("%s_aggregate_order_by", fn->relation->gql_name)),
								 NULL, NULL);
			continue;
		}
		if (!computed_comparable(st, fn))
			continue;
		sc = st->type_scalar[fn->ret_type->index];
		if (kind == P_BOOL_EXP)
			graphql_build_member(ml, cc->name,
								 NAMED(psprintf(fn->ret_is_array ? "%s_array_comparison_exp"
												: "%s_comparison_exp", sc->name)),
								 NULL, cc);
		else if (kind == P_ORDER_BY && !fn->ret_is_array &&
				 OidIsValid(lookup_type_cache(fn->ret_type->oid,
											  TYPECACHE_LT_OPR)->lt_opr))
			graphql_build_member(ml, cc->name, NAMED("order_by"), NULL, cc);
	}
}

/* ------------------------------------------------------------------------
 * Emission: the types
 * ------------------------------------------------------------------------
 */

/* type mutation_root */
static void
emit_mutation_root(BuildState *st, const Plan *p)
{
	MemberList	ml = {0};
	GqlSchemaType *t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT, NULL, NULL);
	int			k,
				j;

	for (k = 0; k < st->cat->nrelations; k++)
	{
		RelInfo    *ri = &st->rels[k];
		const char *n = ri->rel->gql_name;

		for (j = 0; (ri->exposed || ri->insert_only) && j < (int) lengthof(mut_fields); j++)
		{
			GqlTypeRef *type;
			Member	   *m;

			if (ri->mut_names[j] == NULL)
				continue;
			if (j == MUT_INSERT_ONE || j == MUT_UPDATE_BY_PK ||
				j == MUT_DELETE_BY_PK)
				type = NAMED(n);
			else
				type = NAMED(psprintf("%s_mutation_response", n));
			/* update_<t>_many: [<t>_mutation_response], items nullable */
			if (j == MUT_UPDATE_MANY)
				type = gql_type_ref_list(st->schema, type);
			m = graphql_build_member(&ml, ri->mut_names[j], type,
									 psprintf(mut_fields[j].description, ri->label),
									 mut_role(ri->rel, j));
			m->args = mut_fields[j].args;
			m->args_rel = ri;
		}
	}
	graphql_build_function_roots(st, &ml, FK_MUTATION);
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_insert_input: insertable columns, nested inserts */
static void
emit_insert_input(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
							   psprintf("input type for inserting data into table \"%s\"",
										ri->label), ri->rel);
	for (k = 0; k < ri->nins; k++)
		graphql_build_member(&ml, ri->ins_cols[k]->gql_name,
							 graphql_build_input_type(st, ri->ins_cols[k]->type,
													  ri->ins_cols[k]->is_array),
							 NULL, ri->ins_cols[k]);
	for (k = 0; k < ri->rel->nrelationships; k++)
	{
		GqlCatRelationship *r = ri->rel->relationships[k];

		if (!st->rels[r->target->index].insertable)
			continue;
		graphql_build_member(&ml, r->name,
							 NAMED(psprintf(r->tag == GQL_CAT_OBJECT_RELATIONSHIP
											? "%s_obj_rel_insert_input"
											: "%s_arr_rel_insert_input",
											r->target->gql_name)),
							 NULL, r);
	}
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_obj_rel_insert_input / <t>_arr_rel_insert_input */
static void
emit_rel_insert_input(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	const char *n = ri->rel->gql_name;
	bool		array = p->kind == P_ARR_REL_INSERT_INPUT;
	GqlTypeRef *data = NAMED(psprintf("%s_insert_input", n));
	MemberList	ml = {0};
	GqlSchemaType *t;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
							   psprintf("input type for inserting %s relation for remote table \"%s\"",
										array ? "array" : "object", ri->label),
							   ri->rel);
	graphql_build_member(&ml, "data", array ? NONNULL(LIST(data)) : NONNULL(data),
						 NULL, NULL);
	if (ri->narbiters > 0)
		graphql_build_member(&ml, "on_conflict",
							 NAMED(psprintf("%s_on_conflict", n)),
							 "upsert condition", NULL);
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_on_conflict */
static void
emit_on_conflict(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	const char *n = ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;
	GqlValue   *empty = gql_arena_alloc(st->arena, sizeof(GqlValue));
	Member	   *m;

	memset(empty, 0, sizeof(GqlValue));
	empty->hdr.kind = GQL_LIST_VALUE;
	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
							   psprintf("on_conflict condition type for table \"%s\"",
										ri->label), ri->rel);
	graphql_build_member(&ml, "constraint",
						 NONNULL(NAMED(psprintf("%s_constraint", n))), NULL, NULL);
	m = graphql_build_member(&ml, "update_columns",
							 NONNULL(LIST(NAMED(psprintf("%s_update_column", n)))),
							 NULL, NULL);
	m->default_value = empty;
	graphql_build_member(&ml, "where", NAMED(psprintf("%s_bool_exp", n)), NULL, NULL);
	graphql_build_emit_members(st, t, &ml);
}

/* qsort order of constraints: by name */
static int
constraint_cmp(const void *a, const void *b)
{
	return strcmp((*(GqlCatConstraint *const *) a)->name,
				  (*(GqlCatConstraint *const *) b)->name);
}

/* enum <t>_constraint: the unique and primary key constraints */
static void
emit_constraint(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	GqlSchemaType *t;
	int			k,
				j;

	t = graphql_build_new_type(st, p, GQL_TYPE_ENUM,
							   psprintf("unique or primary key constraints on table \"%s\"",
										ri->label), ri->rel);
	qsort(ri->arbiters, ri->narbiters, sizeof(GqlCatConstraint *), constraint_cmp);
	for (k = 0; k < ri->narbiters; k++)
	{
		GqlCatConstraint *c = ri->arbiters[k];
		StringInfoData desc;
		GqlEnumValueDef *v;

		initStringInfo(&desc);
		appendStringInfoString(&desc, "unique or primary key constraint");
		for (j = 0; j < c->ncolumns; j++)
			appendStringInfo(&desc, "%s\"%s\"", j == 0 ? " on columns " : ", ",
							 c->columns[j]->name);
		v = gql_type_add_enum_value(st->schema, t, c->name, desc.data);
		v->source = c;
	}
}

/* qsort order of columns: by name */
static int
column_cmp(const void *a, const void *b)
{
	return strcmp((*(GqlCatColumn *const *) a)->gql_name,
				  (*(GqlCatColumn *const *) b)->gql_name);
}

/* enum <t>_update_column: what on_conflict may update */
static void
emit_update_column(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	GqlCatColumn **cols = palloc(sizeof(GqlCatColumn *) * (ri->nupd + 1));
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_ENUM,
							   psprintf("update columns of table \"%s\"", ri->label),
							   ri->rel);
	memcpy(cols, ri->upd_cols, sizeof(GqlCatColumn *) * ri->nupd);
	qsort(cols, ri->nupd, sizeof(GqlCatColumn *), column_cmp);
	for (k = 0; k < ri->nupd; k++)
		gql_type_add_enum_value(st->schema, t, cols[k]->gql_name, "column name")->source = cols[k];
	/* an enum needs a value: Hasura's placeholder when nothing is updatable */
	if (ri->nupd == 0)
		gql_type_add_enum_value(st->schema, t, "_PLACEHOLDER", "placeholder (do not use)");
}

/* type <t>_mutation_response */
static void
emit_mutation_response(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	MemberList	ml = {0};
	GqlSchemaType *t;

	t = graphql_build_new_type(st, p, GQL_TYPE_OBJECT,
							   psprintf("response of any mutation on the table \"%s\"",
										ri->label), ri->rel);
	graphql_build_member(&ml, "affected_rows", NONNULL(NAMED("Int")),
						 "number of rows affected by the mutation", NULL);
	if (!ri->insert_only)
		graphql_build_member(&ml, "returning",
							 NONNULL(LIST(NAMED(ri->rel->gql_name))),
							 "data from the rows affected by the mutation", NULL);
	graphql_build_emit_members(st, t, &ml);
}

/*
 * input <t>_set_input, <t>_inc_input, and the jsonb operators' inputs
 * (p->op: the operator): the updatable columns it applies to, of its type
 */
static void
emit_update_input(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	const char *value = upd_ops[p->op].value;
	UpdOpKind	kind = upd_ops[p->op].kind;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
							   psprintf(upd_ops[p->op].type_description, ri->label),
							   ri->rel);
	for (k = 0; k < ri->nupd; k++)
	{
		GqlCatColumn *col = ri->upd_cols[k];
		GqlTypeRef *type;

		if ((kind == UO_INC && !is_incrementable(st, col)) ||
			(kind == UO_JSONB && !is_jsonb(col)))
			continue;
		if (value == NULL)
			type = graphql_build_input_type(st, col->type, col->is_array);
		else if (strcmp(value, "[String]") == 0)
			type = LIST(NAMED("String"));
		else
			type = NAMED(value);
		graphql_build_member(&ml, col->gql_name, type, NULL, col);
	}
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_pk_columns_input */
static void
emit_pk_columns_input(BuildState *st, const Plan *p)
{
	GqlCatRelation *rel = p->ri->rel;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT,
							   psprintf("primary key columns input for table: %s",
										p->ri->label), rel);
	for (k = 0; k < rel->npkey; k++)
		graphql_build_member(&ml, rel->pkey[k]->gql_name,
							 NONNULL(graphql_build_column_type(st, rel->pkey[k], false)),
							 NULL, rel->pkey[k]);
	graphql_build_emit_members(st, t, &ml);
}

/* input <t>_updates: one item of update_<t>_many */
static void
emit_updates(BuildState *st, const Plan *p)
{
	RelInfo    *ri = p->ri;
	const char *n = ri->rel->gql_name;
	MemberList	ml = {0};
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT, NULL, ri->rel);
	for (k = 0; k < (int) lengthof(upd_ops); k++)
		if (upd_op_applies(ri, k))
			graphql_build_member(&ml, upd_ops[k].name,
								 NAMED(psprintf("%s%s", n, upd_ops[k].suffix)),
								 upd_ops[k].description, NULL);
	graphql_build_member(&ml, "where", NONNULL(NAMED(psprintf("%s_bool_exp", n))),
						 "filter the rows which have to be updated", NULL);
	graphql_build_emit_members(st, t, &ml);
}

/* input <fn>_args: the arguments in declaration order */
static void
emit_function_args(BuildState *st, const Plan *p)
{
	GqlCatFunction *fn = p->fn;
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, GQL_TYPE_INPUT_OBJECT, NULL, fn);
	for (k = 0; k < fn->nargs; k++)
	{
		GqlCatFunctionArg *a = &fn->args[k];
		GqlInputValue *v;

		if (graphql_function_arg_hidden(fn, k))
			continue;
		v = gql_type_add_input_field(st->schema, t, a->name,
									 graphql_build_value_type(st, a->type, a->is_array),
									 NULL, NULL);
		v->source = a;
		v->accepts_strings = true;
	}
}

/*
 * type <name> / input <name>_input of a composite type: its attributes in
 * their order
 */
static void
emit_composite(BuildState *st, const Plan *p)
{
	GqlCatType *type = p->sc->type;
	bool		input = p->kind == P_COMPOSITE_INPUT;
	GqlSchemaType *t;
	int			k;

	t = graphql_build_new_type(st, p, input ? GQL_TYPE_INPUT_OBJECT : GQL_TYPE_OBJECT,
							   type->description, type);
	for (k = 0; k < type->nattrs; k++)
	{
		GqlCatAttribute *a = &type->attrs[k];

		if (input)
			gql_type_add_input_field(st->schema, t, a->name,
									 graphql_build_input_type(st, a->type, a->is_array),
									 NULL, NULL)->source = a;
		else
			gql_type_add_field(st->schema, t, a->name,
							   graphql_build_value_type(st, a->type, a->is_array),
							   NULL)->source = a;
	}
}

/* Create one planned type of this file's kinds; false for another kind */
bool
graphql_build_emit_mutation_type(BuildState *st, const Plan *p)
{
	switch (p->kind)
	{
		case P_MUTATION_ROOT:
			emit_mutation_root(st, p);
			return true;
		case P_INSERT_INPUT:
			emit_insert_input(st, p);
			return true;
		case P_OBJ_REL_INSERT_INPUT:
		case P_ARR_REL_INSERT_INPUT:
			emit_rel_insert_input(st, p);
			return true;
		case P_ON_CONFLICT:
			emit_on_conflict(st, p);
			return true;
		case P_CONSTRAINT:
			emit_constraint(st, p);
			return true;
		case P_UPDATE_COLUMN:
			emit_update_column(st, p);
			return true;
		case P_MUTATION_RESPONSE:
			emit_mutation_response(st, p);
			return true;
		case P_UPDATE_INPUT:
			emit_update_input(st, p);
			return true;
		case P_PK_COLUMNS_INPUT:
			emit_pk_columns_input(st, p);
			return true;
		case P_UPDATES:
			emit_updates(st, p);
			return true;
		case P_FUNC_ARGS:
			emit_function_args(st, p);
			return true;
		case P_COMPOSITE:
		case P_COMPOSITE_INPUT:
			emit_composite(st, p);
			return true;
		default:
			return false;
	}
}
