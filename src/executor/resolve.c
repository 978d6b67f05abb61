/*-------------------------------------------------------------------------
 *
 * resolve.c
 *	  The SQL functions graphql.resolve and graphql.explain.
 *
 * A request goes: parse (parse-failed), validate against the current
 * role's schema (validation-failed), choose the operation, coerce the
 * variables (validation-failed), plan, and run the one statement read-only
 * through SPI in a subtransaction, so that no GraphQL or SQL error aborts
 * the caller's transaction.  SQL errors map by SQLSTATE: class 22
 * data-exception (22025, a bad LIKE escape: bad-request), class 23 constraint-violation, 42501 permission-error,
 * anything else unexpected.  All memory of a call is in one context.
 * graphql.explain gives the statement, or its EXPLAIN run through SPI with
 * the same parameters.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

#include "executor/executor.h"
#include "graphql.h"
#include "guc.h"
#include "metadata/metadata.h"
#include "planner/planner.h"
#include "reflect/reflect.h"
#include "validation/validation.h"

PG_FUNCTION_INFO_V1(graphql_resolve);
PG_FUNCTION_INFO_V1(graphql_explain);

/* A request on its way: the response is written into out */
typedef struct Request
{
	GqlArena   *arena;
	const GqlSchema *schema;
	GqlDocument *document;
	GqlExecContext ctx;
	GqlVariables vars;
	PlanSql    *sql;			/* the statement, once planned */
	const GqlCollectedField *mutation_field;	/* the mutation field running */
	GqlLoc		plan_error_loc; /* where a planner error is */
	StringInfoData out;			/* the response */
} Request;

/*
 * Append ", \"path\": [...]" for a select whose SQL failed: the response
 * keys from the root to the first list (or aggregate) on the way, since
 * the statement fails as a whole and a list's failing item is not known.
 */
static void
append_path(StringInfo out, const PlanSelect *sel)
{
	const PlanSelect *s;
	const PlanSelect **chain;
	int			n = 0;
	int			k;

	for (s = sel; s; s = s->parent)
		n++;
	chain = palloc(sizeof(PlanSelect *) * n);
	for (k = 0, s = sel; s; s = s->parent)
		chain[k++] = s;
	appendStringInfoString(out, ", \"path\": [");
	for (k = n - 1; k >= 0; k--)
	{
		escape_json(out, chain[k]->key);
		if (k == 0 || chain[k]->shape != PS_SINGLE)
			break;
		appendStringInfoString(out, ", ");
	}
	appendStringInfoChar(out, ']');
}

/*
 * Append {"message": m, "locations"?: [...], "path"?: [...], "extensions":
 * {"code": c}}, the path given by the select an execution error belongs to
 */
static void
add_error(StringInfo out, const char *message, const GqlLoc *locs, int nlocs,
		  const PlanSelect *path, const char *code)
{
	int			k;

	appendStringInfoString(out, "{\"message\": ");
	escape_json(out, message);
	for (k = 0; k < nlocs; k++)
		appendStringInfo(out, "%s{\"line\": %u, \"column\": %u}",
						 k == 0 ? ", \"locations\": [" : ", ",
						 locs[k].line, locs[k].column);
	if (nlocs > 0)
		appendStringInfoChar(out, ']');
	if (path)
		append_path(out, path);
	appendStringInfo(out, ", \"extensions\": {\"code\": \"%s\"}}", code);
}

/* The response of one error: {"errors": [...]} with or without data */
static void
error_response(Request *r, const char *message, const GqlLoc *locs,
			   int nlocs, const char *code, bool data)
{
	resetStringInfo(&r->out);
	appendStringInfoString(&r->out, data ? "{\"data\": null, \"errors\": ["
						   : "{\"errors\": [");
	add_error(&r->out, message, locs, nlocs, NULL, code);
	appendStringInfoString(&r->out, "]}");
}

/*
 * Scalar literal check for validation: numbers for numeric-ish custom
 * scalars, anything for json/jsonb, objects for composite types, strings
 * for the others (uuid, date, ... in their text form, as Hasura accepts
 * them).
 */
