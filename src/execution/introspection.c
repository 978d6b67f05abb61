/*-------------------------------------------------------------------------
 *
 * introspection.c
 *	  The __schema and __type meta-fields answered from the schema model,
 *	  written straight to JSON text.
 *
 * The selection sets are collected with gql_collect_fields against the
 * introspection types of the model (__Schema, __Type, ...), so aliases,
 * fragments, @skip/@include and __typename work as anywhere else, and the
 * keys of every object follow the selection order.
 *
 * The list of types is the one graphql-js gives for a schema built by
 * buildSchema(): the defined types in definition order, each followed by
 * the spec scalars it first references, then what the directives' and
 * introspection types' references add.  Default values are printed as
 * graphql-js does: the literal coerced to the input type (input object
 * fields completed with their defaults, in field order; a single value
 * given for a list wrapped) and turned back into GraphQL text, numbers
 * written the way JavaScript writes them.
 *
 *-------------------------------------------------------------------------
 */
#include "execution.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a value of an introspection object type describes */
typedef enum IntroKind
{
	INTRO_SCHEMA,
	INTRO_TYPE,
	INTRO_FIELD,
	INTRO_INPUT_VALUE,
	INTRO_ENUM_VALUE,
	INTRO_DIRECTIVE
} IntroKind;

static const char *const intro_type_names[] = {
	"__Schema", "__Type", "__Field", "__InputValue", "__EnumValue",
	"__Directive"
};

/* State of one gql_introspect call */
typedef struct Intro
{
	const GqlExecContext *ctx;
	GqlBuf		out;
	GqlSchemaType **types;		/* graphql-js's order; NULL until needed */
	int			ntypes;
	int			captypes;
	const void **seen;			/* hash set of the listed types */
	int			nseen;			/* slots, a power of two */
} Intro;

static void write_object(Intro *in, IntroKind kind, const void *obj,
						 const GqlCollectedField *field);

/* ------------------------------------------------------------------------
 * The types, in graphql-js's order
 * ------------------------------------------------------------------------
 */

/*
 * Add a type to the seen set; false when it was there already.
 */
static bool
seen_add(Intro *in, const GqlSchemaType *type)
{
	size_t		h = ((size_t) type >> 4) & (size_t) (in->nseen - 1);

	while (in->seen[h] != NULL)
	{
		if (in->seen[h] == type)
			return false;
		h = (h + 1) & (size_t) (in->nseen - 1);
	}
	in->seen[h] = type;
	return true;
}

/*
 * Append a type to the list.
 */
static void
list_type(Intro *in, GqlSchemaType *type)
{
	if (in->ntypes == in->captypes)
	{
		GqlSchemaType **n;

		in->captypes = in->captypes == 0 ? 32 : in->captypes * 2;
		n = gql_arena_alloc(in->ctx->arena,
							(size_t) in->captypes * sizeof(GqlSchemaType *));
		if (in->ntypes > 0)
			memcpy(n, in->types, (size_t) in->ntypes * sizeof(GqlSchemaType *));
		in->types = n;
	}
	in->types[in->ntypes++] = type;
}

static void collect_referenced(Intro *in, GqlSchemaType *type, bool force);

/*
 * Collect the types of the arguments or input fields of a list.
 */
static void
collect_input_values(Intro *in, GqlInputValue *const *values, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		collect_referenced(in, gql_type_ref_named_type(values[i]->type), false);
}

/*
 * graphql-js's collectReferencedTypes: list a type not yet seen (or, with
 * force, the type being placed) and then the types it references.
 */
static void
collect_referenced(Intro *in, GqlSchemaType *type, bool force)
{
	int			i;

	if (type == NULL || (!seen_add(in, type) && !force))
		return;
	list_type(in, type);
	for (i = 0; i < type->ninterfaces; i++)
		collect_referenced(in, type->interfaces[i], false);
	if (type->kind == GQL_TYPE_UNION)
		for (i = 0; i < type->npossible_types; i++)
			collect_referenced(in, type->possible_types[i], false);
	for (i = 0; i < type->nfields; i++)
	{
		collect_referenced(in, gql_type_ref_named_type(type->fields[i]->type),
						   false);
		collect_input_values(in, type->fields[i]->args, type->fields[i]->nargs);
	}
	collect_input_values(in, type->input_fields, type->ninput_fields);
}

