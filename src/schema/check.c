/*-------------------------------------------------------------------------
 *
 * check.c
 *	  gql_schema_finish(): resolve names, fill possible types, build the
 *	  member indexes and check the schema as graphql-js's validateSchema()
 *	  does (with its messages), stopping at the first error.
 *
 *-------------------------------------------------------------------------
 */
#include "schema_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct Checker
{
	GqlSchema  *schema;
	GqlError   *error;
	int			stamp;			/* last mark given to GqlTypeImpl.visit */
} Checker;

static bool check_input_cycles(Checker *c, GqlSchemaType *type,
							   GqlInputValue **path, int depth);

/*
 * Fill *error with a formatted message; returns false.
 */
static bool
fail(Checker *c, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

static bool
fail(Checker *c, const char *fmt,...)
{
	GqlBuf		buf;
	char		tmp[1024];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, args);
	va_end(args);
	gql_buf_init(&buf, c->schema->arena);
	gql_buf_append_str(&buf, tmp);
	c->error->message = buf.data;
	c->error->line = 0;
	c->error->column = 0;
	return false;
}

/*
 * A reference as a string, for messages.
 */
static const char *
ref_str(Checker *c, const GqlTypeRef *ref)
{
	return gql_type_ref_string(c->schema->arena, ref);
}

/* ------------------------------------------------------------------------
 * Resolution
 * ------------------------------------------------------------------------
 */

/*
 * Give every type its canonical named reference.
 */
static void
make_self_refs(GqlSchema *schema)
{
	int			i;

	for (i = 0; i < schema->ntypes; i++)
	{
		GqlTypeImpl *t = TYPE_IMPL(schema->types[i]);

		if (t->self_ref == NULL)
		{
			t->self_ref = gql_arena_alloc(schema->arena, sizeof(GqlRefImpl));
			t->self_ref->pub.kind = GQL_REF_NAMED;
			t->self_ref->pub.named = &t->pub;
			t->self_ref->name = t->pub.name;
		}
	}
}

/*
 * Resolve every queued named reference.
 */
static bool
resolve_refs(Checker *c)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(c->schema);
	GqlRefImpl *r;

	for (r = impl->pending; r != NULL; r = r->next)
	{
		r->pub.named = gql_schema_type(c->schema, r->name);
		if (r->pub.named == NULL)
			return fail(c, "Unknown type \"%s\".", r->name);
	}
	impl->pending = NULL;
	return true;
}

/*
 * Resolve the interface names of an object or interface type.
 */
static bool
resolve_interfaces(Checker *c, GqlTypeImpl *t)
{
	int			stamp = ++c->stamp;
	int			i;

	t->pub.interfaces = gql_arena_alloc(c->schema->arena,
										(t->niface_names + 1) *
										sizeof(GqlSchemaType *));
	for (i = 0; i < t->niface_names; i++)
	{
		GqlSchemaType *iface = gql_schema_type(c->schema, t->iface_names[i]);

		if (iface == NULL)
			return fail(c, "Unknown type \"%s\".", t->iface_names[i]);
		if (iface->kind != GQL_TYPE_INTERFACE)
			return fail(c, "Type %s must only implement Interface types, it cannot implement %s.",
						t->pub.name, iface->name);
		if (iface == &t->pub)
			return fail(c, "Type %s cannot implement itself because it would create a circular reference.",
						t->pub.name);
		if (TYPE_IMPL(iface)->visit == stamp)
			return fail(c, "Type %s can only implement %s once.",
						t->pub.name, iface->name);
		TYPE_IMPL(iface)->visit = stamp;
		t->pub.interfaces[t->pub.ninterfaces++] = iface;
	}
	return true;
}

/*
 * Resolve the member names of a union type.
 */