static const char *
scalar_check(void *arg, GqlArena *arena, const GqlSchemaType *scalar,
			 const GqlValue *literal)
{
	const GqlCatType *type = scalar->source;
	GqlKind		kind = literal->hdr.kind;

	if (type == NULL || type->tag != GQL_CAT_TYPE)
		return NULL;
	if (type->oid == JSONOID || type->oid == JSONBOID)
		return NULL;
	if (kind == GQL_STRING_VALUE || kind == GQL_VARIABLE)
		return NULL;
	/* a composite type's scalar (graphql.hasura_compat): its attributes */
	if (kind == GQL_OBJECT_VALUE && type->typtype == TYPTYPE_COMPOSITE)
		return NULL;
	if ((kind == GQL_INT_VALUE || kind == GQL_FLOAT_VALUE) &&
		(type->oid == INT2OID || type->oid == INT8OID ||
		 type->oid == FLOAT8OID || type->oid == NUMERICOID ||
		 type->oid == MONEYOID || type->oid == OIDOID))
		return NULL;
	return "";
}

/* Parse and validate; false with the error response written */
static bool
parse_and_validate(Request *r, text *query)
{
	GqlError	perr;
	GqlValidationOptions opts = {0};
	GqlValidationError *verr;
	const char *message;
	int			n;

	r->document = graphql_parse_document(r->arena, VARDATA_ANY(query),
										 VARSIZE_ANY_EXHDR(query), &perr);
	if (r->document == NULL)
	{
		GqlLoc		loc = {0, 0, perr.line, perr.column};

		error_response(r, perr.message, &loc, 1, "parse-failed", false);
		return false;
	}
	if ((message = graphql_session_error()) != NULL)
	{
		error_response(r, message, NULL, 0, "bad-request", false);
		return false;
	}
	r->schema = graphql_schema_get();
	opts.scalar_check = scalar_check;
	opts.allow_unused_variables = graphql_hasura_compat;
	opts.string_scalars = graphql_hasura_compat;
	verr = gql_validate(r->arena, r->schema, r->document, &opts, &n);
	if (verr == NULL)
		return true;
	resetStringInfo(&r->out);
	appendStringInfoString(&r->out, "{\"errors\": [");
	for (; verr; verr = verr->next)
	{
		/* Hasura calls an Int literal out of range a parse error */
		bool		range = strncmp(verr->message, GQL_INT_RANGE_MESSAGE,
									strlen(GQL_INT_RANGE_MESSAGE)) == 0;

		add_error(&r->out, verr->message, verr->locations, verr->nlocations,
				  NULL, range ? "parse-failed" : "validation-failed");
		if (verr->next)
			appendStringInfoString(&r->out, ", ");
	}
	appendStringInfoString(&r->out, "]}");
	return false;
}

/*
 * The multiplier of a list field without a limit argument in the
 * complexity of graphql.max_complexity
 */
#define LIST_ROW_CAP 100

/*
 * graphql.max_depth and graphql.max_complexity (execution/limits.c);
 * false with the error response, whose extensions give the limit and the
 * value found
 */
static bool
check_limits(Request *r)
{
	GqlLimits	limits = {graphql_max_depth, graphql_max_complexity,
		graphql_max_rows > 0 ? graphql_max_rows : LIST_ROW_CAP};
	GqlLimitResult res;
	const char *setting;
	const char *code;
	long long	limit;
	long long	actual;

	if (limits.max_depth == 0 && limits.max_complexity == 0)
		return true;
	if (gql_check_limits(&r->ctx, &limits, &res))
		return true;
	if (res.exceeded == GQL_LIMIT_DEPTH)
	{
		setting = "graphql.max_depth";
		code = "depth-limit-exceeded";
		limit = limits.max_depth;
		actual = res.depth;
	}
	else
	{
		setting = "graphql.max_complexity";
		code = "complexity-limit-exceeded";
		limit = limits.max_complexity;
		actual = res.complexity;
	}
	resetStringInfo(&r->out);
	appendStringInfoString(&r->out, "{\"errors\": [{\"message\": ");
	escape_json(&r->out,
				psprintf(res.exceeded == GQL_LIMIT_DEPTH ?
						 "the operation is nested more than %lld levels deep (%s)" :
						 "the operation's complexity %lld exceeds %s",
						 res.exceeded == GQL_LIMIT_DEPTH ? limit : actual, setting));
	appendStringInfo(&r->out,
					 ", \"extensions\": {\"code\": \"%s\", \"setting\": \"%s\", \"limit\": %lld, \"%s\": %lld}}]}",
					 code, setting, limit,
					 res.exceeded == GQL_LIMIT_DEPTH ? "depth" : "complexity", actual);
	return false;
}

