/*-------------------------------------------------------------------------
 *
 * values_of_correct_type.c
 *	  Values of Correct Type: literals fit their position's type; input
 *	  objects have their required fields and no unknown ones; @oneOf
 *	  input objects have exactly one non-null field.
 *
 * Built-in scalars check literals as graphql-js's parseLiteral does;
 * custom scalars accept any literal unless the options give a check.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

#include <string.h>

/*
 * 'Expected value of type "T", found V.'
 */
static void
report_expected(VCtx *ctx, const GqlNode *node, const char *extra)
{
	const char *type = v_type_str(ctx, ctx->ti.input_type);
	const char *value = v_print(ctx, node);

	if (extra != NULL && extra[0] != '\0')
		v_report(ctx, v_msg(ctx, "Expected value of type \"%s\", found %s; %s",
							type, value, extra), node);
	else
		v_report(ctx, v_msg(ctx, "Expected value of type \"%s\", found %s.",
							type, value), node);
}

/*
 * Is an integer literal within 32 bits?
 */
static bool
int_in_range(const char *s)
{
	bool		neg = (*s == '-');
	unsigned long long v = 0;

	if (neg)
		s++;
	for (; *s >= '0' && *s <= '9'; s++)
	{
		v = v * 10 + (unsigned long long) (*s - '0');
		if (v > 2147483648ULL)
			return false;
	}
	return neg ? v <= 2147483648ULL : v <= 2147483647ULL;
}

