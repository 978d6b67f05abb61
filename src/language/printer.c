/*-------------------------------------------------------------------------
 *
 * printer.c
 *	  Print a GraphQL AST as canonical text, formatted the way graphql-js
 *	  16's print() formats it.
 *
 * The output is written into one arena buffer.  Every newline written goes
 * through emit(), which follows it by the indentation of the current block
 * nesting, so newlines inside block strings are indented exactly as
 * graphql-js indents them.
 *
 * graphql-js takes two layout decisions that depend on what a list looks like
 * once printed: field arguments move onto separate lines when the one-line
 * form is longer than MAX_LINE_LENGTH (counted in UTF-16 code units, newlines
 * included), and argument definitions and variable definitions do so when
 * one of them spans several lines.  For those, the list is first printed
 * flat into a scratch buffer and measured.  Values and argument definitions
 * contain no further such lists, so every node is printed at most twice and
 * the printer runs in linear time.
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"

#include <string.h>

/* graphql-js's wrapping limit for field arguments */
#define MAX_LINE_LENGTH 80
/* block strings longer than this are printed on lines of their own */
#define BLOCK_STRING_INLINE_MAX 70

typedef struct Printer
{
	GqlArena   *arena;
	GqlBuf	   *out;
	int			depth;			/* block nesting: 2 spaces each */
	GqlBuf	   *scratch;		/* for measuring lists; created on demand */
	bool		no_shorthand;	/* the next operation may not print as "{ ... }" */
} Printer;

/* How printBlockString lays out a block string value */
typedef struct BlockStringShape
{
	bool		leading_newline;
	bool		trailing_newline;
} BlockStringShape;

static void print_node(Printer *p, const GqlNode *node);

/*
 * Append the indentation of the current depth.
 */
static void
emit_indent(Printer *p)
{
	static const char spaces[] = "                                ";
	size_t		n = (size_t) p->depth * 2;

	while (n > 0)
	{
		size_t		chunk = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		gql_buf_append(p->out, spaces, chunk);
		n -= chunk;
	}
}

/*
 * Append text; every newline in it is followed by the indentation.
 */
static void
emit(Printer *p, const char *s, size_t len)
{
	const char *end = s + len;
	const char *nl;

	while (s < end)
	{
		nl = memchr(s, '\n', (size_t) (end - s));
		if (nl == NULL)
		{
			gql_buf_append(p->out, s, (size_t) (end - s));
			return;
		}
		gql_buf_append(p->out, s, (size_t) (nl - s) + 1);
		emit_indent(p);
		s = nl + 1;
	}
}

/*
 * Append a NUL-terminated string (see emit()).
 */
static void
emit_str(Printer *p, const char *s)
{
	emit(p, s, strlen(s));
}

/*
 * Length of UTF-8 text in UTF-16 code units, as JavaScript's .length
 * counts it: one unit per character, two for characters outside the BMP.
 */
static size_t
utf16_length(const char *s, size_t len)
{
	size_t		units = 0;
	size_t		i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if ((c & 0xC0) != 0x80)
			units++;
		if (c >= 0xF0)
			units++;
	}
	return units;
}

/*
 * Print a name; a missing name prints nothing.
 */
static void
print_name(Printer *p, const GqlName *name)
{
	if (name != NULL && name->value != NULL)
		emit(p, name->value, name->len);
}

/*
 * Print the nodes of a list separated by sep.
 */
static void
print_join(Printer *p, const GqlList *list, const char *sep)
{
	int			i;

	for (i = 0; i < list->count; i++)
	{
		if (i > 0)
			emit_str(p, sep);
		print_node(p, list->items[i]);
	}
}

/*
 * Print a non-empty list as " " followed by its items separated by sep;
 * print nothing for an empty list.
 */
static void
print_spaced_join(Printer *p, const GqlList *list, const char *sep)
{
	if (list->count == 0)
		return;
	emit_str(p, " ");
	print_join(p, list, sep);
}

/*
 * Print the items of a list one per line, indented, between open and close:
 * "{" items "}" for blocks, "(" items ")" for long argument lists.
 */
