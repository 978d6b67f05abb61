/*-------------------------------------------------------------------------
 *
 * schema.c
 *	  The GraphQL schema model: construction, name resolution and indexes,
 *	  lookups and the type utilities.
 *
 * Construction appends to amortized arrays (capacity is the next power of
 * two of the count, so it needs no field of its own) and keeps a hash index
 * of type and directive names, so building a schema of n elements is
 * O(n).  Type references are resolved by name in gql_schema_finish(), which
 * then runs the checks of check.c.
 *
 *-------------------------------------------------------------------------
 */
#include "schema_internal.h"

#include <string.h>

/* Member lists of at most this many entries are searched linearly */
#define SMALL_LIST	8

/* ------------------------------------------------------------------------
 * Arrays and the name index
 * ------------------------------------------------------------------------
 */

/*
 * Make room for one more element in an arena array of `count` elements and
 * return the (possibly moved) array.  The capacity of an array of count n is
 * implied: 4 while n <= 4, else the next power of two, so it grows when the
 * count is 0 or a power of two of at least 4.
 */
void *
gql_schema_array_append(GqlArena *arena, void *items, int count,
						size_t elem_size)
{
	size_t		cap;
	void	   *grown;

	if (count != 0 && (count < 4 || (count & (count - 1)) != 0))
		return items;
	cap = count == 0 ? 4 : (size_t) count * 2;
	grown = gql_arena_alloc(arena, cap * elem_size);
	if (count > 0)
		memcpy(grown, items, (size_t) count * elem_size);
	return grown;
}

/*
 * FNV-1a hash of a NUL-terminated name.
 */
static uint32_t
name_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	while (*s)
	{
		h ^= (unsigned char) *s++;
		h *= 16777619u;
	}
	return h;
}

/*
 * An empty index with room for `expected` names at load factor 1/2.
 */
GqlNameIndex *
gql_name_index_create(GqlArena *arena, int expected)
{
	GqlNameIndex *index = gql_arena_alloc(arena, sizeof(GqlNameIndex));
	uint32_t	cap = 16;

	while (cap < (uint32_t) expected * 2)
		cap *= 2;
	index->mask = cap - 1;
	index->keys = gql_arena_alloc(arena, cap * sizeof(char *));
	index->vals = gql_arena_alloc(arena, cap * sizeof(void *));
	return index;
}

/*
 * The slot of `key`: where it is, or the empty slot where it would go.
 */
static uint32_t
index_slot(const GqlNameIndex *index, const char *key)
{
	uint32_t	i = name_hash(key) & index->mask;

	while (index->keys[i] != NULL && strcmp(index->keys[i], key) != 0)
		i = (i + 1) & index->mask;
	return i;
}

/*
 * Double the capacity of an index, rehashing its entries.
 */
static void
index_grow(GqlArena *arena, GqlNameIndex *index)
{
	const char **keys = index->keys;
	void	  **vals = index->vals;
	uint32_t	oldcap = index->mask + 1;
	uint32_t	i;

	index->mask = oldcap * 2 - 1;
	index->keys = gql_arena_alloc(arena, oldcap * 2 * sizeof(char *));
	index->vals = gql_arena_alloc(arena, oldcap * 2 * sizeof(void *));
	for (i = 0; i < oldcap; i++)
	{
		if (keys[i] != NULL)
		{
			uint32_t	slot = index_slot(index, keys[i]);

			index->keys[slot] = keys[i];
			index->vals[slot] = vals[i];
		}
	}
}

/*
 * Add a name; false (and no change) if it is there already.
 */
bool
gql_name_index_put(GqlArena *arena, GqlNameIndex *index, const char *key,
				   void *val)
{
	uint32_t	slot;

	if ((uint32_t) (index->count + 1) * 2 > index->mask + 1)
		index_grow(arena, index);
	slot = index_slot(index, key);
	if (index->keys[slot] != NULL)
		return false;
	index->keys[slot] = key;
	index->vals[slot] = val;
	index->count++;
	return true;
}

/*
 * The value of a name, or NULL.
 */
void *
gql_name_index_get(const GqlNameIndex *index, const char *key)
{
	uint32_t	slot;

	if (index == NULL || key == NULL)
		return NULL;
	slot = index_slot(index, key);
	return index->keys[slot] != NULL ? index->vals[slot] : NULL;
}

