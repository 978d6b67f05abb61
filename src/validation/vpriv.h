/*-------------------------------------------------------------------------
 *
 * vpriv.h
 *	  The validation driver's private state, shared by validate.c,
 *	  context.c and document.c (not by the rules).
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_VALIDATION_VPRIV_H
#define GQL_VALIDATION_VPRIV_H

#include "rules.h"

#include <setjmp.h>

/* graphql-js's ValidationContext fragment-work budget */
#define V_FRAGMENT_WORK_BUDGET	50000

typedef struct VPriv
{
	GqlValidationError *errors;
	GqlValidationError *last;
	int			nerrors;
	int			max_errors;
	const char *rule;			/* name of the rule running */
	jmp_buf		abort_jmp;		/* where v_abort and the error limit go */
	long		fragment_work;	/* what is left of the budget */
	GqlScalarLiteralCheck scalar_check;
	void	   *scalar_check_arg;
	bool		allow_unused_variables;
	bool		string_scalars;
	VMap	   *used_scalars;	/* spec scalars the schema uses (lazy) */
	VMap	   *fragments;		/* name -> GqlFragment (lazy) */
	VMap	   *spreads;		/* selection set -> VList of spreads */
	VMap	   *recursive_fragments;	/* sorted spread names -> VList */
	VMap	   *usages;			/* node -> VUsages */
	VMap	   *recursive_usages;	/* operation or fragment list -> VUsages */
} VPriv;

/* A list of variable usages */
typedef struct VUsages
{
	VVariableUsage *items;
	int			count;
	int			cap;
} VUsages;


/* Collect the variable usages below node with a fresh TypeInfo (validate.c) */
extern void v_collect_variable_usages(VCtx *ctx, const GqlNode *node,
									  VUsages *out);

#endif							/* GQL_VALIDATION_VPRIV_H */