static void
print_indented(Printer *p, const GqlList *list, const char *open,
			   const char *close)
{
	int			i;

	emit_str(p, open);
	p->depth++;
	for (i = 0; i < list->count; i++)
	{
		emit_str(p, "\n");
		print_node(p, list->items[i]);
	}
	p->depth--;
	emit_str(p, "\n");
	emit_str(p, close);
}

/*
 * Print " { items }" for a non-empty list, nothing for an empty one.
 */
static void
print_block(Printer *p, const GqlList *list)
{
	if (list->count == 0)
		return;
	emit_str(p, " ");
	print_indented(p, list, "{", "}");
}

/*
 * Print a list flat (items separated by sep, no indentation) into the
 * scratch buffer and return that buffer.
 */
static GqlBuf *
print_flat(Printer *p, const GqlList *list, const char *sep)
{
	Printer		sub;

	if (p->scratch == NULL)
	{
		p->scratch = gql_arena_alloc(p->arena, sizeof(GqlBuf));
		gql_buf_init(p->scratch, p->arena);
	}
	p->scratch->len = 0;
	if (p->scratch->data != NULL)
		p->scratch->data[0] = '\0';

	sub.arena = p->arena;
	sub.out = p->scratch;
	sub.depth = 0;
	sub.scratch = NULL;
	sub.no_shorthand = false;
	print_join(&sub, list, sep);
	return p->scratch;
}

/*
 * True if a flat rendering spans several lines.
 */
static bool
has_newline(const GqlBuf *flat)
{
	return flat->len > 0 && memchr(flat->data, '\n', flat->len) != NULL;
}

/*
 * Print a parenthesized list on one line from its flat form.
 */
static void
print_flat_parens(Printer *p, const GqlBuf *flat)
{
	emit_str(p, "(");
	emit(p, flat->data, flat->len);
	emit_str(p, ")");
}

/*
 * Field arguments: on one line unless the line "prefix(args)" would be
 * longer than MAX_LINE_LENGTH, then one argument per line.
 */
static void
print_field_arguments(Printer *p, size_t prefix_length, const GqlList *args)
{
	GqlBuf	   *flat;

	if (args->count == 0)
		return;
	flat = print_flat(p, args, ", ");
	if (prefix_length + utf16_length(flat->data, flat->len) + 2 > MAX_LINE_LENGTH)
		print_indented(p, args, "(", ")");
	else
		print_flat_parens(p, flat);
}

/*
 * Argument definitions: on one line unless one of them spans several lines
 * (a description, a block string), then one per line, indented.
 */
static void
print_argument_definitions(Printer *p, const GqlList *args)
{
	GqlBuf	   *flat;

	if (args->count == 0)
		return;
	flat = print_flat(p, args, ", ");
	if (has_newline(flat))
		print_indented(p, args, "(", ")");
	else
		print_flat_parens(p, flat);
}

/*
 * Variable definitions: like argument definitions, except that graphql-js
 * does not indent them when it puts them on separate lines.
 */
static void
print_variable_definitions(Printer *p, const GqlList *vars)
{
	GqlBuf	   *flat;

	if (vars->count == 0)
		return;
	flat = print_flat(p, vars, ", ");
	if (has_newline(flat))
	{
		emit_str(p, "(\n");
		print_join(p, vars, "\n");
		emit_str(p, "\n)");
	}
	else
		print_flat_parens(p, flat);
}

/*
 * A description followed by a newline, if there is one.
 */
static void
print_description(Printer *p, const GqlValue *description)
{
	if (description == NULL)
		return;
	print_node(p, &description->hdr);
	emit_str(p, "\n");
}

/*
 * Write the escape sequence of one character of a quoted string.
 */
