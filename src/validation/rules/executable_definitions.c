/*-------------------------------------------------------------------------
 *
 * executable_definitions.c
 *	  Executable Definitions: a request holds only operations and
 *	  fragments.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The name graphql-js gives a definition in the message.
 */
static const char *
definition_name(VCtx *ctx, const GqlNode *def)
{
	const GqlName *name = NULL;

	if (def->kind == GQL_SCHEMA_DEFINITION || def->kind == GQL_SCHEMA_EXTENSION)
		return "schema";
	if (def->kind == GQL_DIRECTIVE_DEFINITION)
		name = ((const GqlDirectiveDefinition *) def)->name;
	else
		name = ((const GqlTypeDefinition *) def)->name;
	return v_msg(ctx, "\"%s\"", name->value);
}

/*
 * Report every definition that is not executable.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlDocument *doc;
	int			i;

	if (node->kind != GQL_DOCUMENT)
		return true;
	doc = (const GqlDocument *) node;
	for (i = 0; i < doc->definitions.count; i++)
	{
		const GqlNode *def = doc->definitions.items[i];

		if (def->kind == GQL_OPERATION_DEFINITION ||
			def->kind == GQL_FRAGMENT_DEFINITION)
			continue;
		v_report(ctx, v_msg(ctx, "The %s definition is not executable.",
							definition_name(ctx, def)), def);
	}
	return false;
}

const VRule gql_rule_executable_definitions = {
	"ExecutableDefinitionsRule", NULL, enter, NULL
};