static bool
resolve_members(Checker *c, GqlTypeImpl *t)
{
	int			stamp = ++c->stamp;
	int			i;

	t->pub.possible_types = gql_arena_alloc(c->schema->arena,
											(t->nmember_names + 1) *
											sizeof(GqlSchemaType *));
	for (i = 0; i < t->nmember_names; i++)
	{
		GqlSchemaType *m = gql_schema_type(c->schema, t->member_names[i]);

		if (m == NULL)
			return fail(c, "Unknown type \"%s\".", t->member_names[i]);
		if (TYPE_IMPL(m)->visit == stamp)
			return fail(c, "Union type %s can only include type %s once.",
						t->pub.name, m->name);
		if (m->kind != GQL_TYPE_OBJECT)
			return fail(c, "Union type %s can only include Object types, it cannot include %s.",
						t->pub.name, m->name);
		TYPE_IMPL(m)->visit = stamp;
		t->pub.possible_types[t->pub.npossible_types++] = m;
	}
	return true;
}

/*
 * Resolve interfaces and members of every type.
 */
static bool
resolve_type_names(Checker *c)
{
	int			i;

	for (i = 0; i < c->schema->ntypes; i++)
	{
		GqlTypeImpl *t = TYPE_IMPL(c->schema->types[i]);

		if (t->pub.kind == GQL_TYPE_UNION && !resolve_members(c, t))
			return false;
		if ((t->pub.kind == GQL_TYPE_OBJECT ||
			 t->pub.kind == GQL_TYPE_INTERFACE) && !resolve_interfaces(c, t))
			return false;
	}
	return true;
}

/*
 * Fill the possible types of interfaces (implementing object types, in
 * definition order) and their implementing interfaces.
 */
static void
fill_implementations(GqlSchema *schema)
{
	GqlArena   *arena = schema->arena;
	int			i,
				j;

	for (i = 0; i < schema->ntypes; i++)
	{
		GqlSchemaType *t = schema->types[i];

		for (j = 0; j < t->ninterfaces; j++)
		{
			GqlSchemaType *iface = t->interfaces[j];
			GqlTypeImpl *ii = TYPE_IMPL(iface);

			if (t->kind == GQL_TYPE_OBJECT)
			{
				iface->possible_types =
					gql_schema_array_append(arena, iface->possible_types,
											iface->npossible_types,
											sizeof(GqlSchemaType *));
				iface->possible_types[iface->npossible_types++] = t;
			}
			else
			{
				ii->impl_ifaces =
					gql_schema_array_append(arena, ii->impl_ifaces,
											ii->nimpl_ifaces,
											sizeof(GqlSchemaType *));
				ii->impl_ifaces[ii->nimpl_ifaces++] = t;
			}
		}
	}
}

/*
 * Set the root types: the named ones, else Query / Mutation / Subscription.
 */
static bool
resolve_roots(Checker *c)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(c->schema);
	static const char *const defaults[3] = {"Query", "Mutation", "Subscription"};
	static const char *const labels[3] = {"Query", "Mutation", "Subscription"};
	GqlSchemaType *roots[3];
	int			op;

	for (op = 0; op < 3; op++)
	{
		const char *name = impl->roots_set ? impl->root_names[op] : defaults[op];

		roots[op] = name != NULL ? gql_schema_type(c->schema, name) : NULL;
		if (name != NULL && roots[op] == NULL && impl->roots_set)
			return fail(c, "Unknown type \"%s\".", name);
		if (roots[op] != NULL && roots[op]->builtin && !impl->roots_set)
			roots[op] = NULL;
	}
	if (roots[0] == NULL)
		return fail(c, "Query root type must be provided.");
	for (op = 0; op < 3; op++)
		if (roots[op] != NULL && roots[op]->kind != GQL_TYPE_OBJECT)
			return fail(c, "%s root type must be Object type%s, it cannot be %s.",
						labels[op], op == 0 ? "" : " if provided",
						roots[op]->name);
	c->schema->query_type = roots[0];
	c->schema->mutation_type = roots[1];
	c->schema->subscription_type = roots[2];
	return true;
}

/* ------------------------------------------------------------------------
 * Checks
 * ------------------------------------------------------------------------
 */

/*
 * Names of user elements must not start with "__".
 */
static bool
check_name(Checker *c, const char *name)
{
	if (strncmp(name, "__", 2) == 0)
		return fail(c, "Name \"%s\" must not begin with \"__\", which is reserved by GraphQL introspection.",
					name);
	return true;
}

/*
 * A required argument or input field: non-null without a default.
 */
static bool
is_required(const GqlInputValue *v)
{
	return v->type->kind == GQL_REF_NON_NULL && v->default_value == NULL;
}