static void
print_string_escape(Printer *p, unsigned int c)
{
	static const char hex[] = "0123456789ABCDEF";
	char		esc[7];

	switch (c)
	{
		case '"':
			emit_str(p, "\\\"");
			return;
		case '\\':
			emit_str(p, "\\\\");
			return;
		case '\b':
			emit_str(p, "\\b");
			return;
		case '\t':
			emit_str(p, "\\t");
			return;
		case '\n':
			emit_str(p, "\\n");
			return;
		case '\f':
			emit_str(p, "\\f");
			return;
		case '\r':
			emit_str(p, "\\r");
			return;
	}
	memcpy(esc, "\\u00", 4);
	esc[4] = hex[(c >> 4) & 0xF];
	esc[5] = hex[c & 0xF];
	esc[6] = '\0';
	emit(p, esc, 6);
}

/*
 * How many bytes at s (len > 0 remaining) form a character that a quoted
 * string must escape (C0 controls, '"', '\\', U+007F..U+009F); 0 if none.
 */
static size_t
escaped_char_length(const unsigned char *s, size_t len, unsigned int *c)
{
	if (s[0] < 0x20 || s[0] == '"' || s[0] == '\\' || s[0] == 0x7F)
	{
		*c = s[0];
		return 1;
	}
	if (s[0] == 0xC2 && len > 1 && s[1] >= 0x80 && s[1] <= 0x9F)
	{
		*c = s[1];
		return 2;
	}
	return 0;
}

/*
 * A string value as a quoted string, escaped as graphql-js's printString.
 */
static void
print_quoted_string(Printer *p, const char *value, size_t len)
{
	const unsigned char *s = (const unsigned char *) value;
	size_t		run = 0;
	size_t		i = 0;
	size_t		n;
	unsigned int c;

	emit_str(p, "\"");
	while (i < len)
	{
		n = escaped_char_length(s + i, len - i, &c);
		if (n == 0)
		{
			i++;
			continue;
		}
		emit(p, value + run, i - run);
		print_string_escape(p, c);
		i += n;
		run = i;
	}
	emit(p, value + run, len - run);
	emit_str(p, "\"");
}

/*
 * True if every line of a multi-line value after the first is empty or
 * starts with a space or a tab.  Lines end at "\r\n", "\n" or "\r".
 */
static bool
later_lines_indented(const char *s, size_t len)
{
	size_t		i;
	char		next;

	for (i = 0; i < len; i++)
	{
		if (s[i] != '\n' && s[i] != '\r')
			continue;
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		if (i + 1 >= len)
			continue;
		next = s[i + 1];
		if (next != ' ' && next != '\t' && next != '\n' && next != '\r')
			return false;
	}
	return true;
}

/*
 * Decide where printBlockString puts newlines around a block string value.
 */
static BlockStringShape
block_string_shape(const char *s, size_t len)
{
	BlockStringShape shape;
	size_t		quotes = 0;
	bool		single_line;
	bool		force_leading;
	bool		trailing_triple;
	bool		force_trailing;
	bool		multiple_lines;
	bool		skip_leading;

	single_line = memchr(s, '\n', len) == NULL && memchr(s, '\r', len) == NULL;
	force_leading = !single_line && later_lines_indented(s, len);
	while (quotes < len && s[len - 1 - quotes] == '"')
		quotes++;
	/* the escaped value ends in \""" only if the run splits into triples */
	trailing_triple = quotes >= 3 && quotes % 3 == 0;
	force_trailing = (quotes > 0 && !trailing_triple) ||
		(len > 0 && s[len - 1] == '\\');
	multiple_lines = !single_line || force_trailing || force_leading ||
		trailing_triple || utf16_length(s, len) > BLOCK_STRING_INLINE_MAX;
	skip_leading = single_line && len > 0 && (s[0] == ' ' || s[0] == '\t');

	shape.leading_newline = (multiple_lines && !skip_leading) || force_leading;
	shape.trailing_newline = multiple_lines || force_trailing;
	return shape;
}

/*
 * Write a block string value with every """ escaped as \""".
 */
static void
print_block_string_body(Printer *p, const char *s, size_t len)
{
	const char *end = s + len;
	const char *q;
	size_t		run;

	while (s < end)
	{
		q = memchr(s, '"', (size_t) (end - s));
		if (q == NULL)
			q = end;
		emit(p, s, (size_t) (q - s));
		for (run = 0; q + run < end && q[run] == '"'; run++)
			;
		s = q + run;
		for (; run >= 3; run -= 3)
			emit_str(p, "\\\"\"\"");
		emit(p, "\"\"", run);
	}
}