/*
 * The directives in graphql-js's order: the defined ones, then the
 * built-in ones.
 */
static int
directive_order(const GqlSchema *schema, const GqlDirectiveDef ***out)
{
	const GqlDirectiveDef **dirs;
	int			n = 0;
	int			pass;
	int			i;

	dirs = gql_arena_alloc(schema->arena,
						   (size_t) (schema->ndirectives + 1) * sizeof(*dirs));
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < schema->ndirectives; i++)
			if (schema->directives[i]->builtin == (pass == 1))
				dirs[n++] = schema->directives[i];
	*out = dirs;
	return n;
}

/*
 * Compute the list of types once.
 */
static void
order_types(Intro *in)
{
	const GqlSchema *schema = in->ctx->schema;
	const GqlDirectiveDef **dirs;
	int			ndirs;
	int			i;

	if (in->types != NULL)
		return;
	in->nseen = 64;
	while (in->nseen < schema->ntypes * 2)
		in->nseen *= 2;
	in->seen = gql_arena_alloc(in->ctx->arena, (size_t) in->nseen * sizeof(void *));
	for (i = 0; i < schema->ntypes; i++)
		if (!schema->types[i]->builtin || schema->types[i]->redefined)
			seen_add(in, schema->types[i]);
	for (i = 0; i < schema->ntypes; i++)
		if (!schema->types[i]->builtin || schema->types[i]->redefined)
			collect_referenced(in, schema->types[i], true);
	collect_referenced(in, schema->query_type, false);
	collect_referenced(in, schema->mutation_type, false);
	collect_referenced(in, schema->subscription_type, false);
	ndirs = directive_order(schema, &dirs);
	for (i = 0; i < ndirs; i++)
		collect_input_values(in, dirs[i]->args, dirs[i]->nargs);
	collect_referenced(in, gql_schema_type(schema, "__Schema"), false);
}

/*
 * The object types implementing an interface, in the order of the type
 * list (graphql-js's getPossibleTypes), or a union's members.
 */
static int
possible_types(Intro *in, const GqlSchemaType *type, GqlSchemaType ***out)
{
	GqlSchemaType **list;
	int			n = 0;
	int			i;
	int			j;

	if (type->kind == GQL_TYPE_UNION)
	{
		*out = type->possible_types;
		return type->npossible_types;
	}
	order_types(in);
	list = gql_arena_alloc(in->ctx->arena,
						   (size_t) (in->ntypes + 1) * sizeof(GqlSchemaType *));
	for (i = 0; i < in->ntypes; i++)
	{
		const GqlSchemaType *t = in->types[i];

		for (j = 0; t->kind == GQL_TYPE_OBJECT && j < t->ninterfaces; j++)
			if (t->interfaces[j] == type)
				list[n++] = in->types[i];
	}
	*out = list;
	return n;
}

/* ------------------------------------------------------------------------
 * Default values, printed as graphql-js prints them
 * ------------------------------------------------------------------------
 */

static const GqlValue *coerce_default(Intro *in, const GqlValue *v,
									  const GqlTypeRef *ref);

/*
 * A new value node of a kind with text (copied into the arena).
 */
static GqlValue *
new_value(Intro *in, GqlKind kind, const char *text, size_t len)
{
	GqlValue   *v = gql_arena_alloc(in->ctx->arena, sizeof(GqlValue));

	v->hdr.kind = kind;
	if (text != NULL)
	{
		v->value = gql_arena_strndup(in->ctx->arena, text, len);
		v->len = len;
	}
	return v;
}

/*
 * The shortest decimal digits of a positive finite double that read back
 * as the same number, and its decimal exponent (d.ddd x 10^exp).
 */