/*
 * Argument names of a field or directive must be unique.
 */
static bool
check_unique_args(Checker *c, const char *owner, GqlInputValue **args,
				  int nargs)
{
	int			i,
				j;

	for (i = 0; i < nargs; i++)
		for (j = 0; j < i; j++)
			if (strcmp(args[i]->name, args[j]->name) == 0)
				return fail(c, "Argument \"%s(%s:)\" can only be defined once.",
							owner, args[i]->name);
	return true;
}

/*
 * The arguments of a field of an object or interface type.
 */
static bool
check_field_args(Checker *c, const GqlSchemaType *type, const GqlFieldDef *f)
{
	char		owner[512];
	int			i;

	snprintf(owner, sizeof(owner), "%s.%s", type->name, f->name);
	if (!check_unique_args(c, owner, f->args, f->nargs))
		return false;
	for (i = 0; i < f->nargs; i++)
	{
		GqlInputValue *a = f->args[i];

		if (!check_name(c, a->name))
			return false;
		if (!gql_type_is_input(gql_type_ref_named_type(a->type)))
			return fail(c, "The type of %s(%s:) must be Input Type but got: %s.",
						owner, a->name, ref_str(c, a->type));
		if (is_required(a) && a->deprecation_reason != NULL)
			return fail(c, "Required argument %s(%s:) cannot be deprecated.",
						owner, a->name);
	}
	return true;
}

/*
 * The fields of an object or interface type.
 */
static bool
check_fields(Checker *c, const GqlSchemaType *type)
{
	int			i;

	if (type->nfields == 0)
		return fail(c, "Type %s must define one or more fields.", type->name);
	for (i = 0; i < type->nfields; i++)
	{
		GqlFieldDef *f = type->fields[i];

		if (!check_name(c, f->name))
			return false;
		if (!gql_type_is_output(gql_type_ref_named_type(f->type)))
			return fail(c, "The type of %s.%s must be Output Type but got: %s.",
						type->name, f->name, ref_str(c, f->type));
		if (!check_field_args(c, type, f))
			return false;
	}
	return true;
}

/*
 * The arguments of an implementing field against the interface field's.
 */
static bool
check_implemented_args(Checker *c, const GqlSchemaType *type,
					   const GqlSchemaType *iface, const GqlFieldDef *tf,
					   const GqlFieldDef *inf)
{
	int			i;

	for (i = 0; i < inf->nargs; i++)
	{
		GqlInputValue *ia = inf->args[i];
		GqlInputValue *ta = gql_field_arg(tf, ia->name);

		if (ta == NULL)
			return fail(c, "Interface field argument %s.%s(%s:) expected but %s.%s does not provide it.",
						iface->name, inf->name, ia->name, type->name, tf->name);
		if (!gql_type_ref_equal(ia->type, ta->type))
			return fail(c, "Interface field argument %s.%s(%s:) expects type %s but %s.%s(%s:) is type %s.",
						iface->name, inf->name, ia->name,
						ref_str(c, ia->type), type->name, tf->name,
						ta->name, ref_str(c, ta->type));
	}
	for (i = 0; i < tf->nargs; i++)
	{
		GqlInputValue *ta = tf->args[i];

		if (gql_field_arg(inf, ta->name) == NULL && is_required(ta))
			return fail(c, "Object field %s.%s includes required argument %s that is missing from the Interface field %s.%s.",
						type->name, tf->name, ta->name, iface->name,
						inf->name);
	}
	return true;
}

/*
 * A type provides every field of an interface it implements.
 */
static bool
check_implements(Checker *c, const GqlSchemaType *type,
				 const GqlSchemaType *iface)
{
	int			i;

	for (i = 0; i < iface->nfields; i++)
	{
		GqlFieldDef *inf = iface->fields[i];
		GqlFieldDef *tf = gql_type_field(type, inf->name);

		if (tf == NULL)
			return fail(c, "Interface field %s.%s expected but %s does not provide it.",
						iface->name, inf->name, type->name);
		if (!gql_type_ref_is_subtype(c->schema, tf->type, inf->type))
			return fail(c, "Interface field %s.%s expects type %s but %s.%s is type %s.",
						iface->name, inf->name, ref_str(c, inf->type),
						type->name, tf->name, ref_str(c, tf->type));
		if (!check_implemented_args(c, type, iface, tf, inf))
			return false;
	}
	return true;
}

