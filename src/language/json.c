/*-------------------------------------------------------------------------
 *
 * json.c
 *	  Write a GraphQL AST as JSON, in the shape graphql-js 16 gives it:
 *	  JSON.stringify(parse(doc, {noLocation: true})).
 *
 * Keys come in graphql-js's order; keys graphql-js leaves undefined (a
 * missing alias, description, default value, ...) are omitted, lists are
 * always present (empty as []).  With GQL_JSON_LOCATIONS every node also
 * gets "loc": {"line": L, "column": C}.
 *
 * Strings are written as UTF-8.  Bytes that are not valid UTF-8 are written
 * as U+FFFD so that the result is always valid JSON; with GQL_JSON_NO_NUL
 * so is U+0000, which PostgreSQL's jsonb cannot store.
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"

#include <string.h>

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

typedef struct JsonWriter
{
	GqlBuf	   *buf;
	int			flags;
} JsonWriter;

static void json_node(JsonWriter *w, const GqlNode *node);

/*
 * Append a NUL-terminated string as is.
 */
static void
put(JsonWriter *w, const char *s)
{
	gql_buf_append_str(w->buf, s);
}

/*
 * Length of the valid UTF-8 sequence starting at s (len > 0 bytes left),
 * or 0 if the bytes there are not valid UTF-8 (overlong forms, surrogates
 * and code points above U+10FFFF included).
 */