/* ------------------------------------------------------------------------
 * Construction
 * ------------------------------------------------------------------------
 */

/*
 * Copy a string into the arena (NULL stays NULL).
 */
static const char *
arena_str(GqlArena *arena, const char *s)
{
	return s != NULL ? gql_arena_strndup(arena, s, strlen(s)) : NULL;
}

/*
 * A new schema holding the spec's scalars, the introspection types and the
 * built-in directives.
 */
GqlSchema *
gql_schema_create(GqlArena *arena)
{
	GqlSchemaImpl *impl = gql_arena_alloc(arena, sizeof(GqlSchemaImpl));
	GqlError	error;

	impl->pub.arena = arena;
	impl->type_index = gql_name_index_create(arena, 64);
	impl->directive_index = gql_name_index_create(arena, 8);
	impl->adding_builtins = true;
	if (!gql_schema_add_builtins(&impl->pub, &error))
		return NULL;			/* cannot happen: the builtins are fixed */
	impl->adding_builtins = false;
	return &impl->pub;
}

/*
 * Add a named type; NULL if the name is taken.
 */
GqlSchemaType *
gql_schema_add_type(GqlSchema *schema, GqlTypeKind kind, const char *name,
					const char *description)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(schema);
	GqlTypeImpl *t;

	if (name == NULL || gql_name_index_get(impl->type_index, name) != NULL)
		return NULL;
	t = gql_arena_alloc(schema->arena, sizeof(GqlTypeImpl));
	t->pub.kind = kind;
	t->pub.name = arena_str(schema->arena, name);
	t->pub.description = arena_str(schema->arena, description);
	t->pub.builtin = impl->adding_builtins;
	gql_name_index_put(schema->arena, impl->type_index, t->pub.name, t);
	schema->types = gql_schema_array_append(schema->arena, schema->types,
											schema->ntypes,
											sizeof(GqlSchemaType *));
	schema->types[schema->ntypes++] = &t->pub;
	return &t->pub;
}

/*
 * Move a type to the end of the type list, keeping the order of the rest
 * (a spec scalar the SDL redefines is listed where the SDL defines it).
 */
void
gql_schema_move_type_last(GqlSchema *schema, GqlSchemaType *type)
{
	int			i;

	for (i = 0; i < schema->ntypes && schema->types[i] != type; i++)
		;
	if (i == schema->ntypes)
		return;
	memmove(&schema->types[i], &schema->types[i + 1],
			(size_t) (schema->ntypes - i - 1) * sizeof(GqlSchemaType *));
	schema->types[schema->ntypes - 1] = type;
}

/*
 * A fresh reference record.
 */
static GqlRefImpl *
new_ref(GqlSchema *schema, GqlTypeRefKind kind)
{
	GqlRefImpl *r = gql_arena_alloc(schema->arena, sizeof(GqlRefImpl));

	r->pub.kind = kind;
	return r;
}

/*
 * A reference to a named type.  Before finish it is queued for resolution;
 * after finish it is resolved at once (and NULL if the name is unknown).
 */
GqlTypeRef *
gql_type_ref_named(GqlSchema *schema, const char *name)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(schema);
	GqlRefImpl *r;

	if (impl->finished)
	{
		GqlTypeImpl *t = gql_name_index_get(impl->type_index, name);

		return t != NULL ? &t->self_ref->pub : NULL;
	}
	r = new_ref(schema, GQL_REF_NAMED);
	r->name = arena_str(schema->arena, name);
	r->next = impl->pending;
	impl->pending = r;
	return &r->pub;
}

/*
 * A list of of_type.
 */
GqlTypeRef *
gql_type_ref_list(GqlSchema *schema, GqlTypeRef *of_type)
{
	GqlRefImpl *r = new_ref(schema, GQL_REF_LIST);

	r->pub.of_type = of_type;
	return &r->pub;
}

/*
 * A non-null of_type.
 */
GqlTypeRef *
gql_type_ref_non_null(GqlSchema *schema, GqlTypeRef *of_type)
{
	GqlRefImpl *r = new_ref(schema, GQL_REF_NON_NULL);

	r->pub.of_type = of_type;
	return &r->pub;
}

/*
 * Add a field to an object or interface type.
 */