/* Choose the operation and coerce the variables; false on error */
static bool
prepare(Request *r, text *query, Jsonb *variables, text *operation_name)
{
	const char *message = NULL;
	char	   *error;
	const GqlOperationDefinition *op;
	GqlLoc		loc;

	if (!parse_and_validate(r, query))
		return false;
	op = gql_get_operation(r->document,
						   operation_name ? text_to_cstring(operation_name) : NULL,
						   &message);
	if (op == NULL)
	{
		error_response(r, message, NULL, 0, "validation-failed", false);
		return false;
	}
	error = graphql_coerce_variables(r->schema, op, variables, &r->vars, &loc);
	if (error)
	{
		error_response(r, error, &loc, loc.line ? 1 : 0, "validation-failed",
					   false);
		return false;
	}
	r->ctx.arena = r->arena;
	r->ctx.schema = r->schema;
	r->ctx.document = r->document;
	r->ctx.operation = op;
	r->ctx.variable = graphql_variable_lookup;
	r->ctx.variable_arg = &r->vars;
	return check_limits(r);
}

/* Hasura's code of an SQL error */
static const char *
error_code(int sqlerrcode)
{
	if (sqlerrcode == ERRCODE_GRAPHQL_VALIDATION)
		return "validation-failed";
	if (sqlerrcode == ERRCODE_GRAPHQL_NOT_FOUND)
		return "not-found";
	/* Hasura's one exception in class 22: a bad LIKE escape is the query's fault */
	if (sqlerrcode == ERRCODE_INVALID_ESCAPE_SEQUENCE)
		return "bad-request";
	if (ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_DATA_EXCEPTION)
		return "data-exception";
	if (ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_INTEGRITY_CONSTRAINT_VIOLATION)
		return "constraint-violation";
	if (sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE)
		return "permission-error";
	return "unexpected";
}

/* The $n parameters of a statement: text values, cast in its SQL */
typedef struct Params
{
	Oid		   *types;
	Datum	   *values;
	char	   *nulls;
} Params;

static void
bind_params(const PlanSql *ps, Params *p)
{
	int			k;

	p->types = palloc(sizeof(Oid) * (ps->nparams + 1));
	p->values = palloc(sizeof(Datum) * (ps->nparams + 1));
	p->nulls = palloc(ps->nparams + 1);
	for (k = 0; k < ps->nparams; k++)
	{
		p->types[k] = TEXTOID;
		p->values[k] = ps->values[k] ? CStringGetTextDatum(ps->values[k]) : (Datum) 0;
		p->nulls[k] = ps->values[k] ? ' ' : 'n';
	}
}

/* Run sql with the parameters of ps through SPI (executor.h) */
int
graphql_spi_execute(const PlanSql *ps, const char *sql, bool read_only,
					long count)
{
	Params		p;

	bind_params(ps, &p);
	return SPI_execute_with_args(sql, ps->nparams, p.types, p.values, p.nulls,
								 read_only, count);
}

/* Plan, run the statement read-only, append {"data": ...} (in SPI) */
static void
run_statement(Request *r, MemoryContext cxt)
{
	PlanSql    *ps;
	bool		isnull;
	Datum		d;

	ps = graphql_plan_sql(graphql_plan_query(&r->ctx, &r->plan_error_loc));
	r->sql = ps;
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (graphql_spi_execute(ps, ps->sql, true, 1) != SPI_OK_SELECT ||
		SPI_processed != 1)
		elog(ERROR, "the statement of a GraphQL query returned no row");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	MemoryContextSwitchTo(cxt);
	resetStringInfo(&r->out);
	appendStringInfo(&r->out, "{\"data\": %s}",
					 isnull ? "null" : text_to_cstring(DatumGetTextPP(d)));
	SPI_finish();
}

/* Run the mutation's fields, append {"data": ...} (in SPI) */
static void
run_mutation(Request *r, MemoryContext cxt)
{
	char	   *data;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	data = graphql_run_mutation(&r->ctx, &r->mutation_field);
	MemoryContextSwitchTo(cxt);
	resetStringInfo(&r->out);
	appendStringInfo(&r->out, "{\"data\": %s}", data);
	SPI_finish();
}