static int
shortest_digits(double d, char *digits, int *exp10)
{
	char		tmp[40];
	char	   *e;
	int			p;
	int			n = 0;
	int			i;

	for (p = 1; p < 17; p++)
	{
		snprintf(tmp, sizeof(tmp), "%.*e", p - 1, d);
		if (strtod(tmp, NULL) == d)
			break;
	}
	snprintf(tmp, sizeof(tmp), "%.*e", p - 1, d);
	e = strchr(tmp, 'e');
	*exp10 = atoi(e + 1);
	for (i = 0; tmp + i < e; i++)
		if (tmp[i] >= '0' && tmp[i] <= '9')
			digits[n++] = tmp[i];
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	return n;
}

/*
 * Append count zeros.
 */
static void
append_zeros(GqlBuf *b, int count)
{
	for (; count > 0; count--)
		gql_buf_append_char(b, '0');
}

/*
 * A finite number as JavaScript's String(number) writes it.
 */
static char *
js_number(Intro *in, double d)
{
	GqlBuf		b;
	char		digits[24];
	int			exp10;
	int			k;
	int			n;

	if (d == 0)
		return "0";
	gql_buf_init(&b, in->ctx->arena);
	if (d < 0)
		gql_buf_append_char(&b, '-');
	k = shortest_digits(fabs(d), digits, &exp10);
	n = exp10 + 1;
	if (k <= n && n <= 21)
	{
		gql_buf_append_str(&b, digits);
		append_zeros(&b, n - k);
	}
	else if (0 < n && n <= 21)
		gql_buf_printf(&b, "%.*s.%s", n, digits, digits + n);
	else if (-6 < n && n <= 0)
	{
		gql_buf_append_str(&b, "0.");
		append_zeros(&b, -n);
		gql_buf_append_str(&b, digits);
	}
	else
		gql_buf_printf(&b, "%c%s%s%s%d", digits[0], k > 1 ? "." : "",
					   digits + 1, n - 1 >= 0 ? "e+" : "e-", abs(n - 1));
	return b.data;
}

/*
 * A number as an Int or Float value node, as astFromValue chooses; NULL
 * when it is not finite.
 */
static const GqlValue *
number_value(Intro *in, double d)
{
	const char *s;
	const char *p;

	if (!isfinite(d))
		return NULL;
	s = js_number(in, d);
	for (p = s + (*s == '-'); *p >= '0' && *p <= '9'; p++)
		;
	return new_value(in, *p == '\0' ? GQL_INT_VALUE : GQL_FLOAT_VALUE, s,
					 strlen(s));
}

/*
 * Whether a string is an integer literal (astFromValue's test for ID).
 */
