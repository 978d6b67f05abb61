/*-------------------------------------------------------------------------
 *
 * values.c
 *	  Default values as graphql-js's printSchema() prints them.
 *
 * graphql-js coerces a default literal to its type (valueFromAST) when it
 * builds the schema, and turns the coerced value back into a literal
 * (astFromValue) when it prints it.  The round trip normalizes: Float 1.0
 * becomes 1, an ID "12" becomes 12, a single value for a list becomes a
 * list, input objects list their fields in definition order with the
 * fields' own defaults filled in, and an invalid default is not printed at
 * all.  gql_schema_default_literal() does the same round trip on the AST.
 *
 *-------------------------------------------------------------------------
 */
#include "schema_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Deeper defaults (input objects defaulting to themselves) are invalid */
#define MAX_DEFAULT_DEPTH 32

/* The marker of an invalid value (graphql-js's undefined) */
static const GqlValue invalid_value;

#define INVALID ((GqlValue *) &invalid_value)

static GqlValue *canon(GqlArena *arena, const GqlValue *v,
					   const GqlTypeRef *ref, int depth);

/*
 * A new value node of a kind, with text.
 */
static GqlValue *
new_value(GqlArena *arena, GqlKind kind, const char *text)
{
	GqlValue   *v = gql_arena_alloc(arena, sizeof(GqlValue));

	v->hdr.kind = kind;
	if (text != NULL)
	{
		v->len = strlen(text);
		v->value = gql_arena_strndup(arena, text, v->len);
	}
	return v;
}

/*
 * Append a node to a value's item list.
 */
static void
add_item(GqlArena *arena, GqlValue *v, GqlNode *item)
{
	v->items.items = gql_schema_array_append(arena, v->items.items,
											 v->items.count,
											 sizeof(GqlNode *));
	v->items.items[v->items.count++] = item;
}

/*
 * Does the text match graphql-js's integer pattern -?(0|[1-9][0-9]*)?
 */