/*
 * A string value as a block string, laid out as graphql-js's
 * printBlockString.
 */
static void
print_block_string(Printer *p, const char *s, size_t len)
{
	BlockStringShape shape = block_string_shape(s, len);

	emit_str(p, "\"\"\"");
	if (shape.leading_newline)
		emit_str(p, "\n");
	print_block_string_body(p, s, len);
	if (shape.trailing_newline)
		emit_str(p, "\n");
	emit_str(p, "\"\"\"");
}

/*
 * Any value node.
 */
static void
print_value(Printer *p, const GqlValue *v)
{
	switch (v->hdr.kind)
	{
		case GQL_VARIABLE:
			emit_str(p, "$");
			print_name(p, v->name);
			break;
		case GQL_STRING_VALUE:
			if (v->value == NULL)
				emit_str(p, v->block ? "\"\"\"\"\"\"" : "\"\"");
			else if (v->block)
				print_block_string(p, v->value, v->len);
			else
				print_quoted_string(p, v->value, v->len);
			break;
		case GQL_BOOLEAN_VALUE:
			emit_str(p, v->boolean ? "true" : "false");
			break;
		case GQL_NULL_VALUE:
			emit_str(p, "null");
			break;
		case GQL_LIST_VALUE:
			emit_str(p, "[");
			print_join(p, &v->items, ", ");
			emit_str(p, "]");
			break;
		case GQL_OBJECT_VALUE:
			emit_str(p, "{");
			print_join(p, &v->items, ", ");
			emit_str(p, "}");
			break;
		default:				/* INT, FLOAT, ENUM: the text itself */
			if (v->value != NULL)
				emit(p, v->value, v->len);
			break;
	}
}

/*
 * Argument and ObjectField: "name: value".
 */
static void
print_argument(Printer *p, const GqlArgument *arg)
{
	print_name(p, arg->name);
	emit_str(p, ": ");
	print_node(p, (const GqlNode *) arg->value);
}

/*
 * "@name(args)"
 */
static void
print_directive(Printer *p, const GqlDirective *dir)
{
	emit_str(p, "@");
	print_name(p, dir->name);
	if (dir->arguments.count > 0)
	{
		emit_str(p, "(");
		print_join(p, &dir->arguments, ", ");
		emit_str(p, ")");
	}
}

/*
 * NamedType, ListType and NonNullType.
 */
static void
print_type(Printer *p, const GqlType *type)
{
	if (type->hdr.kind == GQL_NAMED_TYPE)
		print_name(p, type->name);
	else if (type->hdr.kind == GQL_LIST_TYPE)
	{
		emit_str(p, "[");
		print_node(p, (const GqlNode *) type->type);
		emit_str(p, "]");
	}
	else
	{
		print_node(p, (const GqlNode *) type->type);
		emit_str(p, "!");
	}
}

/*
 * " { selections }" after a field, fragment or operation; nothing for a
 * missing or empty selection set.
 */
static void
print_selection_block(Printer *p, const GqlSelectionSet *set)
{
	if (set != NULL)
		print_block(p, &set->selections);
}

/*
 * A selection set on its own: "{ selections }" (empty: nothing).
 */
static void
print_selection_set(Printer *p, const GqlSelectionSet *set)
{
	if (set->selections.count > 0)
		print_indented(p, &set->selections, "{", "}");
}

/*
 * "alias: name(args) @directives { selections }"
 */
static void
print_field(Printer *p, const GqlField *field)
{
	size_t		prefix_length = 0;

	if (field->alias != NULL)
	{
		print_name(p, field->alias);
		emit_str(p, ": ");
		prefix_length = utf16_length(field->alias->value, field->alias->len) + 2;
	}
	print_name(p, field->name);
	if (field->name != NULL)
		prefix_length += utf16_length(field->name->value, field->name->len);
	print_field_arguments(p, prefix_length, &field->arguments);
	print_spaced_join(p, &field->directives, " ");
	print_selection_block(p, field->selection_set);
}