static bool
is_integer_string(const char *s, size_t len)
{
	size_t		i = (len > 0 && s[0] == '-') ? 1 : 0;

	if (i >= len || (s[i] == '0' && i + 1 < len))
		return false;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/*
 * A string value node that prints as a quoted (not block) string.
 */
static const GqlValue *
string_value(Intro *in, const GqlValue *v)
{
	GqlValue   *s = new_value(in, GQL_STRING_VALUE, NULL, 0);

	s->value = v->value;
	s->len = v->len;
	return s;
}

/*
 * A literal for a scalar of the spec, as parseLiteral then serialize
 * would give it; NULL when invalid.
 */
static const GqlValue *
coerce_spec_scalar(Intro *in, const GqlValue *v, const char *name)
{
	GqlKind		k = v->hdr.kind;

	if (strcmp(name, "Int") == 0)
	{
		double		d = k == GQL_INT_VALUE ? strtod(v->value, NULL) : 1e300;

		return fabs(d) <= 2147483648.0 && d != 2147483648.0 ?
			number_value(in, d) : NULL;
	}
	if (strcmp(name, "Float") == 0)
		return k == GQL_INT_VALUE || k == GQL_FLOAT_VALUE ?
			number_value(in, strtod(v->value, NULL)) : NULL;
	if (strcmp(name, "Boolean") == 0)
		return k == GQL_BOOLEAN_VALUE ? v : NULL;
	if (strcmp(name, "String") == 0)
		return k == GQL_STRING_VALUE ? string_value(in, v) : NULL;
	/* ID: its value is the literal's text */
	if (k == GQL_INT_VALUE)
		return v;
	if (k != GQL_STRING_VALUE)
		return NULL;
	if (is_integer_string(v->value, v->len))
		return new_value(in, GQL_INT_VALUE, v->value, v->len);
	return string_value(in, v);
}

/*
 * A literal for a custom scalar (valueFromASTUntyped, then astFromValue of
 * the result); NULL when it has no literal form (lists, objects).
 */
static const GqlValue *
coerce_custom_scalar(Intro *in, const GqlValue *v)
{
	switch (v->hdr.kind)
	{
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
			return number_value(in, strtod(v->value, NULL));
		case GQL_STRING_VALUE:
		case GQL_ENUM_VALUE:
			return new_value(in, GQL_STRING_VALUE, v->value, v->len);
		case GQL_BOOLEAN_VALUE:
			return v;
		default:
			return NULL;
	}
}

/*
 * A literal for a leaf type; NULL when invalid.
 */
static const GqlValue *
coerce_leaf(Intro *in, const GqlValue *v, const GqlSchemaType *type)
{
	if (type->kind == GQL_TYPE_ENUM)
		return v->hdr.kind == GQL_ENUM_VALUE &&
			gql_type_enum_value(type, v->value) != NULL ? v : NULL;
	if (type->builtin)
		return coerce_spec_scalar(in, v, type->name);
	return coerce_custom_scalar(in, v);
}

/*
 * A list literal, or a single value wrapped as a list; NULL when invalid.
 */
static const GqlValue *
coerce_list(Intro *in, const GqlValue *v, const GqlTypeRef *item)
{
	GqlValue   *list = new_value(in, GQL_LIST_VALUE, NULL, 0);
	int			n = v->hdr.kind == GQL_LIST_VALUE ? v->items.count : 1;
	int			i;

	list->items.items = gql_arena_alloc(in->ctx->arena,
										(size_t) (n + 1) * sizeof(GqlNode *));
	for (i = 0; i < n; i++)
	{
		const GqlValue *c = coerce_default(in, v->hdr.kind == GQL_LIST_VALUE ?
										   (const GqlValue *) v->items.items[i] : v,
										   item);

		if (c == NULL)
			return NULL;
		list->items.items[list->items.count++] = (GqlNode *) c;
	}
	return list;
}

/*
 * The field of an object literal of a name, NULL when absent.
 */
static const GqlValue *
object_field(const GqlValue *obj, const char *name)
{
	int			i;

	for (i = 0; i < obj->items.count; i++)
	{
		const GqlArgument *f = (const GqlArgument *) obj->items.items[i];

		if (strcmp(f->name->value, name) == 0)
			return f->value;
	}
	return NULL;
}

/*
 * Append a field to an object value node (fields preallocated).
 */
static void
add_object_field(Intro *in, GqlValue *obj, const char *name,
				 const GqlValue *value)
{
	GqlArgument *f = gql_arena_alloc(in->ctx->arena, sizeof(GqlArgument));

	f->hdr.kind = GQL_OBJECT_FIELD;
	f->name = gql_arena_alloc(in->ctx->arena, sizeof(GqlName));
	f->name->hdr.kind = GQL_NAME;
	f->name->value = name;
	f->name->len = strlen(name);
	f->value = (GqlValue *) value;
	obj->items.items[obj->items.count++] = (GqlNode *) f;
}

/*
 * An input object literal: the fields in definition order, absent ones
 * from their defaults; NULL when invalid (including @oneOf's rule).
 */
static const GqlValue *
coerce_input_object(Intro *in, const GqlValue *v, const GqlSchemaType *type)
{
	GqlValue   *obj = new_value(in, GQL_OBJECT_VALUE, NULL, 0);
	int			i;

	if (v->hdr.kind != GQL_OBJECT_VALUE)
		return NULL;
	obj->items.items = gql_arena_alloc(in->ctx->arena,
									   (size_t) (type->ninput_fields + 1) *
									   sizeof(GqlNode *));
	for (i = 0; i < type->ninput_fields; i++)
	{
		const GqlInputValue *f = type->input_fields[i];
		const GqlValue *given = object_field(v, f->name);
		const GqlValue *c = coerce_default(in, given ? given : f->default_value,
										   f->type);

		if (c == NULL && (given != NULL || f->type->kind == GQL_REF_NON_NULL))
			return NULL;
		if (c != NULL)
			add_object_field(in, obj, f->name, c);
	}
	if (type->is_one_of &&
		(obj->items.count != 1 ||
		 ((GqlArgument *) obj->items.items[0])->value->hdr.kind == GQL_NULL_VALUE))
		return NULL;
	return obj;
}

/*
 * A default literal coerced to its type and back to a literal (what
 * astFromValue(valueFromAST(v, type), type) gives); NULL when invalid or
 * absent.
 */
static const GqlValue *
coerce_default(Intro *in, const GqlValue *v, const GqlTypeRef *ref)
{
	if (v == NULL)
		return NULL;
	if (ref->kind == GQL_REF_NON_NULL)
		return v->hdr.kind == GQL_NULL_VALUE ? NULL :
			coerce_default(in, v, ref->of_type);
	if (v->hdr.kind == GQL_NULL_VALUE)
		return v;
	if (ref->kind == GQL_REF_LIST)
		return coerce_list(in, v, ref->of_type);
	if (ref->named->kind == GQL_TYPE_INPUT_OBJECT)
		return coerce_input_object(in, v, ref->named);
	return coerce_leaf(in, v, ref->named);
}

/* ------------------------------------------------------------------------
 * JSON output
 * ------------------------------------------------------------------------
 */

/*
 * Write a JSON string (NULL as null).
 */
static void
write_string(Intro *in, const char *s)
{
	GqlBuf	   *b = &in->out;

	if (s == NULL)
	{
		gql_buf_append_str(b, "null");
		return;
	}
	gql_buf_append_char(b, '"');
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;

		if (c == '"' || c == '\\')
		{
			gql_buf_append_char(b, '\\');
			gql_buf_append_char(b, (char) c);
		}
		else if (c == '\n')
			gql_buf_append_str(b, "\\n");
		else if (c == '\t')
			gql_buf_append_str(b, "\\t");
		else if (c == '\r')
			gql_buf_append_str(b, "\\r");
		else if (c < 0x20 || c == 0x7f)
			gql_buf_printf(b, "\\u%04x", c);
		else
			gql_buf_append_char(b, (char) c);
	}
	gql_buf_append_char(b, '"');
}

