/*-------------------------------------------------------------------------
 *
 * print.c
 *	  gql_schema_print(): the schema as SDL, laid out as graphql-js 16's
 *	  printSchema() lays it out: the schema definition only when needed,
 *	  then the user directives, then the user types in definition order,
 *	  separated by blank lines, without a final newline.
 *
 * Default values are printed as graphql-js prints them: coerced to their
 * type and converted back to a literal (values.c), then printed with
 * gql_print().
 *
 *-------------------------------------------------------------------------
 */
#include "schema_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct SchemaPrinter
{
	GqlArena   *arena;
	const GqlSchema *schema;
	GqlBuf		buf;
	bool		first;			/* nothing printed yet (no separator) */
} SchemaPrinter;

/*
 * graphql-js's isPrintableAsBlockString: can the value be written as a
 * block string and read back unchanged.
 */
static bool
printable_as_block(const char *s)
{
	bool		empty_line = true;
	bool		has_indent = false;
	bool		common_indent = true;
	bool		seen_non_empty = false;

	if (*s == '\0')
		return true;
	for (; *s; s++)
	{
		unsigned char ch = (unsigned char) *s;

		if (ch == '\n')
		{
			if (empty_line && !seen_non_empty)
				return false;	/* a leading newline */
			seen_non_empty = true;
			empty_line = true;
			has_indent = false;
		}
		else if (ch == '\t' || ch == ' ')
			has_indent = has_indent || empty_line;
		else if (ch < 0x20)
			return false;		/* control characters, \r */
		else
		{
			common_indent = common_indent && has_indent;
			empty_line = false;
		}
	}
	if (empty_line)
		return false;			/* trailing empty lines */
	if (common_indent && seen_non_empty)
		return false;			/* internal indentation */
	return true;
}

/*
 * A string value as gql_print prints it (block or quoted).
 */
static const char *
string_literal(GqlArena *arena, const char *s, bool block)
{
	GqlValue	v;

	memset(&v, 0, sizeof(v));
	v.hdr.kind = GQL_STRING_VALUE;
	v.value = s;
	v.len = strlen(s);
	v.block = block;
	return gql_print(arena, &v.hdr, NULL);
}

/*
 * Append a quoted string value.
 */
static void
append_string(SchemaPrinter *p, const char *s, bool block)
{
	gql_buf_append_str(&p->buf, string_literal(p->arena, s, block));
}

/*
 * A description before an element: indentation before it (and a blank
 * line when it is not first in its block), newlines inside re-indented.
 */
static void
print_description(SchemaPrinter *p, const char *description,
				  const char *indent, bool first_in_block)
{
	const char *c;

	if (description == NULL)
		return;
	if (*indent != '\0' && !first_in_block)
		gql_buf_append_char(&p->buf, '\n');
	gql_buf_append_str(&p->buf, indent);
	for (c = string_literal(p->arena, description,
							printable_as_block(description)); *c; c++)
	{
		gql_buf_append_char(&p->buf, *c);
		if (*c == '\n')
			gql_buf_append_str(&p->buf, indent);
	}
	gql_buf_append_char(&p->buf, '\n');
}

/*
 * " @deprecated" or " @deprecated(reason: ...)".
 */
static void
print_deprecated(SchemaPrinter *p, const char *reason)
{
	if (reason == NULL)
		return;
	gql_buf_append_str(&p->buf, " @deprecated");
	if (strcmp(reason, GQL_DEFAULT_DEPRECATION_REASON) != 0)
	{
		gql_buf_append_str(&p->buf, "(reason: ");
		append_string(p, reason, false);
		gql_buf_append_char(&p->buf, ')');
	}
}

/*
 * "name: Type = default @deprecated".
 */
static void
print_input_value(SchemaPrinter *p, const GqlInputValue *v)
{
	const GqlValue *def;

	gql_buf_printf(&p->buf, "%s: %s", v->name,
				   gql_type_ref_string(p->arena, v->type));
	def = gql_schema_default_literal(p->arena, v->default_value, v->type);
	if (def != NULL)
	{
		gql_buf_append_str(&p->buf, " = ");
		gql_buf_append_str(&p->buf, gql_print(p->arena, &def->hdr, NULL));
	}
	print_deprecated(p, v->deprecation_reason);
}

