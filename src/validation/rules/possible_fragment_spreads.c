/*-------------------------------------------------------------------------
 *
 * possible_fragment_spreads.c
 *	  Fragment Spread Is Possible: the fragment's type and the parent type
 *	  must be able to share an object.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Is the type an object, interface or union?
 */
static bool
is_composite(const GqlSchemaType *t)
{
	return t != NULL && (t->kind == GQL_TYPE_OBJECT ||
						 t->kind == GQL_TYPE_INTERFACE ||
						 t->kind == GQL_TYPE_UNION);
}

/*
 * The composite type of a named fragment, or NULL.
 */
static GqlSchemaType *
fragment_type(VCtx *ctx, const char *name)
{
	const GqlFragment *frag = v_fragment(ctx, name);
	GqlSchemaType *t;

	if (frag == NULL)
		return NULL;
	t = v_named_type(v_type_from_ast(ctx, frag->type_condition));
	return is_composite(t) ? t : NULL;
}

/*
 * Check inline fragments and fragment spreads.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	GqlSchemaType *parent = ctx->ti.parent_type;
	GqlSchemaType *frag_type;

	if (node->kind == GQL_INLINE_FRAGMENT)
	{
		frag_type = ctx->ti.type != NULL && ctx->ti.type->kind == GQL_REF_NAMED ?
			ctx->ti.type->named : NULL;
		if (is_composite(frag_type) && is_composite(parent) &&
			!v_types_overlap(frag_type, parent))
			v_report(ctx, v_msg(ctx, "Fragment cannot be spread here as objects of type \"%s\" can never be of type \"%s\".",
								parent->name, frag_type->name), node);
	}
	else if (node->kind == GQL_FRAGMENT_SPREAD)
	{
		const char *name = ((const GqlFragmentSpread *) node)->name->value;

		frag_type = fragment_type(ctx, name);
		if (frag_type != NULL && parent != NULL &&
			!v_types_overlap(frag_type, parent))
			v_report(ctx, v_msg(ctx, "Fragment \"%s\" cannot be spread here as objects of type \"%s\" can never be of type \"%s\".",
								name, parent->name, frag_type->name), node);
	}
	return true;
}

const VRule gql_rule_possible_fragment_spreads = {
	"PossibleFragmentSpreadsRule", NULL, enter, NULL
};
