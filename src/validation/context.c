/*-------------------------------------------------------------------------
 *
 * context.c
 *	  Helpers the validation rules share: hash maps and lists in the
 *	  arena, graphql-js's suggestion list and "Did you mean" text, and
 *	  schema questions asked the way graphql-js asks them.
 *
 * Portable C11, no PostgreSQL header; memory from the arena only.
 *
 *-------------------------------------------------------------------------
 */
#include "rules.h"
#include "vpriv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Hash maps: open addressing over string or pointer keys
 * ------------------------------------------------------------------------
 */
typedef struct VMapEntry
{
	const void *key;
	void	   *value;
	uint32_t	hash;
} VMapEntry;

struct VMap
{
	GqlArena   *arena;
	VMapEntry  *entries;
	int			cap;
	int			count;
	bool		by_pointer;
};

/*
 * FNV-1a over a NUL-terminated string.
 */
static uint32_t
hash_string(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return h;
}

/*
 * Mix the bits of a pointer.
 */
static uint32_t
hash_pointer(const void *p)
{
	uint64_t	x = (uint64_t) (uintptr_t) p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (uint32_t) x;
}

/*
 * A map in an arena, keyed by strings or by pointers.
 */
static VMap *
map_create(GqlArena *arena, bool by_pointer)
{
	VMap	   *map = gql_arena_alloc(arena, sizeof(VMap));

	map->arena = arena;
	map->cap = 16;
	map->entries = gql_arena_alloc(arena, sizeof(VMapEntry) * map->cap);
	map->by_pointer = by_pointer;
	return map;
}

/*
 * A string-keyed map.
 */
VMap *
vmap_create(GqlArena *arena)
{
	return map_create(arena, false);
}

/*
 * A pointer-keyed map (driver caches).
 */
VMap *
vmap_create_ptr(GqlArena *arena)
{
	return map_create(arena, true);
}

/*
 * Are two keys equal?
 */
static bool
keys_equal(const VMap *map, const void *a, const void *b)
{
	if (map->by_pointer)
		return a == b;
	return strcmp((const char *) a, (const char *) b) == 0;
}

/*
 * The slot of key: the one holding it, or the empty one where it goes.
 */
static VMapEntry *
map_slot(const VMap *map, const void *key, uint32_t hash)
{
	int			i = (int) (hash & (uint32_t) (map->cap - 1));

	for (;;)
	{
		VMapEntry  *e = &map->entries[i];

		if (e->key == NULL || (e->hash == hash && keys_equal(map, e->key, key)))
			return e;
		i = (i + 1) & (map->cap - 1);
	}
}

/*
 * Hash of a key.
 */
static uint32_t
map_hash(const VMap *map, const void *key)
{
	return map->by_pointer ? hash_pointer(key) : hash_string(key);
}

/*
 * Double the table.
 */
static void
map_grow(VMap *map)
{
	VMapEntry  *old = map->entries;
	int			oldcap = map->cap;
	int			i;

	map->cap *= 2;
	map->entries = gql_arena_alloc(map->arena, sizeof(VMapEntry) * map->cap);
	for (i = 0; i < oldcap; i++)
	{
		if (old[i].key != NULL)
			*map_slot(map, old[i].key, old[i].hash) = old[i];
	}
}

/*
 * The value of key, or NULL.
 */
void *
vmap_get(const VMap *map, const char *key)
{
	VMapEntry  *e = map_slot(map, key, map_hash(map, key));

	return e->key != NULL ? e->value : NULL;
}

/*
 * The value of a pointer key, or NULL.
 */
void *
vmap_get_ptr(const VMap *map, const void *key)
{
	VMapEntry  *e = map_slot(map, key, map_hash(map, key));

	return e->key != NULL ? e->value : NULL;
}

/*
 * Set a pointer key.
 */
void
vmap_set_ptr(VMap *map, const void *key, void *value)
{
	uint32_t	hash = map_hash(map, key);
	VMapEntry  *e = map_slot(map, key, hash);

	if (e->key == NULL)
	{
		if ((map->count + 1) * 2 > map->cap)
		{
			map_grow(map);
			e = map_slot(map, key, hash);
		}
		e->key = key;
		e->hash = hash;
		map->count++;
	}
	e->value = value;
}

