/*-------------------------------------------------------------------------
 *
 * variables_in_allowed_position.c
 *	  All Variable Usages Are Allowed, and variables given to a @oneOf
 *	  input object field are non-null (checked when the operation is left).
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The variable definitions of the current operation, by name.
 */
static void *
create(VCtx *ctx)
{
	return gql_arena_alloc(ctx->arena, sizeof(VMap *));
}

/*
 * Start an operation; record its variable definitions.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	VMap	  **defs = state;

	if (node->kind == GQL_OPERATION_DEFINITION)
		*defs = vmap_create(ctx->arena);
	else if (node->kind == GQL_VARIABLE_DEFINITION && *defs != NULL)
		vmap_set(*defs, ((const GqlVariableDefinition *) node)->variable->name->value,
				 (void *) node);
	return true;
}

/*
 * graphql-js's allowedVariableUsage.
 */
static bool
allowed(const GqlTypeRef *var_type, const GqlValue *var_default,
		const GqlTypeRef *loc_type, const GqlValue *loc_default)
{
	if (v_is_non_null(loc_type) && !v_is_non_null(var_type))
	{
		bool		var_has_default = var_default != NULL &&
			var_default->hdr.kind != GQL_NULL_VALUE;

		if (!var_has_default && loc_default == NULL)
			return false;
		return v_is_type_sub_type_of(var_type, loc_type->of_type);
	}
	return v_is_type_sub_type_of(var_type, loc_type);
}

/*
 * Check one usage against its variable's definition.
 */
static void
check_usage(VCtx *ctx, const GqlVariableDefinition *vd,
			const VVariableUsage *u)
{
	const GqlTypeRef *var_type = v_type_from_ast(ctx, vd->type);
	const char *name = u->node->name->value;
	const GqlNode *nodes[2];
	const GqlTypeRef *parent = u->parent_type;

	nodes[0] = &vd->hdr;
	nodes[1] = &u->node->hdr;
	if (var_type != NULL &&
		!allowed(var_type, vd->default_value, u->type, u->default_value))
		v_report_nodes(ctx, v_msg(ctx, "Variable \"$%s\" of type \"%s\" used in position expecting type \"%s\".",
								  name, v_type_str(ctx, var_type),
								  v_type_str(ctx, u->type)), nodes, 2);
	if (parent != NULL && parent->kind == GQL_REF_NAMED &&
		parent->named->kind == GQL_TYPE_INPUT_OBJECT &&
		parent->named->is_one_of && !v_is_non_null(var_type))
		v_report_nodes(ctx, v_msg(ctx, "Variable \"$%s\" is of type \"%s\" but must be non-nullable to be used for OneOf Input Object \"%s\".",
								  name,
								  var_type != NULL ? v_type_str(ctx, var_type) : "undefined",
								  parent->named->name), nodes, 2);
}

/*
 * Check every usage of the operation and its fragments.
 */
static void
leave(VCtx *ctx V_UNUSED, void *state, const GqlNode *node)
{
	VMap	  **defs = state;
	const VVariableUsage *usages;
	int			n,
				i;

	if (node->kind != GQL_OPERATION_DEFINITION)
		return;
	usages = v_recursive_variable_usages(ctx, (const GqlOperationDefinition *) node, &n);
	for (i = 0; i < n; i++)
	{
		const GqlVariableDefinition *vd = vmap_get(*defs, usages[i].node->name->value);

		if (vd != NULL && usages[i].type != NULL)
			check_usage(ctx, vd, &usages[i]);
	}
}

const VRule gql_rule_variables_in_allowed_position = {
	"VariablesInAllowedPositionRule", create, enter, leave
};
