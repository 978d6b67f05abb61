/*-------------------------------------------------------------------------
 *
 * scalar_leafs.c
 *	  Leaf Field Selections: leaves have no selection set, other fields
 *	  must have one.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * Check a field's selection set against its type.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const GqlField *f = (const GqlField *) node;
	const GqlTypeRef *type = ctx->ti.type;
	GqlSchemaType *named;
	const char *name;

	if (node->kind != GQL_FIELD || type == NULL)
		return true;
	named = v_named_type(type);
	name = f->name->value;
	if (named->kind == GQL_TYPE_SCALAR || named->kind == GQL_TYPE_ENUM)
	{
		if (f->selection_set != NULL)
			v_report(ctx, v_msg(ctx, "Field \"%s\" must not have a selection since type \"%s\" has no subfields.",
								name, v_type_str(ctx, type)),
					 &f->selection_set->hdr);
	}
	else if (f->selection_set == NULL)
		v_report(ctx, v_msg(ctx, "Field \"%s\" of type \"%s\" must have a selection of subfields. Did you mean \"%s { ... }\"?",
							name, v_type_str(ctx, type), name), node);
	else if (f->selection_set->selections.count == 0)
		v_report(ctx, v_msg(ctx, "Field \"%s\" of type \"%s\" must have at least one field selected.",
							name, v_type_str(ctx, type)), node);
	return true;
}

const VRule gql_rule_scalar_leafs = {
	"ScalarLeafsRule", NULL, enter, NULL
};