/*
 * Set a string key.
 */
void
vmap_set(VMap *map, const char *key, void *value)
{
	vmap_set_ptr(map, key, value);
}

/*
 * Number of keys.
 */
int
vmap_count(const VMap *map)
{
	return map->count;
}

/*
 * Append to a list, growing it in the arena.
 */
void
vlist_push(GqlArena *arena, VList *list, void *item)
{
	if (list->count == list->cap)
	{
		int			cap = list->cap > 0 ? list->cap * 2 : 8;
		void	  **items = gql_arena_alloc(arena, sizeof(void *) * cap);

		if (list->count > 0)
			memcpy(items, list->items, sizeof(void *) * list->count);
		list->items = items;
		list->cap = cap;
	}
	list->items[list->count++] = item;
}

/*
 * A message formatted in the arena.
 */
const char *
v_msg(VCtx *ctx, const char *fmt,...)
{
	va_list		args;
	int			len;
	char	   *out;

	va_start(args, fmt);
	len = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	if (len < 0)
		return "";
	out = gql_arena_alloc(ctx->arena, (size_t) len + 1);
	va_start(args, fmt);
	vsnprintf(out, (size_t) len + 1, fmt, args);
	va_end(args);
	return out;
}

/* ------------------------------------------------------------------------
 * Suggestions (graphql-js's suggestionList, didYouMean, naturalCompare)
 * ------------------------------------------------------------------------
 */

/*
 * An ASCII-lowercased copy.
 */
static char *
lower_copy(GqlArena *arena, const char *s)
{
	size_t		len = strlen(s);
	char	   *r = gql_arena_strndup(arena, s, len);
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (r[i] >= 'A' && r[i] <= 'Z')
			r[i] = (char) (r[i] - 'A' + 'a');
	}
	return r;
}

/*
 * Smallest of three.
 */
static int
min3(int a, int b, int c)
{
	int			m = a < b ? a : b;

	return m < c ? m : c;
}

/*
 * Damerau-Levenshtein distance of two lowercased strings, a the longer;
 * -1 when it exceeds threshold.
 */
static int
distance_rows(GqlArena *arena, const char *a, int alen, const char *b,
			  int blen, int threshold)
{
	int		   *rows = gql_arena_alloc(arena, sizeof(int) * 3 * (blen + 1));
	int			i,
				j;

	for (j = 0; j <= blen; j++)
		rows[j] = j;
	for (i = 1; i <= alen; i++)
	{
		int		   *up = rows + ((i - 1) % 3) * (blen + 1);
		int		   *cur = rows + (i % 3) * (blen + 1);
		int			smallest = cur[0] = i;

		for (j = 1; j <= blen; j++)
		{
			int			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int			cell = min3(up[j] + 1, cur[j - 1] + 1, up[j - 1] + cost);

			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
			{
				int			dd = rows[((i - 2) % 3) * (blen + 1) + j - 2] + 1;

				cell = cell < dd ? cell : dd;
			}
			if (cell < smallest)
				smallest = cell;
			cur[j] = cell;
		}
		if (smallest > threshold)
			return -1;
	}
	i = rows[(alen % 3) * (blen + 1) + blen];
	return i <= threshold ? i : -1;
}

/*
 * graphql-js's LexicalDistance.measure: -1 for "undefined".
 */
static int
lexical_distance(GqlArena *arena, const char *input, const char *input_lower,
				 const char *option, int threshold)
{
	const char *a;
	const char *b;
	int			alen,
				blen;
	char	   *opt_lower;

	if (strcmp(input, option) == 0)
		return 0;
	opt_lower = lower_copy(arena, option);
	if (strcmp(input_lower, opt_lower) == 0)
		return 1;
	a = opt_lower;
	b = input_lower;
	if (strlen(a) < strlen(b))
	{
		a = input_lower;
		b = opt_lower;
	}
	alen = (int) strlen(a);
	blen = (int) strlen(b);
	if (alen - blen > threshold)
		return -1;
	return distance_rows(arena, a, alen, b, blen, threshold);
}

typedef struct Suggestion
{
	const char *name;
	int			distance;
	int			index;
} Suggestion;

/*
 * qsort order: distance, then natural order, then original order.
 */