GqlFieldDef *
gql_type_add_field(GqlSchema *schema, GqlSchemaType *type, const char *name,
				   GqlTypeRef *ftype, const char *description)
{
	GqlFieldDef *f = gql_arena_alloc(schema->arena, sizeof(GqlFieldDef));

	f->name = arena_str(schema->arena, name);
	f->description = arena_str(schema->arena, description);
	f->type = ftype;
	type->fields = gql_schema_array_append(schema->arena, type->fields,
										   type->nfields,
										   sizeof(GqlFieldDef *));
	type->fields[type->nfields++] = f;
	return f;
}

/*
 * A new input value (argument or input field).
 */
static GqlInputValue *
new_input_value(GqlSchema *schema, const char *name, GqlTypeRef *type,
				const GqlValue *default_value, const char *description)
{
	GqlInputValue *v = gql_arena_alloc(schema->arena, sizeof(GqlInputValue));

	v->name = arena_str(schema->arena, name);
	v->description = arena_str(schema->arena, description);
	v->type = type;
	v->default_value = default_value;
	return v;
}

/*
 * Add an argument to a field.
 */
GqlInputValue *
gql_field_add_arg(GqlSchema *schema, GqlFieldDef *field, const char *name,
				  GqlTypeRef *atype, const GqlValue *default_value,
				  const char *description)
{
	GqlInputValue *v = new_input_value(schema, name, atype, default_value,
									   description);

	field->args = gql_schema_array_append(schema->arena, field->args,
										  field->nargs,
										  sizeof(GqlInputValue *));
	field->args[field->nargs++] = v;
	return v;
}

/*
 * Add a field to an input object type.
 */
GqlInputValue *
gql_type_add_input_field(GqlSchema *schema, GqlSchemaType *type,
						 const char *name, GqlTypeRef *ftype,
						 const GqlValue *default_value,
						 const char *description)
{
	GqlInputValue *v = new_input_value(schema, name, ftype, default_value,
									   description);

	type->input_fields = gql_schema_array_append(schema->arena,
												 type->input_fields,
												 type->ninput_fields,
												 sizeof(GqlInputValue *));
	type->input_fields[type->ninput_fields++] = v;
	return v;
}

/*
 * Add a value to an enum type.
 */
GqlEnumValueDef *
gql_type_add_enum_value(GqlSchema *schema, GqlSchemaType *type,
						const char *name, const char *description)
{
	GqlEnumValueDef *v = gql_arena_alloc(schema->arena,
										 sizeof(GqlEnumValueDef));

	v->name = arena_str(schema->arena, name);
	v->description = arena_str(schema->arena, description);
	type->enum_values = gql_schema_array_append(schema->arena,
												type->enum_values,
												type->nenum_values,
												sizeof(GqlEnumValueDef *));
	type->enum_values[type->nenum_values++] = v;
	return v;
}

/*
 * Declare that an object or interface type implements an interface.
 */
void
gql_type_add_interface(GqlSchema *schema, GqlSchemaType *type,
					   const char *interface_name)
{
	GqlTypeImpl *t = TYPE_IMPL(type);

	t->iface_names = gql_schema_array_append(schema->arena, t->iface_names,
											 t->niface_names,
											 sizeof(char *));
	t->iface_names[t->niface_names++] = arena_str(schema->arena,
												  interface_name);
}

/*
 * Add a member to a union type.
 */
void
gql_type_add_member(GqlSchema *schema, GqlSchemaType *union_type,
					const char *member_name)
{
	GqlTypeImpl *t = TYPE_IMPL(union_type);

	t->member_names = gql_schema_array_append(schema->arena, t->member_names,
											  t->nmember_names,
											  sizeof(char *));
	t->member_names[t->nmember_names++] = arena_str(schema->arena,
													member_name);
}

/*
 * Add a directive definition; NULL if the name is taken.
 */
GqlDirectiveDef *
gql_schema_add_directive(GqlSchema *schema, const char *name,
						 uint32_t locations, bool repeatable,
						 const char *description)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(schema);
	GqlDirectiveImpl *d;

	if (name == NULL || gql_name_index_get(impl->directive_index, name) != NULL)
		return NULL;
	d = gql_arena_alloc(schema->arena, sizeof(GqlDirectiveImpl));
	d->pub.name = arena_str(schema->arena, name);
	d->pub.description = arena_str(schema->arena, description);
	d->pub.locations = locations;
	d->pub.repeatable = repeatable;
	d->pub.builtin = impl->adding_builtins;
	gql_name_index_put(schema->arena, impl->directive_index, d->pub.name, d);
	schema->directives = gql_schema_array_append(schema->arena,
												 schema->directives,
												 schema->ndirectives,
												 sizeof(GqlDirectiveDef *));
	schema->directives[schema->ndirectives++] = &d->pub;
	return &d->pub;
}

