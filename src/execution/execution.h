/*-------------------------------------------------------------------------
 *
 * execution.h
 *	  Public interface of the portable parts of execution: choosing the
 *	  operation, collecting fields (@skip/@include, fragments, merging by
 *	  response key), argument values with variables substituted, and
 *	  introspection (__schema, __type) answered from the schema model.
 *
 * Portable C11 (no PostgreSQL header), memory from a GqlArena.  The
 * backend coerces the request's variables (jsonb) into constant AST values
 * and hands them over through GqlExecContext.variable; everything here then
 * works on AST values only.  Documents reaching these functions have passed
 * gql_validate.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_EXECUTION_H
#define GQL_EXECUTION_H

#include "../language/language.h"
#include "../schema/schema.h"

typedef struct GqlExecContext
{
	GqlArena   *arena;
	const GqlSchema *schema;
	const GqlDocument *document;
	const GqlOperationDefinition *operation;
	/*
	 * The coerced value of a variable of the operation, as a constant AST
	 * value (no variables inside), or NULL when the request gave none and
	 * the definition has no default.
	 */
	const GqlValue *(*variable) (void *arg, const char *name);
	void	   *variable_arg;
	/*
	 * Called (when set) by gql_argument_value for an argument of non-null
	 * type given a variable whose value is null (the spec's
	 * CoerceArgumentValues error); it does not return.
	 */
	void		(*null_argument) (void *arg, const GqlArgument *argument,
								  const GqlInputValue *def);
	void	   *null_argument_arg;
} GqlExecContext;

/*
 * The operation to run (the spec's GetOperation): the one named
 * operation_name, or the only one when operation_name is NULL.  Returns
 * NULL and sets *message (graphql-js's wording, e.g. `Unknown operation
 * named "X".`, `Must provide operation name if query contains multiple
 * operations.`) otherwise.
 */
extern const GqlOperationDefinition *gql_get_operation(const GqlDocument *document,
													   const char *operation_name,
													   const char **message);

/* One response key and the field nodes merged under it, in document order */
typedef struct GqlCollectedField
{
	const char *response_key;	/* alias or name */
	const GqlField **fields;	/* all nodes with this key (same name, args) */
	int			nfields;
	const GqlFieldDef *def;		/* the field's definition; for __typename,
								 * __schema and __type the meta-field */
} GqlCollectedField;

/*
 * CollectFields (spec section 6.3.2) over one or more selection sets (the
 * nodes of a merged field) for an object type: @skip/@include evaluated
 * with the variables, fragment spreads (each fragment once) and inline
 * fragments whose type condition applies to object_type, fields grouped by
 * response key in first-appearance order.  Returns the count; *out gets
 * the array.
 */
extern int	gql_collect_fields(const GqlExecContext *ctx,
							   const GqlSchemaType *object_type,
							   const GqlSelectionSet *const *sets, int nsets,
							   GqlCollectedField **out);

/*
 * The sub-selections of a merged field, as the selection sets of all its
 * nodes (for gql_collect_fields on the field's type).  Returns the count.
 */
extern int	gql_field_selection_sets(const GqlExecContext *ctx,
									 const GqlCollectedField *field,
									 const GqlSelectionSet ***out);

/*
 * The value of argument `name` of a field (first node of a merged field)
 * or directive: the literal with variables substituted (deeply, inside
 * lists and objects; an object field whose variable is absent is left
 * out), the argument's default when absent, NULL when absent without
 * default.  The result contains no variables.
 */
extern const GqlValue *gql_argument_value(const GqlExecContext *ctx,
										  const GqlList *arguments,
										  const GqlInputValue *def);

/* A value with its variables substituted (see above); NULL for an absent variable */
extern const GqlValue *gql_value_substitute(const GqlExecContext *ctx,
											const GqlValue *value);

/*
 * Introspection: the JSON text of the value of a merged __schema or
 * __type(name:) field, its selection set resolved against the schema model
 * (including nested __typename, includeDeprecated arguments, and the
 * builtin types: only the spec scalars the schema uses are listed, as
 * graphql-js does).  Object keys follow the selection order.  "null" for
 * __type of an unknown name.
 */
extern char *gql_introspect(const GqlExecContext *ctx,
							const GqlCollectedField *field);

/*
 * Limits of an operation (limits.c), checked before it runs: the depth of
 * its field nesting and its complexity (every field 1; a list field
 * multiplies its subtree's cost by its `limit` argument or row_cap).
 * Zero means no limit.
 */
typedef struct GqlLimits
{
	int			max_depth;
	long long	max_complexity;
	long long	row_cap;		/* multiplier of a list without limit (<= 0: 1) */
} GqlLimits;

typedef enum GqlLimitKind
{
	GQL_LIMIT_NONE,
	GQL_LIMIT_DEPTH,
	GQL_LIMIT_COMPLEXITY
} GqlLimitKind;

typedef struct GqlLimitResult
{
	GqlLimitKind exceeded;
	int			depth;			/* the deepest level seen */
	long long	complexity;		/* the cost (when the depth was within limits) */
} GqlLimitResult;

/* False when the operation of ctx exceeds a limit (see result->exceeded) */
extern bool gql_check_limits(const GqlExecContext *ctx, const GqlLimits *limits,
							 GqlLimitResult *result);

#endif							/* GQL_EXECUTION_H */