/*
 * Write a JSON boolean.
 */
static void
write_bool(Intro *in, bool value)
{
	gql_buf_append_str(&in->out, value ? "true" : "false");
}

/*
 * The includeDeprecated argument of a field (false when not given).
 */
static bool
include_deprecated(Intro *in, const GqlCollectedField *field)
{
	const GqlInputValue *def;
	const GqlValue *v;

	if (field->def == NULL ||
		(def = gql_field_arg(field->def, "includeDeprecated")) == NULL)
		return false;
	v = gql_argument_value(in->ctx, &field->fields[0]->arguments, def);
	return v != NULL && v->hdr.kind == GQL_BOOLEAN_VALUE && v->boolean;
}

/*
 * Write a list of objects of one kind; NULL array with n < 0 as null.
 * Deprecated elements are left out unless includeDeprecated.
 */
static void
write_list(Intro *in, IntroKind kind, const void *const *items, int n,
		   const GqlCollectedField *field)
{
	bool		all = include_deprecated(in, field);
	bool		first = true;
	int			i;

	if (n < 0)
	{
		gql_buf_append_str(&in->out, "null");
		return;
	}
	gql_buf_append_char(&in->out, '[');
	for (i = 0; i < n; i++)
	{
		const char *reason = NULL;

		if (kind == INTRO_FIELD)
			reason = ((const GqlFieldDef *) items[i])->deprecation_reason;
		else if (kind == INTRO_INPUT_VALUE)
			reason = ((const GqlInputValue *) items[i])->deprecation_reason;
		else if (kind == INTRO_ENUM_VALUE)
			reason = ((const GqlEnumValueDef *) items[i])->deprecation_reason;
		else if (kind == INTRO_DIRECTIVE)
			reason = ((const GqlDirectiveDef *) items[i])->deprecation_reason;
		if (reason != NULL && !all)
			continue;
		if (!first)
			gql_buf_append_char(&in->out, ',');
		first = false;
		write_object(in, kind, items[i], field);
	}
	gql_buf_append_char(&in->out, ']');
}

