/*-------------------------------------------------------------------------
 *
 * fragments_on_composite_types.c
 *	  Fragments On Composite Types: type conditions name objects,
 *	  interfaces or unions.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Is the type condition a known, non-composite type?
 */
static bool
not_composite(VCtx *ctx, const GqlType *condition)
{
	GqlSchemaType *t = v_named_type(v_type_from_ast(ctx, condition));

	return t != NULL && t->kind != GQL_TYPE_OBJECT &&
		t->kind != GQL_TYPE_INTERFACE && t->kind != GQL_TYPE_UNION;
}

/*
 * Check the type condition of inline fragments and fragment definitions.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlFragment *frag = (const GqlFragment *) node;
	const GqlType *tc;

	if (node->kind != GQL_INLINE_FRAGMENT && node->kind != GQL_FRAGMENT_DEFINITION)
		return true;
	tc = frag->type_condition;
	if (tc == NULL || !not_composite(ctx, tc))
		return true;
	if (node->kind == GQL_INLINE_FRAGMENT)
		v_report(ctx, v_msg(ctx, "Fragment cannot condition on non composite type \"%s\".",
							v_print(ctx, &tc->hdr)), &tc->hdr);
	else
		v_report(ctx, v_msg(ctx, "Fragment \"%s\" cannot condition on non composite type \"%s\".",
							frag->name->value, v_print(ctx, &tc->hdr)),
				 &tc->hdr);
	return true;
}

const VRule gql_rule_fragments_on_composite_types = {
	"FragmentsOnCompositeTypesRule", NULL, enter, NULL
};