/*
 * An argument list: on one line when no argument has a description.
 */
static void
print_args(SchemaPrinter *p, GqlInputValue *const *args, int nargs,
		   const char *indent)
{
	char		inner[64];
	bool		described = false;
	int			i;

	if (nargs == 0)
		return;
	for (i = 0; i < nargs; i++)
		if (args[i]->description != NULL && args[i]->description[0] != '\0')
			described = true;
	gql_buf_append_char(&p->buf, '(');
	snprintf(inner, sizeof(inner), "  %s", indent);
	for (i = 0; i < nargs; i++)
	{
		if (!described)
		{
			if (i > 0)
				gql_buf_append_str(&p->buf, ", ");
		}
		else
		{
			gql_buf_append_char(&p->buf, '\n');
			print_description(p, args[i]->description, inner, i == 0);
			gql_buf_append_str(&p->buf, inner);
		}
		print_input_value(p, args[i]);
	}
	if (described)
		gql_buf_printf(&p->buf, "\n%s", indent);
	gql_buf_append_char(&p->buf, ')');
}

/*
 * The fields of an object or interface type.
 */
static void
print_fields(SchemaPrinter *p, const GqlSchemaType *t)
{
	int			i;

	if (t->nfields == 0)
		return;
	gql_buf_append_str(&p->buf, " {");
	for (i = 0; i < t->nfields; i++)
	{
		const GqlFieldDef *f = t->fields[i];

		gql_buf_append_char(&p->buf, '\n');
		print_description(p, f->description, "  ", i == 0);
		gql_buf_printf(&p->buf, "  %s", f->name);
		print_args(p, f->args, f->nargs, "  ");
		gql_buf_printf(&p->buf, ": %s",
					   gql_type_ref_string(p->arena, f->type));
		print_deprecated(p, f->deprecation_reason);
	}
	gql_buf_append_str(&p->buf, "\n}");
}

/*
 * The interfaces of an object or interface type.
 */
static void
print_interfaces(SchemaPrinter *p, const GqlSchemaType *t)
{
	int			i;

	for (i = 0; i < t->ninterfaces; i++)
		gql_buf_printf(&p->buf, "%s%s", i == 0 ? " implements " : " & ",
					   t->interfaces[i]->name);
}

/*
 * The values of an enum type.
 */
static void
print_enum_values(SchemaPrinter *p, const GqlSchemaType *t)
{
	int			i;

	if (t->nenum_values == 0)
		return;
	gql_buf_append_str(&p->buf, " {");
	for (i = 0; i < t->nenum_values; i++)
	{
		gql_buf_append_char(&p->buf, '\n');
		print_description(p, t->enum_values[i]->description, "  ", i == 0);
		gql_buf_printf(&p->buf, "  %s", t->enum_values[i]->name);
		print_deprecated(p, t->enum_values[i]->deprecation_reason);
	}
	gql_buf_append_str(&p->buf, "\n}");
}

/*
 * The fields of an input object type.
 */
static void
print_input_fields(SchemaPrinter *p, const GqlSchemaType *t)
{
	int			i;

	if (t->ninput_fields == 0)
		return;
	gql_buf_append_str(&p->buf, " {");
	for (i = 0; i < t->ninput_fields; i++)
	{
		gql_buf_append_char(&p->buf, '\n');
		print_description(p, t->input_fields[i]->description, "  ", i == 0);
		gql_buf_append_str(&p->buf, "  ");
		print_input_value(p, t->input_fields[i]);
	}
	gql_buf_append_str(&p->buf, "\n}");
}

/*
 * One named type.
 */
