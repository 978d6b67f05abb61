/*-------------------------------------------------------------------------
 *
 * sdl.c
 *	  Build a schema from an SDL document, as graphql-js's buildSchema()
 *	  does: type definitions, their extensions (applied after every
 *	  definition, in document order), the schema definition and extension,
 *	  directive definitions, and the effects of @deprecated, @specifiedBy
 *	  and @oneOf.  Applied directives are checked (known, allowed where
 *	  used, not repeated, arguments known and provided).
 *
 * Three passes over the definitions: create the named types, directives
 * and roots; add the members of the definitions; apply the extensions.
 * Type names in members are resolved later, by gql_schema_finish().
 *
 *-------------------------------------------------------------------------
 */
#include "schema_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct SdlBuilder
{
	GqlSchema  *schema;
	GqlError   *error;
	bool		have_schema_def;
} SdlBuilder;

/* What each type definition / extension kind makes */
typedef struct KindInfo
{
	GqlKind		def;
	GqlKind		ext;
	GqlTypeKind type_kind;
	GqlDirectiveLocation location;
	const char *word;			/* for "Cannot extend non-<word> type" */
} KindInfo;

static const KindInfo kind_infos[] = {
	{GQL_SCALAR_TYPE_DEFINITION, GQL_SCALAR_TYPE_EXTENSION,
	GQL_TYPE_SCALAR, GQL_LOC_SCALAR, "scalar"},
	{GQL_OBJECT_TYPE_DEFINITION, GQL_OBJECT_TYPE_EXTENSION,
	GQL_TYPE_OBJECT, GQL_LOC_OBJECT, "object"},
	{GQL_INTERFACE_TYPE_DEFINITION, GQL_INTERFACE_TYPE_EXTENSION,
	GQL_TYPE_INTERFACE, GQL_LOC_INTERFACE, "interface"},
	{GQL_UNION_TYPE_DEFINITION, GQL_UNION_TYPE_EXTENSION,
	GQL_TYPE_UNION, GQL_LOC_UNION, "union"},
	{GQL_ENUM_TYPE_DEFINITION, GQL_ENUM_TYPE_EXTENSION,
	GQL_TYPE_ENUM, GQL_LOC_ENUM, "enum"},
	{GQL_INPUT_OBJECT_TYPE_DEFINITION, GQL_INPUT_OBJECT_TYPE_EXTENSION,
	GQL_TYPE_INPUT_OBJECT, GQL_LOC_INPUT_OBJECT, "input object"},
};

#define NKINDS ((int) (sizeof(kind_infos) / sizeof(kind_infos[0])))

/*
 * Fill *error with a message and the node's position; returns false.
 */
static bool
sdl_fail(SdlBuilder *b, const GqlNode *node, const char *fmt,...)
			__attribute__((format(printf, 3, 4)));

static bool
sdl_fail(SdlBuilder *b, const GqlNode *node, const char *fmt,...)
{
	char		tmp[1024];
	va_list		args;

	va_start(args, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, args);
	va_end(args);
	b->error->message = gql_arena_strndup(b->schema->arena, tmp, strlen(tmp));
	b->error->line = node != NULL ? node->loc.line : 0;
	b->error->column = node != NULL ? node->loc.column : 0;
	return false;
}

/*
 * The kind info of a type definition or extension node; NULL for others.
 */
static const KindInfo *
kind_info(GqlKind kind, bool *is_ext)
{
	int			i;

	for (i = 0; i < NKINDS; i++)
	{
		if (kind_infos[i].def == kind || kind_infos[i].ext == kind)
		{
			*is_ext = kind_infos[i].ext == kind;
			return &kind_infos[i];
		}
	}
	return NULL;
}

/*
 * The text of a description node (NULL when none).
 */
static const char *
desc(const GqlValue *description)
{
	return description != NULL ? description->value : NULL;
}

/*
 * An AST type as an unresolved schema reference.
 */
static GqlTypeRef *
ref_from_ast(GqlSchema *schema, const GqlType *t)
{
	if (t->hdr.kind == GQL_NAMED_TYPE)
		return gql_type_ref_named(schema, t->name->value);
	if (t->hdr.kind == GQL_LIST_TYPE)
		return gql_type_ref_list(schema, ref_from_ast(schema, t->type));
	return gql_type_ref_non_null(schema, ref_from_ast(schema, t->type));
}

/* ------------------------------------------------------------------------
 * Applied directives
 * ------------------------------------------------------------------------
 */

/*
 * The arguments of one applied directive: known, not repeated, and the
 * required ones given.
 */
