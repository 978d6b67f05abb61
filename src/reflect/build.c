/*-------------------------------------------------------------------------
 *
 * build.c
 *	  The Hasura (v2) dialect: from the catalog model, the GraphQL schema
 *	  with Hasura's type names, shapes and default descriptions.
 *
 * Two phases.  Planning decides every name: the GraphQL scalar or enum of
 * each column type, which relations are exposed and under which name,
 * the relationships inferred from foreign keys, and the list of types to
 * create.  Emission then creates the types in name order (as Hasura lists
 * them), each type's fields in name order too; it lives in build_types.c,
 * and build_internal.h holds what the two files share.  doc/naming.md
 * describes the rules; the comments here say where each one is applied.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "utils/memutils.h"

#include "reflect/build_internal.h"

/* The aggregate operations of <t>_aggregate_fields, in name order */
const AggOp graphql_agg_ops[] = {
	{"avg", SC_STAT, true},
	{"max", SC_MINMAX, false},
	{"min", SC_MINMAX, false},
	{"stddev", SC_STAT, true},
	{"stddev_pop", SC_STAT, true},
	{"stddev_samp", SC_STAT, true},
	{"sum", SC_SUM, false},
	{"var_pop", SC_STAT, true},
	{"var_samp", SC_STAT, true},
	{"variance", SC_STAT, true},
};

StaticAssertDecl(lengthof(graphql_agg_ops) == NUM_AGG_OPS,
				 "NUM_AGG_OPS does not match graphql_agg_ops");

/*
 * Suffixes of the type names a relation claims: the query types, and the
 * mutation and streaming types of later steps (claimed now, so that adding
 * them does not change which relation wins a collision).
 */
static const char *const rel_type_suffixes[] = {
	"", "_aggregate", "_aggregate_fields", "_aggregate_order_by",
	"_bool_exp", "_order_by", "_select_column",
	"_arr_rel_insert_input", "_constraint", "_inc_input", "_insert_input",
	"_mutation_response", "_obj_rel_insert_input", "_on_conflict",
	"_pk_columns_input", "_set_input", "_update_column", "_updates",
	"_append_input", "_prepend_input", "_delete_at_path_input",
	"_delete_elem_input", "_delete_key_input", "_stream_cursor_input",
	"_stream_cursor_value_input",
};

static const char *const rel_root_suffixes[] = {
	"", "_aggregate", "_by_pk", "_stream",
};

/* Names every schema has or reserves */
static const char *const reserved_types[] = {
	"Int", "Float", "String", "Boolean", "ID", "order_by", "query_root",
	"mutation_root", "subscription_root", "cursor_ordering",
	"Int_comparison_exp", "Float_comparison_exp", "String_comparison_exp",
	"Boolean_comparison_exp", "Int_array_comparison_exp",
	"Float_array_comparison_exp", "String_array_comparison_exp",
	"Boolean_array_comparison_exp",
};

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------
 */