/*
 * Record a location of a directive in the order written (for printing);
 * also sets its bit.
 */
void
gql_schema_add_location_name(GqlSchema *schema, GqlDirectiveDef *directive,
							 const char *name)
{
	GqlDirectiveImpl *d = DIRECTIVE_IMPL(directive);

	directive->locations |= gql_directive_location_from_name(name);
	d->loc_order = gql_schema_array_append(schema->arena, d->loc_order,
										   d->nloc_order, sizeof(char *));
	d->loc_order[d->nloc_order++] = arena_str(schema->arena, name);
}

/*
 * The location names of a directive, in written order when recorded, else
 * in bit order.
 */
int
gql_directive_location_list(const GqlSchema *schema,
							const GqlDirectiveDef *directive,
							const char *const **names)
{
	const GqlDirectiveImpl *d = DIRECTIVE_IMPL(directive);
	const char **list;
	int			n = 0;
	int			i;

	if (d->nloc_order > 0)
	{
		*names = d->loc_order;
		return d->nloc_order;
	}
	list = gql_arena_alloc(schema->arena, 32 * sizeof(char *));
	for (i = 0; i < 32; i++)
		if ((directive->locations & (1u << i)) &&
			gql_directive_location_name((GqlDirectiveLocation) (1u << i)) != NULL)
			list[n++] = gql_directive_location_name((GqlDirectiveLocation) (1u << i));
	*names = list;
	return n;
}

/*
 * Add an argument to a directive.
 */
GqlInputValue *
gql_directive_add_arg(GqlSchema *schema, GqlDirectiveDef *directive,
					  const char *name, GqlTypeRef *atype,
					  const GqlValue *default_value, const char *description)
{
	GqlInputValue *v = new_input_value(schema, name, atype, default_value,
									   description);

	directive->args = gql_schema_array_append(schema->arena, directive->args,
											  directive->nargs,
											  sizeof(GqlInputValue *));
	directive->args[directive->nargs++] = v;
	return v;
}

/*
 * Name the root type of an operation.
 */
void
gql_schema_set_root(GqlSchema *schema, GqlOperationType op,
					const char *type_name)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(schema);

	impl->root_names[op] = arena_str(schema->arena, type_name);
	impl->roots_set = true;
}

/* ------------------------------------------------------------------------
 * Directive locations
 * ------------------------------------------------------------------------
 */
static const char *const location_names[] = {
	"QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION",
	"FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA",
	"SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION",
	"INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
	"INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION"
};

#define NLOCATIONS ((int) (sizeof(location_names) / sizeof(location_names[0])))

/*
 * The name of a single location bit.
 */
const char *
gql_directive_location_name(GqlDirectiveLocation loc)
{
	int			i;

	for (i = 0; i < NLOCATIONS; i++)
		if ((uint32_t) loc == (1u << i))
			return location_names[i];
	return NULL;
}

/*
 * The bit of a location name; 0 when unknown.
 */
GqlDirectiveLocation
gql_directive_location_from_name(const char *name)
{
	int			i;

	for (i = 0; i < NLOCATIONS && name != NULL; i++)
		if (strcmp(location_names[i], name) == 0)
			return (GqlDirectiveLocation) (1u << i);
	return (GqlDirectiveLocation) 0;
}

/* ------------------------------------------------------------------------
 * Lookups
 * ------------------------------------------------------------------------
 */

/*
 * A type by name (builtins included).
 */
GqlSchemaType *
gql_schema_type(const GqlSchema *schema, const char *name)
{
	return gql_name_index_get(SCHEMA_IMPL(schema)->type_index, name);
}

/*
 * A directive by name.
 */
GqlDirectiveDef *
gql_schema_directive(const GqlSchema *schema, const char *name)
{
	return gql_name_index_get(SCHEMA_IMPL(schema)->directive_index, name);
}