static bool
check_directive_args(SdlBuilder *b, const GqlDirective *d,
					 const GqlDirectiveDef *def)
{
	int			i,
				j;

	for (i = 0; i < d->arguments.count; i++)
	{
		const GqlArgument *a = (const GqlArgument *) d->arguments.items[i];

		if (gql_directive_arg(def, a->name->value) == NULL)
			return sdl_fail(b, &a->hdr, "Unknown argument \"%s\" on directive \"@%s\".",
							a->name->value, def->name);
		for (j = 0; j < i; j++)
			if (strcmp(((const GqlArgument *) d->arguments.items[j])->name->value,
					   a->name->value) == 0)
				return sdl_fail(b, &a->hdr, "There can be only one argument named \"%s\".",
								a->name->value);
	}
	for (i = 0; i < def->nargs; i++)
	{
		const GqlInputValue *da = def->args[i];
		bool		given = false;

		for (j = 0; j < d->arguments.count; j++)
			if (strcmp(((const GqlArgument *) d->arguments.items[j])->name->value,
					   da->name) == 0)
				given = true;
		if (!given && da->type->kind == GQL_REF_NON_NULL &&
			da->default_value == NULL)
			return sdl_fail(b, &d->hdr, "Directive \"@%s\" argument \"%s\" of type \"%s\" is required, but it was not provided.",
							def->name, da->name,
							gql_type_ref_string(b->schema->arena, da->type));
	}
	return true;
}

/*
 * Check the directives applied at one location.
 */
static bool
check_directives(SdlBuilder *b, const GqlList *dirs, GqlDirectiveLocation loc)
{
	int			i,
				j;

	for (i = 0; i < dirs->count; i++)
	{
		const GqlDirective *d = (const GqlDirective *) dirs->items[i];
		const GqlDirectiveDef *def = gql_schema_directive(b->schema,
														  d->name->value);

		if (def == NULL)
			return sdl_fail(b, &d->hdr, "Unknown directive \"@%s\".",
							d->name->value);
		if ((def->locations & (uint32_t) loc) == 0)
			return sdl_fail(b, &d->hdr, "Directive \"@%s\" may not be used on %s.",
							def->name, gql_directive_location_name(loc));
		for (j = 0; j < i && !def->repeatable; j++)
			if (strcmp(((const GqlDirective *) dirs->items[j])->name->value,
					   def->name) == 0)
				return sdl_fail(b, &d->hdr, "The directive \"@%s\" can only be used once at this location.",
								def->name);
		if (!check_directive_args(b, d, def))
			return false;
	}
	return true;
}

/*
 * The applied directive of a name, or NULL.
 */
static const GqlDirective *
find_directive(const GqlList *dirs, const char *name)
{
	int			i;

	for (i = 0; i < dirs->count; i++)
	{
		const GqlDirective *d = (const GqlDirective *) dirs->items[i];

		if (strcmp(d->name->value, name) == 0)
			return d;
	}
	return NULL;
}

/*
 * The string argument `arg` of the applied directive `name`: *out is NULL
 * when the directive or its argument is missing or null.  False (with the
 * error set) when the argument is not a string.
 */
static bool
directive_string_arg(SdlBuilder *b, const GqlList *dirs, const char *name,
					 const char *arg, const char **out, bool *present)
{
	const GqlDirective *d = find_directive(dirs, name);
	int			i;

	*out = NULL;
	*present = d != NULL;
	for (i = 0; d != NULL && i < d->arguments.count; i++)
	{
		const GqlArgument *a = (const GqlArgument *) d->arguments.items[i];

		if (strcmp(a->name->value, arg) != 0)
			continue;
		if (a->value->hdr.kind == GQL_NULL_VALUE)
			return true;
		if (a->value->hdr.kind != GQL_STRING_VALUE)
			return sdl_fail(b, &a->value->hdr, "Argument \"@%s(%s:)\" has invalid value %s.",
							name, arg,
							gql_print(b->schema->arena, &a->value->hdr, NULL));
		*out = a->value->value;
	}
	return true;
}

/*
 * Check the directives of an element and read its @deprecated reason.
 */
static bool
element_directives(SdlBuilder *b, const GqlList *dirs,
				   GqlDirectiveLocation loc, const char **reason)
{
	bool		present;
	const char *r;

	if (!check_directives(b, dirs, loc) ||
		!directive_string_arg(b, dirs, "deprecated", "reason", &r, &present))
		return false;
	if (present && r == NULL && find_directive(dirs, "deprecated") != NULL &&
		find_directive(dirs, "deprecated")->arguments.count == 0)
		r = GQL_DEFAULT_DEPRECATION_REASON;
	*reason = r;
	return true;
}