/*
 * A reference to a named type (for values of __Type).
 */
static const GqlTypeRef *
named_ref(Intro *in, GqlSchemaType *type)
{
	GqlTypeRef *ref;

	if (type == NULL)
		return NULL;
	ref = gql_arena_alloc(in->ctx->arena, sizeof(GqlTypeRef));
	ref->kind = GQL_REF_NAMED;
	ref->named = type;
	return ref;
}

/*
 * Write a list of named types as __Type objects.
 */
static void
write_types(Intro *in, GqlSchemaType *const *types, int n,
			const GqlCollectedField *field)
{
	const void **refs;
	int			i;

	if (n < 0)
	{
		gql_buf_append_str(&in->out, "null");
		return;
	}
	refs = gql_arena_alloc(in->ctx->arena, (size_t) (n + 1) * sizeof(void *));
	for (i = 0; i < n; i++)
		refs[i] = named_ref(in, types[i]);
	write_list(in, INTRO_TYPE, refs, n, field);
}

/*
 * Write a __Type object or null.
 */
static void
write_type(Intro *in, const GqlTypeRef *ref, const GqlCollectedField *field)
{
	if (ref == NULL)
		gql_buf_append_str(&in->out, "null");
	else
		write_object(in, INTRO_TYPE, ref, field);
}

/*
 * A field of __Schema.
 */
static void
resolve_schema(Intro *in, const char *name, const GqlCollectedField *field)
{
	const GqlSchema *schema = in->ctx->schema;

	if (strcmp(name, "description") == 0)
		write_string(in, schema->description);
	else if (strcmp(name, "types") == 0)
	{
		order_types(in);
		write_types(in, in->types, in->ntypes, field);
	}
	else if (strcmp(name, "queryType") == 0)
		write_type(in, named_ref(in, schema->query_type), field);
	else if (strcmp(name, "mutationType") == 0)
		write_type(in, named_ref(in, schema->mutation_type), field);
	else if (strcmp(name, "subscriptionType") == 0)
		write_type(in, named_ref(in, schema->subscription_type), field);
	else if (strcmp(name, "directives") == 0)
	{
		const GqlDirectiveDef **dirs;
		int			n = directive_order(schema, &dirs);

		write_list(in, INTRO_DIRECTIVE, (const void *const *) dirs, n, field);
	}
	else
		gql_buf_append_str(&in->out, "null");
}

/*
 * The name of a __TypeKind value for a type reference.
 */
static const char *
type_kind(const GqlTypeRef *ref)
{
	static const char *const kinds[] = {
		"SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT"
	};

	if (ref->kind == GQL_REF_LIST)
		return "LIST";
	if (ref->kind == GQL_REF_NON_NULL)
		return "NON_NULL";
	return kinds[ref->named->kind];
}

/*
 * The list-valued fields of __Type for a named type: fields, interfaces,
 * possibleTypes, enumValues, inputFields (null where they do not apply).
 */