/*
 * Find a name in an array of records whose first member is the name
 * (GqlFieldDef, GqlInputValue, GqlEnumValueDef all start with it).
 */
static void *
find_named(void *const *items, int n, const char *name)
{
	int			i;

	for (i = 0; i < n; i++)
		if (strcmp(*(const char *const *) items[i], name) == 0)
			return items[i];
	return NULL;
}

/*
 * A member of a type by name: through the type's index when it has one.
 */
static void *
type_member(const GqlSchemaType *type, void *const *items, int n,
			const char *name)
{
	if (name == NULL)
		return NULL;
	if (type->lookup != NULL)
		return gql_name_index_get(type->lookup, name);
	return find_named(items, n, name);
}

/*
 * A field of an object or interface type.
 */
GqlFieldDef *
gql_type_field(const GqlSchemaType *type, const char *name)
{
	if (type == NULL || (type->kind != GQL_TYPE_OBJECT &&
						 type->kind != GQL_TYPE_INTERFACE))
		return NULL;
	return type_member(type, (void *const *) type->fields, type->nfields,
					   name);
}

/*
 * A field of an input object type.
 */
GqlInputValue *
gql_type_input_field(const GqlSchemaType *type, const char *name)
{
	if (type == NULL || type->kind != GQL_TYPE_INPUT_OBJECT)
		return NULL;
	return type_member(type, (void *const *) type->input_fields,
					   type->ninput_fields, name);
}

/*
 * A value of an enum type.
 */
GqlEnumValueDef *
gql_type_enum_value(const GqlSchemaType *type, const char *name)
{
	if (type == NULL || type->kind != GQL_TYPE_ENUM)
		return NULL;
	return type_member(type, (void *const *) type->enum_values,
					   type->nenum_values, name);
}

/*
 * An argument of a field.
 */
GqlInputValue *
gql_field_arg(const GqlFieldDef *field, const char *name)
{
	if (field == NULL || name == NULL)
		return NULL;
	return find_named((void *const *) field->args, field->nargs, name);
}

/*
 * An argument of a directive.
 */
GqlInputValue *
gql_directive_arg(const GqlDirectiveDef *directive, const char *name)
{
	if (directive == NULL || name == NULL)
		return NULL;
	return find_named((void *const *) directive->args, directive->nargs, name);
}

/*
 * The meta-field __typename.
 */
const GqlFieldDef *
gql_typename_field(const GqlSchema *schema)
{
	return SCHEMA_IMPL(schema)->typename_field;
}

/*
 * The meta-field __schema.
 */
const GqlFieldDef *
gql_schema_meta_field(const GqlSchema *schema)
{
	return SCHEMA_IMPL(schema)->schema_field;
}

/*
 * The meta-field __type.
 */
const GqlFieldDef *
gql_type_meta_field(const GqlSchema *schema)
{
	return SCHEMA_IMPL(schema)->type_field;
}

/* ------------------------------------------------------------------------
 * Member indexes (built by finish)
 * ------------------------------------------------------------------------
 */

/*
 * Index the members of one type when it has many; false if a name occurs
 * twice (*dup receives it).  Small lists are checked pairwise.
 */
static bool
index_members(GqlArena *arena, GqlSchemaType *type, void *const *items,
			  int n, const char **dup)
{
	GqlNameIndex *index;
	int			i,
				j;

	if (n <= SMALL_LIST)
	{
		for (i = 0; i < n; i++)
			for (j = 0; j < i; j++)
				if (strcmp(*(const char *const *) items[i],
						   *(const char *const *) items[j]) == 0)
				{
					*dup = *(const char *const *) items[i];
					return false;
				}
		return true;
	}
	index = gql_name_index_create(arena, n);
	for (i = 0; i < n; i++)
		if (!gql_name_index_put(arena, index, *(const char *const *) items[i],
								items[i]))
		{
			*dup = *(const char *const *) items[i];
			return false;
		}
	type->lookup = index;
	return true;
}

/*
 * Build the member index of a type; false with *dup on a duplicate.
 */