/*
 * In a PG_CATCH block around a subtransaction: restore the read-only flag,
 * take the error out of the error state (into cxt), roll the
 * subtransaction back and return to the caller's resource owner and
 * context, as PL/pgSQL's exception blocks do.
 */
static ErrorData *
abort_subtransaction(ResourceOwner owner, MemoryContext cxt, bool was_read_only)
{
	ErrorData  *edata;

	XactReadOnly = was_read_only;
	MemoryContextSwitchTo(cxt);
	edata = CopyErrorData();
	FlushErrorState();
	RollbackAndReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
	return edata;
}

/*
 * Whether the check statement of parameter k (planner.h) fails, run in a
 * subtransaction of its own.
 */
static bool
check_fails(const PlanSql *ps, int k, MemoryContext cxt)
{
	ResourceOwner owner = CurrentResourceOwner;
	bool		was_read_only = XactReadOnly;
	Oid			type = TEXTOID;
	Datum		value = CStringGetTextDatum(ps->values[k]);
	bool		failed = false;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		XactReadOnly = true;
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		SPI_execute_with_args(ps->sites[k].check, 1, &type, &value, NULL,
							  true, 1);
		SPI_finish();
		XactReadOnly = was_read_only;
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		FreeErrorData(abort_subtransaction(owner, cxt, was_read_only));
		failed = true;
	}
	PG_END_TRY();
	return failed;
}

/*
 * The select a failed statement's error belongs to, or NULL.  A data
 * exception is usually one value that does not fit its type or operator
 * (an invalid uuid, a bad pattern): the first parameter whose check fails
 * on its own names the select.  Otherwise, with a single root field, the
 * error is that field's.  Checks are bounded, each one costing a
 * subtransaction.
 */
#define MAX_ATTRIBUTION_CHECKS 256

static const PlanSelect *
error_select(Request *r, int sqlerrcode, MemoryContext cxt)
{
	const PlanSql *ps = r->sql;
	const PlanSelect *root = NULL;
	int			checks = 0;
	int			k;

	if (ps == NULL)
		return NULL;
	if (ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_DATA_EXCEPTION)
		for (k = 0; k < ps->nparams && checks < MAX_ATTRIBUTION_CHECKS; k++)
		{
			if (ps->values[k] == NULL || ps->sites[k].select == NULL)
				continue;
			checks++;
			if (check_fails(ps, k, cxt))
				return ps->sites[k].select;
		}
	for (k = 0; k < ps->plan->nfields; k++)
	{
		const PlanField *f = &ps->plan->fields[k];
		PlanSelect *call;

		if (f->kind != PF_SELECT && f->kind != PF_CALL)
			continue;
		if (root)
			return NULL;
		if (f->kind == PF_SELECT)
		{
			root = f->select;
			continue;
		}
		/* a scalar function's field: a select that only locates it */
		call = palloc0(sizeof(PlanSelect));
		call->shape = PS_SINGLE;
		call->key = f->key;
		call->loc = f->loc;
		root = call;
	}
	return root;
}

/*
 * The response of an error while a mutation field ran: at that field.
 * Hasura prefixes the messages of constraint violations with their kind.
 */
static void
mutation_error(Request *r, ErrorData *edata)
{
	const GqlCollectedField *cf = r->mutation_field;
	const char *prefix = "";
	const char *message;
	bool		validation = edata->sqlerrcode == ERRCODE_GRAPHQL_VALIDATION;

	switch (edata->sqlerrcode)
	{
		case ERRCODE_NOT_NULL_VIOLATION:
			prefix = "Not-NULL violation. ";
			break;
		case ERRCODE_FOREIGN_KEY_VIOLATION:
			prefix = "Foreign key violation. ";
			break;
		case ERRCODE_UNIQUE_VIOLATION:
			prefix = "Uniqueness violation. ";
			break;
		case ERRCODE_CHECK_VIOLATION:
			prefix = "Check constraint violation. ";
			break;
		case ERRCODE_EXCLUSION_VIOLATION:
			prefix = "Exclusion violation. ";
			break;
		case ERRCODE_RESTRICT_VIOLATION:
			prefix = "Can not delete or update due to data being referred. ";
			break;
	}
	message = psprintf("%s%s", prefix, edata->message);
	resetStringInfo(&r->out);
	/* a validation error: nothing was kept, no data and no path */
	appendStringInfoString(&r->out, validation ? "{\"errors\": ["
						   : "{\"data\": null, \"errors\": [");
	appendStringInfoString(&r->out, "{\"message\": ");
	escape_json(&r->out, message);
	appendStringInfo(&r->out,
					 ", \"locations\": [{\"line\": %u, \"column\": %u}]",
					 cf->fields[0]->hdr.loc.line, cf->fields[0]->hdr.loc.column);
	if (!validation)
	{
		appendStringInfoString(&r->out, ", \"path\": [");
		escape_json(&r->out, cf->response_key);
		appendStringInfoChar(&r->out, ']');
	}
	appendStringInfo(&r->out, ", \"extensions\": {\"code\": \"%s\"}}]}",
					 error_code(edata->sqlerrcode));
}

