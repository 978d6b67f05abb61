/*-------------------------------------------------------------------------
 *
 * unique_directives_per_location.c
 *	  Directives Are Unique Per Location (non-repeatable ones).  Type
 *	  definitions and their extensions share one location per type name,
 *	  the schema definition and its extensions another.
 *
 *-------------------------------------------------------------------------
 */
#include "../rules.h"

typedef struct State
{
	VMap	   *unique;			/* directive name -> non-NULL if not repeatable */
	VMap	   *schema_seen;
	VMap	   *type_seen;		/* type name -> VMap */
} State;

/*
 * Which directives may appear only once.
 */
static void *
create(VCtx *ctx)
{
	State	   *st = gql_arena_alloc(ctx->arena, sizeof(State));
	int			i;

	st->unique = vmap_create(ctx->arena);
	st->schema_seen = vmap_create(ctx->arena);
	st->type_seen = vmap_create(ctx->arena);
	for (i = 0; i < ctx->schema->ndirectives; i++)
		vmap_set(st->unique, ctx->schema->directives[i]->name,
				 ctx->schema->directives[i]->repeatable ? NULL : st);
	for (i = 0; i < ctx->document->definitions.count; i++)
	{
		const GqlDirectiveDefinition *def = (const GqlDirectiveDefinition *) ctx->document->definitions.items[i];

		if (def->hdr.kind == GQL_DIRECTIVE_DEFINITION)
			vmap_set(st->unique, def->name->value, def->repeatable ? NULL : st);
	}
	return st;
}

/*
 * The directives of a node, or NULL for kinds without directives.
 */
static const GqlList *
directives_of(const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_OPERATION_DEFINITION:
			return &((const GqlOperationDefinition *) node)->directives;
		case GQL_VARIABLE_DEFINITION:
			return &((const GqlVariableDefinition *) node)->directives;
		case GQL_FIELD:
			return &((const GqlField *) node)->directives;
		case GQL_FRAGMENT_SPREAD:
			return &((const GqlFragmentSpread *) node)->directives;
		case GQL_INLINE_FRAGMENT:
		case GQL_FRAGMENT_DEFINITION:
			return &((const GqlFragment *) node)->directives;
		case GQL_SCHEMA_DEFINITION:
		case GQL_SCHEMA_EXTENSION:
			return &((const GqlSchemaDefinition *) node)->directives;
		case GQL_FIELD_DEFINITION:
		case GQL_INPUT_VALUE_DEFINITION:
		case GQL_ENUM_VALUE_DEFINITION:
			return &((const GqlFieldDefinition *) node)->directives;
		default:
			if (node->kind >= GQL_SCALAR_TYPE_DEFINITION &&
				node->kind != GQL_DIRECTIVE_DEFINITION)
				return &((const GqlTypeDefinition *) node)->directives;
			return NULL;
	}
}

/*
 * The map of directives already seen at this node's location.
 */
static VMap *
seen_map(VCtx *ctx, State *st, const GqlNode *node)
{
	const char *name;
	VMap	   *seen;

	if (node->kind == GQL_SCHEMA_DEFINITION || node->kind == GQL_SCHEMA_EXTENSION)
		return st->schema_seen;
	if (node->kind < GQL_SCALAR_TYPE_DEFINITION ||
		node->kind == GQL_FIELD_DEFINITION ||
		node->kind == GQL_INPUT_VALUE_DEFINITION ||
		node->kind == GQL_ENUM_VALUE_DEFINITION ||
		node->kind == GQL_DIRECTIVE_DEFINITION)
		return vmap_create(ctx->arena);
	name = ((const GqlTypeDefinition *) node)->name->value;
	seen = vmap_get(st->type_seen, name);
	if (seen == NULL)
	{
		seen = vmap_create(ctx->arena);
		vmap_set(st->type_seen, name, seen);
	}
	return seen;
}

/*
 * Report a non-repeatable directive used twice at one location.
 */
static bool
enter(VCtx *ctx, void *state V_UNUSED, const GqlNode *node)
{
	State	   *st = state;
	const GqlList *dirs = directives_of(node);
	VMap	   *seen;
	int			i;

	if (dirs == NULL)
		return true;
	seen = seen_map(ctx, st, node);
	for (i = 0; i < dirs->count; i++)
	{
		const GqlDirective *d = (const GqlDirective *) dirs->items[i];
		const GqlNode *nodes[2];

		if (vmap_get(st->unique, d->name->value) == NULL)
			continue;
		nodes[0] = vmap_get(seen, d->name->value);
		nodes[1] = &d->hdr;
		if (nodes[0] != NULL)
			v_report_nodes(ctx, v_msg(ctx, "The directive \"@%s\" can only be used once at this location.",
									  d->name->value), nodes, 2);
		else
			vmap_set(seen, d->name->value, (void *) d);
	}
	return true;
}

const VRule gql_rule_unique_directives_per_location = {
	"UniqueDirectivesPerLocationRule", create, enter, NULL
};