static int
suggestion_cmp(const void *pa, const void *pb)
{
	const Suggestion *a = pa;
	const Suggestion *b = pb;
	int			c;

	if (a->distance != b->distance)
		return a->distance - b->distance;
	c = v_natural_compare(a->name, b->name);
	if (c != 0)
		return c;
	return a->index - b->index;
}

/*
 * The options close to input, best first.
 */
const char **
v_suggestion_list(VCtx *ctx, const char *input, const char *const *options,
				  int noptions, int *nout)
{
	Suggestion *found = gql_arena_alloc(ctx->arena,
										sizeof(Suggestion) * (noptions + 1));
	const char *input_lower = lower_copy(ctx->arena, input);
	int			threshold = (int) (strlen(input) * 4 / 10) + 1;
	const char **out;
	VMap	   *seen = vmap_create(ctx->arena);
	int			n = 0;
	int			i;

	for (i = 0; i < noptions; i++)
	{
		int			d;

		if (vmap_get(seen, options[i]) != NULL)
			continue;
		vmap_set(seen, options[i], (void *) options[i]);
		d = lexical_distance(ctx->arena, input, input_lower, options[i],
							 threshold);

		if (d >= 0)
		{
			found[n].name = options[i];
			found[n].distance = d;
			found[n].index = i;
			n++;
		}
	}
	if (n > 1)
		qsort(found, n, sizeof(Suggestion), suggestion_cmp);
	out = gql_arena_alloc(ctx->arena, sizeof(char *) * (n + 1));
	for (i = 0; i < n; i++)
		out[i] = found[i].name;
	*nout = n;
	return out;
}

/*
 * " Did you mean [sub ]"A", "B", or "C"?" (at most five), nothing for none.
 */
void
v_did_you_mean(GqlBuf *buf, const char *sub, const char *const *suggestions,
			   int n)
{
	int			i;

	if (n == 0)
		return;
	gql_buf_append_str(buf, " Did you mean ");
	if (sub != NULL)
		gql_buf_printf(buf, "%s ", sub);
	if (n > 5)
		n = 5;
	for (i = 0; i < n; i++)
	{
		if (i > 0 && n == 2)
			gql_buf_append_str(buf, " or ");
		else if (i > 0 && i == n - 1)
			gql_buf_append_str(buf, ", or ");
		else if (i > 0)
			gql_buf_append_str(buf, ", ");
		gql_buf_printf(buf, "\"%s\"", suggestions[i]);
	}
	gql_buf_append_char(buf, '?');
}

/*
 * Reverse items[lo, hi).
 */
static void
reverse_range(void **items, int lo, int hi)
{
	for (hi--; lo < hi; lo++, hi--)
	{
		void	   *t = items[lo];

		items[lo] = items[hi];
		items[hi] = t;
	}
}

/*
 * V8's CountAndMakeRun: the length of the leading run, made ascending.
 */
static int
make_run(void **items, int n, int (*cmp) (const void *a, const void *b))
{
	bool		descending;
	int			len = 2;
	int			i;

	if (n == 1)
		return 1;
	descending = cmp(items[1], items[0]) < 0;
	for (i = 2; i < n; i++)
	{
		int			order = cmp(items[i], items[i - 1]);

		if (descending ? order >= 0 : order < 0)
			break;
		len++;
	}
	if (descending)
		reverse_range(items, 0, len);
	return len;
}

/*
 * V8's sort of a short array: a leading run, then binary insertion.
 */
void
v_js_sort(void **items, int n, int (*cmp) (const void *a, const void *b))
{
	int			start;

	if (n < 2)
		return;
	for (start = make_run(items, n, cmp); start < n; start++)
	{
		void	   *pivot = items[start];
		int			left = 0,
					right = start;

		while (left < right)
		{
			int			mid = left + ((right - left) >> 1);

			if (cmp(pivot, items[mid]) < 0)
				right = mid;
			else
				left = mid + 1;
		}
		memmove(items + left + 1, items + left, sizeof(void *) * (start - left));
		items[left] = pivot;
	}
}

/*
 * Read a run of digits as graphql-js's naturalCompare does (it stops after
 * a leading zero).
 */