/* ------------------------------------------------------------------------
 * Members
 * ------------------------------------------------------------------------
 */

/*
 * Add the fields (with their arguments) of an object or interface node.
 */
static bool
add_fields(SdlBuilder *b, GqlSchemaType *type, const GqlList *members)
{
	int			i,
				j;

	for (i = 0; i < members->count; i++)
	{
		const GqlFieldDefinition *fd = (const GqlFieldDefinition *) members->items[i];
		GqlFieldDef *f;

		f = gql_type_add_field(b->schema, type, fd->name->value,
							   ref_from_ast(b->schema, fd->type),
							   desc(fd->description));
		f->source = fd;
		if (!element_directives(b, &fd->directives, GQL_LOC_FIELD_DEFINITION,
								&f->deprecation_reason))
			return false;
		for (j = 0; j < fd->arguments.count; j++)
		{
			const GqlFieldDefinition *ad = (const GqlFieldDefinition *) fd->arguments.items[j];
			GqlInputValue *a;

			a = gql_field_add_arg(b->schema, f, ad->name->value,
								  ref_from_ast(b->schema, ad->type),
								  ad->default_value, desc(ad->description));
			a->source = ad;
			if (!element_directives(b, &ad->directives,
									GQL_LOC_ARGUMENT_DEFINITION,
									&a->deprecation_reason))
				return false;
		}
	}
	return true;
}

/*
 * Add the fields of an input object node.
 */
static bool
add_input_fields(SdlBuilder *b, GqlSchemaType *type, const GqlList *members)
{
	int			i;

	for (i = 0; i < members->count; i++)
	{
		const GqlFieldDefinition *fd = (const GqlFieldDefinition *) members->items[i];
		GqlInputValue *f;

		f = gql_type_add_input_field(b->schema, type, fd->name->value,
									 ref_from_ast(b->schema, fd->type),
									 fd->default_value,
									 desc(fd->description));
		f->source = fd;
		if (!element_directives(b, &fd->directives,
								GQL_LOC_INPUT_FIELD_DEFINITION,
								&f->deprecation_reason))
			return false;
	}
	return true;
}

/*
 * Add the values of an enum node.
 */
static bool
add_enum_values(SdlBuilder *b, GqlSchemaType *type, const GqlList *members)
{
	int			i;

	for (i = 0; i < members->count; i++)
	{
		const GqlFieldDefinition *vd = (const GqlFieldDefinition *) members->items[i];
		GqlEnumValueDef *v;

		v = gql_type_add_enum_value(b->schema, type, vd->name->value,
									desc(vd->description));
		v->source = vd;
		if (!element_directives(b, &vd->directives, GQL_LOC_ENUM_VALUE,
								&v->deprecation_reason))
			return false;
	}
	return true;
}

/*
 * Add what a type definition or extension node contributes.
 */
static bool
add_members(SdlBuilder *b, GqlSchemaType *type, const GqlTypeDefinition *td,
			const KindInfo *info)
{
	int			i;

	if (!check_directives(b, &td->directives, info->location))
		return false;
	for (i = 0; i < td->interfaces.count; i++)
		gql_type_add_interface(b->schema, type,
							   ((const GqlType *) td->interfaces.items[i])->name->value);
	switch (type->kind)
	{
		case GQL_TYPE_OBJECT:
		case GQL_TYPE_INTERFACE:
			return add_fields(b, type, &td->members);
		case GQL_TYPE_INPUT_OBJECT:
			return add_input_fields(b, type, &td->members);
		case GQL_TYPE_ENUM:
			return add_enum_values(b, type, &td->members);
		case GQL_TYPE_UNION:
			for (i = 0; i < td->members.count; i++)
				gql_type_add_member(b->schema, type,
									((const GqlType *) td->members.items[i])->name->value);
			return true;
		default:
			return true;
	}
}

/*
 * The members of a type definition, and the directives only a definition
 * applies (graphql-js reads @specifiedBy and @oneOf from it alone).
 */
static bool
build_definition(SdlBuilder *b, const GqlTypeDefinition *td,
				 const KindInfo *info)
{
	GqlSchemaType *type = gql_schema_type(b->schema, td->name->value);
	bool		present;

	if (type == NULL || type->source != td)
		return true;			/* a redefined spec scalar: ignored */
	if (!add_members(b, type, td, info))
		return false;
	if (type->kind == GQL_TYPE_SCALAR &&
		!directive_string_arg(b, &td->directives, "specifiedBy", "url",
							  &type->specified_by_url, &present))
		return false;
	if (type->kind == GQL_TYPE_INPUT_OBJECT)
		type->is_one_of = find_directive(&td->directives, "oneOf") != NULL;
	return true;
}