static void
print_type(SchemaPrinter *p, const GqlSchemaType *t)
{
	static const char *const keywords[] = {
		"scalar", "type", "interface", "union", "enum", "input"
	};
	int			i;

	print_description(p, t->description, "", true);
	gql_buf_printf(&p->buf, "%s %s", keywords[t->kind], t->name);
	switch (t->kind)
	{
		case GQL_TYPE_SCALAR:
			if (t->specified_by_url != NULL)
			{
				gql_buf_append_str(&p->buf, " @specifiedBy(url: ");
				append_string(p, t->specified_by_url, false);
				gql_buf_append_char(&p->buf, ')');
			}
			break;
		case GQL_TYPE_OBJECT:
		case GQL_TYPE_INTERFACE:
			print_interfaces(p, t);
			print_fields(p, t);
			break;
		case GQL_TYPE_UNION:
			for (i = 0; i < t->npossible_types; i++)
				gql_buf_printf(&p->buf, "%s%s", i == 0 ? " = " : " | ",
							   t->possible_types[i]->name);
			break;
		case GQL_TYPE_ENUM:
			print_enum_values(p, t);
			break;
		case GQL_TYPE_INPUT_OBJECT:
			if (t->is_one_of)
				gql_buf_append_str(&p->buf, " @oneOf");
			print_input_fields(p, t);
			break;
	}
}

/*
 * One directive definition; locations in the order written when known.
 */
static void
print_directive(SchemaPrinter *p, const GqlDirectiveDef *d)
{
	const char *const *names;
	int			n;
	int			i;

	print_description(p, d->description, "", true);
	gql_buf_printf(&p->buf, "directive @%s", d->name);
	print_args(p, d->args, d->nargs, "");
	print_deprecated(p, d->deprecation_reason);
	if (d->repeatable)
		gql_buf_append_str(&p->buf, " repeatable");
	gql_buf_append_str(&p->buf, " on ");
	n = gql_directive_location_list(p->schema, d, &names);
	for (i = 0; i < n; i++)
		gql_buf_printf(&p->buf, "%s%s", i > 0 ? " | " : "", names[i]);
}

/*
 * Are the roots named Query / Mutation / Subscription (if present)?
 */
static bool
common_root_names(const GqlSchema *s)
{
	return (s->query_type == NULL || strcmp(s->query_type->name, "Query") == 0) &&
		(s->mutation_type == NULL ||
		 strcmp(s->mutation_type->name, "Mutation") == 0) &&
		(s->subscription_type == NULL ||
		 strcmp(s->subscription_type->name, "Subscription") == 0);
}

/*
 * The schema definition, when a description or the root names need it.
 */
static void
print_schema_definition(SchemaPrinter *p)
{
	const GqlSchema *s = p->schema;

	if (s->description == NULL && common_root_names(s))
		return;
	print_description(p, s->description, "", true);
	gql_buf_append_str(&p->buf, "schema {");
	if (s->query_type)
		gql_buf_printf(&p->buf, "\n  query: %s", s->query_type->name);
	if (s->mutation_type)
		gql_buf_printf(&p->buf, "\n  mutation: %s", s->mutation_type->name);
	if (s->subscription_type)
		gql_buf_printf(&p->buf, "\n  subscription: %s",
					   s->subscription_type->name);
	gql_buf_append_str(&p->buf, "\n}");
	p->first = false;
}

/*
 * A blank line between top-level definitions.
 */
static void
separate(SchemaPrinter *p)
{
	if (!p->first)
		gql_buf_append_str(&p->buf, "\n\n");
	p->first = false;
}

/*
 * The schema as SDL.
 */
char *
gql_schema_print(GqlArena *arena, const GqlSchema *schema, size_t *len)
{
	SchemaPrinter p;
	int			i;

	p.arena = arena;
	p.schema = schema;
	p.first = true;
	gql_buf_init(&p.buf, arena);
	print_schema_definition(&p);
	for (i = 0; i < schema->ndirectives; i++)
	{
		if (schema->directives[i]->builtin)
			continue;
		separate(&p);
		print_directive(&p, schema->directives[i]);
	}
	for (i = 0; i < schema->ntypes; i++)
	{
		if (schema->types[i]->builtin)
			continue;
		separate(&p);
		print_type(&p, schema->types[i]);
	}
	if (len != NULL)
		*len = p.buf.len;
	return p.buf.data;
}
