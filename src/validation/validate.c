/*-------------------------------------------------------------------------
 *
 * validate.c
 *	  The validation driver: one walk over the document that keeps the
 *	  type information graphql-js's TypeInfo keeps and runs every rule in
 *	  parallel (graphql-js's visitInParallel), collecting the errors in the
 *	  order the rules report them.
 *
 * Portable C11, no PostgreSQL header; memory from the arena only.
 *
 *-------------------------------------------------------------------------
 */
#include "rules.h"
#include "vpriv.h"

#include <string.h>

/* The rules, KnownOperationTypes first (as the conformance oracle runs it) */
static const VRule *const all_rules[] = {
	&gql_rule_known_operation_types,
	&gql_rule_executable_definitions,
	&gql_rule_unique_operation_names,
	&gql_rule_lone_anonymous_operation,
	&gql_rule_single_field_subscriptions,
	&gql_rule_known_type_names,
	&gql_rule_fragments_on_composite_types,
	&gql_rule_variables_are_input_types,
	&gql_rule_scalar_leafs,
	&gql_rule_fields_on_correct_type,
	&gql_rule_unique_fragment_names,
	&gql_rule_known_fragment_names,
	&gql_rule_no_unused_fragments,
	&gql_rule_possible_fragment_spreads,
	&gql_rule_no_fragment_cycles,
	&gql_rule_unique_variable_names,
	&gql_rule_no_undefined_variables,
	&gql_rule_no_unused_variables,
	&gql_rule_known_directives,
	&gql_rule_unique_directives_per_location,
	&gql_rule_known_argument_names,
	&gql_rule_unique_argument_names,
	&gql_rule_values_of_correct_type,
	&gql_rule_provided_required_arguments,
	&gql_rule_variables_in_allowed_position,
	&gql_rule_overlapping_fields_can_be_merged,
	&gql_rule_unique_input_field_names,
};

#define NRULES ((int) (sizeof(all_rules) / sizeof(all_rules[0])))

/*
 * Deeper ASTs than this end validation ("Validation aborted."), so that a
 * parser depth limit set very high cannot exhaust the C stack here.
 */
#define MAX_WALK_DEPTH 4000

/* A walk over the AST: enter returns false to skip the node's subtree */
typedef struct VWalker VWalker;

struct VWalker
{
	bool		(*enter) (VCtx *ctx, VWalker *w, const GqlNode *node);
	void		(*leave) (VCtx *ctx, VWalker *w, const GqlNode *node);
};

/* The walk that runs the rules */
typedef struct RuleWalker
{
	VWalker		base;
	void	   *states[NRULES];
	const GqlNode *skipping[NRULES];
} RuleWalker;

/* The walk that collects variable usages */
typedef struct UsageWalker
{
	VWalker		base;
	VUsages    *out;
} UsageWalker;

static void walk(VCtx *ctx, VWalker *w, const GqlNode *node);

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------
 */

/*
 * Append an error (no limit check).
 */
static void
append_error(VCtx *ctx, const char *message, const GqlNode *const *nodes,
			 int nnodes)
{
	VPriv	   *priv = ctx->priv;
	GqlValidationError *e = gql_arena_alloc(ctx->arena,
											sizeof(GqlValidationError));
	int			i;

	e->message = message;
	e->rule = priv->rule;
	e->locations = gql_arena_alloc(ctx->arena, sizeof(GqlLoc) * (nnodes + 1));
	for (i = 0; i < nnodes; i++)
	{
		if (nodes[i] != NULL)
			e->locations[e->nlocations++] = nodes[i]->loc;
	}
	if (priv->last != NULL)
		priv->last->next = e;
	else
		priv->errors = e;
	priv->last = e;
	priv->nerrors++;
}

/*
 * Report an error at the given nodes; past the error limit, end validation
 * as graphql-js does.
 */
void
v_report_nodes(VCtx *ctx, const char *message, const GqlNode *const *nodes,
			   int nnodes)
{
	VPriv	   *priv = ctx->priv;

	if (priv->nerrors >= priv->max_errors)
	{
		priv->rule = NULL;
		append_error(ctx, "Too many validation errors, error limit reached. "
					 "Validation aborted.", NULL, 0);
		longjmp(priv->abort_jmp, 1);
	}
	append_error(ctx, message, nodes, nnodes);
}

/*
 * Report an error at one node.
 */
void
v_report(VCtx *ctx, const char *message, const GqlNode *node)
{
	v_report_nodes(ctx, message, &node, 1);
}

