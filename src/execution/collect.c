/*-------------------------------------------------------------------------
 *
 * collect.c
 *	  CollectFields (spec section 6.3.2), the sub-selections of a merged
 *	  field, argument values and variable substitution.
 *
 * Response keys are grouped with a small open-addressing hash table in the
 * arena, so a selection set of many fields stays linear.  Each fragment is
 * entered at most once per collection, which bounds the recursion by the
 * number of fragments plus the selection depth the parser allows.
 *
 *-------------------------------------------------------------------------
 */
#include "execution.h"

#include <string.h>

/* State of one gql_collect_fields call */
typedef struct Collector
{
	const GqlExecContext *ctx;
	const GqlSchemaType *object_type;
	GqlCollectedField *out;		/* grouped fields, first-appearance order */
	int			nout;
	int			capout;
	int		   *slots;			/* hash slot -> index in out + 1, 0 empty */
	int			nslots;			/* a power of two */
	const char **visited;		/* fragment names entered */
	int			nvisited;
	int			capvisited;
} Collector;

static void collect_set(Collector *c, const GqlSelectionSet *set);

/*
 * FNV-1a hash of a NUL-terminated string.
 */
static unsigned int
hash_string(const char *s)
{
	unsigned int h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

/*
 * Grow an arena array of elements of size elem from *cap to twice as many
 * (at least 8) and return the new array (old contents copied).
 */
static void *
grow_array(GqlArena *arena, void *old, int count, int *cap, size_t elem)
{
	int			newcap = *cap < 8 ? 8 : *cap * 2;
	void	   *arr = gql_arena_alloc(arena, (size_t) newcap * elem);

	if (count > 0)
		memcpy(arr, old, (size_t) count * elem);
	*cap = newcap;
	return arr;
}

/*
 * Rebuild the hash index of the response keys with twice as many slots.
 */
static void
rehash(Collector *c)
{
	int			i;

	c->nslots = c->nslots == 0 ? 16 : c->nslots * 2;
	c->slots = gql_arena_alloc(c->ctx->arena, (size_t) c->nslots * sizeof(int));
	for (i = 0; i < c->nout; i++)
	{
		unsigned int h = hash_string(c->out[i].response_key) & (c->nslots - 1);

		while (c->slots[h] != 0)
			h = (h + 1) & (c->nslots - 1);
		c->slots[h] = i + 1;
	}
}

/*
 * The entry of a response key, created (empty) when new.
 */
static GqlCollectedField *
entry_for_key(Collector *c, const char *key)
{
	unsigned int h;

	if (c->nout * 2 >= c->nslots)
		rehash(c);
	h = hash_string(key) & (c->nslots - 1);
	while (c->slots[h] != 0)
	{
		GqlCollectedField *e = &c->out[c->slots[h] - 1];

		if (strcmp(e->response_key, key) == 0)
			return e;
		h = (h + 1) & (c->nslots - 1);
	}
	if (c->nout == c->capout)
		c->out = grow_array(c->ctx->arena, c->out, c->nout, &c->capout,
							sizeof(GqlCollectedField));
	c->slots[h] = c->nout + 1;
	c->out[c->nout].response_key = key;
	return &c->out[c->nout++];
}

/*
 * The definition of a field selected on the collector's object type: a
 * meta-field for __typename, __schema and __type, NULL when unknown.
 */
static const GqlFieldDef *
field_definition(const Collector *c, const char *name)
{
	const GqlSchema *schema = c->ctx->schema;

	if (strcmp(name, "__typename") == 0)
		return gql_typename_field(schema);
	if (strcmp(name, "__schema") == 0)
		return gql_schema_meta_field(schema);
	if (strcmp(name, "__type") == 0)
		return gql_type_meta_field(schema);
	return gql_type_field(c->object_type, name);
}

/*
 * Add a field node under its response key.
 */
static void
add_field(Collector *c, const GqlField *field)
{
	const char *key = field->alias ? field->alias->value : field->name->value;
	GqlCollectedField *e = entry_for_key(c, key);
	int			cap = e->nfields;

	if (e->nfields == 0)
		e->def = field_definition(c, field->name->value);
	/* the array is exactly full when nfields is 0 or a power of two >= 8 */
	if (e->nfields < 8 ? e->nfields == 0 : (e->nfields & (e->nfields - 1)) == 0)
		e->fields = grow_array(c->ctx->arena, (void *) e->fields, e->nfields,
							   &cap, sizeof(GqlField *));
	e->fields[e->nfields++] = field;
}

/*
 * The boolean value of the `if` argument of @skip or @include.
 */
static bool
directive_if(const GqlExecContext *ctx, const GqlDirective *dir)
{
	const GqlDirectiveDef *def = gql_schema_directive(ctx->schema,
													  dir->name->value);
	const GqlInputValue *arg;
	const GqlValue *v;

	if (def == NULL || (arg = gql_directive_arg(def, "if")) == NULL)
		return false;
	v = gql_argument_value(ctx, &dir->arguments, arg);
	return v != NULL && v->hdr.kind == GQL_BOOLEAN_VALUE && v->boolean;
}

/*
 * Whether a selection is included: not @skip(if: true), not
 * @include(if: false).
 */
static bool
should_include(const GqlExecContext *ctx, const GqlList *directives)
{
	int			i;

	for (i = 0; i < directives->count; i++)
	{
		const GqlDirective *dir = (const GqlDirective *) directives->items[i];

		if (strcmp(dir->name->value, "skip") == 0 && directive_if(ctx, dir))
			return false;
		if (strcmp(dir->name->value, "include") == 0 && !directive_if(ctx, dir))
			return false;
	}
	return true;
}

/*
 * Whether a fragment with this type condition (NULL: none) applies to the
 * collector's object type.
 */
static bool
fragment_applies(const Collector *c, const GqlType *condition)
{
	const GqlSchemaType *type;

	if (condition == NULL)
		return true;
	type = gql_schema_type(c->ctx->schema, condition->name->value);
	if (type == NULL)
		return false;
	if (type == c->object_type)
		return true;
	return gql_type_is_abstract(type) &&
		gql_type_is_possible(c->ctx->schema, type, c->object_type);
}

/*
 * The fragment definition of a name in the document, NULL when none.
 */
static const GqlFragment *
find_fragment(const GqlDocument *document, const char *name)
{
	int			i;

	for (i = 0; i < document->definitions.count; i++)
	{
		const GqlFragment *f = (const GqlFragment *) document->definitions.items[i];

		if (f->hdr.kind == GQL_FRAGMENT_DEFINITION &&
			strcmp(f->name->value, name) == 0)
			return f;
	}
	return NULL;
}

/*
 * Mark a fragment as entered; false when it was entered already.
 */
static bool
visit_fragment(Collector *c, const char *name)
{
	int			i;

	for (i = 0; i < c->nvisited; i++)
		if (strcmp(c->visited[i], name) == 0)
			return false;
	if (c->nvisited == c->capvisited)
		c->visited = grow_array(c->ctx->arena, (void *) c->visited,
								c->nvisited, &c->capvisited, sizeof(char *));
	c->visited[c->nvisited++] = name;
	return true;
}

/*
 * Collect a fragment spread: its definition once, when it applies.
 */
static void
collect_spread(Collector *c, const GqlFragmentSpread *spread)
{
	const GqlFragment *frag;

	if (!visit_fragment(c, spread->name->value))
		return;
	frag = find_fragment(c->ctx->document, spread->name->value);
	if (frag == NULL || !fragment_applies(c, frag->type_condition))
		return;
	collect_set(c, frag->selection_set);
}

/*
 * Collect the selections of one selection set.
 */
static void
collect_set(Collector *c, const GqlSelectionSet *set)
{
	int			i;

	if (set == NULL)
		return;
	for (i = 0; i < set->selections.count; i++)
	{
		const GqlNode *sel = set->selections.items[i];

		if (sel->kind == GQL_FIELD)
		{
			if (should_include(c->ctx, &((const GqlField *) sel)->directives))
				add_field(c, (const GqlField *) sel);
		}
		else if (sel->kind == GQL_FRAGMENT_SPREAD)
		{
			if (should_include(c->ctx, &((const GqlFragmentSpread *) sel)->directives))
				collect_spread(c, (const GqlFragmentSpread *) sel);
		}
		else if (sel->kind == GQL_INLINE_FRAGMENT)
		{
			const GqlFragment *f = (const GqlFragment *) sel;

			if (should_include(c->ctx, &f->directives) &&
				fragment_applies(c, f->type_condition))
				collect_set(c, f->selection_set);
		}
	}
}

/*
 * CollectFields over the selection sets of a merged field (or the
 * operation's one) for an object type.
 */
int
gql_collect_fields(const GqlExecContext *ctx,
				   const GqlSchemaType *object_type,
				   const GqlSelectionSet *const *sets, int nsets,
				   GqlCollectedField **out)
{
	Collector	c;
	int			i;

	memset(&c, 0, sizeof(c));
	c.ctx = ctx;
	c.object_type = object_type;
	for (i = 0; i < nsets; i++)
		collect_set(&c, sets[i]);
	*out = c.out;
	return c.nout;
}

/*
 * The selection sets of the nodes of a merged field.
 */
int
gql_field_selection_sets(const GqlExecContext *ctx,
						 const GqlCollectedField *field,
						 const GqlSelectionSet ***out)
{
	const GqlSelectionSet **sets;
	int			n = 0;
	int			i;

	sets = gql_arena_alloc(ctx->arena,
						   (size_t) (field->nfields + 1) * sizeof(*sets));
	for (i = 0; i < field->nfields; i++)
		if (field->fields[i]->selection_set != NULL)
			sets[n++] = field->fields[i]->selection_set;
	*out = sets;
	return n;
}

/*
 * The value of an argument: the given literal with variables substituted,
 * else the definition's default.
 */
const GqlValue *
gql_argument_value(const GqlExecContext *ctx, const GqlList *arguments,
				   const GqlInputValue *def)
{
	int			i;

	for (i = 0; arguments != NULL && i < arguments->count; i++)
	{
		const GqlArgument *arg = (const GqlArgument *) arguments->items[i];
		const GqlValue *v;

		if (strcmp(arg->name->value, def->name) != 0)
			continue;
		v = gql_value_substitute(ctx, arg->value);
		/* a variable that is null, explicitly, for a non-null argument */
		if (v != NULL && v->hdr.kind == GQL_NULL_VALUE &&
			arg->value->hdr.kind == GQL_VARIABLE &&
			def->type->kind == GQL_REF_NON_NULL && ctx->null_argument)
			ctx->null_argument(ctx->null_argument_arg, arg, def);
		return v != NULL ? v : def->default_value;
	}
	return def->default_value;
}

/*
 * The value of a variable; NULL when absent.
 */
static const GqlValue *
variable_value(const GqlExecContext *ctx, const GqlValue *var)
{
	if (ctx->variable == NULL)
		return NULL;
	return ctx->variable(ctx->variable_arg, var->name->value);
}

/*
 * Whether a value contains a variable anywhere.
 */
static bool
has_variables(const GqlValue *value)
{
	int			i;

	if (value->hdr.kind == GQL_VARIABLE)
		return true;
	for (i = 0; i < value->items.count; i++)
	{
		const GqlNode *item = value->items.items[i];

		if (item->kind == GQL_OBJECT_FIELD)
			item = (const GqlNode *) ((const GqlArgument *) item)->value;
		if ((value->hdr.kind == GQL_LIST_VALUE ||
			 value->hdr.kind == GQL_OBJECT_VALUE) &&
			has_variables((const GqlValue *) item))
			return true;
	}
	return false;
}

/*
 * A null literal (what an absent variable inside a list becomes).
 */
static const GqlValue *
null_value(const GqlExecContext *ctx, const GqlValue *at)
{
	GqlValue   *v = gql_arena_alloc(ctx->arena, sizeof(GqlValue));

	v->hdr.kind = GQL_NULL_VALUE;
	v->hdr.loc = at->hdr.loc;
	return v;
}

/*
 * A list value with its items substituted (absent variables become null).
 */
static const GqlValue *
substitute_list(const GqlExecContext *ctx, const GqlValue *list)
{
	GqlValue   *v = gql_arena_alloc(ctx->arena, sizeof(GqlValue));
	int			i;

	*v = *list;
	v->items.items = gql_arena_alloc(ctx->arena,
									 (size_t) list->items.count * sizeof(GqlNode *));
	for (i = 0; i < list->items.count; i++)
	{
		const GqlValue *item = (const GqlValue *) list->items.items[i];
		const GqlValue *s = gql_value_substitute(ctx, item);

		v->items.items[i] = (GqlNode *) (s != NULL ? s : null_value(ctx, item));
	}
	return v;
}

/*
 * An object value with its fields substituted; fields whose variable is
 * absent are left out.
 */
static const GqlValue *
substitute_object(const GqlExecContext *ctx, const GqlValue *obj)
{
	GqlValue   *v = gql_arena_alloc(ctx->arena, sizeof(GqlValue));
	int			i;

	*v = *obj;
	v->items.count = 0;
	v->items.items = gql_arena_alloc(ctx->arena,
									 (size_t) obj->items.count * sizeof(GqlNode *));
	for (i = 0; i < obj->items.count; i++)
	{
		const GqlArgument *f = (const GqlArgument *) obj->items.items[i];
		const GqlValue *s = gql_value_substitute(ctx, f->value);
		GqlArgument *nf;

		if (s == NULL)
			continue;
		nf = gql_arena_alloc(ctx->arena, sizeof(GqlArgument));
		*nf = *f;
		nf->value = (GqlValue *) s;
		v->items.items[v->items.count++] = (GqlNode *) nf;
	}
	return v;
}

/*
 * A value with its variables substituted; the value itself when it holds
 * none; NULL for an absent variable.
 */
const GqlValue *
gql_value_substitute(const GqlExecContext *ctx, const GqlValue *value)
{
	if (value == NULL)
		return NULL;
	if (value->hdr.kind == GQL_VARIABLE)
		return variable_value(ctx, value);
	if (!has_variables(value))
		return value;
	if (value->hdr.kind == GQL_LIST_VALUE)
		return substitute_list(ctx, value);
	return substitute_object(ctx, value);
}