/*
 * The interfaces of an object or interface type: each implemented with
 * the interfaces it implements in turn.
 */
static bool
check_interfaces(Checker *c, const GqlSchemaType *type)
{
	int			i,
				j;

	for (i = 0; i < type->ninterfaces; i++)
	{
		GqlSchemaType *iface = type->interfaces[i];

		for (j = 0; j < iface->ninterfaces; j++)
		{
			GqlSchemaType *tr = iface->interfaces[j];

			if (tr == type)
				return fail(c, "Type %s cannot implement %s because it would create a circular reference.",
							type->name, iface->name);
			if (!gql_type_is_possible(c->schema, tr, type))
				return fail(c, "Type %s must implement %s because it is implemented by %s.",
							type->name, tr->name, iface->name);
		}
		if (!check_implements(c, type, iface))
			return false;
	}
	return true;
}

/*
 * The fields of an input object type.
 */
static bool
check_input_fields(Checker *c, const GqlSchemaType *type)
{
	int			i;

	if (type->ninput_fields == 0)
		return fail(c, "Input Object type %s must define one or more fields.",
					type->name);
	for (i = 0; i < type->ninput_fields; i++)
	{
		GqlInputValue *f = type->input_fields[i];

		if (!check_name(c, f->name))
			return false;
		if (!gql_type_is_input(gql_type_ref_named_type(f->type)))
			return fail(c, "The type of %s.%s must be Input Type but got: %s.",
						type->name, f->name, ref_str(c, f->type));
		if (is_required(f) && f->deprecation_reason != NULL)
			return fail(c, "Required input field %s.%s cannot be deprecated.",
						type->name, f->name);
		if (type->is_one_of && f->type->kind == GQL_REF_NON_NULL)
			return fail(c, "OneOf input field %s.%s must be nullable.",
						type->name, f->name);
		if (type->is_one_of && f->default_value != NULL)
			return fail(c, "OneOf input field %s.%s cannot have a default value.",
						type->name, f->name);
	}
	return true;
}

/*
 * The enum values of an enum type.
 */
static bool
check_enum_values(Checker *c, const GqlSchemaType *type)
{
	int			i;

	if (type->nenum_values == 0)
		return fail(c, "Enum type %s must define one or more values.",
					type->name);
	for (i = 0; i < type->nenum_values; i++)
	{
		const char *name = type->enum_values[i]->name;

		if (!check_name(c, name))
			return false;
		if (strcmp(name, "true") == 0 || strcmp(name, "false") == 0 ||
			strcmp(name, "null") == 0)
			return fail(c, "Enum type %s cannot include value: %s.",
						type->name, name);
	}
	return true;
}

/*
 * Duplicate member names, reported as graphql-js's SDL rules do; builds
 * the member index of large types.
 */
static bool
check_unique_members(Checker *c, GqlSchemaType *type)
{
	const char *dup = NULL;

	if (gql_schema_index_type(c->schema->arena, type, &dup))
		return true;
	if (type->kind == GQL_TYPE_ENUM)
		return fail(c, "Enum value \"%s.%s\" can only be defined once.",
					type->name, dup);
	return fail(c, "Field \"%s.%s\" can only be defined once.",
				type->name, dup);
}

/*
 * All checks of one type.
 */
static bool
check_type(Checker *c, GqlSchemaType *type)
{
	if (!check_unique_members(c, type))
		return false;
	if (type->builtin)
		return true;
	if (!check_name(c, type->name))
		return false;
	switch (type->kind)
	{
		case GQL_TYPE_OBJECT:
		case GQL_TYPE_INTERFACE:
			return check_fields(c, type) && check_interfaces(c, type);
		case GQL_TYPE_UNION:
			if (type->npossible_types == 0)
				return fail(c, "Union type %s must define one or more member types.",
							type->name);
			return true;
		case GQL_TYPE_ENUM:
			return check_enum_values(c, type);
		case GQL_TYPE_INPUT_OBJECT:
			return check_input_fields(c, type);
		default:
			return true;
	}
}

/*
 * Input objects must not contain themselves through non-null fields.  A
 * depth-first walk; visit is 1 while a type is on the path (its position
 * kept in path), 2 once done.
 */