static void
resolve_type_lists(Intro *in, const GqlSchemaType *t, const char *name,
				   const GqlCollectedField *field)
{
	bool		composite = t->kind == GQL_TYPE_OBJECT ||
		t->kind == GQL_TYPE_INTERFACE;

	if (strcmp(name, "fields") == 0)
		write_list(in, INTRO_FIELD, (const void *const *) t->fields,
				   composite ? t->nfields : -1, field);
	else if (strcmp(name, "interfaces") == 0)
		write_types(in, t->interfaces, composite ? t->ninterfaces : -1, field);
	else if (strcmp(name, "possibleTypes") == 0)
	{
		GqlSchemaType **list = NULL;
		int			n = gql_type_is_abstract(t) ?
			possible_types(in, t, &list) : -1;

		write_types(in, list, n, field);
	}
	else if (strcmp(name, "enumValues") == 0)
		write_list(in, INTRO_ENUM_VALUE, (const void *const *) t->enum_values,
				   t->kind == GQL_TYPE_ENUM ? t->nenum_values : -1, field);
	else if (strcmp(name, "inputFields") == 0)
		write_list(in, INTRO_INPUT_VALUE, (const void *const *) t->input_fields,
				   t->kind == GQL_TYPE_INPUT_OBJECT ? t->ninput_fields : -1,
				   field);
	else
		gql_buf_append_str(&in->out, "null");
}

/*
 * A field of __Type.
 */
static void
resolve_type(Intro *in, const GqlTypeRef *ref, const char *name,
			 const GqlCollectedField *field)
{
	const GqlSchemaType *t = ref->kind == GQL_REF_NAMED ? ref->named : NULL;

	if (strcmp(name, "kind") == 0)
		write_string(in, type_kind(ref));
	else if (strcmp(name, "ofType") == 0)
		write_type(in, ref->of_type, field);
	else if (t == NULL)
		gql_buf_append_str(&in->out, "null");
	else if (strcmp(name, "name") == 0)
		write_string(in, t->name);
	else if (strcmp(name, "description") == 0)
		write_string(in, t->description);
	else if (strcmp(name, "specifiedByURL") == 0)
		write_string(in, t->kind == GQL_TYPE_SCALAR ? t->specified_by_url : NULL);
	else if (strcmp(name, "isOneOf") == 0)
	{
		if (t->kind == GQL_TYPE_INPUT_OBJECT)
			write_bool(in, t->is_one_of);
		else
			gql_buf_append_str(&in->out, "null");
	}
	else
		resolve_type_lists(in, t, name, field);
}

/*
 * The fields common to __Field, __InputValue, __EnumValue and
 * __Directive: name, description, isDeprecated, deprecationReason.
 * Returns false for another field.
 */
static bool
resolve_common(Intro *in, const char *name, const char *value_name,
			   const char *description, const char *reason)
{
	if (strcmp(name, "name") == 0)
		write_string(in, value_name);
	else if (strcmp(name, "description") == 0)
		write_string(in, description);
	else if (strcmp(name, "isDeprecated") == 0)
		write_bool(in, reason != NULL);
	else if (strcmp(name, "deprecationReason") == 0)
		write_string(in, reason);
	else
		return false;
	return true;
}

/*
 * Write a default value as GraphQL text, or null.
 */
static void
write_default(Intro *in, const GqlInputValue *iv)
{
	const GqlValue *v = coerce_default(in, iv->default_value, iv->type);

	if (v == NULL)
		gql_buf_append_str(&in->out, "null");
	else
		write_string(in, gql_print(in->ctx->arena, (const GqlNode *) v, NULL));
}

/*
 * Write the locations of a directive, in the order its definition wrote
 * them (as graphql-js keeps them).
 */
static void
write_locations(Intro *in, const GqlDirectiveDef *d)
{
	const char *const *names;
	int			n = gql_directive_location_list(in->ctx->schema, d, &names);
	int			i;

	gql_buf_append_char(&in->out, '[');
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			gql_buf_append_char(&in->out, ',');
		write_string(in, names[i]);
	}
	gql_buf_append_char(&in->out, ']');
}

/*
 * A field of __Field, __InputValue, __EnumValue or __Directive.
 */