bool
gql_schema_index_type(GqlArena *arena, GqlSchemaType *type, const char **dup)
{
	switch (type->kind)
	{
		case GQL_TYPE_OBJECT:
		case GQL_TYPE_INTERFACE:
			return index_members(arena, type, (void *const *) type->fields,
								 type->nfields, dup);
		case GQL_TYPE_INPUT_OBJECT:
			return index_members(arena, type,
								 (void *const *) type->input_fields,
								 type->ninput_fields, dup);
		case GQL_TYPE_ENUM:
			return index_members(arena, type,
								 (void *const *) type->enum_values,
								 type->nenum_values, dup);
		default:
			return true;
	}
}

/* ------------------------------------------------------------------------
 * Type utilities
 * ------------------------------------------------------------------------
 */

/*
 * The named type under all wrappers.
 */
GqlSchemaType *
gql_type_ref_named_type(const GqlTypeRef *ref)
{
	while (ref != NULL && ref->kind != GQL_REF_NAMED)
		ref = ref->of_type;
	return ref != NULL ? ref->named : NULL;
}

/*
 * Scalars, enums and input objects.
 */
bool
gql_type_is_input(const GqlSchemaType *type)
{
	return type != NULL && (type->kind == GQL_TYPE_SCALAR ||
							type->kind == GQL_TYPE_ENUM ||
							type->kind == GQL_TYPE_INPUT_OBJECT);
}

/*
 * Everything but input objects.
 */
bool
gql_type_is_output(const GqlSchemaType *type)
{
	return type != NULL && type->kind != GQL_TYPE_INPUT_OBJECT;
}

/*
 * Objects, interfaces and unions.
 */
bool
gql_type_is_composite(const GqlSchemaType *type)
{
	return type != NULL && (type->kind == GQL_TYPE_OBJECT ||
							type->kind == GQL_TYPE_INTERFACE ||
							type->kind == GQL_TYPE_UNION);
}

/*
 * Scalars and enums.
 */
bool
gql_type_is_leaf(const GqlSchemaType *type)
{
	return type != NULL && (type->kind == GQL_TYPE_SCALAR ||
							type->kind == GQL_TYPE_ENUM);
}

/*
 * Interfaces and unions.
 */
bool
gql_type_is_abstract(const GqlSchemaType *type)
{
	return type != NULL && (type->kind == GQL_TYPE_INTERFACE ||
							type->kind == GQL_TYPE_UNION);
}

/*
 * Is `t` in the array?
 */
static bool
type_in(GqlSchemaType *const *types, int n, const GqlSchemaType *t)
{
	int			i;

	for (i = 0; i < n; i++)
		if (types[i] == t)
			return true;
	return false;
}

/*
 * graphql-js's schema.isSubType(abstract, maybe_sub): a union member, or an
 * object or interface type implementing the interface.
 */
bool
gql_type_is_possible(const GqlSchema *schema, const GqlSchemaType *abstract,
					 const GqlSchemaType *obj)
{
	(void) schema;
	if (abstract == NULL || obj == NULL)
		return false;
	if (abstract->kind == GQL_TYPE_UNION)
		return type_in(abstract->possible_types, abstract->npossible_types,
					   obj);
	if (abstract->kind == GQL_TYPE_INTERFACE &&
		(obj->kind == GQL_TYPE_OBJECT || obj->kind == GQL_TYPE_INTERFACE))
		return type_in(obj->interfaces, obj->ninterfaces, abstract);
	return false;
}

/*
 * graphql-js's isTypeSubTypeOf: may a value of type maybe_sub be used
 * where super is expected.
 */
bool
gql_type_ref_is_subtype(const GqlSchema *schema, const GqlTypeRef *maybe_sub,
						const GqlTypeRef *super)
{
	if (maybe_sub == NULL || super == NULL)
		return false;
	if (maybe_sub->kind == GQL_REF_NAMED && super->kind == GQL_REF_NAMED &&
		maybe_sub->named == super->named)
		return true;
	if (super->kind == GQL_REF_NON_NULL)
		return maybe_sub->kind == GQL_REF_NON_NULL &&
			gql_type_ref_is_subtype(schema, maybe_sub->of_type,
									super->of_type);
	if (maybe_sub->kind == GQL_REF_NON_NULL)
		return gql_type_ref_is_subtype(schema, maybe_sub->of_type, super);
	if (super->kind == GQL_REF_LIST)
		return maybe_sub->kind == GQL_REF_LIST &&
			gql_type_ref_is_subtype(schema, maybe_sub->of_type,
									super->of_type);
	if (maybe_sub->kind == GQL_REF_LIST)
		return false;
	return gql_type_is_abstract(super->named) &&
		(maybe_sub->named->kind == GQL_TYPE_INTERFACE ||
		 maybe_sub->named->kind == GQL_TYPE_OBJECT) &&
		gql_type_is_possible(schema, super->named, maybe_sub->named);
}

