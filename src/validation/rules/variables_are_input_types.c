/*-------------------------------------------------------------------------
 *
 * variables_are_input_types.c
 *	  Variables Are Input Types.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Report a variable whose (known) type is not an input type.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlVariableDefinition *vd;
	GqlSchemaType *t;

	if (node->kind != GQL_VARIABLE_DEFINITION)
		return true;
	vd = (const GqlVariableDefinition *) node;
	t = v_named_type(v_type_from_ast(ctx, vd->type));
	if (t != NULL && t->kind != GQL_TYPE_SCALAR && t->kind != GQL_TYPE_ENUM &&
		t->kind != GQL_TYPE_INPUT_OBJECT)
		v_report(ctx, v_msg(ctx, "Variable \"$%s\" cannot be non-input type \"%s\".",
							vd->variable->name->value,
							v_print(ctx, &vd->type->hdr)),
				 &vd->type->hdr);
	return true;
}

const VRule gql_rule_variables_are_input_types = {
	"VariablesAreInputTypesRule", NULL, enter, NULL
};
