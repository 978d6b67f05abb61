/*-------------------------------------------------------------------------
 *
 * known_fragment_names.c
 *	  Fragment Spread Target Defined.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Report a spread of an undefined fragment.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlFragmentSpread *spread = (const GqlFragmentSpread *) node;

	if (node->kind == GQL_FRAGMENT_SPREAD &&
		v_fragment(ctx, spread->name->value) == NULL)
		v_report(ctx, v_msg(ctx, "Unknown fragment \"%s\".", spread->name->value),
				 &spread->name->hdr);
	return true;
}

const VRule gql_rule_known_fragment_names = {
	"KnownFragmentNamesRule", NULL, enter, NULL
};
