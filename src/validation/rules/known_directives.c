/*-------------------------------------------------------------------------
 *
 * known_directives.c
 *	  Directives Are Defined, and In Valid Locations.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

/*
 * The locations of every directive: the schema's, then the document's
 * own directive definitions.
 */
static void *
create(VCtx *ctx)
{
	VMap	   *map = vmap_create(ctx->arena);
	int			i,
				j;

	for (i = 0; i < ctx->schema->ndirectives; i++)
	{
		uint32_t   *locs = gql_arena_alloc(ctx->arena, sizeof(uint32_t));

		*locs = ctx->schema->directives[i]->locations;
		vmap_set(map, ctx->schema->directives[i]->name, locs);
	}
	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlDirectiveDefinition *def = (const GqlDirectiveDefinition *) ctx->document->definitions.items[i];
		uint32_t   *locs;

		if (def->hdr.kind != GQL_DIRECTIVE_DEFINITION)
			continue;
		locs = gql_arena_alloc(ctx->arena, sizeof(uint32_t));
		for (j = 0; j < def->locations.count; j++)
			*locs |= gql_directive_location_from_name(((GqlName *) def->locations.items[j])->value);
		vmap_set(map, def->name->value, locs);
	}
	return map;
}

/*
 * The location of a node kind of the type system, or 0.
 */
static uint32_t
type_system_location(VCtx *ctx, GqlKind kind)
{
	switch (kind)
	{
		case GQL_SCHEMA_DEFINITION:
		case GQL_SCHEMA_EXTENSION:
			return GQL_LOC_SCHEMA;
		case GQL_SCALAR_TYPE_DEFINITION:
		case GQL_SCALAR_TYPE_EXTENSION:
			return GQL_LOC_SCALAR;
		case GQL_OBJECT_TYPE_DEFINITION:
		case GQL_OBJECT_TYPE_EXTENSION:
			return GQL_LOC_OBJECT;
		case GQL_FIELD_DEFINITION:
			return GQL_LOC_FIELD_DEFINITION;
		case GQL_INTERFACE_TYPE_DEFINITION:
		case GQL_INTERFACE_TYPE_EXTENSION:
			return GQL_LOC_INTERFACE;
		case GQL_UNION_TYPE_DEFINITION:
		case GQL_UNION_TYPE_EXTENSION:
			return GQL_LOC_UNION;
		case GQL_ENUM_TYPE_DEFINITION:
		case GQL_ENUM_TYPE_EXTENSION:
			return GQL_LOC_ENUM;
		case GQL_ENUM_VALUE_DEFINITION:
			return GQL_LOC_ENUM_VALUE;
		case GQL_INPUT_OBJECT_TYPE_DEFINITION:
		case GQL_INPUT_OBJECT_TYPE_EXTENSION:
			return GQL_LOC_INPUT_OBJECT;
		case GQL_INPUT_VALUE_DEFINITION:
			{
				const GqlNode *owner = v_ancestor(ctx, 2);

				return owner != NULL && owner->kind == GQL_INPUT_OBJECT_TYPE_DEFINITION ?
					GQL_LOC_INPUT_FIELD_DEFINITION : GQL_LOC_ARGUMENT_DEFINITION;
			}
		default:
			return 0;
	}
}

/*
 * The location of the node a directive is applied to.
 */
static uint32_t
location_of(VCtx *ctx, const GqlNode *applied_to)
{
	switch (applied_to->kind)
	{
		case GQL_OPERATION_DEFINITION:
			switch (((const GqlOperationDefinition *) applied_to)->operation)
			{
				case GQL_OP_QUERY:
					return GQL_LOC_QUERY;
				case GQL_OP_MUTATION:
					return GQL_LOC_MUTATION;
				default:
					return GQL_LOC_SUBSCRIPTION;
			}
		case GQL_FIELD:
			return GQL_LOC_FIELD;
		case GQL_FRAGMENT_SPREAD:
			return GQL_LOC_FRAGMENT_SPREAD;
		case GQL_INLINE_FRAGMENT:
			return GQL_LOC_INLINE_FRAGMENT;
		case GQL_FRAGMENT_DEFINITION:
			return GQL_LOC_FRAGMENT_DEFINITION;
		case GQL_VARIABLE_DEFINITION:
			return GQL_LOC_VARIABLE_DEFINITION;
		default:
			return type_system_location(ctx, applied_to->kind);
	}
}

/*
 * Report unknown directives and directives in the wrong place.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	const char *name;
	const uint32_t *locs;
	const GqlNode *applied_to;
	uint32_t	loc;

	if (node->kind != GQL_DIRECTIVE)
		return true;
	name = ((const GqlDirective *) node)->name->value;
	locs = vmap_get(state, name);
	if (locs == NULL)
	{
		v_report(ctx, v_msg(ctx, "Unknown directive \"@%s\".", name), node);
		return true;
	}
	applied_to = v_ancestor(ctx, 1);
	loc = applied_to != NULL ? location_of(ctx, applied_to) : 0;
	if (loc != 0 && (*locs & loc) == 0)
		v_report(ctx, v_msg(ctx, "Directive \"@%s\" may not be used on %s.", name,
							gql_directive_location_name((GqlDirectiveLocation) loc)),
				 node);
	return true;
}

const VRule gql_rule_known_directives = {
	"KnownDirectivesRule", create, enter, NULL
};