/*
 * End validation with graphql-js's "Validation aborted." error.
 */
void
v_abort(VCtx *ctx)
{
	VPriv	   *priv = ctx->priv;

	priv->rule = NULL;
	append_error(ctx, "Validation aborted.", NULL, 0);
	longjmp(priv->abort_jmp, 1);
}

/*
 * The node n levels above the current one.
 */
const GqlNode *
v_ancestor(const VCtx *ctx, int n)
{
	if (n < 0 || n >= ctx->depth)
		return NULL;
	return ctx->stack[ctx->depth - 1 - n];
}

/* ------------------------------------------------------------------------
 * Type information (graphql-js's TypeInfo.enter; leave restores a copy)
 * ------------------------------------------------------------------------
 */

/*
 * Is the named type below ref an input type?
 */
static bool
is_input_ref(const GqlTypeRef *ref)
{
	GqlSchemaType *t = v_named_type(ref);

	return t != NULL && (t->kind == GQL_TYPE_SCALAR || t->kind == GQL_TYPE_ENUM ||
						 t->kind == GQL_TYPE_INPUT_OBJECT);
}

/*
 * Is the named type below ref an output type?
 */
static bool
is_output_ref(const GqlTypeRef *ref)
{
	GqlSchemaType *t = v_named_type(ref);

	return t != NULL && t->kind != GQL_TYPE_INPUT_OBJECT;
}

/*
 * Push an input type (and keep the previous one as the parent).
 */
static void
push_input(VCtx *ctx, const GqlTypeRef *ref)
{
	ctx->ti.parent_input_type = ctx->ti.input_type;
	ctx->ti.input_type = is_input_ref(ref) ? ref : NULL;
}

/*
 * An argument of a list by name.
 */
static const GqlInputValue *
find_arg(GqlInputValue *const *args, int nargs, const char *name)
{
	int			i;

	for (i = 0; i < nargs; i++)
	{
		if (strcmp(args[i]->name, name) == 0)
			return args[i];
	}
	return NULL;
}

/*
 * TypeInfo for an argument: the directive's (or else the field's) one.
 */
static void
enter_argument(VCtx *ctx, const GqlArgument *arg)
{
	const GqlInputValue *def = NULL;

	if (ctx->ti.directive != NULL)
		def = find_arg(ctx->ti.directive->args, ctx->ti.directive->nargs,
					   arg->name->value);
	else if (ctx->ti.field_def != NULL)
		def = find_arg(ctx->ti.field_def->args, ctx->ti.field_def->nargs,
					   arg->name->value);
	ctx->ti.argument = def;
	ctx->ti.input_value = def;
	ctx->ti.default_value = def != NULL ? def->default_value : NULL;
	push_input(ctx, def != NULL ? def->type : NULL);
}

/*
 * TypeInfo for a field of an input object value.
 */
static void
enter_object_field(VCtx *ctx, const GqlArgument *field)
{
	GqlSchemaType *obj = v_named_type(ctx->ti.input_type);
	const GqlInputValue *def = NULL;

	if (obj != NULL && obj->kind == GQL_TYPE_INPUT_OBJECT)
		def = gql_type_input_field(obj, field->name->value);
	ctx->ti.input_value = def;
	ctx->ti.default_value = def != NULL ? def->default_value : NULL;
	push_input(ctx, def != NULL ? def->type : NULL);
}

/*
 * TypeInfo for a list value: its items' type.
 */
static void
enter_list(VCtx *ctx)
{
	const GqlTypeRef *list = v_nullable(ctx->ti.input_type);

	ctx->ti.default_value = NULL;
	push_input(ctx, v_is_list(list) ? list->of_type : list);
}

/*
 * TypeInfo for an inline fragment or fragment definition.
 */
static void
enter_fragment(VCtx *ctx, const GqlFragment *frag)
{
	const GqlTypeRef *t;

	if (frag->type_condition != NULL)
		t = v_type_from_ast(ctx, frag->type_condition);
	else
		t = v_named_ref(ctx, v_named_type(ctx->ti.type));
	ctx->ti.type = is_output_ref(t) ? t : NULL;
}

/*
 * TypeInfo for a field.
 */
static void
enter_field(VCtx *ctx, const GqlField *field)
{
	const GqlFieldDef *def = v_field_def(ctx, ctx->ti.parent_type,
										 field->name->value);

	ctx->ti.field_def = def;
	ctx->ti.type = def != NULL && is_output_ref(def->type) ? def->type : NULL;
}

