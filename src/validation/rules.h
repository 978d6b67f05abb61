/*-------------------------------------------------------------------------
 *
 * rules.h
 *	  Module-internal interface of document validation: the context the
 *	  rules read (schema, document, the type information of the node being
 *	  visited), the rule interface, and the helpers the rules share
 *	  (errors, suggestions, fragment and variable bookkeeping).
 *
 * The driver (validate.c) walks the document once, as graphql-js's
 * visitInParallel + visitWithTypeInfo do: for every node it updates the
 * type information, then calls each rule's enter callback in order; after
 * the children, each rule's leave callback, then restores the type
 * information.  A rule whose enter returns false does not see the node's
 * subtree (the other rules still do).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_VALIDATION_RULES_H
#define GQL_VALIDATION_RULES_H

#include "validation.h"

/* Marks a callback parameter a rule does not need */
#define V_UNUSED __attribute__((unused))

/* A string-keyed hash map in an arena (names of fragments, variables...) */
typedef struct VMap VMap;

extern VMap *vmap_create(GqlArena *arena);
extern void *vmap_get(const VMap *map, const char *key);
/* Set key to value (replacing any previous value) */
extern void vmap_set(VMap *map, const char *key, void *value);
extern int	vmap_count(const VMap *map);
/* The same keyed by pointers */
extern VMap *vmap_create_ptr(GqlArena *arena);
extern void *vmap_get_ptr(const VMap *map, const void *key);
extern void vmap_set_ptr(VMap *map, const void *key, void *value);

/* A growable array of pointers in an arena */
typedef struct VList
{
	void	  **items;
	int			count;
	int			cap;
} VList;

extern void vlist_push(GqlArena *arena, VList *list, void *item);

/*
 * What graphql-js's TypeInfo knows at a node.  Every member may be NULL
 * (unknown).  Output and input types are references (with list and
 * non-null wrappers), parent_type is a named composite type.
 */
typedef struct VTypeInfo
{
	GqlSchemaType *parent_type;
	const GqlTypeRef *type;
	const GqlFieldDef *field_def;
	const GqlTypeRef *input_type;
	const GqlTypeRef *parent_input_type;
	const GqlValue *default_value;	/* of the argument / input field */
	const GqlDirectiveDef *directive;
	const GqlInputValue *argument;
	const GqlInputValue *input_value;	/* of the argument or input field
										 * whose value (or list item) this is */
} VTypeInfo;

/* One use of a variable, as ValidationContext.getVariableUsages gives it */
typedef struct VVariableUsage
{
	const GqlValue *node;		/* kind GQL_VARIABLE */
	const GqlTypeRef *type;		/* input type at the position, or NULL */
	const GqlValue *default_value;	/* of that position, or NULL */
	const GqlTypeRef *parent_type;	/* parent input type, or NULL */
} VVariableUsage;

typedef struct VCtx VCtx;

/* A validation rule (one per file under rules/) */
typedef struct VRule
{
	const char *name;			/* graphql-js's name, e.g. "ScalarLeafsRule" */
	void	   *(*create) (VCtx *ctx);	/* state for one run, or NULL */
	bool		(*enter) (VCtx *ctx, void *state, const GqlNode *node);
	void		(*leave) (VCtx *ctx, void *state, const GqlNode *node);
} VRule;

struct VCtx
{
	GqlArena   *arena;
	const GqlSchema *schema;
	const GqlDocument *document;
	VTypeInfo	ti;				/* type information of the current node */
	const GqlNode **stack;		/* the current node and its ancestors */
	int			depth;			/* stack[depth - 1] is the current node */
	int			stack_cap;
	const GqlNode *definition;	/* the top-level definition being visited */
	void	   *priv;			/* driver-private state */
};

/* The node n levels above the current one (0: the current node), or NULL */
extern const GqlNode *v_ancestor(const VCtx *ctx, int n);

/* ---- errors ---- */
extern void v_report(VCtx *ctx, const char *message, const GqlNode *node);
extern void v_report_nodes(VCtx *ctx, const char *message,
						   const GqlNode *const *nodes, int nnodes);
/* Stop validating: "Validation aborted." (graphql-js's work budgets) */
extern void v_abort(VCtx *ctx);
/* graphql-js's fragment-work budget (ValidationContext.spendFragmentWork) */
extern void v_spend_fragment_work(VCtx *ctx, int cost);