static void
resolve_element(Intro *in, IntroKind kind, const void *obj, const char *name,
				const GqlCollectedField *field)
{
	const GqlFieldDef *f = obj;
	const GqlInputValue *iv = obj;
	const GqlEnumValueDef *ev = obj;
	const GqlDirectiveDef *d = obj;

	if (kind == INTRO_FIELD &&
		!resolve_common(in, name, f->name, f->description, f->deprecation_reason))
	{
		if (strcmp(name, "args") == 0)
			write_list(in, INTRO_INPUT_VALUE, (const void *const *) f->args,
					   f->nargs, field);
		else
			write_type(in, strcmp(name, "type") == 0 ? f->type : NULL, field);
	}
	else if (kind == INTRO_INPUT_VALUE &&
			 !resolve_common(in, name, iv->name, iv->description,
							 iv->deprecation_reason))
	{
		if (strcmp(name, "defaultValue") == 0)
			write_default(in, iv);
		else
			write_type(in, strcmp(name, "type") == 0 ? iv->type : NULL, field);
	}
	else if (kind == INTRO_ENUM_VALUE)
		resolve_common(in, name, ev->name, ev->description,
					   ev->deprecation_reason);
	else if (kind == INTRO_DIRECTIVE &&
			 !resolve_common(in, name, d->name, d->description,
							 d->deprecation_reason))
	{
		if (strcmp(name, "args") == 0)
			write_list(in, INTRO_INPUT_VALUE, (const void *const *) d->args,
					   d->nargs, field);
		else if (strcmp(name, "locations") == 0)
			write_locations(in, d);
		else if (strcmp(name, "isRepeatable") == 0)
			write_bool(in, d->repeatable);
		else
			gql_buf_append_str(&in->out, "null");
	}
}

/*
 * Write the value of one collected field of an introspection object.
 */
static void
resolve_field(Intro *in, IntroKind kind, const void *obj,
			  const GqlCollectedField *field)
{
	const char *name = field->fields[0]->name->value;

	if (strcmp(name, "__typename") == 0)
		write_string(in, intro_type_names[kind]);
	else if (kind == INTRO_SCHEMA)
		resolve_schema(in, name, field);
	else if (kind == INTRO_TYPE)
		resolve_type(in, obj, name, field);
	else
		resolve_element(in, kind, obj, name, field);
}

/*
 * Write an introspection object: the fields of the selection sets of the
 * merged field `parent`, in selection order.
 */
static void
write_object(Intro *in, IntroKind kind, const void *obj,
			 const GqlCollectedField *parent)
{
	const GqlSelectionSet **sets;
	GqlCollectedField *fields;
	const GqlSchemaType *type;
	int			nsets;
	int			n;
	int			i;

	type = gql_schema_type(in->ctx->schema, intro_type_names[kind]);
	nsets = gql_field_selection_sets(in->ctx, parent, &sets);
	n = gql_collect_fields(in->ctx, type, sets, nsets, &fields);
	gql_buf_append_char(&in->out, '{');
	for (i = 0; i < n; i++)
	{
		if (i > 0)
			gql_buf_append_char(&in->out, ',');
		write_string(in, fields[i].response_key);
		gql_buf_append_char(&in->out, ':');
		resolve_field(in, kind, obj, &fields[i]);
	}
	gql_buf_append_char(&in->out, '}');
}

/*
 * The JSON value of a merged __schema or __type field.
 */
char *
gql_introspect(const GqlExecContext *ctx, const GqlCollectedField *field)
{
	Intro		in;
	const GqlFieldDef *def = gql_type_meta_field(ctx->schema);

	memset(&in, 0, sizeof(in));
	in.ctx = ctx;
	gql_buf_init(&in.out, ctx->arena);
	if (strcmp(field->fields[0]->name->value, "__schema") == 0)
		write_object(&in, INTRO_SCHEMA, ctx->schema, field);
	else
	{
		const GqlValue *name = gql_argument_value(ctx,
												  &field->fields[0]->arguments,
												  def->args[0]);
		GqlSchemaType *type = NULL;

		if (name != NULL && name->hdr.kind == GQL_STRING_VALUE)
			type = gql_schema_type(ctx->schema, name->value);
		/* a spec scalar the schema does not use is unknown, as in graphql-js */
		order_types(&in);
		if (type != NULL && seen_add(&in, type))
			type = NULL;
		write_type(&in, named_ref(&in, type), field);
	}
	return in.out.data;
}