/*
 * The response of an error raised while planning or running the
 * statement: a planner validation error at its argument, without data; an
 * SQL error with data null, at the field it could be traced to.
 */
static void
execution_error(Request *r, ErrorData *edata, MemoryContext cxt)
{
	const PlanSelect *sel;

	if (r->mutation_field)
	{
		mutation_error(r, edata);
		return;
	}
	if (edata->sqlerrcode == ERRCODE_GRAPHQL_VALIDATION)
	{
		error_response(r, edata->message, &r->plan_error_loc,
					   r->plan_error_loc.line ? 1 : 0, "validation-failed",
					   false);
		return;
	}
	sel = error_select(r, edata->sqlerrcode, cxt);
	resetStringInfo(&r->out);
	appendStringInfoString(&r->out, "{\"data\": null, \"errors\": [");
	add_error(&r->out, edata->message, sel ? &sel->loc : NULL, sel ? 1 : 0,
			  sel, error_code(edata->sqlerrcode));
	appendStringInfoString(&r->out, "]}");
}

/*
 * An argument of non-null type given a null variable (set for the time the
 * operation is planned and run): a validation error at the argument, as
 * graphql-js's CoerceArgumentValues words it
 */
static void
null_argument(void *arg, const GqlArgument *argument, const GqlInputValue *def)
{
	Request    *r = arg;

	r->plan_error_loc = argument->hdr.loc;
	ereport(ERROR,
			(errcode(ERRCODE_GRAPHQL_VALIDATION),
			 errmsg("Argument \"%s\" of non-null type \"%s\" must not be null.",
					def->name, gql_type_ref_string(r->arena, def->type))));
}

/*
 * Plan and execute in a subtransaction; an error (planner validation or
 * SQL) becomes the response, the caller's transaction going on.
 *
 * The statement runs with the transaction marked read-only, so that a
 * query cannot write even through a volatile function behind a view (SPI's
 * read-only flag alone only covers the top-level statement).  The flag is
 * restored on both paths.
 */
static void
execute(Request *r, MemoryContext cxt)
{
	ResourceOwner owner = CurrentResourceOwner;
	bool		was_read_only = XactReadOnly;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	r->ctx.null_argument = null_argument;
	r->ctx.null_argument_arg = r;
	PG_TRY();
	{
		if (r->ctx.operation->operation == GQL_OP_MUTATION)
			run_mutation(r, cxt);
		else
		{
			XactReadOnly = true;
			run_statement(r, cxt);
			XactReadOnly = was_read_only;
		}
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		ErrorData  *edata = abort_subtransaction(owner, cxt, was_read_only);

		execution_error(r, edata, cxt);
		FreeErrorData(edata);
	}
	PG_END_TRY();
}

/* A request context: memory, arena, response buffer */
static MemoryContext
request_init(Request *r)
{
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext,
											  "graphql request",
											  ALLOCSET_DEFAULT_SIZES);
	MemoryContext old = MemoryContextSwitchTo(cxt);

	memset(r, 0, sizeof(Request));
	r->arena = graphql_arena_create(cxt);
	initStringInfo(&r->out);
	MemoryContextSwitchTo(old);
	return cxt;
}

/*
 * graphql.resolve(query text, variables jsonb, operation_name text,
 * extensions jsonb) RETURNS json
 */