static bool
is_integer_text(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		return s[1] == '\0';
	if (*s < '1' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '\0';
}

/*
 * Format a double as JavaScript's String(number) does: the shortest
 * digits that read back to the same number, in decimal notation for
 * exponents in [-7, 21) and in exponent notation otherwise.
 */
static void
js_number(double d, char *out, size_t size)
{
	char		tmp[40],
				digits[24];
	int			p,
				k = 0,
				n;
	char	   *e;
	const char *sign = d < 0 ? "-" : "";

	if (d == 0)
	{
		snprintf(out, size, "0");
		return;
	}
	for (p = 1; p <= 17; p++)
	{
		snprintf(tmp, sizeof(tmp), "%.*e", p - 1, fabs(d));
		if (strtod(tmp, NULL) == fabs(d))
			break;
	}
	e = strchr(tmp, 'e');
	n = atoi(e + 1) + 1;
	for (p = 0; tmp + p < e; p++)
		if (tmp[p] != '.')
			digits[k++] = tmp[p];
	while (k > 1 && digits[k - 1] == '0')
		k--;
	digits[k] = '\0';
	if (k <= n && n <= 21)
		snprintf(out, size, "%s%s%.*s", sign, digits, n - k,
				 "000000000000000000000");
	else if (0 < n && n <= 21)
		snprintf(out, size, "%s%.*s.%s", sign, n, digits, digits + n);
	else if (-6 < n && n <= 0)
		snprintf(out, size, "%s0.%.*s%s", sign, -n, "000000", digits);
	else
		snprintf(out, size, "%s%c%s%s%se%c%d", sign, digits[0],
				 k > 1 ? "." : "", digits + 1, "", n - 1 >= 0 ? '+' : '-',
				 abs(n - 1));
}

/*
 * A number as an Int or Float literal, as astFromValue makes it.
 */
static GqlValue *
number_value(GqlArena *arena, double d)
{
	char		text[64];

	if (!isfinite(d))
		return INVALID;
	js_number(d, text, sizeof(text));
	return new_value(arena, is_integer_text(text) ? GQL_INT_VALUE :
					 GQL_FLOAT_VALUE, text);
}

/*
 * A literal for a built-in scalar; INVALID when it does not coerce.
 */
static GqlValue *
builtin_scalar(GqlArena *arena, const GqlValue *v, const char *name)
{
	GqlKind		k = v->hdr.kind;

	if (strcmp(name, "Int") == 0)
	{
		double		d = k == GQL_INT_VALUE ? strtod(v->value, NULL) : NAN;

		if (!(d >= -2147483648.0 && d <= 2147483647.0))
			return INVALID;
		return number_value(arena, d);
	}
	if (strcmp(name, "Float") == 0)
		return k == GQL_INT_VALUE || k == GQL_FLOAT_VALUE ?
			number_value(arena, strtod(v->value, NULL)) : INVALID;
	if (strcmp(name, "String") == 0)
		return k == GQL_STRING_VALUE ?
			new_value(arena, GQL_STRING_VALUE, v->value) : INVALID;
	if (strcmp(name, "Boolean") == 0)
		return k == GQL_BOOLEAN_VALUE ? (GqlValue *) v : INVALID;
	/* ID */
	if (k == GQL_INT_VALUE)
		return new_value(arena, GQL_INT_VALUE, v->value);
	if (k != GQL_STRING_VALUE)
		return INVALID;
	return new_value(arena, is_integer_text(v->value) ? GQL_INT_VALUE :
					 GQL_STRING_VALUE, v->value);
}

/*
 * A literal for a scalar: built-in ones coerce strictly; custom ones take
 * any literal as a JavaScript value (numbers reformatted, enum names as
 * strings; lists and objects, which graphql-js cannot print, as written).
 */
static GqlValue *
scalar_value(GqlArena *arena, const GqlValue *v, const GqlSchemaType *t)
{
	if (t->builtin)
		return builtin_scalar(arena, v, t->name);
	switch (v->hdr.kind)
	{
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
			return number_value(arena, strtod(v->value, NULL));
		case GQL_STRING_VALUE:
		case GQL_ENUM_VALUE:
			return new_value(arena, GQL_STRING_VALUE, v->value);
		default:
			return (GqlValue *) v;
	}
}

/*
 * The last field of an object literal with a name (graphql-js keeps the
 * last of duplicates), or NULL.
 */
static const GqlArgument *
object_field(const GqlValue *v, const char *name)
{
	int			i;

	for (i = v->items.count - 1; i >= 0; i--)
	{
		const GqlArgument *f = (const GqlArgument *) v->items.items[i];

		if (strcmp(f->name->value, name) == 0)
			return f;
	}
	return NULL;
}

/*
 * An input object literal: fields in definition order, missing ones
 * taking their defaults.
 */
static GqlValue *
input_object_value(GqlArena *arena, const GqlValue *v,
				   const GqlSchemaType *t, int depth)
{
	GqlValue   *out;
	int			i;

	if (v->hdr.kind != GQL_OBJECT_VALUE)
		return INVALID;
	out = new_value(arena, GQL_OBJECT_VALUE, NULL);
	for (i = 0; i < t->ninput_fields; i++)
	{
		const GqlInputValue *f = t->input_fields[i];
		const GqlArgument *given = object_field(v, f->name);
		const GqlValue *lit = given != NULL ? given->value : f->default_value;
		GqlValue   *fv = lit != NULL ? canon(arena, lit, f->type, depth + 1) : INVALID;
		GqlArgument *of;

		if (fv == INVALID && (given != NULL || f->type->kind == GQL_REF_NON_NULL))
			return INVALID;
		if (fv == INVALID)
			continue;
		of = gql_arena_alloc(arena, sizeof(GqlArgument));
		of->hdr.kind = GQL_OBJECT_FIELD;
		of->name = gql_arena_alloc(arena, sizeof(GqlName));
		of->name->hdr.kind = GQL_NAME;
		of->name->value = f->name;
		of->name->len = strlen(f->name);
		of->value = fv;
		add_item(arena, out, &of->hdr);
	}
	if (t->is_one_of && (out->items.count != 1 ||
						 ((GqlArgument *) out->items.items[0])->value->hdr.kind == GQL_NULL_VALUE))
		return INVALID;
	return out;
}

/*
 * A list literal; a single value becomes a list of one.
 */
static GqlValue *
list_value(GqlArena *arena, const GqlValue *v, const GqlTypeRef *item,
		   int depth)
{
	GqlValue   *out = new_value(arena, GQL_LIST_VALUE, NULL);
	GqlValue   *iv;
	int			i;

	if (v->hdr.kind != GQL_LIST_VALUE)
	{
		iv = canon(arena, v, item, depth + 1);
		if (iv == INVALID)
			return INVALID;
		add_item(arena, out, &iv->hdr);
		return out;
	}
	for (i = 0; i < v->items.count; i++)
	{
		iv = canon(arena, (const GqlValue *) v->items.items[i], item,
				   depth + 1);
		if (iv == INVALID)
			return INVALID;
		add_item(arena, out, &iv->hdr);
	}
	return out;
}

/*
 * The coerced-and-back literal of v for a type; INVALID when graphql-js
 * would find the value invalid.
 */
static GqlValue *
canon(GqlArena *arena, const GqlValue *v, const GqlTypeRef *ref, int depth)
{
	const GqlSchemaType *t;

	if (depth > MAX_DEFAULT_DEPTH || v->hdr.kind == GQL_VARIABLE)
		return INVALID;
	if (ref->kind == GQL_REF_NON_NULL)
		return v->hdr.kind == GQL_NULL_VALUE ? INVALID :
			canon(arena, v, ref->of_type, depth);
	if (v->hdr.kind == GQL_NULL_VALUE)
		return (GqlValue *) v;
	if (ref->kind == GQL_REF_LIST)
		return list_value(arena, v, ref->of_type, depth);
	t = ref->named;
	if (t == NULL)
		return (GqlValue *) v;
	switch (t->kind)
	{
		case GQL_TYPE_ENUM:
			return v->hdr.kind == GQL_ENUM_VALUE &&
				gql_type_enum_value(t, v->value) != NULL ?
				(GqlValue *) v : INVALID;
		case GQL_TYPE_INPUT_OBJECT:
			return input_object_value(arena, v, t, depth);
		case GQL_TYPE_SCALAR:
			return scalar_value(arena, v, t);
		default:
			return INVALID;
	}
}

/*
 * The literal to print for a default value of a type (NULL: print none).
 */
const GqlValue *
gql_schema_default_literal(GqlArena *arena, const GqlValue *value,
						   const GqlTypeRef *type)
{
	GqlValue   *v;

	if (value == NULL || type == NULL)
		return NULL;
	v = canon(arena, value, type, 0);
	return v == INVALID ? NULL : v;
}