/*
 * "...Name @directives"
 */
static void
print_fragment_spread(Printer *p, const GqlFragmentSpread *spread)
{
	emit_str(p, "...");
	print_name(p, spread->name);
	print_spaced_join(p, &spread->directives, " ");
}

/*
 * "... on Type @directives { selections }"
 */
static void
print_inline_fragment(Printer *p, const GqlFragment *frag)
{
	emit_str(p, "...");
	if (frag->type_condition != NULL)
	{
		emit_str(p, " on ");
		print_node(p, (const GqlNode *) frag->type_condition);
	}
	print_spaced_join(p, &frag->directives, " ");
	print_selection_block(p, frag->selection_set);
}

/*
 * "fragment Name on Type @directives { selections }", after its
 * description
 */
static void
print_fragment_definition(Printer *p, const GqlFragment *frag)
{
	print_description(p, frag->description);
	emit_str(p, "fragment ");
	print_name(p, frag->name);
	emit_str(p, " on ");
	print_node(p, (const GqlNode *) frag->type_condition);
	emit_str(p, " ");
	if (frag->directives.count > 0)
	{
		print_join(p, &frag->directives, " ");
		emit_str(p, " ");
	}
	if (frag->selection_set != NULL)
		print_selection_set(p, frag->selection_set);
}

/*
 * The definitions of a document, separated by blank lines.
 *
 * graphql-js prints an anonymous query in shorthand even right after a
 * type-system definition, where "type T" followed by "{ a }" reads back as
 * "type T { a }".  We print "query { a }" there instead, so that printing
 * is always a fixed point of parsing; that is our one departure from
 * graphql-js's print().
 */
static void
print_document(Printer *p, const GqlDocument *doc)
{
	int			i;

	for (i = 0; i < doc->definitions.count; i++)
	{
		if (i > 0)
			emit_str(p, "\n\n");
		p->no_shorthand = i > 0 &&
			doc->definitions.items[i - 1]->kind >= GQL_SCHEMA_DEFINITION;
		print_node(p, doc->definitions.items[i]);
	}
	p->no_shorthand = false;
}

/*
 * An operation; an anonymous query without description, variables and
 * directives is printed in the short form (its selection set alone),
 * unless the document forbids it here (see print_document).
 */
static void
print_operation_definition(Printer *p, const GqlOperationDefinition *op)
{
	if (p->no_shorthand || op->operation != GQL_OP_QUERY || op->name != NULL ||
		op->variable_definitions.count > 0 || op->directives.count > 0 ||
		op->description != NULL)
	{
		print_description(p, op->description);
		emit_str(p, gql_operation_name(op->operation));
		if (op->name != NULL || op->variable_definitions.count > 0)
			emit_str(p, " ");
		print_name(p, op->name);
		print_variable_definitions(p, &op->variable_definitions);
		print_spaced_join(p, &op->directives, " ");
		emit_str(p, " ");
	}
	if (op->selection_set != NULL)
		print_selection_set(p, op->selection_set);
}

/*
 * "$var: Type = default @directives", after its description
 */
static void
print_variable_definition(Printer *p, const GqlVariableDefinition *def)
{
	print_description(p, def->description);
	print_node(p, (const GqlNode *) def->variable);
	emit_str(p, ": ");
	print_node(p, (const GqlNode *) def->type);
	if (def->default_value != NULL)
	{
		emit_str(p, " = ");
		print_node(p, (const GqlNode *) def->default_value);
	}
	print_spaced_join(p, &def->directives, " ");
}

/*
 * "schema @directives { operation types }" and its extension.
 */
static void
print_schema(Printer *p, const GqlSchemaDefinition *schema)
{
	if (schema->hdr.kind == GQL_SCHEMA_EXTENSION)
		emit_str(p, "extend schema");
	else
	{
		print_description(p, schema->description);
		emit_str(p, "schema");
	}
	print_spaced_join(p, &schema->directives, " ");
	print_block(p, &schema->operation_types);
}

/*
 * "query: Type"
 */
