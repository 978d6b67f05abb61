/*-------------------------------------------------------------------------
 *
 * call.c
 *	  Calls of SQL functions exposed as root fields and computed fields.
 *
 * A call passes the given arguments positionally until one is left out;
 * an argument left out that has a default is omitted, and the arguments
 * after it are passed by name (name => value), which is how SQL lets a
 * caller skip a defaulted argument.  An argument left out without a
 * default is NULL.  Values are $n parameters cast to the argument's type.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"

#include "planner/planner.h"

/* The field of an object value named name: NULL when absent */
static const GqlValue *
given(const GqlValue *object, const char *name, bool *present)
{
	int			k;

	*present = false;
	for (k = 0; object && object->hdr.kind == GQL_OBJECT_VALUE &&
		 k < object->items.count; k++)
	{
		const GqlArgument *f = (const GqlArgument *) object->items.items[k];

		if (strcmp(f->name->value, name) == 0)
		{
			*present = true;
			return f->value;
		}
	}
	return NULL;
}

/* The text of an argument value (JSON for json/jsonb, arrays as literals) */
static char *
arg_text(const GqlCatFunctionArg *a, const GqlValue *v)
{
	bool		json = a->type && (a->type->oid == JSONOID || a->type->oid == JSONBOID);

	if (v == NULL || v->hdr.kind == GQL_NULL_VALUE)
		return NULL;
	if (a->is_array)
		return graphql_sql_items_text(v, json); /* one item: a list of one */
	return graphql_sql_value_text(v, json);
}

/*
 * The row of alias as a value of its relation's type: alias.* (a bare
 * alias could name a column); when the role may not select every column,
 * which alias.* would need, a row of the type with the visible columns and
 * NULL for the others
 */
static void
emit_row(SqlContext *cx, const GqlCatRelation *rel, const char *alias)
{
	int			k;

	if (rel->ncolumns >= rel->natts)
	{
		appendStringInfo(&cx->buf, "%s.*", alias);
		return;
	}
	appendStringInfo(&cx->buf, "jsonb_populate_record(NULL::%s, '{}'::jsonb",
					 quote_qualified_identifier(rel->nspname, rel->relname));
	/* jsonb_build_object takes at most 100 arguments: 50 columns each */
	for (k = 0; k < rel->ncolumns; k++)
	{
		if (k % 50 == 0)
			appendStringInfoString(&cx->buf, k == 0 ? " || jsonb_build_object(" : ") || jsonb_build_object(");
		else
			appendStringInfoString(&cx->buf, ", ");
		appendStringInfo(&cx->buf, "%s, ", quote_literal_cstr(rel->columns[k].name));
		graphql_sql_column(cx, alias, &rel->columns[k]);
	}
	appendStringInfoString(&cx->buf, rel->ncolumns > 0 ? "))" : ")");
}

/*
 * "schema.fn(args...)": row is the alias whose row is the argument
 * fn->row_arg (a computed field), or NULL; args the <fn>_args object value.
 */
void
graphql_sql_call(SqlContext *cx, const GqlCatFunction *fn, const char *row,
				 const GqlValue *args)
{
	bool		named = false;
	bool		first = true;
	int			k;

	appendStringInfo(&cx->buf, "%s(",
					 quote_qualified_identifier(fn->nspname, fn->proname));
	for (k = 0; k < fn->nargs; k++)
	{
		const GqlCatFunctionArg *a = &fn->args[k];
		bool		present;
		const GqlValue *v;

		if (row && k == fn->row_arg)
		{
			/* the whole row as alias.*: a bare alias could name a column */
			if (!first)
				appendStringInfoString(&cx->buf, ", ");
			first = false;
			if (named)
				appendStringInfo(&cx->buf, "%s => ", quote_identifier(a->sqlname));
			emit_row(cx, fn->row_of, row);
			continue;
		}
		if (k == fn->session_arg)
		{
			/* the session variables, as Hasura's session_argument */
			if (!first)
				appendStringInfoString(&cx->buf, ", ");
			first = false;
			if (named)
				appendStringInfo(&cx->buf, "%s => ", quote_identifier(a->sqlname));
			appendStringInfo(&cx->buf,
							 "coalesce(nullif(current_setting('graphql.session', true), ''), '{}')::%s",
							 graphql_sql_type_name(a->typid, false));
			continue;
		}
		v = given(args, a->name, &present);
		if (!present && a->has_default)
		{
			named = true;
			continue;
		}
		if (named && a->sqlname == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_GRAPHQL_VALIDATION),
					 errmsg("argument \"%s\" of \"%s\" must be given when an argument before it is left out",
							a->name, fn->proname),
					 errdetail("The argument has no SQL name, so it can only be passed by position.")));
		if (!first)
			appendStringInfoString(&cx->buf, ", ");
		first = false;
		if (named)
			appendStringInfo(&cx->buf, "%s => ", quote_identifier(a->sqlname));
		graphql_sql_param(cx, arg_text(a, v),
						  graphql_sql_type_name(a->typid, false));
	}
	appendStringInfoChar(&cx->buf, ')');
}