static long long
natural_number(const char *s, size_t *i)
{
	long long	num = 0;

	do
	{
		num = num * 10 + (s[*i] - '0');
		(*i)++;
	} while (s[*i] >= '0' && s[*i] <= '9' && num > 0 && num < 100000000000LL);
	return num;
}

/*
 * graphql-js's naturalCompare.
 */
int
v_natural_compare(const char *a, const char *b)
{
	size_t		ai = 0,
				bi = 0;

	while (a[ai] != '\0' && b[bi] != '\0')
	{
		unsigned char ac = (unsigned char) a[ai];
		unsigned char bc = (unsigned char) b[bi];

		if (ac >= '0' && ac <= '9' && bc >= '0' && bc <= '9')
		{
			long long	an = natural_number(a, &ai);
			long long	bn = natural_number(b, &bi);

			if (an != bn)
				return an < bn ? -1 : 1;
		}
		else
		{
			if (ac != bc)
				return ac < bc ? -1 : 1;
			ai++;
			bi++;
		}
	}
	if (strlen(a) == strlen(b))
		return 0;
	return strlen(a) < strlen(b) ? -1 : 1;
}

/* ------------------------------------------------------------------------
 * Type references
 * ------------------------------------------------------------------------
 */

/*
 * The named type below every wrapper.
 */
GqlSchemaType *
v_named_type(const GqlTypeRef *ref)
{
	while (ref != NULL && ref->kind != GQL_REF_NAMED)
		ref = ref->of_type;
	return ref != NULL ? ref->named : NULL;
}

/*
 * The type without its outer non-null wrapper.
 */
const GqlTypeRef *
v_nullable(const GqlTypeRef *ref)
{
	if (ref != NULL && ref->kind == GQL_REF_NON_NULL)
		return ref->of_type;
	return ref;
}

/*
 * Is ref a non-null type?
 */
bool
v_is_non_null(const GqlTypeRef *ref)
{
	return ref != NULL && ref->kind == GQL_REF_NON_NULL;
}

/*
 * Is ref a list type (not wrapped in non-null)?
 */
bool
v_is_list(const GqlTypeRef *ref)
{
	return ref != NULL && ref->kind == GQL_REF_LIST;
}

/*
 * A reference to a named type (allocated per call).
 */
const GqlTypeRef *
v_named_ref(VCtx *ctx, GqlSchemaType *type)
{
	GqlTypeRef *ref;

	if (type == NULL)
		return NULL;
	ref = gql_arena_alloc(ctx->arena, sizeof(GqlTypeRef));
	ref->kind = GQL_REF_NAMED;
	ref->named = type;
	return ref;
}

/*
 * graphql-js's typeFromAST.
 */
const GqlTypeRef *
v_type_from_ast(VCtx *ctx, const GqlType *ast)
{
	GqlTypeRef *ref;
	const GqlTypeRef *inner;

	if (ast == NULL)
		return NULL;
	if (ast->hdr.kind == GQL_NAMED_TYPE)
		return v_named_ref(ctx, v_type_named(ctx, ast->name->value));
	inner = v_type_from_ast(ctx, ast->type);
	if (inner == NULL)
		return NULL;
	ref = gql_arena_alloc(ctx->arena, sizeof(GqlTypeRef));
	ref->kind = ast->hdr.kind == GQL_LIST_TYPE ? GQL_REF_LIST : GQL_REF_NON_NULL;
	ref->of_type = (GqlTypeRef *) inner;
	return ref;
}

/*
 * Append a type reference as GraphQL writes it.
 */
static void
append_type(GqlBuf *buf, const GqlTypeRef *ref)
{
	switch (ref->kind)
	{
		case GQL_REF_NAMED:
			gql_buf_append_str(buf, ref->named != NULL ? ref->named->name : "?");
			break;
		case GQL_REF_LIST:
			gql_buf_append_char(buf, '[');
			append_type(buf, ref->of_type);
			gql_buf_append_char(buf, ']');
			break;
		case GQL_REF_NON_NULL:
			append_type(buf, ref->of_type);
			gql_buf_append_char(buf, '!');
			break;
	}
}

/*
 * "[Int!]!"
 */
const char *
v_type_str(VCtx *ctx, const GqlTypeRef *ref)
{
	GqlBuf		buf;

	gql_buf_init(&buf, ctx->arena);
	if (ref != NULL)
		append_type(&buf, ref);
	return buf.data;
}