static size_t
utf8_sequence_length(const unsigned char *s, size_t len)
{
	size_t		n;
	size_t		i;
	unsigned char lo = 0x80;
	unsigned char hi = 0xBF;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (s[0] == 0xE0)
		lo = 0xA0;
	else if (s[0] == 0xED)
		hi = 0x9F;
	else if (s[0] == 0xF0)
		lo = 0x90;
	else if (s[0] == 0xF4)
		hi = 0x8F;
	if (len < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

/*
 * Write the JSON escape of an ASCII control character, '"' or '\\' (as
 * JSON.stringify writes them).
 */
static void
json_escape_char(JsonWriter *w, unsigned char c)
{
	switch (c)
	{
		case '"':
			put(w, "\\\"");
			break;
		case '\\':
			put(w, "\\\\");
			break;
		case '\b':
			put(w, "\\b");
			break;
		case '\f':
			put(w, "\\f");
			break;
		case '\n':
			put(w, "\\n");
			break;
		case '\r':
			put(w, "\\r");
			break;
		case '\t':
			put(w, "\\t");
			break;
		case 0:
			put(w, (w->flags & GQL_JSON_NO_NUL) ?
				REPLACEMENT_CHARACTER : "\\u0000");
			break;
		default:
			gql_buf_printf(w->buf, "\\u%04x", (unsigned int) c);
			break;
	}
}

/*
 * Write a string value as a JSON string.
 */
static void
json_string(JsonWriter *w, const char *value, size_t len)
{
	const unsigned char *s = (const unsigned char *) value;
	size_t		run = 0;
	size_t		i = 0;
	size_t		n;

	if (value == NULL)
		value = "";
	s = (const unsigned char *) value;
	gql_buf_append_char(w->buf, '"');
	while (i < len)
	{
		if (s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
		{
			n = utf8_sequence_length(s + i, len - i);
			if (n > 0)
			{
				i += n;
				continue;
			}
		}
		gql_buf_append(w->buf, value + run, i - run);
		if (s[i] < 0x80)
			json_escape_char(w, s[i]);
		else
			put(w, REPLACEMENT_CHARACTER);
		run = ++i;
	}
	gql_buf_append(w->buf, value + run, len - run);
	gql_buf_append_char(w->buf, '"');
}

/*
 * Write ,"key": (every key but "kind" follows another one).
 */
static void
json_key(JsonWriter *w, const char *key)
{
	gql_buf_append_str(w->buf, ",\"");
	gql_buf_append_str(w->buf, key);
	gql_buf_append_str(w->buf, "\":");
}

/*
 * ,"key":"text" for a NUL-terminated ASCII text.
 */
static void
json_text_field(JsonWriter *w, const char *key, const char *text)
{
	json_key(w, key);
	json_string(w, text, strlen(text));
}

/*
 * ,"key":node (null if the node is missing).
 */
static void
json_node_field(JsonWriter *w, const char *key, const void *node)
{
	json_key(w, key);
	json_node(w, (const GqlNode *) node);
}

/*
 * ,"key":node, omitted when the node is missing (undefined in graphql-js).
 */
static void
json_optional_field(JsonWriter *w, const char *key, const void *node)
{
	if (node != NULL)
		json_node_field(w, key, node);
}

/*
 * ,"key":[nodes]
 */
static void
json_list_field(JsonWriter *w, const char *key, const GqlList *list)
{
	int			i;

	json_key(w, key);
	gql_buf_append_char(w->buf, '[');
	for (i = 0; i < list->count; i++)
	{
		if (i > 0)
			gql_buf_append_char(w->buf, ',');
		json_node(w, list->items[i]);
	}
	gql_buf_append_char(w->buf, ']');
}

/*
 * The fields of a value node.
 */
static void
json_value(JsonWriter *w, const GqlValue *v)
{
	switch (v->hdr.kind)
	{
		case GQL_VARIABLE:
			json_node_field(w, "name", v->name);
			break;
		case GQL_STRING_VALUE:
			json_key(w, "value");
			json_string(w, v->value, v->len);
			json_key(w, "block");
			put(w, v->block ? "true" : "false");
			break;
		case GQL_BOOLEAN_VALUE:
			json_key(w, "value");
			put(w, v->boolean ? "true" : "false");
			break;
		case GQL_NULL_VALUE:
			break;
		case GQL_LIST_VALUE:
			json_list_field(w, "values", &v->items);
			break;
		case GQL_OBJECT_VALUE:
			json_list_field(w, "fields", &v->items);
			break;
		default:				/* INT, FLOAT, ENUM */
			json_key(w, "value");
			json_string(w, v->value, v->len);
			break;
	}
}

/*
 * OperationDefinition: operation, description?, name?, variableDefinitions,
 * directives, selectionSet.
 */
static void
json_operation_definition(JsonWriter *w, const GqlOperationDefinition *op)
{
	json_text_field(w, "operation", gql_operation_name(op->operation));
	json_optional_field(w, "description", op->description);
	json_optional_field(w, "name", op->name);
	json_list_field(w, "variableDefinitions", &op->variable_definitions);
	json_list_field(w, "directives", &op->directives);
	json_node_field(w, "selectionSet", op->selection_set);
}

/*
 * VariableDefinition: description?, variable, type, defaultValue?,
 * directives.
 */
static void
json_variable_definition(JsonWriter *w, const GqlVariableDefinition *def)
{
	json_optional_field(w, "description", def->description);
	json_node_field(w, "variable", def->variable);
	json_node_field(w, "type", def->type);
	json_optional_field(w, "defaultValue", def->default_value);
	json_list_field(w, "directives", &def->directives);
}

/*
 * Field: alias?, name, arguments, directives, selectionSet?.
 */
static void
json_field(JsonWriter *w, const GqlField *field)
{
	json_optional_field(w, "alias", field->alias);
	json_node_field(w, "name", field->name);
	json_list_field(w, "arguments", &field->arguments);
	json_list_field(w, "directives", &field->directives);
	json_optional_field(w, "selectionSet", field->selection_set);
}

/*
 * InlineFragment (typeCondition?) and FragmentDefinition (description?,
 * name, typeCondition), then directives and selectionSet.
 */
static void
json_fragment(JsonWriter *w, const GqlFragment *frag)
{
	if (frag->hdr.kind == GQL_FRAGMENT_DEFINITION)
	{
		json_optional_field(w, "description", frag->description);
		json_node_field(w, "name", frag->name);
		json_node_field(w, "typeCondition", frag->type_condition);
	}
	else
		json_optional_field(w, "typeCondition", frag->type_condition);
	json_list_field(w, "directives", &frag->directives);
	json_node_field(w, "selectionSet", frag->selection_set);
}

/*
 * NamedType (name), ListType and NonNullType (type).
 */
static void
json_type(JsonWriter *w, const GqlType *type)
{
	if (type->hdr.kind == GQL_NAMED_TYPE)
		json_node_field(w, "name", type->name);
	else
		json_node_field(w, "type", type->type);
}

/*
 * SchemaDefinition (description?) and SchemaExtension, then directives and
 * operationTypes.
 */
static void
json_schema(JsonWriter *w, const GqlSchemaDefinition *schema)
{
	if (schema->hdr.kind == GQL_SCHEMA_DEFINITION)
		json_optional_field(w, "description", schema->description);
	json_list_field(w, "directives", &schema->directives);
	json_list_field(w, "operationTypes", &schema->operation_types);
}

/*
 * OperationTypeDefinition: operation, type.
 */
static void
json_operation_type(JsonWriter *w, const GqlOperationTypeDefinition *def)
{
	json_text_field(w, "operation", gql_operation_name(def->operation));
	json_node_field(w, "type", def->type);
}

/*
 * graphql-js's key for the members of a type definition, or NULL for
 * scalars.
 */
static const char *
members_key(GqlKind kind)
{
	switch (kind)
	{
		case GQL_UNION_TYPE_DEFINITION:
		case GQL_UNION_TYPE_EXTENSION:
			return "types";
		case GQL_ENUM_TYPE_DEFINITION:
		case GQL_ENUM_TYPE_EXTENSION:
			return "values";
		case GQL_SCALAR_TYPE_DEFINITION:
		case GQL_SCALAR_TYPE_EXTENSION:
			return NULL;
		default:
			return "fields";
	}
}

/*
 * True for kinds that have "interfaces" (objects and interfaces).
 */
static bool
has_interfaces(GqlKind kind)
{
	return kind == GQL_OBJECT_TYPE_DEFINITION ||
		kind == GQL_OBJECT_TYPE_EXTENSION ||
		kind == GQL_INTERFACE_TYPE_DEFINITION ||
		kind == GQL_INTERFACE_TYPE_EXTENSION;
}

/*
 * Every type definition and extension: description? (definitions only),
 * name, interfaces (objects and interfaces), directives, members.
 */
static void
json_type_definition(JsonWriter *w, const GqlTypeDefinition *def)
{
	GqlKind		kind = def->hdr.kind;
	const char *key = members_key(kind);

	if (kind < GQL_SCALAR_TYPE_EXTENSION)
		json_optional_field(w, "description", def->description);
	json_node_field(w, "name", def->name);
	if (has_interfaces(kind))
		json_list_field(w, "interfaces", &def->interfaces);
	json_list_field(w, "directives", &def->directives);
	if (key != NULL)
		json_list_field(w, key, &def->members);
}

/*
 * FieldDefinition (arguments, type), InputValueDefinition (type,
 * defaultValue?) and EnumValueDefinition, after description? and name and
 * before directives.
 */
static void
json_field_definition(JsonWriter *w, const GqlFieldDefinition *def)
{
	json_optional_field(w, "description", def->description);
	json_node_field(w, "name", def->name);
	if (def->hdr.kind == GQL_FIELD_DEFINITION)
		json_list_field(w, "arguments", &def->arguments);
	if (def->hdr.kind != GQL_ENUM_VALUE_DEFINITION)
		json_node_field(w, "type", def->type);
	if (def->hdr.kind == GQL_INPUT_VALUE_DEFINITION)
		json_optional_field(w, "defaultValue", def->default_value);
	json_list_field(w, "directives", &def->directives);
}

/*
 * DirectiveDefinition.  graphql-js always has "directives" (empty unless
 * an experimental option is on).
 */
static void
json_directive_definition(JsonWriter *w, const GqlDirectiveDefinition *def)
{
	json_optional_field(w, "description", def->description);
	json_node_field(w, "name", def->name);
	json_list_field(w, "arguments", &def->arguments);
	json_key(w, "directives");
	put(w, "[]");
	json_key(w, "repeatable");
	put(w, def->repeatable ? "true" : "false");
	json_list_field(w, "locations", &def->locations);
}

/*
 * The fields of executable nodes (and Name, Document).
 */
static void
json_executable_fields(JsonWriter *w, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_NAME:
			json_key(w, "value");
			json_string(w, ((const GqlName *) node)->value,
						((const GqlName *) node)->len);
			break;
		case GQL_DOCUMENT:
			json_list_field(w, "definitions",
							&((const GqlDocument *) node)->definitions);
			break;
		case GQL_OPERATION_DEFINITION:
			json_operation_definition(w, (const GqlOperationDefinition *) node);
			break;
		case GQL_VARIABLE_DEFINITION:
			json_variable_definition(w, (const GqlVariableDefinition *) node);
			break;
		case GQL_SELECTION_SET:
			json_list_field(w, "selections",
							&((const GqlSelectionSet *) node)->selections);
			break;
		case GQL_FIELD:
			json_field(w, (const GqlField *) node);
			break;
		case GQL_FRAGMENT_SPREAD:
			json_node_field(w, "name", ((const GqlFragmentSpread *) node)->name);
			json_list_field(w, "directives",
							&((const GqlFragmentSpread *) node)->directives);
			break;
		case GQL_INLINE_FRAGMENT:
		case GQL_FRAGMENT_DEFINITION:
			json_fragment(w, (const GqlFragment *) node);
			break;
		default:
			break;
	}
}

/*
 * The fields of a node after "kind", by kind.
 */
static void
json_fields(JsonWriter *w, const GqlNode *node)
{
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
			json_value(w, (const GqlValue *) node);
			break;
		case GQL_ARGUMENT:
		case GQL_OBJECT_FIELD:
			json_node_field(w, "name", ((const GqlArgument *) node)->name);
			json_node_field(w, "value", ((const GqlArgument *) node)->value);
			break;
		case GQL_DIRECTIVE:
			json_node_field(w, "name", ((const GqlDirective *) node)->name);
			json_list_field(w, "arguments",
							&((const GqlDirective *) node)->arguments);
			break;
		case GQL_NAMED_TYPE:
		case GQL_LIST_TYPE:
		case GQL_NON_NULL_TYPE:
			json_type(w, (const GqlType *) node);
			break;
		case GQL_SCHEMA_DEFINITION:
		case GQL_SCHEMA_EXTENSION:
			json_schema(w, (const GqlSchemaDefinition *) node);
			break;
		case GQL_OPERATION_TYPE_DEFINITION:
			json_operation_type(w, (const GqlOperationTypeDefinition *) node);
			break;
		case GQL_FIELD_DEFINITION:
		case GQL_INPUT_VALUE_DEFINITION:
		case GQL_ENUM_VALUE_DEFINITION:
			json_field_definition(w, (const GqlFieldDefinition *) node);
			break;
		case GQL_DIRECTIVE_DEFINITION:
			json_directive_definition(w, (const GqlDirectiveDefinition *) node);
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
			json_type_definition(w, (const GqlTypeDefinition *) node);
			break;
		default:
			json_executable_fields(w, node);
			break;
	}
}

/*
 * One node as a JSON object: "kind", its fields, and "loc" if asked for.
 * A missing node is null.
 */
static void
json_node(JsonWriter *w, const GqlNode *node)
{
	if (node == NULL || (int) node->kind < 0 || node->kind >= GQL_KIND_COUNT)
	{
		put(w, "null");
		return;
	}
	put(w, "{\"kind\":\"");
	put(w, gql_kind_name(node->kind));
	put(w, "\"");
	json_fields(w, node);
	if (w->flags & GQL_JSON_LOCATIONS)
		gql_buf_printf(w->buf, ",\"loc\":{\"line\":%u,\"column\":%u}",
					   (unsigned int) node->loc.line,
					   (unsigned int) node->loc.column);
	gql_buf_append_char(w->buf, '}');
}

/*
 * The AST under node as JSON in graphql-js's shape (see the file header).
 * The text is NUL-terminated and lives in the arena.
 */
char *
gql_ast_to_json(GqlArena *arena, const GqlNode *node, int flags, size_t *len)
{
	GqlBuf		buf;
	JsonWriter	w;

	gql_buf_init(&buf, arena);
	w.buf = &buf;
	w.flags = flags;
	json_node(&w, node);
	if (len != NULL)
		*len = buf.len;
	return buf.data;
}