/*
 * Update the type information on entering a node.
 */
static void
ti_enter(VCtx *ctx, const GqlNode *node)
{
	GqlSchemaType *t;

	switch (node->kind)
	{
		case GQL_SELECTION_SET:
			t = v_named_type(ctx->ti.type);
			ctx->ti.parent_type = t != NULL && (t->kind == GQL_TYPE_OBJECT ||
												t->kind == GQL_TYPE_INTERFACE ||
												t->kind == GQL_TYPE_UNION) ? t : NULL;
			break;
		case GQL_FIELD:
			enter_field(ctx, (const GqlField *) node);
			break;
		case GQL_DIRECTIVE:
			ctx->ti.directive = gql_schema_directive(ctx->schema,
													 ((const GqlDirective *) node)->name->value);
			break;
		case GQL_OPERATION_DEFINITION:
			t = v_root_type(ctx, ((const GqlOperationDefinition *) node)->operation);
			ctx->ti.type = t != NULL && t->kind == GQL_TYPE_OBJECT ?
				v_named_ref(ctx, t) : NULL;
			break;
		case GQL_INLINE_FRAGMENT:
		case GQL_FRAGMENT_DEFINITION:
			enter_fragment(ctx, (const GqlFragment *) node);
			break;
		case GQL_VARIABLE_DEFINITION:
			push_input(ctx, v_type_from_ast(ctx, ((const GqlVariableDefinition *) node)->type));
			break;
		case GQL_ARGUMENT:
			enter_argument(ctx, (const GqlArgument *) node);
			break;
		case GQL_LIST_VALUE:
			enter_list(ctx);
			break;
		case GQL_OBJECT_FIELD:
			enter_object_field(ctx, (const GqlArgument *) node);
			break;
		default:
			break;
	}
}

/* ------------------------------------------------------------------------
 * The walk (graphql-js's QueryDocumentKeys, descriptions left out)
 * ------------------------------------------------------------------------
 */

/*
 * Walk every node of a list.
 */
static void
walk_list(VCtx *ctx, VWalker *w, const GqlList *list)
{
	int			i;

	for (i = 0; i < list->count; i++)
		walk(ctx, w, list->items[i]);
}

/*
 * The children of the executable nodes.
 */
static bool
walk_executable(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_OPERATION_DEFINITION:
			{
				const GqlOperationDefinition *op = (const GqlOperationDefinition *) node;

				walk_list(ctx, w, &op->variable_definitions);
				walk_list(ctx, w, &op->directives);
				walk(ctx, w, &op->selection_set->hdr);
				return true;
			}
		case GQL_VARIABLE_DEFINITION:
			{
				const GqlVariableDefinition *vd = (const GqlVariableDefinition *) node;

				walk(ctx, w, &vd->variable->hdr);
				walk(ctx, w, &vd->type->hdr);
				if (vd->default_value != NULL)
					walk(ctx, w, &vd->default_value->hdr);
				walk_list(ctx, w, &vd->directives);
				return true;
			}
		case GQL_SELECTION_SET:
			walk_list(ctx, w, &((const GqlSelectionSet *) node)->selections);
			return true;
		case GQL_FIELD:
			{
				const GqlField *f = (const GqlField *) node;

				walk_list(ctx, w, &f->arguments);
				walk_list(ctx, w, &f->directives);
				if (f->selection_set != NULL)
					walk(ctx, w, &f->selection_set->hdr);
				return true;
			}
		case GQL_FRAGMENT_SPREAD:
			walk_list(ctx, w, &((const GqlFragmentSpread *) node)->directives);
			return true;
		case GQL_INLINE_FRAGMENT:
		case GQL_FRAGMENT_DEFINITION:
			{
				const GqlFragment *fr = (const GqlFragment *) node;

				if (fr->type_condition != NULL)
					walk(ctx, w, &fr->type_condition->hdr);
				walk_list(ctx, w, &fr->directives);
				walk(ctx, w, &fr->selection_set->hdr);
				return true;
			}
		default:
			return false;
	}
}

/*
 * The children of values, arguments, directives and type references.
 */