/* FNV-1a */
static uint32
name_hash(const char *s)
{
	uint32		h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

/* The slot of s in the set: where it is, or the empty slot it would take */
static uint32
nameset_slot(NameSet *set, const char *s)
{
	uint32		i = name_hash(s) & (set->cap - 1);

	while (set->slots[i] && strcmp(set->slots[i], s) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

/* Is s in the set */
bool
graphql_nameset_has(NameSet *set, const char *s)
{
	return set->cap > 0 && set->slots[nameset_slot(set, s)] != NULL;
}

/* The value of s, or NULL */
void *
graphql_nameset_get(NameSet *set, const char *s)
{
	return set->cap > 0 ? set->vals[nameset_slot(set, s)] : NULL;
}

/* Add s (kept by pointer) with a value, growing the table at half load */
void
graphql_nameset_put(NameSet *set, const char *s, void *val)
{
	uint32		slot;

	if (set->count * 2 >= set->cap)
	{
		NameSet		old = *set;
		uint32		i;

		set->cap = old.cap ? old.cap * 2 : 256;
		set->slots = palloc0(sizeof(char *) * set->cap);
		set->vals = palloc0(sizeof(void *) * set->cap);
		set->count = 0;
		for (i = 0; i < old.cap; i++)
			if (old.slots[i])
				graphql_nameset_put(set, old.slots[i], old.vals[i]);
	}
	slot = nameset_slot(set, s);
	if (set->slots[slot] == NULL)
	{
		set->slots[slot] = s;
		set->count++;
	}
	set->vals[slot] = val;
}

/* Add s (kept by pointer) without a value */
static void
nameset_add(NameSet *set, const char *s)
{
	graphql_nameset_put(set, s, NULL);
}

/* Is s a GraphQL name, and not a reserved __ name */
bool
graphql_valid_name(const char *s)
{
	const char *p;

	if (s == NULL || *s == '\0' || (s[0] == '_' && s[1] == '_'))
		return false;
	if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return false;
	for (p = s + 1; *p; p++)
		if (!(*p == '_' || (*p >= 'A' && *p <= 'Z') ||
			  (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return false;
	return true;
}

/* Can s be an enum value (true, false and null cannot) */
bool
graphql_valid_enum_value(const char *s)
{
	return graphql_valid_name(s) && strcmp(s, "true") != 0 &&
		strcmp(s, "false") != 0 && strcmp(s, "null") != 0;
}

/* A string in the schema's arena (it outlives the build) */
const char *
graphql_build_str(BuildState *st, const char *s)
{
	return gql_arena_strndup(st->arena, s, strlen(s));
}

/* ------------------------------------------------------------------------
 * Scalars: the GraphQL type of each column type
 * ------------------------------------------------------------------------
 */

/* A new scalar, appended to st->scalars */
static Scalar *
new_scalar(BuildState *st, const char *name, bool builtin)
{
	Scalar	   *sc = palloc0(sizeof(Scalar));

	sc->name = name;
	sc->builtin = builtin;
	st->scalars[st->nscalars++] = sc;
	return sc;
}

/* The builtin scalar a type maps to (0 Int, 1 Float, 2 String, 3 Boolean), or -1 */
static int
builtin_of(const GqlCatType *t)
{
	switch (t->oid)
	{
		case INT4OID:
			return 0;
		case FLOAT4OID:
			return 1;
		case TEXTOID:
		case VARCHAROID:
			return 2;
		case BOOLOID:
			return 3;
		default:
			return -1;
	}
}

/* Does a type of its own scalar take the String operators (_like, ...) */
static bool
type_is_text(const GqlCatType *t)
{
	return t->oid == BPCHAROID || t->oid == NAMEOID ||
		strcmp(t->typname, "citext") == 0;
}

/* SC_* flags of a type (aggregates it supports, extra operators) */
static int
type_flags(const GqlCatType *t)
{
	switch (t->oid)
	{
		case INT2OID:
		case INT4OID:
		case INT8OID:
		case FLOAT4OID:
		case FLOAT8OID:
		case NUMERICOID:
			return SC_NUMERIC;
		case CASHOID:
			return SC_SUM | SC_MINMAX;
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
		case DATEOID:
		case TIMEOID:
		case TIMETZOID:
		case TIMESTAMPOID:
		case TIMESTAMPTZOID:
			return SC_MINMAX;
		case JSONBOID:
			return SC_JSONB;
		default:
			if (t->typtype == TYPTYPE_ENUM || strcmp(t->typname, "citext") == 0)
				return SC_MINMAX;
			return 0;
	}
}

/* Does an enum type become a GraphQL enum (all labels are enum values) */
static bool
enum_is_graphql(const GqlCatType *t)
{
	int			k;

	if (t->typtype != TYPTYPE_ENUM || t->nlabels == 0)
		return false;
	for (k = 0; k < t->nlabels; k++)
		if (!graphql_valid_enum_value(t->labels[k]))
			return false;
	return true;
}

/* Claim name and its comparison types when all are free */
static bool
claim_scalar_names(BuildState *st, const char *name)
{
	char	   *cmp;
	char	   *arr;

	if (!graphql_valid_name(name) || graphql_nameset_has(&st->types, name))
		return false;
	cmp = psprintf("%s_comparison_exp", name);
	arr = psprintf("%s_array_comparison_exp", name);
	if (graphql_nameset_has(&st->types, cmp) || graphql_nameset_has(&st->types, arr))
		return false;
	nameset_add(&st->types, name);
	nameset_add(&st->types, cmp);
	nameset_add(&st->types, arr);
	return true;
}

/*
 * The scalar of a non-builtin type: named after the type (int8 is
 * "bigint" and int2 "smallint", as in Hasura), or "<schema>_<type>" when
 * that name is taken; NULL when both are.
 */
static Scalar *
plan_type_scalar(BuildState *st, GqlCatType *t)
{
	const char *name = t->oid == INT8OID ? "bigint"
		: t->oid == INT2OID ? "smallint" : t->typname;
	Scalar	   *sc;

	if (!claim_scalar_names(st, name))
	{
		name = psprintf("%s_%s", t->nspname, t->typname);
		if (!claim_scalar_names(st, name))
			return NULL;
	}
	sc = new_scalar(st, name, false);
	sc->type = t;
	sc->is_enum = enum_is_graphql(t);
	sc->flags = (type_flags(t) & SC_JSONB) | (type_is_text(t) ? SC_STRING : 0);
	return sc;
}

/* Types of pg_catalog first, then public, then by schema and name */
static int
type_rank(const GqlCatType *t)
{
	if (strcmp(t->nspname, "pg_catalog") == 0)
		return 0;
	return strcmp(t->nspname, "public") == 0 ? 1 : 2;
}

/* qsort order of types: by type_rank, then schema and name */
static int
type_cmp(const void *a, const void *b)
{
	const GqlCatType *x = *(GqlCatType *const *) a;
	const GqlCatType *y = *(GqlCatType *const *) b;
	int			c;

	if (type_rank(x) != type_rank(y))
		return type_rank(x) - type_rank(y);
	c = strcmp(x->nspname, y->nspname);
	return c ? c : strcmp(x->typname, y->typname);
}

/* Map every column type to a scalar, in a deterministic order */
static void
plan_scalars(BuildState *st)
{
	GqlCatalog *cat = st->cat;
	GqlCatType **sorted = palloc(sizeof(GqlCatType *) * (cat->ntypes + 1));
	static const char *const builtin_names[] = {"Int", "Float", "String", "Boolean"};
	int			k;

	st->scalars = palloc0(sizeof(Scalar *) * (cat->ntypes + 4));
	st->type_scalar = palloc0(sizeof(Scalar *) * (cat->ntypes + 1));
	st->type_flags = palloc0(sizeof(int) * (cat->ntypes + 1));
	for (k = 0; k < 4; k++)
		st->builtins[k] = new_scalar(st, builtin_names[k], true);
	st->builtins[2]->flags = SC_STRING;
	memcpy(sorted, cat->types, sizeof(GqlCatType *) * cat->ntypes);
	qsort(sorted, cat->ntypes, sizeof(GqlCatType *), type_cmp);
	for (k = 0; k < cat->ntypes; k++)
	{
		GqlCatType *t = sorted[k];
		int			b = builtin_of(t);

		st->type_flags[t->index] = type_flags(t);
		if (t->typtype == TYPTYPE_COMPOSITE &&
			(!cat->composite_scalars || t->attrs == NULL))
			continue;			/* graphql_build_plan_composites */
		st->type_scalar[t->index] = b >= 0 ? st->builtins[b]
			: plan_type_scalar(st, t);
	}
	/* as Hasura, graphql.hasura_compat has composite types as JSON scalars */
	if (!cat->composite_scalars)
		graphql_build_plan_composites(st, sorted, cat->ntypes);
}

/* A new scalar, enum or composite of a non-builtin type */
Scalar *
graphql_build_new_scalar(BuildState *st, const char *name)
{
	return new_scalar(st, name, false);
}

/* ------------------------------------------------------------------------
 * Relations: which are exposed, under which name
 * ------------------------------------------------------------------------
 */

/* Can a column be a field: a GraphQL name, not a bool_exp operator, a known type */
static bool
column_exposable(BuildState *st, const GqlCatColumn *col)
{
	const char *name = col->gql_name;

	if (!graphql_valid_name(name))
		return false;
	if (strcmp(name, "_and") == 0 || strcmp(name, "_or") == 0 ||
		strcmp(name, "_not") == 0)
		return false;
	if (st->type_scalar[col->type->index] == NULL)
		return false;
	/* arrays of composite values are not supported yet */
	return !(col->is_array && st->type_scalar[col->type->index]->is_composite);
}

/* Note a field name as taken on a relation */
void
graphql_build_take_name(RelInfo *ri, const char *name)
{
	if (ri->nnames == ri->names_cap)
	{
		ri->names_cap = ri->names_cap ? ri->names_cap * 2 : 16;
		ri->names = ri->names ? repalloc(ri->names, sizeof(char *) * ri->names_cap)
			: palloc(sizeof(char *) * ri->names_cap);
	}
	ri->names[ri->nnames++] = name;
}

/* Is a field name taken on a relation */
bool
graphql_build_name_taken(const RelInfo *ri, const char *name)
{
	int			k;

	for (k = 0; k < ri->nnames; k++)
		if (strcmp(ri->names[k], name) == 0)
			return true;
	return false;
}

/* The exposed columns of a relation; false when there is none */
static bool
plan_columns(BuildState *st, RelInfo *ri)
{
	GqlCatRelation *rel = ri->rel;
	int			k;

	ri->col_exposed = palloc0(sizeof(bool) * (rel->ncolumns + 1));
	ri->cols = palloc(sizeof(GqlCatColumn *) * (rel->ncolumns + 1));
	graphql_build_take_name(ri, "_and");
	graphql_build_take_name(ri, "_or");
	graphql_build_take_name(ri, "_not");
	for (k = 0; k < rel->ncolumns; k++)
	{
		GqlCatColumn *col = &rel->columns[k];

		col->gql_name = col->custom_name ? graphql_build_str(st, col->custom_name)
			: col->name;
		if (!column_exposable(st, col) || graphql_build_name_taken(ri, col->gql_name))
			continue;
		ri->col_exposed[k] = true;
		ri->cols[ri->ncols++] = col;
		graphql_build_take_name(ri, col->gql_name);
	}
	return ri->ncols > 0;
}

/*
 * Claim every type and root field name of base name n, if all are free;
 * the query_root fields are ri->root_names (custom or "<n>", ...)
 */
static bool
claim_relation_names(BuildState *st, RelInfo *ri, const char *n)
{
	char	   *types[lengthof(rel_type_suffixes) + 2 * NUM_AGG_OPS];
	char	   *roots[lengthof(rel_root_suffixes)];
	int			nt = 0;
	int			k;

	for (k = 0; k < (int) lengthof(rel_type_suffixes); k++)
		types[nt++] = psprintf("%s%s", n, rel_type_suffixes[k]);
	for (k = 0; k < (int) NUM_AGG_OPS; k++)
	{
		types[nt++] = psprintf("%s_%s_fields", n, graphql_agg_ops[k].name);
		types[nt++] = psprintf("%s_%s_order_by", n, graphql_agg_ops[k].name);
	}
	for (k = 0; k < (int) lengthof(rel_root_suffixes); k++)
		roots[k] = psprintf("%s%s", n, rel_root_suffixes[k]);
	/* "", "_aggregate", "_by_pk": possibly custom */
	roots[0] = (char *) ri->root_names[GQL_ROOT_SELECT];
	roots[1] = (char *) ri->root_names[GQL_ROOT_SELECT_AGGREGATE];
	roots[2] = (char *) ri->root_names[GQL_ROOT_SELECT_BY_PK];
	for (k = 0; k < (int) lengthof(rel_root_suffixes); k++)
		if (!graphql_valid_name(roots[k]))
			return false;
	for (k = 0; k < nt; k++)
		if (graphql_nameset_has(&st->types, types[k]))
			return false;
	for (k = 0; k < (int) lengthof(rel_root_suffixes); k++)
		if (graphql_nameset_has(&st->roots, roots[k]))
			return false;
	for (k = 0; k < nt; k++)
		nameset_add(&st->types, types[k]);
	for (k = 0; k < (int) lengthof(rel_root_suffixes); k++)
		nameset_add(&st->roots, roots[k]);
	return true;
}

/* May the role see the <t>_aggregate fields of rel (its select permission) */
bool
graphql_build_may_aggregate(const GqlCatRelation *rel)
{
	const GqlCatPermission *perm = rel->perms[GQL_PERM_SELECT];

	return perm == NULL || perm->allow_aggregations;
}

/* May the role see a query_root field of rel (its select permission) */
bool
graphql_build_root_allowed(const GqlCatRelation *rel, GqlRootKind kind)
{
	const GqlCatPermission *perm = rel->perms[GQL_PERM_SELECT];

	return perm == NULL || (perm->root_fields & ((uint32) 1 << kind)) != 0;
}

/* Mark the comparison types the exposed columns of a relation need */
static void
mark_scalars_used(BuildState *st, RelInfo *ri)
{
	int			k;

	for (k = 0; k < ri->ncols; k++)
	{
		GqlCatColumn *col = ri->cols[k];
		Scalar	   *sc = st->type_scalar[col->type->index];

		graphql_build_mark_used(st, sc);
		if (sc->is_composite)
			continue;			/* not in bool_exp */
		if (col->is_array)
			sc->used_arr_cmp = true;
		else
			sc->used_cmp = true;
	}
}

/* The name of a root field: the metadata's custom one, else prefix+n+suffix */
static const char *
root_name(const GqlCatRelation *rel, GqlRootKind kind, const char *prefix,
		  const char *n, const char *suffix)
{
	if (rel->custom_roots[kind])
		return rel->custom_roots[kind];
	return psprintf("%s%s%s", prefix, n, suffix);
}

/*
 * Decide whether a relation is exposed: a GraphQL name (the metadata's
 * custom_name, else "<relname>" in public, "<schema>_<relname>"
 * elsewhere), at least one exposable column, and none of its type or root
 * field names taken by an earlier relation.
 */
static void
plan_relation(BuildState *st, RelInfo *ri)
{
	GqlCatRelation *rel = ri->rel;
	bool		public = strcmp(rel->nspname, "public") == 0;
	char	   *name = rel->custom_name ? pstrdup(rel->custom_name)
		: public ? pstrdup(rel->relname)
		: psprintf("%s_%s", rel->nspname, rel->relname);

	ri->label = public ? rel->relname
		: psprintf("%s.%s", rel->nspname, rel->relname);
	ri->root_names[GQL_ROOT_SELECT] = root_name(rel, GQL_ROOT_SELECT, "", name, "");
	ri->root_names[GQL_ROOT_SELECT_BY_PK] = root_name(rel, GQL_ROOT_SELECT_BY_PK, "", name, "_by_pk");
	ri->root_names[GQL_ROOT_SELECT_AGGREGATE] =
		root_name(rel, GQL_ROOT_SELECT_AGGREGATE, "", name, "_aggregate");
	if (!graphql_valid_name(name) || !plan_columns(st, ri) ||
		!claim_relation_names(st, ri, name))
		return;
	rel->gql_name = graphql_build_str(st, name);
	if (rel->insert_only)
	{
		/* no object type or query field: insert_<t> only (build_mutation.c) */
		ri->insert_only = true;
		mark_scalars_used(st, ri);
		return;
	}
	ri->exposed = true;
	rel->root_select.tag = GQL_CAT_ROOT_SELECT;
	rel->root_select.relation = rel;
	rel->root_by_pk.tag = GQL_CAT_ROOT_BY_PK;
	rel->root_by_pk.relation = rel;
	rel->root_aggregate.tag = GQL_CAT_ROOT_AGGREGATE;
	rel->root_aggregate.relation = rel;
	mark_scalars_used(st, ri);
}

/* Plan the scalars, then decide which relations are exposed, in order */
static void
plan_relations(BuildState *st)
{
	int			k;

	st->rels = palloc0(sizeof(RelInfo) * (st->cat->nrelations + 1));
	for (k = 0; k < (int) lengthof(reserved_types); k++)
		nameset_add(&st->types, reserved_types[k]);
	plan_scalars(st);
	for (k = 0; k < st->cat->nrelations; k++)
	{
		st->rels[k].rel = &st->cat->relations[k];
		plan_relation(st, &st->rels[k]);
	}
}

/* ------------------------------------------------------------------------
 * Relationships from foreign keys
 * ------------------------------------------------------------------------
 */

/* Are both ends exposed, with every key column exposed */
static bool
fkey_usable(BuildState *st, const GqlCatForeignKey *fk)
{
	RelInfo    *from = &st->rels[fk->from->index];
	RelInfo    *to = &st->rels[fk->to->index];
	int			k;

	if (!from->exposed || !to->exposed ||
		!fk->from->auto_exposed || !fk->to->auto_exposed)
		return false;
	for (k = 0; k < fk->ncols; k++)
		if (!from->col_exposed[fk->from_cols[k] - fk->from->columns] ||
			!to->col_exposed[fk->to_cols[k] - fk->to->columns])
			return false;
	return true;
}

/* "<base>_by_<col1>_<col2>..." */
static char *
by_columns_name(const char *base, GqlCatColumn **cols, int ncols)
{
	StringInfoData buf;
	int			k;

	initStringInfo(&buf);
	appendStringInfo(&buf, "%s_by", base);
	for (k = 0; k < ncols; k++)
		appendStringInfo(&buf, "_%s", cols[k]->name);
	return buf.data;
}

/* Is a relationship name free on ri (array ones also need <name>_aggregate) */
static bool
relationship_name_free(RelInfo *ri, const char *name, bool array)
{
	if (!graphql_valid_name(name) || graphql_build_name_taken(ri, name))
		return false;
	return !array || !graphql_build_name_taken(ri, psprintf("%s_aggregate", name));
}

/*
 * The first free name among the candidates, then the last candidate with
 * _2, _3, ... appended.
 */
static const char *
pick_name(RelInfo *ri, const char **cands, int ncands, bool array)
{
	int			k;

	for (k = 0; k < ncands; k++)
		if (cands[k] && relationship_name_free(ri, cands[k], array))
			return cands[k];
	for (k = 2;; k++)
	{
		char	   *name = psprintf("%s_%d", cands[ncands - 1], k);

		if (relationship_name_free(ri, name, array))
			return name;
	}
}

/* Attach a relationship to its source relation */
static void
attach_relationship(BuildState *st, GqlCatRelationship *r)
{
	GqlCatRelation *rel = r->source;
	GqlCatRelationship **old = rel->relationships;

	rel->relationships = gql_arena_alloc(st->arena, sizeof(GqlCatRelationship *) *
										 (rel->nrelationships + 1));
	if (old)
		memcpy(rel->relationships, old,
			   sizeof(GqlCatRelationship *) * rel->nrelationships);
	rel->relationships[rel->nrelationships++] = r;
}

/* A relationship of a foreign key, either direction */
static GqlCatRelationship *
new_relationship(BuildState *st, GqlCatForeignKey *fk, bool array)
{
	GqlCatRelationship *r = gql_arena_alloc(st->arena, sizeof(GqlCatRelationship));

	r->tag = array ? GQL_CAT_ARRAY_RELATIONSHIP : GQL_CAT_OBJECT_RELATIONSHIP;
	r->fk = fk;
	r->source = array ? fk->to : fk->from;
	r->target = array ? fk->from : fk->to;
	r->source_cols = array ? fk->to_cols : fk->from_cols;
	r->target_cols = array ? fk->from_cols : fk->to_cols;
	r->ncols = fk->ncols;
	if (array)
	{
		r->aggregate.tag = GQL_CAT_ARRAY_AGGREGATE;
		r->aggregate.relation = r->source;
		r->aggregate.relationship = r;
	}
	return r;
}

/*
 * The object relationship of a foreign key, on the referencing relation:
 * "<column>" for a single "<column>_id" key, else the referenced
 * relation's name, else "<referenced>_by_<columns>", else that with _N.
 */
static void
add_object_relationship(BuildState *st, GqlCatForeignKey *fk)
{
	RelInfo    *ri = &st->rels[fk->from->index];
	GqlCatRelationship *r = new_relationship(st, fk, false);
	const char *cands[3] = {NULL, fk->to->gql_name, NULL};
	const char *col = fk->from_cols[0]->name;
	size_t		len = strlen(col);
	int			k;

	if (fk->ncols == 1 && len > 3 && strcmp(col + len - 3, "_id") == 0)
		cands[0] = pnstrdup(col, len - 3);
	cands[2] = by_columns_name(fk->to->gql_name, fk->from_cols, fk->ncols);
	r->name = graphql_build_str(st, pick_name(ri, cands, 3, false));
	graphql_build_take_name(ri, r->name);
	r->notnull = !fk->to->rls;
	for (k = 0; k < fk->ncols; k++)
		r->notnull = r->notnull && fk->from_cols[k]->notnull;
	attach_relationship(st, r);
}

/*
 * The array relationship of a foreign key, on the referenced relation:
 * the referencing relation's name, else "<referencing>_by_<columns>",
 * else that with _N; <name>_aggregate must be free too.
 */
static void
add_array_relationship(BuildState *st, GqlCatForeignKey *fk)
{
	RelInfo    *ri = &st->rels[fk->to->index];
	GqlCatRelationship *r = new_relationship(st, fk, true);
	const char *cands[2];

	cands[0] = fk->from->gql_name;
	cands[1] = by_columns_name(fk->from->gql_name, fk->from_cols, fk->ncols);
	r->name = graphql_build_str(st, pick_name(ri, cands, 2, true));
	graphql_build_take_name(ri, r->name);
	graphql_build_take_name(ri, psprintf("%s_aggregate", r->name));
	st->rels[fk->from->index].agg_target = true;
	attach_relationship(st, r);
}

/* Does a declared relationship join like a foreign key's in one direction */
static bool
declared_like(const GqlCatRelationship *d, const GqlCatForeignKey *fk, bool array)
{
	GqlCatColumn **src = array ? fk->to_cols : fk->from_cols;
	GqlCatColumn **dst = array ? fk->from_cols : fk->to_cols;
	int			k;

	if ((d->tag == GQL_CAT_ARRAY_RELATIONSHIP) != array ||
		d->source != (array ? fk->to : fk->from) ||
		d->target != (array ? fk->from : fk->to) || d->ncols != fk->ncols)
		return false;
	for (k = 0; k < fk->ncols; k++)
		if (d->source_cols[k] != src[k] || d->target_cols[k] != dst[k])
			return false;
	return true;
}

/* Is a foreign key's relationship in this direction declared already */
static bool
fkey_declared(const GqlCatForeignKey *fk, bool array)
{
	GqlCatRelation *src = array ? fk->to : fk->from;
	int			k;

	for (k = 0; k < src->nrelationships; k++)
		if (declared_like(src->relationships[k], fk, array))
			return true;
	return false;
}

/* Is there a foreign key from (from, fcols) referencing (to, tcols) */
static bool
references(const GqlCatalog *cat, const GqlCatRelation *from, GqlCatColumn **fcols,
		   const GqlCatRelation *to, GqlCatColumn **tcols, int ncols)
{
	int			k,
				j;

	for (k = 0; k < cat->nfkeys; k++)
	{
		const GqlCatForeignKey *fk = &cat->fkeys[k];

		if (fk->from != from || fk->to != to || fk->ncols != ncols)
			continue;
		for (j = 0; j < ncols; j++)
			if (fk->from_cols[j] != fcols[j] || fk->to_cols[j] != tcols[j])
				break;
		if (j == ncols)
			return true;
	}
	return false;
}

/*
 * A relationship declared in the metadata, when both ends and every join
 * column are exposed and its name is free
 */
static void
add_declared_relationship(BuildState *st, GqlCatMdRelationship *d)
{
	RelInfo    *ri = &st->rels[d->source->index];
	RelInfo    *target = &st->rels[d->target->index];
	GqlCatRelationship *r;
	int			k;

	if (!ri->exposed || !target->exposed ||
		!relationship_name_free(ri, d->name, d->array))
		return;
	for (k = 0; k < d->ncols; k++)
		if (!ri->col_exposed[d->source_cols[k] - d->source->columns] ||
			!target->col_exposed[d->target_cols[k] - d->target->columns])
			return;
	r = gql_arena_alloc(st->arena, sizeof(GqlCatRelationship));
	memset(r, 0, sizeof(GqlCatRelationship));
	r->tag = d->array ? GQL_CAT_ARRAY_RELATIONSHIP : GQL_CAT_OBJECT_RELATIONSHIP;
	r->name = graphql_build_str(st, d->name);
	r->source = d->source;
	r->target = d->target;
	r->source_cols = d->source_cols;
	r->target_cols = d->target_cols;
	r->ncols = d->ncols;
	graphql_build_take_name(ri, r->name);
	r->after_parent = !d->array && references(st->cat, d->target, d->target_cols,
											  d->source, d->source_cols, d->ncols) &&
		!references(st->cat, d->source, d->source_cols, d->target, d->target_cols, d->ncols);
	/*
	 * Non-null like an inferred one: over a foreign key of the source whose
	 * columns are NOT NULL, to a target without row level security
	 */
	r->notnull = !d->array && !r->after_parent && !d->target->rls &&
		references(st->cat, d->source, d->source_cols, d->target, d->target_cols, d->ncols);
	for (k = 0; r->notnull && k < d->ncols; k++)
		r->notnull = d->source_cols[k]->notnull;
	if (d->array)
	{
		r->aggregate.tag = GQL_CAT_ARRAY_AGGREGATE;
		r->aggregate.relation = r->source;
		r->aggregate.relationship = r;
		graphql_build_take_name(ri, psprintf("%s_aggregate", r->name));
		target->agg_target = true;
	}
	attach_relationship(st, r);
}

/*
 * Every relationship: first those the metadata declares, in its order;
 * then those inferred from foreign keys between automatically exposed
 * relations (graphql.schemas), unless declared already: the object ones
 * (by referencing relation, then constraint name), then the array ones in
 * the same order, so a relation's object relationships get their names
 * before its array relationships.
 */
static void
plan_relationships(BuildState *st)
{
	GqlCatalog *cat = st->cat;
	int			k;

	for (k = 0; k < cat->nmd_relationships; k++)
		add_declared_relationship(st, &cat->md_relationships[k]);
	for (k = 0; k < cat->nfkeys; k++)
		if (fkey_usable(st, &cat->fkeys[k]) && !fkey_declared(&cat->fkeys[k], false))
			add_object_relationship(st, &cat->fkeys[k]);
	for (k = 0; k < cat->nfkeys; k++)
		if (fkey_usable(st, &cat->fkeys[k]) && !fkey_declared(&cat->fkeys[k], true))
			add_array_relationship(st, &cat->fkeys[k]);
}

/* ------------------------------------------------------------------------
 * The plan: every type to create
 * ------------------------------------------------------------------------
 */

/* Append a type to create to the plan */
void
graphql_build_add_plan(BuildState *st, const char *name, PlanKind kind,
					   RelInfo *ri, Scalar *sc, int op)
{
	Plan	   *p;

	if (st->nplans == st->plans_cap)
	{
		st->plans_cap = st->plans_cap ? st->plans_cap * 2 : 256;
		st->plans = st->plans ? repalloc(st->plans, sizeof(Plan) * st->plans_cap)
			: palloc(sizeof(Plan) * st->plans_cap);
	}
	p = &st->plans[st->nplans++];
	p->name = name;
	p->kind = kind;
	p->ri = ri;
	p->sc = sc;
	p->op = op;
	p->fn = NULL;
}

/* The types of one exposed relation */
static void
plan_relation_types(BuildState *st, RelInfo *ri)
{
	const char *n = ri->rel->gql_name;
	int			op;
	int			k;

	graphql_build_add_plan(st, n, P_OBJECT, ri, NULL, 0);
	graphql_build_add_plan(st, psprintf("%s_aggregate", n), P_AGGREGATE, ri, NULL, 0);
	graphql_build_add_plan(st, psprintf("%s_aggregate_fields", n), P_AGG_FIELDS, ri, NULL, 0);
	graphql_build_add_plan(st, psprintf("%s_bool_exp", n), P_BOOL_EXP, ri, NULL, 0);
	graphql_build_add_plan(st, psprintf("%s_order_by", n), P_ORDER_BY, ri, NULL, 0);
	graphql_build_add_plan(st, psprintf("%s_select_column", n), P_SELECT_COLUMN, ri, NULL, 0);
	if (ri->agg_target)
		graphql_build_add_plan(st, psprintf("%s_aggregate_order_by", n), P_AGG_ORDER_BY,
				 ri, NULL, 0);
	for (op = 0; op < (int) NUM_AGG_OPS; op++)
	{
		for (k = 0; k < ri->ncols; k++)
			ri->op_nonempty[op] |= column_has_op(st, ri->cols[k], op);
		if (!ri->op_nonempty[op])
			continue;
		graphql_build_add_plan(st, psprintf("%s_%s_fields", n, graphql_agg_ops[op].name),
				 P_OP_FIELDS, ri, NULL, op);
		if (ri->agg_target)
			graphql_build_add_plan(st, psprintf("%s_%s_order_by", n, graphql_agg_ops[op].name),
					 P_OP_ORDER_BY, ri, NULL, op);
	}
	graphql_build_plan_mutation_types(st, ri);
}

/* The scalar, enum and comparison types the exposed columns use */
static void
plan_scalar_types(BuildState *st)
{
	int			k;

	/* jsonb comparisons have _cast: {String: String_comparison_exp} */
	for (k = 0; k < st->nscalars; k++)
		if (st->scalars[k]->used_cmp && (st->scalars[k]->flags & SC_JSONB))
			st->builtins[2]->used_cmp = true;

	for (k = 0; k < st->nscalars; k++)
	{
		Scalar	   *sc = st->scalars[k];

		if (sc->used && sc->is_composite)
		{
			graphql_build_add_plan(st, sc->name, P_COMPOSITE, NULL, sc, 0);
			graphql_build_add_plan(st, psprintf("%s_input", sc->name),
								   P_COMPOSITE_INPUT, NULL, sc, 0);
		}
		else if (sc->used && !sc->builtin)
			graphql_build_add_plan(st, sc->name, sc->is_enum ? P_ENUM : P_SCALAR, NULL, sc, 0);
		if (sc->used_cmp)
			graphql_build_add_plan(st, psprintf("%s_comparison_exp", sc->name), P_CMP,
					 NULL, sc, 0);
		if (sc->used_cmp && (sc->flags & SC_JSONB) &&
			!graphql_nameset_has(&st->types, psprintf("%s_cast_exp", sc->name)))
		{
			graphql_build_add_plan(st, psprintf("%s_cast_exp", sc->name), P_JSONB_CAST,
								   NULL, sc, 0);
			sc->cast_exp = true;
		}
		if (sc->used_arr_cmp)
			graphql_build_add_plan(st, psprintf("%s_array_comparison_exp", sc->name),
					 P_ARR_CMP, NULL, sc, 0);
	}
}

/* qsort order of the plan: by type name */
static int
plan_cmp(const void *a, const void *b)
{
	return strcmp(((const Plan *) a)->name, ((const Plan *) b)->name);
}

/* The whole plan: every type to create, sorted by name */
static void
plan_types(BuildState *st)
{
	bool		any = false;
	int			k;

	for (k = 0; k < st->cat->nrelations; k++)
		if (st->rels[k].exposed)
		{
			plan_relation_types(st, &st->rels[k]);
			any = true;
		}
		else if (st->rels[k].insert_only)
			graphql_build_plan_mutation_types(st, &st->rels[k]);
	graphql_build_plan_function_types(st);
	plan_scalar_types(st);
	st->has_relations = any;
	graphql_build_add_plan(st, "query_root", P_QUERY_ROOT, NULL, NULL, 0);
	if (any)
	{
		graphql_build_add_plan(st, "order_by", P_ORDER_BY_ENUM, NULL, NULL, 0);
		graphql_build_add_plan(st, "subscription_root", P_SUBSCRIPTION_ROOT, NULL, NULL, 0);
	}
	if (st->has_mutations)
		graphql_build_add_plan(st, "mutation_root", P_MUTATION_ROOT, NULL, NULL, 0);
	qsort(st->plans, st->nplans, sizeof(Plan), plan_cmp);
}

/* ------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------
 */

/*
 * The Hasura-dialect schema of a catalog model (see reflect.h).  Planning
 * runs here; emission in build_types.c.  Scratch memory goes in a
 * temporary context, the schema and the names it keeps in the arena.
 */
GqlSchema *
graphql_catalog_build(GqlArena *arena, GqlCatalog *catalog)
{
	MemoryContext tmp;
	MemoryContext oldcxt;
	BuildState	st;
	GqlError	error;

	tmp = AllocSetContextCreate(CurrentMemoryContext, "graphql schema build",
								ALLOCSET_DEFAULT_SIZES);
	oldcxt = MemoryContextSwitchTo(tmp);
	memset(&st, 0, sizeof(st));
	st.arena = arena;
	st.cat = catalog;
	st.schema = gql_schema_create(arena);
	plan_relations(&st);
	plan_relationships(&st);
	graphql_build_plan_mutations(&st);
	graphql_build_plan_functions(&st);
	plan_types(&st);
	graphql_build_emit_types(&st);
	if (!gql_schema_finish(st.schema, &error))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("the generated GraphQL schema is invalid"),
				 errdetail("%s", error.message)));
	MemoryContextSwitchTo(oldcxt);
	MemoryContextDelete(tmp);
	return st.schema;
}