/*
 * A node printed as graphql-js prints it.
 */
const char *
v_print(VCtx *ctx, const GqlNode *node)
{
	return gql_print(ctx->arena, node, NULL);
}

/* ------------------------------------------------------------------------
 * Schema questions
 * ------------------------------------------------------------------------
 */

/*
 * schema.isSubType(abstract, maybe_sub): a union member, or a type that
 * declares the interface.
 */
bool
v_is_sub_type(const GqlSchemaType *abstract, const GqlSchemaType *maybe_sub)
{
	int			i;

	if (abstract == NULL || maybe_sub == NULL)
		return false;
	if (abstract->kind == GQL_TYPE_UNION)
	{
		for (i = 0; i < abstract->npossible_types; i++)
		{
			if (abstract->possible_types[i] == maybe_sub)
				return true;
		}
		return false;
	}
	if (abstract->kind != GQL_TYPE_INTERFACE)
		return false;
	if (maybe_sub->kind != GQL_TYPE_OBJECT &&
		maybe_sub->kind != GQL_TYPE_INTERFACE)
		return false;
	for (i = 0; i < maybe_sub->ninterfaces; i++)
	{
		if (maybe_sub->interfaces[i] == abstract)
			return true;
	}
	return false;
}

/*
 * Is the type an interface or a union?
 */
static bool
is_abstract(const GqlSchemaType *t)
{
	return t != NULL && (t->kind == GQL_TYPE_INTERFACE ||
						 t->kind == GQL_TYPE_UNION);
}

/*
 * graphql-js's doTypesOverlap.
 */
bool
v_types_overlap(const GqlSchemaType *a, const GqlSchemaType *b)
{
	int			i;

	if (a == b)
		return true;
	if (is_abstract(a))
	{
		if (is_abstract(b))
		{
			for (i = 0; i < a->npossible_types; i++)
			{
				if (v_is_sub_type(b, a->possible_types[i]))
					return true;
			}
			return false;
		}
		return v_is_sub_type(a, b);
	}
	if (is_abstract(b))
		return v_is_sub_type(b, a);
	return false;
}

/*
 * graphql-js's isTypeSubTypeOf (named types compared by identity).
 */
bool
v_is_type_sub_type_of(const GqlTypeRef *sub, const GqlTypeRef *super)
{
	if (sub == super)
		return true;
	if (super->kind == GQL_REF_NON_NULL)
		return sub->kind == GQL_REF_NON_NULL &&
			v_is_type_sub_type_of(sub->of_type, super->of_type);
	if (sub->kind == GQL_REF_NON_NULL)
		return v_is_type_sub_type_of(sub->of_type, super);
	if (super->kind == GQL_REF_LIST)
		return sub->kind == GQL_REF_LIST &&
			v_is_type_sub_type_of(sub->of_type, super->of_type);
	if (sub->kind == GQL_REF_LIST)
		return false;
	if (sub->named == super->named)
		return true;
	return is_abstract(super->named) &&
		(sub->named->kind == GQL_TYPE_INTERFACE ||
		 sub->named->kind == GQL_TYPE_OBJECT) &&
		v_is_sub_type(super->named, sub->named);
}

/*
 * isRequiredArgument / isRequiredInputField.
 */
bool
v_is_required(const GqlInputValue *value)
{
	return v_is_non_null(value->type) && value->default_value == NULL;
}

/*
 * The root type of an operation kind, or NULL.
 */
GqlSchemaType *
v_root_type(VCtx *ctx, GqlOperationType op)
{
	switch (op)
	{
		case GQL_OP_QUERY:
			return ctx->schema->query_type;
		case GQL_OP_MUTATION:
			return ctx->schema->mutation_type;
		case GQL_OP_SUBSCRIPTION:
			return ctx->schema->subscription_type;
	}
	return NULL;
}

/*
 * TypeInfo's getFieldDef: __schema and __type on the query type,
 * __typename on any composite type, else the type's own field.
 */