static bool
walk_values(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_ARGUMENT:
		case GQL_OBJECT_FIELD:
			walk(ctx, w, &((const GqlArgument *) node)->value->hdr);
			return true;
		case GQL_LIST_VALUE:
		case GQL_OBJECT_VALUE:
			walk_list(ctx, w, &((const GqlValue *) node)->items);
			return true;
		case GQL_DIRECTIVE:
			walk_list(ctx, w, &((const GqlDirective *) node)->arguments);
			return true;
		case GQL_LIST_TYPE:
		case GQL_NON_NULL_TYPE:
			walk(ctx, w, &((const GqlType *) node)->type->hdr);
			return true;
		default:
			return false;
	}
}

/*
 * The children of type-system definitions and extensions.
 */
static void
walk_type_system(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	switch (node->kind)
	{
		case GQL_SCHEMA_DEFINITION:
		case GQL_SCHEMA_EXTENSION:
			walk_list(ctx, w, &((const GqlSchemaDefinition *) node)->directives);
			walk_list(ctx, w, &((const GqlSchemaDefinition *) node)->operation_types);
			break;
		case GQL_OPERATION_TYPE_DEFINITION:
			walk(ctx, w, &((const GqlOperationTypeDefinition *) node)->type->hdr);
			break;
		case GQL_FIELD_DEFINITION:
		case GQL_INPUT_VALUE_DEFINITION:
		case GQL_ENUM_VALUE_DEFINITION:
			{
				const GqlFieldDefinition *fd = (const GqlFieldDefinition *) node;

				walk_list(ctx, w, &fd->arguments);
				if (fd->type != NULL)
					walk(ctx, w, &fd->type->hdr);
				if (fd->default_value != NULL)
					walk(ctx, w, &fd->default_value->hdr);
				walk_list(ctx, w, &fd->directives);
				break;
			}
		case GQL_DIRECTIVE_DEFINITION:
			walk_list(ctx, w, &((const GqlDirectiveDefinition *) node)->arguments);
			break;
		default:
			if (node->kind >= GQL_SCALAR_TYPE_DEFINITION)
			{
				const GqlTypeDefinition *td = (const GqlTypeDefinition *) node;

				walk_list(ctx, w, &td->interfaces);
				walk_list(ctx, w, &td->directives);
				walk_list(ctx, w, &td->members);
			}
			break;
	}
}

/*
 * Walk the children of a node.
 */
static void
walk_children(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	int			i;

	if (node->kind == GQL_DOCUMENT)
	{
		const GqlDocument *doc = (const GqlDocument *) node;

		for (i = 0; i < doc->definitions.count; i++)
		{
			ctx->definition = doc->definitions.items[i];
			walk(ctx, w, doc->definitions.items[i]);
		}
		ctx->definition = NULL;
		return;
	}
	if (walk_executable(ctx, w, node) || walk_values(ctx, w, node))
		return;
	if (node->kind >= GQL_SCHEMA_DEFINITION)
		walk_type_system(ctx, w, node);
}

/*
 * Push a node on the ancestor stack.
 */
static void
push_node(VCtx *ctx, const GqlNode *node)
{
	if (ctx->depth >= MAX_WALK_DEPTH)
		v_abort(ctx);
	if (ctx->depth == ctx->stack_cap)
	{
		int			cap = ctx->stack_cap * 2 + 32;
		const GqlNode **s = gql_arena_alloc(ctx->arena, sizeof(GqlNode *) * cap);

		if (ctx->depth > 0)
			memcpy(s, ctx->stack, sizeof(GqlNode *) * ctx->depth);
		ctx->stack = s;
		ctx->stack_cap = cap;
	}
	ctx->stack[ctx->depth++] = node;
}

/*
 * Visit a node: type information, enter, children, leave, restore.
 */
static void
walk(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	VTypeInfo	saved = ctx->ti;

	if (node == NULL)
		return;
	push_node(ctx, node);
	ti_enter(ctx, node);
	if (w->enter(ctx, w, node))
	{
		walk_children(ctx, w, node);
		w->leave(ctx, w, node);
	}
	ctx->ti = saved;
	ctx->depth--;
}

/* ------------------------------------------------------------------------
 * The two walkers
 * ------------------------------------------------------------------------
 */

/*
 * Enter a node in every rule that is not skipping.
 */
static bool
rules_enter(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	RuleWalker *rw = (RuleWalker *) w;
	VPriv	   *priv = ctx->priv;
	int			i;

	for (i = 0; i < NRULES; i++)
	{
		if (rw->skipping[i] != NULL || all_rules[i]->enter == NULL)
			continue;
		priv->rule = all_rules[i]->name;
		if (!all_rules[i]->enter(ctx, rw->states[i], node))
			rw->skipping[i] = node;
	}
	return true;
}