static void
print_operation_type(Printer *p, const GqlOperationTypeDefinition *def)
{
	emit_str(p, gql_operation_name(def->operation));
	emit_str(p, ": ");
	print_node(p, (const GqlNode *) def->type);
}

/*
 * The keyword that starts a type definition or extension.
 */
static const char *
type_definition_keyword(GqlKind kind)
{
	switch (kind)
	{
		case GQL_SCALAR_TYPE_DEFINITION:
			return "scalar";
		case GQL_OBJECT_TYPE_DEFINITION:
			return "type";
		case GQL_INTERFACE_TYPE_DEFINITION:
			return "interface";
		case GQL_UNION_TYPE_DEFINITION:
			return "union";
		case GQL_ENUM_TYPE_DEFINITION:
			return "enum";
		case GQL_INPUT_OBJECT_TYPE_DEFINITION:
			return "input";
		case GQL_SCALAR_TYPE_EXTENSION:
			return "extend scalar";
		case GQL_OBJECT_TYPE_EXTENSION:
			return "extend type";
		case GQL_INTERFACE_TYPE_EXTENSION:
			return "extend interface";
		case GQL_UNION_TYPE_EXTENSION:
			return "extend union";
		case GQL_ENUM_TYPE_EXTENSION:
			return "extend enum";
		default:
			return "extend input";
	}
}

/*
 * True for the type extension kinds (which carry no description).
 */
static bool
is_type_extension(GqlKind kind)
{
	return kind >= GQL_SCALAR_TYPE_EXTENSION &&
		kind <= GQL_INPUT_OBJECT_TYPE_EXTENSION;
}

/*
 * Every type definition and extension: description, keyword, name,
 * "implements A & B", directives, then the members: "= A | B" for unions,
 * a block for the others.
 */
static void
print_type_definition(Printer *p, const GqlTypeDefinition *def)
{
	GqlKind		kind = def->hdr.kind;

	if (!is_type_extension(kind))
		print_description(p, def->description);
	emit_str(p, type_definition_keyword(kind));
	emit_str(p, " ");
	print_name(p, def->name);
	if (def->interfaces.count > 0)
	{
		emit_str(p, " implements ");
		print_join(p, &def->interfaces, " & ");
	}
	print_spaced_join(p, &def->directives, " ");
	if (kind == GQL_UNION_TYPE_DEFINITION || kind == GQL_UNION_TYPE_EXTENSION)
	{
		if (def->members.count > 0)
		{
			emit_str(p, " = ");
			print_join(p, &def->members, " | ");
		}
	}
	else
		print_block(p, &def->members);
}

/*
 * FieldDefinition "name(args): Type @directives", InputValueDefinition
 * "name: Type = default @directives" and EnumValueDefinition
 * "NAME @directives", each after its description.
 */
static void
print_field_definition(Printer *p, const GqlFieldDefinition *def)
{
	print_description(p, def->description);
	print_name(p, def->name);
	if (def->hdr.kind != GQL_ENUM_VALUE_DEFINITION)
	{
		print_argument_definitions(p, &def->arguments);
		emit_str(p, ": ");
		print_node(p, (const GqlNode *) def->type);
	}
	if (def->default_value != NULL)
	{
		emit_str(p, " = ");
		print_node(p, (const GqlNode *) def->default_value);
	}
	print_spaced_join(p, &def->directives, " ");
}

/*
 * "directive @name(args) repeatable on A | B"
 */
static void
print_directive_definition(Printer *p, const GqlDirectiveDefinition *def)
{
	print_description(p, def->description);
	emit_str(p, "directive @");
	print_name(p, def->name);
	print_argument_definitions(p, &def->arguments);
	if (def->repeatable)
		emit_str(p, " repeatable");
	emit_str(p, " on ");
	print_join(p, &def->locations, " | ");
}

/*
 * Print the nodes that are not values, types or type-system definitions.
 */
