/*-------------------------------------------------------------------------
 *
 * ast.c
 *	  Names of AST node kinds and operation types, as graphql-js spells them.
 *
 *-------------------------------------------------------------------------
 */
#include "language.h"

static const char *const kind_names[GQL_KIND_COUNT] = {
	[GQL_NAME] = "Name",
	[GQL_DOCUMENT] = "Document",
	[GQL_OPERATION_DEFINITION] = "OperationDefinition",
	[GQL_VARIABLE_DEFINITION] = "VariableDefinition",
	[GQL_SELECTION_SET] = "SelectionSet",
	[GQL_FIELD] = "Field",
	[GQL_ARGUMENT] = "Argument",
	[GQL_FRAGMENT_SPREAD] = "FragmentSpread",
	[GQL_INLINE_FRAGMENT] = "InlineFragment",
	[GQL_FRAGMENT_DEFINITION] = "FragmentDefinition",
	[GQL_VARIABLE] = "Variable",
	[GQL_INT_VALUE] = "IntValue",
	[GQL_FLOAT_VALUE] = "FloatValue",
	[GQL_STRING_VALUE] = "StringValue",
	[GQL_BOOLEAN_VALUE] = "BooleanValue",
	[GQL_NULL_VALUE] = "NullValue",
	[GQL_ENUM_VALUE] = "EnumValue",
	[GQL_LIST_VALUE] = "ListValue",
	[GQL_OBJECT_VALUE] = "ObjectValue",
	[GQL_OBJECT_FIELD] = "ObjectField",
	[GQL_DIRECTIVE] = "Directive",
	[GQL_NAMED_TYPE] = "NamedType",
	[GQL_LIST_TYPE] = "ListType",
	[GQL_NON_NULL_TYPE] = "NonNullType",
	[GQL_SCHEMA_DEFINITION] = "SchemaDefinition",
	[GQL_OPERATION_TYPE_DEFINITION] = "OperationTypeDefinition",
	[GQL_SCALAR_TYPE_DEFINITION] = "ScalarTypeDefinition",
	[GQL_OBJECT_TYPE_DEFINITION] = "ObjectTypeDefinition",
	[GQL_FIELD_DEFINITION] = "FieldDefinition",
	[GQL_INPUT_VALUE_DEFINITION] = "InputValueDefinition",
	[GQL_INTERFACE_TYPE_DEFINITION] = "InterfaceTypeDefinition",
	[GQL_UNION_TYPE_DEFINITION] = "UnionTypeDefinition",
	[GQL_ENUM_TYPE_DEFINITION] = "EnumTypeDefinition",
	[GQL_ENUM_VALUE_DEFINITION] = "EnumValueDefinition",
	[GQL_INPUT_OBJECT_TYPE_DEFINITION] = "InputObjectTypeDefinition",
	[GQL_DIRECTIVE_DEFINITION] = "DirectiveDefinition",
	[GQL_SCHEMA_EXTENSION] = "SchemaExtension",
	[GQL_SCALAR_TYPE_EXTENSION] = "ScalarTypeExtension",
	[GQL_OBJECT_TYPE_EXTENSION] = "ObjectTypeExtension",
	[GQL_INTERFACE_TYPE_EXTENSION] = "InterfaceTypeExtension",
	[GQL_UNION_TYPE_EXTENSION] = "UnionTypeExtension",
	[GQL_ENUM_TYPE_EXTENSION] = "EnumTypeExtension",
	[GQL_INPUT_OBJECT_TYPE_EXTENSION] = "InputObjectTypeExtension",
};

/*
 * graphql-js's name of a node kind; "Unknown" for a value out of range.
 */
const char *
gql_kind_name(GqlKind kind)
{
	if ((int) kind < 0 || kind >= GQL_KIND_COUNT || kind_names[kind] == NULL)
		return "Unknown";
	return kind_names[kind];
}

/*
 * The keyword of an operation type.
 */
const char *
gql_operation_name(GqlOperationType op)
{
	switch (op)
	{
		case GQL_OP_QUERY:
			return "query";
		case GQL_OP_MUTATION:
			return "mutation";
		case GQL_OP_SUBSCRIPTION:
			return "subscription";
	}
	return "query";
}