/*
 * Leave a node in every rule that is not skipping it.
 */
static void
rules_leave(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	RuleWalker *rw = (RuleWalker *) w;
	VPriv	   *priv = ctx->priv;
	int			i;

	for (i = 0; i < NRULES; i++)
	{
		if (rw->skipping[i] == node)
			rw->skipping[i] = NULL;
		else if (rw->skipping[i] == NULL && all_rules[i]->leave != NULL)
		{
			priv->rule = all_rules[i]->name;
			all_rules[i]->leave(ctx, rw->states[i], node);
		}
	}
}

/*
 * Record a variable usage; skip variable definitions.
 */
static bool
usage_enter(VCtx *ctx, VWalker *w, const GqlNode *node)
{
	VUsages    *out = ((UsageWalker *) w)->out;

	if (node->kind == GQL_VARIABLE_DEFINITION)
		return false;
	if (node->kind == GQL_VARIABLE)
	{
		if (out->count == out->cap)
		{
			int			cap = out->cap * 2 + 8;
			VVariableUsage *items = gql_arena_alloc(ctx->arena,
													sizeof(VVariableUsage) * cap);

			if (out->count > 0)
				memcpy(items, out->items, sizeof(VVariableUsage) * out->count);
			out->items = items;
			out->cap = cap;
		}
		out->items[out->count].node = (const GqlValue *) node;
		out->items[out->count].type = ctx->ti.input_type;
		out->items[out->count].default_value = ctx->ti.default_value;
		out->items[out->count].parent_type = ctx->ti.parent_input_type;
		out->count++;
	}
	return true;
}

/*
 * Nothing to do on leave.
 */
static void
usage_leave(VCtx *ctx V_UNUSED, VWalker *w V_UNUSED, const GqlNode *node V_UNUSED)
{
}

/*
 * Collect the variable usages below node with a fresh TypeInfo.
 */
void
v_collect_variable_usages(VCtx *ctx, const GqlNode *node, VUsages *out)
{
	UsageWalker uw;
	VTypeInfo	saved = ctx->ti;

	uw.base.enter = usage_enter;
	uw.base.leave = usage_leave;
	uw.out = out;
	memset(&ctx->ti, 0, sizeof(ctx->ti));
	walk(ctx, &uw.base, node);
	ctx->ti = saved;
}

/*
 * Create the rules' states and walk the document.
 */
static void
run_rules(VCtx *ctx)
{
	RuleWalker *rw = gql_arena_alloc(ctx->arena, sizeof(RuleWalker));
	VPriv	   *priv = ctx->priv;
	int			i;

	rw->base.enter = rules_enter;
	rw->base.leave = rules_leave;
	for (i = 0; i < NRULES; i++)
	{
		priv->rule = all_rules[i]->name;
		rw->states[i] = all_rules[i]->create != NULL ?
			all_rules[i]->create(ctx) : NULL;
		/* a rule left out skips the whole document */
		if (priv->allow_unused_variables &&
			all_rules[i] == &gql_rule_no_unused_variables)
			rw->skipping[i] = &ctx->document->hdr;
	}
	walk(ctx, &rw->base, &ctx->document->hdr);
}

/*
 * Validate a document against a schema with all rules.
 */
GqlValidationError *
gql_validate(GqlArena *arena, const GqlSchema *schema,
			 const GqlDocument *document, const GqlValidationOptions *opts,
			 int *nerrors)
{
	VCtx	   *ctx = gql_arena_alloc(arena, sizeof(VCtx));
	VPriv	   *priv = gql_arena_alloc(arena, sizeof(VPriv));

	ctx->arena = arena;
	ctx->schema = schema;
	ctx->document = document;
	ctx->priv = priv;
	priv->max_errors = opts != NULL && opts->max_errors > 0 ? opts->max_errors : 100;
	priv->fragment_work = V_FRAGMENT_WORK_BUDGET;
	if (opts != NULL)
	{
		priv->scalar_check = opts->scalar_check;
		priv->scalar_check_arg = opts->scalar_check_arg;
		priv->allow_unused_variables = opts->allow_unused_variables;
		priv->string_scalars = opts->string_scalars;
	}
	if (setjmp(priv->abort_jmp) == 0)
		run_rules(ctx);
	if (nerrors != NULL)
		*nerrors = priv->nerrors;
	return priv->errors;
}