/* A message formatted in the arena */
extern const char *v_msg(VCtx *ctx, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* ---- suggestions ---- */
/* graphql-js's suggestionList: options within lexical distance, sorted */
extern const char **v_suggestion_list(VCtx *ctx, const char *input,
									  const char *const *options, int noptions,
									  int *nout);
/* Append graphql-js's didYouMean text (sub may be NULL) */
extern void v_did_you_mean(GqlBuf *buf, const char *sub,
						   const char *const *suggestions, int n);
/*
 * Sort as V8's Array.prototype.sort does for short arrays (a run, then
 * binary insertion): the same result even for an inconsistent order.
 */
extern void v_js_sort(void **items, int n,
					  int (*cmp) (const void *a, const void *b));
/* graphql-js's naturalCompare */
extern int	v_natural_compare(const char *a, const char *b);

/* ---- document ---- */
extern const GqlFragment *v_fragment(VCtx *ctx, const char *name);
/* Fragment spreads anywhere below a selection set (graphql-js's order) */
extern const VList *v_fragment_spreads(VCtx *ctx, const GqlSelectionSet *set);
/* Fragments referenced, recursively, by the given operations */
extern const VList *v_recursive_fragments(VCtx *ctx,
										  const GqlOperationDefinition *const *ops,
										  int nops);
/* Variable usages of an operation and the fragments it references */
extern const VVariableUsage *v_recursive_variable_usages(VCtx *ctx,
														 const GqlOperationDefinition *op,
														 int *n);

/* ---- schema ---- */
/* A named type as graphql-js's schema.getType sees it, or NULL */
extern GqlSchemaType *v_type_named(VCtx *ctx, const char *name);
/* typeFromAST; NULL when a name is unknown */
extern const GqlTypeRef *v_type_from_ast(VCtx *ctx, const GqlType *ast);
extern const GqlTypeRef *v_named_ref(VCtx *ctx, GqlSchemaType *type);
extern GqlSchemaType *v_named_type(const GqlTypeRef *ref);
extern const GqlTypeRef *v_nullable(const GqlTypeRef *ref);
extern bool v_is_non_null(const GqlTypeRef *ref);
extern bool v_is_list(const GqlTypeRef *ref);
/* The field of a composite type, meta-fields included (TypeInfo's rule) */
extern const GqlFieldDef *v_field_def(VCtx *ctx, const GqlSchemaType *parent,
									  const char *name);
extern GqlSchemaType *v_root_type(VCtx *ctx, GqlOperationType op);
/* schema.isSubType(abstract, maybe_sub) */
extern bool v_is_sub_type(const GqlSchemaType *abstract,
						  const GqlSchemaType *maybe_sub);
extern bool v_types_overlap(const GqlSchemaType *a, const GqlSchemaType *b);
extern bool v_is_type_sub_type_of(const GqlTypeRef *maybe_sub,
								  const GqlTypeRef *super);
extern bool v_is_required(const GqlInputValue *value);

/* ---- printing ---- */
/* "[Int!]!" */
extern const char *v_type_str(VCtx *ctx, const GqlTypeRef *ref);
/* graphql-js's print / printForError of a node */
extern const char *v_print(VCtx *ctx, const GqlNode *node);

/* Custom scalar literal hook (see validation.h), or NULL */
extern GqlScalarLiteralCheck v_scalar_check(const VCtx *ctx, void **arg);
/* Do String literals stand for Int, Float and Boolean ones (the options) */
extern bool v_string_scalars(const VCtx *ctx);

/* ---- the rules, in graphql-js's specifiedRules order ---- */
extern const VRule gql_rule_known_operation_types;
extern const VRule gql_rule_executable_definitions;
extern const VRule gql_rule_unique_operation_names;
extern const VRule gql_rule_lone_anonymous_operation;
extern const VRule gql_rule_single_field_subscriptions;
extern const VRule gql_rule_known_type_names;
extern const VRule gql_rule_fragments_on_composite_types;
extern const VRule gql_rule_variables_are_input_types;
extern const VRule gql_rule_scalar_leafs;
extern const VRule gql_rule_fields_on_correct_type;
extern const VRule gql_rule_unique_fragment_names;
extern const VRule gql_rule_known_fragment_names;
extern const VRule gql_rule_no_unused_fragments;
extern const VRule gql_rule_possible_fragment_spreads;
extern const VRule gql_rule_no_fragment_cycles;
extern const VRule gql_rule_unique_variable_names;
extern const VRule gql_rule_no_undefined_variables;
extern const VRule gql_rule_no_unused_variables;
extern const VRule gql_rule_known_directives;
extern const VRule gql_rule_unique_directives_per_location;
extern const VRule gql_rule_known_argument_names;
extern const VRule gql_rule_unique_argument_names;
extern const VRule gql_rule_values_of_correct_type;
extern const VRule gql_rule_provided_required_arguments;
extern const VRule gql_rule_variables_in_allowed_position;
extern const VRule gql_rule_overlapping_fields_can_be_merged;
extern const VRule gql_rule_unique_input_field_names;

#endif							/* GQL_VALIDATION_RULES_H */