static bool
check_input_cycles(Checker *c, GqlSchemaType *type, GqlInputValue **path,
				   int depth)
{
	GqlTypeImpl *t = TYPE_IMPL(type);
	int			i;

	t->visit = -(depth + 1);	/* on the path, at position depth */
	for (i = 0; i < type->ninput_fields; i++)
	{
		GqlInputValue *f = type->input_fields[i];
		GqlSchemaType *ft;

		if (f->type->kind != GQL_REF_NON_NULL ||
			f->type->of_type->kind != GQL_REF_NAMED ||
			f->type->of_type->named->kind != GQL_TYPE_INPUT_OBJECT)
			continue;
		ft = f->type->of_type->named;
		path[depth] = f;
		if (TYPE_IMPL(ft)->visit < 0)
		{
			GqlBuf		buf;
			int			j;

			gql_buf_init(&buf, c->schema->arena);
			for (j = -TYPE_IMPL(ft)->visit - 1; j <= depth; j++)
				gql_buf_printf(&buf, "%s%s", j > -TYPE_IMPL(ft)->visit - 1 ? "." : "",
							   path[j]->name);
			return fail(c, "Cannot reference Input Object \"%s\" within itself through a series of non-null fields: \"%s\".",
						ft->name, buf.data);
		}
		if (TYPE_IMPL(ft)->visit == 0 &&
			!check_input_cycles(c, ft, path, depth + 1))
			return false;
	}
	t->visit = 1;
	return true;
}

/*
 * Run the input cycle check over every input object.
 */
static bool
check_all_input_cycles(Checker *c)
{
	GqlSchema  *schema = c->schema;
	GqlInputValue **path;
	int			i;

	for (i = 0; i < schema->ntypes; i++)
		TYPE_IMPL(schema->types[i])->visit = 0;
	path = gql_arena_alloc(schema->arena,
						   (schema->ntypes + 1) * sizeof(GqlInputValue *));
	for (i = 0; i < schema->ntypes; i++)
	{
		GqlSchemaType *t = schema->types[i];

		if (t->kind == GQL_TYPE_INPUT_OBJECT && TYPE_IMPL(t)->visit == 0 &&
			!check_input_cycles(c, t, path, 0))
			return false;
	}
	return true;
}

/*
 * The directive definitions.
 */
static bool
check_directives(Checker *c)
{
	int			i,
				j;

	for (i = 0; i < c->schema->ndirectives; i++)
	{
		GqlDirectiveDef *d = c->schema->directives[i];
		char		owner[256];

		if (d->builtin)
			continue;
		snprintf(owner, sizeof(owner), "@%s", d->name);
		if (!check_name(c, d->name) ||
			!check_unique_args(c, owner, d->args, d->nargs))
			return false;
		if (d->locations == 0)
			return fail(c, "Directive @%s must include 1 or more locations.",
						d->name);
		for (j = 0; j < d->nargs; j++)
		{
			GqlInputValue *a = d->args[j];

			if (!check_name(c, a->name))
				return false;
			if (!gql_type_is_input(gql_type_ref_named_type(a->type)))
				return fail(c, "The type of @%s(%s:) must be Input Type but got: %s.",
							d->name, a->name, ref_str(c, a->type));
			if (is_required(a) && a->deprecation_reason != NULL)
				return fail(c, "Required argument @%s(%s:) cannot be deprecated.",
							d->name, a->name);
		}
	}
	return true;
}

/*
 * Resolve, index and check the schema.
 */
bool
gql_schema_finish(GqlSchema *schema, GqlError *error)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(schema);
	Checker		c;
	int			i;

	if (impl->finished)
		return true;
	c.schema = schema;
	c.error = error;
	c.stamp = 0;
	make_self_refs(schema);
	if (!resolve_refs(&c) || !resolve_type_names(&c) || !resolve_roots(&c))
		return false;
	fill_implementations(schema);
	if (!check_directives(&c))
		return false;
	for (i = 0; i < schema->ntypes; i++)
		if (!check_type(&c, schema->types[i]))
			return false;
	if (!check_all_input_cycles(&c))
		return false;
	impl->finished = true;
	return true;
}