static void
print_executable_node(Printer *p, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_NAME:
			print_name(p, (const GqlName *) node);
			break;
		case GQL_DOCUMENT:
			print_document(p, (const GqlDocument *) node);
			break;
		case GQL_OPERATION_DEFINITION:
			print_operation_definition(p, (const GqlOperationDefinition *) node);
			break;
		case GQL_VARIABLE_DEFINITION:
			print_variable_definition(p, (const GqlVariableDefinition *) node);
			break;
		case GQL_SELECTION_SET:
			print_selection_set(p, (const GqlSelectionSet *) node);
			break;
		case GQL_FIELD:
			print_field(p, (const GqlField *) node);
			break;
		case GQL_FRAGMENT_SPREAD:
			print_fragment_spread(p, (const GqlFragmentSpread *) node);
			break;
		case GQL_INLINE_FRAGMENT:
			print_inline_fragment(p, (const GqlFragment *) node);
			break;
		case GQL_FRAGMENT_DEFINITION:
			print_fragment_definition(p, (const GqlFragment *) node);
			break;
		default:
			break;
	}
}

/*
 * Print any node (nothing for NULL or an unknown kind).
 */
static void
print_node(Printer *p, const GqlNode *node)
{
	if (node == NULL)
		return;
	switch (node->kind)
	{
		case GQL_VARIABLE:
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
		case GQL_STRING_VALUE:
		case GQL_BOOLEAN_VALUE:
		case GQL_NULL_VALUE:
		case GQL_ENUM_VALUE:
		case GQL_LIST_VALUE:
		case GQL_OBJECT_VALUE:
			print_value(p, (const GqlValue *) node);
			break;
		case GQL_ARGUMENT:
		case GQL_OBJECT_FIELD:
			print_argument(p, (const GqlArgument *) node);
			break;
		case GQL_DIRECTIVE:
			print_directive(p, (const GqlDirective *) node);
			break;
		case GQL_NAMED_TYPE:
		case GQL_LIST_TYPE:
		case GQL_NON_NULL_TYPE:
			print_type(p, (const GqlType *) node);
			break;
		case GQL_SCHEMA_DEFINITION:
		case GQL_SCHEMA_EXTENSION:
			print_schema(p, (const GqlSchemaDefinition *) node);
			break;
		case GQL_OPERATION_TYPE_DEFINITION:
			print_operation_type(p, (const GqlOperationTypeDefinition *) node);
			break;
		case GQL_SCALAR_TYPE_DEFINITION:
		case GQL_OBJECT_TYPE_DEFINITION:
		case GQL_INTERFACE_TYPE_DEFINITION:
		case GQL_UNION_TYPE_DEFINITION:
		case GQL_ENUM_TYPE_DEFINITION:
		case GQL_INPUT_OBJECT_TYPE_DEFINITION:
		case GQL_SCALAR_TYPE_EXTENSION:
		case GQL_OBJECT_TYPE_EXTENSION:
		case GQL_INTERFACE_TYPE_EXTENSION:
		case GQL_UNION_TYPE_EXTENSION:
		case GQL_ENUM_TYPE_EXTENSION:
		case GQL_INPUT_OBJECT_TYPE_EXTENSION:
			print_type_definition(p, (const GqlTypeDefinition *) node);
			break;
		case GQL_FIELD_DEFINITION:
		case GQL_INPUT_VALUE_DEFINITION:
		case GQL_ENUM_VALUE_DEFINITION:
			print_field_definition(p, (const GqlFieldDefinition *) node);
			break;
		case GQL_DIRECTIVE_DEFINITION:
			print_directive_definition(p, (const GqlDirectiveDefinition *) node);
			break;
		default:
			print_executable_node(p, node);
			break;
	}
}

/*
 * Print any node as canonical GraphQL.  The result is NUL-terminated and
 * lives in the arena; *len (if not NULL) receives its length.
 */
char *
gql_print(GqlArena *arena, const GqlNode *node, size_t *len)
{
	GqlBuf		out;
	Printer		p;

	gql_buf_init(&out, arena);
	p.arena = arena;
	p.out = &out;
	p.depth = 0;
	p.scratch = NULL;
	p.no_shorthand = false;
	print_node(&p, node);
	if (out.data == NULL)
		out.data = gql_arena_strndup(arena, "", 0);
	if (len != NULL)
		*len = out.len;
	return out.data;
}