/*
 * Apply a type extension.
 */
static bool
apply_extension(SdlBuilder *b, const GqlTypeDefinition *td,
				const KindInfo *info)
{
	GqlSchemaType *type = gql_schema_type(b->schema, td->name->value);

	if (type == NULL || (type->builtin && !SCHEMA_IMPL(b->schema)->adding_builtins))
		return sdl_fail(b, &td->hdr, "Cannot extend type \"%s\" because it is not defined.",
						td->name->value);
	if (type->kind != info->type_kind)
		return sdl_fail(b, &td->hdr, "Cannot extend non-%s type \"%s\".",
						info->word, td->name->value);
	return add_members(b, type, td, info);
}

/* ------------------------------------------------------------------------
 * Schema and directive definitions
 * ------------------------------------------------------------------------
 */

/*
 * The operation types of a schema definition or extension.
 */
static bool
add_operation_types(SdlBuilder *b, const GqlSchemaDefinition *sd)
{
	GqlSchemaImpl *impl = SCHEMA_IMPL(b->schema);
	int			i;

	for (i = 0; i < sd->operation_types.count; i++)
	{
		const GqlOperationTypeDefinition *ot =
			(const GqlOperationTypeDefinition *) sd->operation_types.items[i];

		if (impl->root_names[ot->operation] != NULL)
			return sdl_fail(b, &ot->hdr, sd->hdr.kind == GQL_SCHEMA_EXTENSION ?
							"Type for %s already defined in the schema. It cannot be redefined." :
							"There can be only one %s type in schema.",
							gql_operation_name(ot->operation));
		gql_schema_set_root(b->schema, ot->operation, ot->type->name->value);
	}
	return true;
}

/*
 * Create a directive from its definition (a redefined built-in one is
 * ignored, as graphql-js keeps using the built-in's meaning).
 */
static bool
create_directive(SdlBuilder *b, const GqlDirectiveDefinition *dd)
{
	GqlDirectiveDef *d;
	const GqlDirectiveDef *old = gql_schema_directive(b->schema,
													  dd->name->value);
	int			i;

	if (old != NULL && old->builtin &&
		!SCHEMA_IMPL(b->schema)->adding_builtins)
		return true;
	if (old != NULL)
		return sdl_fail(b, &dd->name->hdr, "There can be only one directive named \"@%s\".",
						dd->name->value);
	d = gql_schema_add_directive(b->schema, dd->name->value, 0,
								 dd->repeatable, desc(dd->description));
	for (i = 0; i < dd->locations.count; i++)
		gql_schema_add_location_name(b->schema, d,
									 ((const GqlName *) dd->locations.items[i])->value);
	for (i = 0; i < dd->arguments.count; i++)
	{
		const GqlFieldDefinition *ad = (const GqlFieldDefinition *) dd->arguments.items[i];
		GqlInputValue *a;

		a = gql_directive_add_arg(b->schema, d, ad->name->value,
								  ref_from_ast(b->schema, ad->type),
								  ad->default_value, desc(ad->description));
		a->source = ad;
	}
	return true;
}

/*
 * Check the directives on the arguments of directive definitions (after
 * every directive exists).
 */
static bool
build_directive(SdlBuilder *b, const GqlDirectiveDefinition *dd)
{
	GqlDirectiveDef *d = gql_schema_directive(b->schema, dd->name->value);
	int			i;

	if (d == NULL || d->builtin != SCHEMA_IMPL(b->schema)->adding_builtins)
		return true;
	for (i = 0; i < dd->arguments.count && i < d->nargs; i++)
	{
		const GqlFieldDefinition *ad = (const GqlFieldDefinition *) dd->arguments.items[i];

		if (!element_directives(b, &ad->directives,
								GQL_LOC_ARGUMENT_DEFINITION,
								&d->args[i]->deprecation_reason))
			return false;
	}
	return true;
}

/*
 * Pass 1 for one definition: create the type, directive or roots.
 */