Datum
graphql_resolve(PG_FUNCTION_ARGS)
{
	Request		r;
	MemoryContext old = CurrentMemoryContext;
	MemoryContext cxt;
	text	   *result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	cxt = request_init(&r);
	MemoryContextSwitchTo(cxt);
	if (prepare(&r, PG_GETARG_TEXT_PP(0),
				PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1),
				PG_ARGISNULL(2) ? NULL : PG_GETARG_TEXT_PP(2)))
		execute(&r, cxt);
	MemoryContextSwitchTo(old);
	result = cstring_to_text_with_len(r.out.data, r.out.len);
	MemoryContextDelete(cxt);
	PG_RETURN_TEXT_P(result);
}

/*
 * EXPLAIN of the statement with resolve's parameter values, one line of
 * text per plan line, in cxt.  EXPLAIN is a utility statement, which SPI
 * refuses in its read-only mode; the transaction is marked read-only
 * instead (as in resolve), and the subtransaction is rolled back, so that
 * ANALYZE, which executes the statement, can neither write nor leave
 * anything behind.  Errors are raised.
 */
static char *
explain_statement(const PlanSql *ps, bool analyze, MemoryContext cxt)
{
	ResourceOwner owner = CurrentResourceOwner;
	StringInfoData sql;
	StringInfoData out;
	Params		p;
	bool		was_read_only = XactReadOnly;

	bind_params(ps, &p);
	initStringInfo(&sql);
	appendStringInfo(&sql, "EXPLAIN (%s) %s",
					 analyze ? "ANALYZE" : "COSTS OFF", ps->sql);
	initStringInfo(&out);
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(cxt);
	PG_TRY();
	{
		uint64		k;

		/* read-only as in resolve: ANALYZE runs the statement */
		XactReadOnly = true;
		if (SPI_connect() != SPI_OK_CONNECT)
			elog(ERROR, "SPI_connect failed");
		if (SPI_execute_with_args(sql.data, ps->nparams, p.types, p.values,
								  p.nulls, false, 0) < 0 ||
			SPI_tuptable == NULL)
			elog(ERROR, "EXPLAIN of a GraphQL query returned no plan");
		XactReadOnly = was_read_only;
		for (k = 0; k < SPI_processed; k++)
			appendStringInfo(&out, "%s%s", k ? "\n" : "",
							 SPI_getvalue(SPI_tuptable->vals[k],
										  SPI_tuptable->tupdesc, 1));
		SPI_finish();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(cxt);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		ReThrowError(abort_subtransaction(owner, cxt, was_read_only));
	}
	PG_END_TRY();
	return out.data;
}

/*
 * graphql.explain(query text, variables jsonb, operation_name text,
 * plan text) RETURNS text: the statement resolve would run (plan NULL),
 * its plan ('plan') or its EXPLAIN ANALYZE ('analyze'); errors are raised.
 */
Datum
graphql_explain(PG_FUNCTION_ARGS)
{
	Request		r;
	MemoryContext old = CurrentMemoryContext;
	MemoryContext cxt;
	text	   *result;
	PlanSql    *ps;
	char	   *mode = PG_ARGISNULL(3) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(3));
	char	   *answer;

	if (mode && strcmp(mode, "plan") != 0 && strcmp(mode, "analyze") != 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid value for parameter \"plan\": \"%s\"", mode),
				 errhint("Accepted values are \"plan\", \"analyze\" and NULL (the SQL text).")));
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	cxt = request_init(&r);
	MemoryContextSwitchTo(cxt);
	if (!prepare(&r, PG_GETARG_TEXT_PP(0),
				 PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1),
				 PG_ARGISNULL(2) ? NULL : PG_GETARG_TEXT_PP(2)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid GraphQL request"),
				 errdetail_internal("%s", r.out.data)));
	if (r.ctx.operation->operation == GQL_OP_MUTATION)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("graphql.explain explains queries only"),
				 errdetail("A mutation runs one statement per field, each built from the rows the one before it returned.")));
	ps = graphql_plan_sql(graphql_plan_query(&r.ctx, &r.plan_error_loc));
	answer = mode ? explain_statement(ps, mode[0] == 'a', cxt) : ps->sql;
	MemoryContextSwitchTo(old);
	result = cstring_to_text(answer);
	MemoryContextDelete(cxt);
	PG_RETURN_TEXT_P(result);
}