/* Length of the digits at s[0..len) */
static size_t
digits(const char *s, size_t len)
{
	size_t		n = 0;

	while (n < len && s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

GqlKind
gql_string_scalar_kind(const char *type, const char *s, size_t len)
{
	size_t		i = 0,
				n;
	bool		is_float = false;
	char		buf[16];

	if (strcmp(type, "Boolean") == 0)
	{
		if ((len == 4 && memcmp(s, "true", 4) == 0) ||
			(len == 5 && memcmp(s, "false", 5) == 0))
			return GQL_BOOLEAN_VALUE;
		return GQL_NULL_VALUE;
	}
	if (strcmp(type, "Int") != 0 && strcmp(type, "Float") != 0)
		return GQL_NULL_VALUE;
	/* the lexical IntValue / FloatValue: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
	if (i < len && s[i] == '-')
		i++;
	n = digits(s + i, len - i);
	if (n == 0 || (n > 1 && s[i] == '0'))
		return GQL_NULL_VALUE;
	i += n;
	if (i < len && s[i] == '.')
	{
		n = digits(s + i + 1, len - i - 1);
		if (n == 0)
			return GQL_NULL_VALUE;
		i += n + 1;
		is_float = true;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		n = digits(s + i, len - i);
		if (n == 0)
			return GQL_NULL_VALUE;
		i += n;
		is_float = true;
	}
	if (i != len)
		return GQL_NULL_VALUE;
	if (strcmp(type, "Float") == 0)
		return is_float ? GQL_FLOAT_VALUE : GQL_INT_VALUE;
	if (is_float || len >= sizeof(buf))
		return GQL_NULL_VALUE;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return int_in_range(buf) ? GQL_INT_VALUE : GQL_NULL_VALUE;
}

/*
 * A built-in scalar's parseLiteral error, or NULL when the literal fits.
 * With string_scalars, a String literal holding a literal of the type, for
 * an input value that accepts_strings, is first made that literal.
 */
static const char *
builtin_scalar_error(VCtx *ctx, const char *name, const GqlValue *v)
{
	GqlKind		k = v->hdr.kind;

	if (k == GQL_STRING_VALUE && v_string_scalars(ctx) &&
		ctx->ti.input_value != NULL && ctx->ti.input_value->accepts_strings)
	{
		GqlKind		as = gql_string_scalar_kind(name, v->value, v->len);
		GqlValue   *w = (GqlValue *) v;

		if (as != GQL_NULL_VALUE)
		{
			w->hdr.kind = k = as;
			w->boolean = as == GQL_BOOLEAN_VALUE && v->len == 4;
		}
	}
	if (strcmp(name, "Int") == 0)
	{
		if (k != GQL_INT_VALUE)
			return v_msg(ctx, "Int cannot represent non-integer value: %s", v_print(ctx, &v->hdr));
		if (!int_in_range(v->value))
			return v_msg(ctx, GQL_INT_RANGE_MESSAGE ": %s", v->value);
	}
	else if (strcmp(name, "Float") == 0)
	{
		if (k != GQL_INT_VALUE && k != GQL_FLOAT_VALUE)
			return v_msg(ctx, "Float cannot represent non numeric value: %s", v_print(ctx, &v->hdr));
	}
	else if (strcmp(name, "String") == 0)
	{
		if (k != GQL_STRING_VALUE)
			return v_msg(ctx, "String cannot represent a non string value: %s", v_print(ctx, &v->hdr));
	}
	else if (strcmp(name, "Boolean") == 0)
	{
		if (k != GQL_BOOLEAN_VALUE)
			return v_msg(ctx, "Boolean cannot represent a non boolean value: %s", v_print(ctx, &v->hdr));
	}
	else if (strcmp(name, "ID") == 0)
	{
		if (k != GQL_STRING_VALUE && k != GQL_INT_VALUE)
			return v_msg(ctx, "ID cannot represent a non-string and non-integer value: %s", v_print(ctx, &v->hdr));
	}
	return NULL;
}

/*
 * Is the scalar one of the spec's five?
 */
static bool
is_spec_scalar(const GqlSchemaType *t)
{
	static const char *const names[] = {"Int", "Float", "String", "Boolean", "ID"};
	int			i;

	if (!t->builtin)
		return false;
	for (i = 0; i < 5; i++)
	{
		if (strcmp(t->name, names[i]) == 0)
			return true;
	}
	return false;
}

/*
 * An enum's parseLiteral error, or NULL.
 */
static const char *
enum_error(VCtx *ctx, const GqlSchemaType *t, const GqlValue *v)
{
	const char *str = v_print(ctx, &v->hdr);
	const char **names;
	const char **sugg;
	int			n,
				i;
	GqlBuf		buf;

	if (v->hdr.kind == GQL_ENUM_VALUE && gql_type_enum_value(t, v->value) != NULL)
		return NULL;
	gql_buf_init(&buf, ctx->arena);
	if (v->hdr.kind != GQL_ENUM_VALUE)
		gql_buf_printf(&buf, "Enum \"%s\" cannot represent non-enum value: %s.", t->name, str);
	else
		gql_buf_printf(&buf, "Value \"%s\" does not exist in \"%s\" enum.", str, t->name);
	names = gql_arena_alloc(ctx->arena, sizeof(char *) * (t->nenum_values + 1));
	for (i = 0; i < t->nenum_values; i++)
		names[i] = t->enum_values[i]->name;
	sugg = v_suggestion_list(ctx, str, names, t->nenum_values, &n);
	v_did_you_mean(&buf, "the enum value", sugg, n);
	return buf.data;
}

/*
 * graphql-js's isValidValueNode: the literal against the position's type.
 */
static void
check_literal(VCtx *ctx, const GqlValue *v)
{
	GqlSchemaType *t;
	const char *err;
	GqlScalarLiteralCheck check;
	void	   *arg;

	if (ctx->ti.input_type == NULL)
		return;
	t = v_named_type(ctx->ti.input_type);
	if (t->kind == GQL_TYPE_ENUM)
		err = enum_error(ctx, t, v);
	else if (t->kind != GQL_TYPE_SCALAR)
	{
		report_expected(ctx, &v->hdr, NULL);
		return;
	}
	else if (is_spec_scalar(t))
		err = builtin_scalar_error(ctx, t->name, v);
	else
	{
		check = v_scalar_check(ctx, &arg);
		err = check != NULL ? check(arg, ctx->arena, t, v) : NULL;
		if (err != NULL)
			report_expected(ctx, &v->hdr, err);
		return;
	}
	if (err != NULL)
		v_report(ctx, err, &v->hdr);
}

/*
 * The @oneOf checks of an object value: exactly one field, not null.
 */
static void
check_one_of(VCtx *ctx, const GqlSchemaType *t, const GqlValue *obj)
{
	VMap	   *fields = vmap_create(ctx->arena);
	const GqlArgument *last = NULL;
	int			i;

	for (i = 0; i < obj->items.count; i++)
	{
		const GqlArgument *f = (const GqlArgument *) obj->items.items[i];

		if (vmap_get(fields, f->name->value) == NULL && last == NULL)
			last = f;
		vmap_set(fields, f->name->value, (void *) f);
	}
	if (vmap_count(fields) != 1)
	{
		v_report(ctx, v_msg(ctx, "OneOf Input Object \"%s\" must specify exactly one key.",
							t->name), &obj->hdr);
		return;
	}
	last = vmap_get(fields, last->name->value);
	if (last->value == NULL || last->value->hdr.kind == GQL_NULL_VALUE)
		v_report(ctx, v_msg(ctx, "Field \"%s.%s\" must be non-null.", t->name,
							last->name->value), &obj->hdr);
}

/*
 * An object value: required fields present, @oneOf rules.
 */
static bool
check_object(VCtx *ctx, const GqlValue *obj)
{
	GqlSchemaType *t = v_named_type(ctx->ti.input_type);
	int			i,
				j;

	if (t == NULL || t->kind != GQL_TYPE_INPUT_OBJECT)
	{
		check_literal(ctx, obj);
		return false;
	}
	for (i = 0; i < t->ninput_fields; i++)
	{
		const GqlInputValue *def = t->input_fields[i];
		bool		given = false;

		for (j = 0; j < obj->items.count && !given; j++)
			given = strcmp(((const GqlArgument *) obj->items.items[j])->name->value,
						   def->name) == 0;
		if (!given && v_is_required(def))
			v_report(ctx, v_msg(ctx, "Field \"%s.%s\" of required type \"%s\" was not provided.",
								t->name, def->name, v_type_str(ctx, def->type)),
					 &obj->hdr);
	}
	if (t->is_one_of)
		check_one_of(ctx, t, obj);
	return true;
}

/*
 * A field of an object value that its input object type does not define.
 */
static void
check_object_field(VCtx *ctx, const GqlArgument *field)
{
	GqlSchemaType *parent = v_named_type(ctx->ti.parent_input_type);
	const char **names;
	const char **sugg;
	int			n,
				i;
	GqlBuf		buf;

	if (ctx->ti.input_type != NULL || parent == NULL ||
		parent->kind != GQL_TYPE_INPUT_OBJECT)
		return;
	names = gql_arena_alloc(ctx->arena, sizeof(char *) * (parent->ninput_fields + 1));
	for (i = 0; i < parent->ninput_fields; i++)
		names[i] = parent->input_fields[i]->name;
	sugg = v_suggestion_list(ctx, field->name->value, names,
							 parent->ninput_fields, &n);
	gql_buf_init(&buf, ctx->arena);
	gql_buf_printf(&buf, "Field \"%s\" is not defined by type \"%s\".",
				   field->name->value, parent->name);
	v_did_you_mean(&buf, NULL, sugg, n);
	v_report(ctx, buf.data, &field->hdr);
}

/*
 * Dispatch on the value kind.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_LIST_VALUE:
			if (!v_is_list(v_nullable(ctx->ti.parent_input_type)))
			{
				check_literal(ctx, (const GqlValue *) node);
				return false;
			}
			return true;
		case GQL_OBJECT_VALUE:
			return check_object(ctx, (const GqlValue *) node);
		case GQL_OBJECT_FIELD:
			check_object_field(ctx, (const GqlArgument *) node);
			return true;
		case GQL_NULL_VALUE:
			if (v_is_non_null(ctx->ti.input_type))
				report_expected(ctx, node, NULL);
			return true;
		case GQL_ENUM_VALUE:
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
		case GQL_STRING_VALUE:
		case GQL_BOOLEAN_VALUE:
			check_literal(ctx, (const GqlValue *) node);
			return true;
		default:
			return true;
	}
}

const VRule gql_rule_values_of_correct_type = {
	"ValuesOfCorrectTypeRule", NULL, enter, NULL
};