static bool
create_definition(SdlBuilder *b, const GqlNode *def)
{
	const KindInfo *info;
	bool		is_ext;

	if (def->kind == GQL_SCHEMA_DEFINITION)
	{
		const GqlSchemaDefinition *sd = (const GqlSchemaDefinition *) def;

		if (b->have_schema_def)
			return sdl_fail(b, def, "Must provide only one schema definition.");
		b->have_schema_def = true;
		b->schema->description = desc(sd->description);
		return add_operation_types(b, sd);
	}
	if (def->kind == GQL_DIRECTIVE_DEFINITION)
		return create_directive(b, (const GqlDirectiveDefinition *) def);
	if (def->kind == GQL_SCHEMA_EXTENSION)
		return true;
	info = kind_info(def->kind, &is_ext);
	if (info == NULL)
		return sdl_fail(b, def, "The %s definition is not allowed in a schema document.",
						gql_kind_name(def->kind));
	if (!is_ext)
	{
		const GqlTypeDefinition *td = (const GqlTypeDefinition *) def;
		GqlSchemaType *old = gql_schema_type(b->schema, td->name->value);
		GqlSchemaType *t;

		if (old != NULL && old->builtin && old->kind == GQL_TYPE_SCALAR &&
			!SCHEMA_IMPL(b->schema)->adding_builtins)
		{
			/* graphql-js keeps the spec scalar, listed where defined */
			old->redefined = true;
			gql_schema_move_type_last(b->schema, old);
			return true;
		}
		t = gql_schema_add_type(b->schema, info->type_kind, td->name->value,
								desc(td->description));
		if (t == NULL)
			return sdl_fail(b, &td->name->hdr, "There can be only one type named \"%s\".",
							td->name->value);
		t->source = td;
	}
	return true;
}

/*
 * Passes 2 and 3 for one definition: members of definitions (pass 2) or
 * extensions (pass 3).
 */
static bool
build_node(SdlBuilder *b, const GqlNode *def, bool extensions)
{
	const KindInfo *info;
	bool		is_ext;

	if (def->kind == GQL_SCHEMA_DEFINITION)
		return extensions ||
			check_directives(b, &((const GqlSchemaDefinition *) def)->directives,
							 GQL_LOC_SCHEMA);
	if (def->kind == GQL_SCHEMA_EXTENSION)
		return !extensions ||
			(check_directives(b, &((const GqlSchemaDefinition *) def)->directives,
							  GQL_LOC_SCHEMA) &&
			 add_operation_types(b, (const GqlSchemaDefinition *) def));
	if (def->kind == GQL_DIRECTIVE_DEFINITION)
		return extensions ||
			build_directive(b, (const GqlDirectiveDefinition *) def);
	info = kind_info(def->kind, &is_ext);
	if (info == NULL || is_ext != extensions)
		return true;
	if (is_ext)
		return apply_extension(b, (const GqlTypeDefinition *) def, info);
	return build_definition(b, (const GqlTypeDefinition *) def, info);
}

/*
 * Without a schema definition, types named Query, Mutation and
 * Subscription are the roots, even over roots a schema extension named
 * (as graphql-js's buildASTSchema does).
 */
static void
default_roots(SdlBuilder *b)
{
	static const char *const names[3] = {"Query", "Mutation", "Subscription"};
	int			op;

	if (!SCHEMA_IMPL(b->schema)->roots_set)
		return;					/* finish applies the same defaults */
	for (op = 0; op < 3; op++)
	{
		GqlSchemaType *t = gql_schema_type(b->schema, names[op]);

		if (t != NULL && !t->builtin)
			gql_schema_set_root(b->schema, (GqlOperationType) op, names[op]);
	}
}

/*
 * Add everything an SDL document defines to a schema.
 */
bool
gql_schema_apply_sdl(GqlSchema *schema, const GqlDocument *sdl,
					 GqlError *error)
{
	SdlBuilder	b;
	int			i;

	b.schema = schema;
	b.error = error;
	b.have_schema_def = false;
	for (i = 0; i < sdl->definitions.count; i++)
		if (!create_definition(&b, sdl->definitions.items[i]))
			return false;
	for (i = 0; i < sdl->definitions.count; i++)
		if (!build_node(&b, sdl->definitions.items[i], false))
			return false;
	for (i = 0; i < sdl->definitions.count; i++)
		if (!build_node(&b, sdl->definitions.items[i], true))
			return false;
	if (!b.have_schema_def)
		default_roots(&b);
	return true;
}

/*
 * Build and finish a schema from an SDL document.
 */
GqlSchema *
gql_schema_from_sdl(GqlArena *arena, const GqlDocument *sdl, GqlError *error)
{
	GqlSchema  *schema = gql_schema_create(arena);

	if (schema == NULL || sdl == NULL ||
		!gql_schema_apply_sdl(schema, sdl, error) ||
		!gql_schema_finish(schema, error))
		return NULL;
	return schema;
}
