/*-------------------------------------------------------------------------
 *
 * executor.h
 *	  Public interface of the executor: the SQL functions graphql.resolve
 *	  and graphql.explain (resolve.c) and the coercion of the request's
 *	  variables (variables.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GRAPHQL_EXECUTOR_H
#define GRAPHQL_EXECUTOR_H

#include "fmgr.h"
#include "execution/execution.h"
#include "utils/jsonb.h"

/* The coerced variables of an operation */
typedef struct GqlVariables
{
	const char **names;
	const GqlValue **values;	/* constant values; NULL: absent */
	int			count;
} GqlVariables;

/*
 * CoerceVariableValues (spec section 6.1.2): the variables of the
 * operation from a jsonb object (NULL: none given), as constant AST values
 * in the current memory context.  Returns NULL on success, else the error
 * message (graphql-js's wording) with *loc set to the variable definition
 * at fault (zero when the variables as a whole are wrong).
 */
extern char *graphql_coerce_variables(const GqlSchema *schema,
									  const GqlOperationDefinition *op,
									  Jsonb *variables, GqlVariables *out,
									  GqlLoc *loc);

/* GqlExecContext.variable over a GqlVariables */
extern const GqlValue *graphql_variable_lookup(void *arg, const char *name);

/*
 * resolve.c: run a planned statement (sql: its text or another one with
 * the same parameters) through SPI, connected by the caller; returns the
 * SPI result code
 */
struct PlanSql;
extern int	graphql_spi_execute(const struct PlanSql *ps, const char *sql,
								bool read_only, long count);

/*
 * mutate.c: run the mutation operation of ctx (in SPI, connected by the
 * caller, inside the caller's subtransaction): its data object as JSON
 * text in the current memory context.  *current is the field running
 * while it runs (for the error's location and path), NULL after.
 */
extern char *graphql_run_mutation(const GqlExecContext *ctx,
								  const GqlCollectedField **current);

extern Datum graphql_resolve(PG_FUNCTION_ARGS);
extern Datum graphql_explain(PG_FUNCTION_ARGS);

#endif							/* GRAPHQL_EXECUTOR_H */