/*
 * Structural equality of two references.
 */
bool
gql_type_ref_equal(const GqlTypeRef *a, const GqlTypeRef *b)
{
	while (a != NULL && b != NULL)
	{
		if (a->kind != b->kind)
			return false;
		if (a->kind == GQL_REF_NAMED)
			return a->named == b->named;
		a = a->of_type;
		b = b->of_type;
	}
	return a == b;
}

/*
 * graphql-js's doTypesOverlap: can some object be of both types.
 */
bool
gql_types_overlap(const GqlSchema *schema, const GqlSchemaType *a,
				  const GqlSchemaType *b)
{
	int			i;

	if (a == NULL || b == NULL)
		return false;
	if (a == b)
		return true;
	if (gql_type_is_abstract(a))
	{
		if (!gql_type_is_abstract(b))
			return gql_type_is_possible(schema, a, b);
		for (i = 0; i < a->npossible_types; i++)
			if (gql_type_is_possible(schema, b, a->possible_types[i]))
				return true;
		return false;
	}
	if (gql_type_is_abstract(b))
		return gql_type_is_possible(schema, b, a);
	return false;
}

/*
 * The interned wrapper (LIST or NON_NULL) of a resolved reference: built
 * once and kept on the reference, so repeated lookups allocate nothing.
 */
static GqlTypeRef *
interned_wrapper(const GqlSchema *schema, GqlTypeRef *inner,
				 GqlTypeRefKind kind)
{
	GqlRefImpl *r = REF_IMPL(inner);
	GqlTypeRef **slot = kind == GQL_REF_LIST ? &r->list_of : &r->non_null_of;

	if (*slot == NULL)
	{
		GqlRefImpl *w = gql_arena_alloc(schema->arena, sizeof(GqlRefImpl));

		w->pub.kind = kind;
		w->pub.of_type = inner;
		*slot = &w->pub;
	}
	return *slot;
}

/*
 * An AST type as a resolved reference; NULL when a name is unknown.
 * References are interned: the same AST type always gives the same
 * pointer, so calling this per request does not grow the schema's arena
 * beyond one record per distinct wrapped type.
 */
GqlTypeRef *
gql_type_ref_from_ast(const GqlSchema *schema, const GqlType *ast)
{
	GqlTypeRef *inner;
	GqlTypeImpl *t;

	if (ast == NULL)
		return NULL;
	if (ast->hdr.kind == GQL_NAMED_TYPE)
	{
		t = gql_name_index_get(SCHEMA_IMPL(schema)->type_index,
							   ast->name->value);
		return t != NULL && t->self_ref != NULL ? &t->self_ref->pub : NULL;
	}
	inner = gql_type_ref_from_ast(schema, ast->type);
	if (inner == NULL)
		return NULL;
	return interned_wrapper(schema, inner,
							ast->hdr.kind == GQL_LIST_TYPE ?
							GQL_REF_LIST : GQL_REF_NON_NULL);
}

/*
 * Append a reference as GraphQL writes it.
 */
static void
append_ref(GqlBuf *buf, const GqlTypeRef *ref)
{
	if (ref == NULL)
		gql_buf_append_str(buf, "?");
	else if (ref->kind == GQL_REF_LIST)
	{
		gql_buf_append_char(buf, '[');
		append_ref(buf, ref->of_type);
		gql_buf_append_char(buf, ']');
	}
	else if (ref->kind == GQL_REF_NON_NULL)
	{
		append_ref(buf, ref->of_type);
		gql_buf_append_char(buf, '!');
	}
	else if (ref->named != NULL)
		gql_buf_append_str(buf, ref->named->name);
	else
		gql_buf_append_str(buf, REF_IMPL(ref)->name ? REF_IMPL(ref)->name : "?");
}

/*
 * "[Int!]!"
 */
char *
gql_type_ref_string(GqlArena *arena, const GqlTypeRef *ref)
{
	GqlBuf		buf;

	gql_buf_init(&buf, arena);
	append_ref(&buf, ref);
	return buf.data;
}