const GqlFieldDef *
v_field_def(VCtx *ctx, const GqlSchemaType *parent, const char *name)
{
	if (parent == NULL)
		return NULL;
	if (strcmp(name, "__schema") == 0 && parent == ctx->schema->query_type)
		return gql_schema_meta_field(ctx->schema);
	if (strcmp(name, "__type") == 0 && parent == ctx->schema->query_type)
		return gql_type_meta_field(ctx->schema);
	if (strcmp(name, "__typename") == 0 &&
		(parent->kind == GQL_TYPE_OBJECT || parent->kind == GQL_TYPE_INTERFACE ||
		 parent->kind == GQL_TYPE_UNION))
		return gql_typename_field(ctx->schema);
	if (parent->kind == GQL_TYPE_OBJECT || parent->kind == GQL_TYPE_INTERFACE)
		return gql_type_field(parent, name);
	return NULL;
}

/*
 * Mark the spec scalars a type reference uses.
 */
static void
mark_ref(VPriv *priv, const GqlTypeRef *ref)
{
	GqlSchemaType *t = v_named_type(ref);

	if (t != NULL && t->builtin && t->kind == GQL_TYPE_SCALAR &&
		vmap_get(priv->used_scalars, t->name) == NULL)
		vmap_set(priv->used_scalars, t->name, t);
}

/*
 * Are all five spec scalars known to be used (nothing left to find)?
 */
static bool
all_scalars_used(const VPriv *priv)
{
	return vmap_count(priv->used_scalars) >= 5;
}

/*
 * Mark the scalars used by the arguments / input fields of a list.
 */
static void
mark_values(VPriv *priv, GqlInputValue **values, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		mark_ref(priv, values[i]->type);
}

/*
 * Which spec scalars graphql-js's schema holds: those some field,
 * argument, input field or directive argument uses, plus String and
 * Boolean (the introspection types use them).
 */
static void
collect_used_scalars(VCtx *ctx, VPriv *priv)
{
	const GqlSchema *s = ctx->schema;
	int			i,
				j;

	priv->used_scalars = vmap_create(ctx->arena);
	vmap_set(priv->used_scalars, "String", priv);
	vmap_set(priv->used_scalars, "Boolean", priv);
	for (i = 0; i < s->ntypes && !all_scalars_used(priv); i++)
	{
		GqlSchemaType *t = s->types[i];

		if (t->builtin)
			continue;
		for (j = 0; j < t->nfields; j++)
		{
			mark_ref(priv, t->fields[j]->type);
			mark_values(priv, t->fields[j]->args, t->fields[j]->nargs);
		}
		mark_values(priv, t->input_fields, t->ninput_fields);
	}
	for (i = 0; i < s->ndirectives; i++)
		mark_values(priv, s->directives[i]->args, s->directives[i]->nargs);
}

/*
 * A named type, as graphql-js's schema.getType answers: a spec scalar
 * that nothing uses is not part of a schema built from SDL.
 */
GqlSchemaType *
v_type_named(VCtx *ctx, const char *name)
{
	GqlSchemaType *t = gql_schema_type(ctx->schema, name);
	VPriv	   *priv = ctx->priv;

	if (t == NULL || !t->builtin || t->kind != GQL_TYPE_SCALAR)
		return t;
	if (priv->used_scalars == NULL)
		collect_used_scalars(ctx, priv);
	return vmap_get(priv->used_scalars, name) != NULL ? t : NULL;
}

/*
 * Do String literals stand for Int, Float and Boolean ones.
 */
bool
v_string_scalars(const VCtx *ctx)
{
	return ((const VPriv *) ctx->priv)->string_scalars;
}

/*
 * The custom scalar literal check, if any.
 */
GqlScalarLiteralCheck
v_scalar_check(const VCtx *ctx, void **arg)
{
	const VPriv *priv = ctx->priv;

	*arg = priv->scalar_check_arg;
	return priv->scalar_check;
}

/*
 * The "Did you mean" text for input among options, outside a validation
 * run (see validation.h).
 */
const char *
gql_did_you_mean(GqlArena *arena, const char *sub, const char *input,
				 const char *const *options, int noptions)
{
	VCtx		ctx;
	GqlBuf		buf;
	const char **found;
	int			n;

	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = arena;
	found = v_suggestion_list(&ctx, input, options, noptions, &n);
	gql_buf_init(&buf, arena);
	gql_buf_append_str(&buf, "");
	v_did_you_mean(&buf, sub, found, n);
	return buf.data;
}
