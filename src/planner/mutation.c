/*-------------------------------------------------------------------------
 *
 * mutation.c
 *	  The data-modifying statements of mutation fields: INSERT (with ON
 *	  CONFLICT), UPDATE and DELETE, from resolved arguments (planner.h).
 *
 * Every statement returns one row per affected row: first the row as a
 * JSON object of the columns the role may read (a subquery's
 * row_to_json, so there is no limit on the number of columns), then the
 * text of the columns the caller asked for (the keys a nested insert
 * links by).  The executor collects the objects into the JSON array a
 * mutation's `returning` reads (graphql_plan_mutation_result), so the
 * rows are answered as the statement left them.  Values are $n parameters
 * cast to their column's type, as in queries.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "metadata/metadata.h"
#include "planner/planner.h"

/* The statement of cx as a PlanSql */
static PlanSql *
finish(SqlContext *cx)
{
	PlanSql    *out = palloc0(sizeof(PlanSql));

	out->sql = cx->buf.data;
	out->nparams = cx->nparams;
	out->values = cx->values;
	out->sites = cx->sites;
	return out;
}

/* A fresh statement; its target is t0, so the aliases of subqueries start at t1 */
static void
start(SqlContext *cx)
{
	memset(cx, 0, sizeof(SqlContext));
	initStringInfo(&cx->buf);
	cx->next_alias = 1;
}

/* " RETURNING (row as JSON), link columns as text" of target alias */
static void
emit_returning(SqlContext *cx, const GqlCatRelation *rel, const char *alias,
			   const GqlCatColumn *const *link, int nlink)
{
	int			k;

	appendStringInfoString(&cx->buf, " RETURNING ");
	if (rel->ncolumns == 0)
		appendStringInfoString(&cx->buf, "'{}'::json");
	else
	{
		/* r.*: a bare r would be a column named r */
		appendStringInfoString(&cx->buf, "(SELECT row_to_json(r.*) FROM (SELECT ");
		for (k = 0; k < rel->ncolumns; k++)
		{
			if (k > 0)
				appendStringInfoString(&cx->buf, ", ");
			graphql_sql_column(cx, alias, &rel->columns[k]);
		}
		appendStringInfoString(&cx->buf, ") AS r)");
	}
	for (k = 0; k < nlink; k++)
	{
		appendStringInfoString(&cx->buf, ", ");
		graphql_sql_column(cx, alias, link[k]);
		appendStringInfoString(&cx->buf, "::text");
	}
}

/*
 * A value for column col as a parameter of its type; a composite value
 * comes as a JSON object (its input object) made a row of the type, or,
 * where the type is a scalar (graphql.hasura_compat), as a JSON object or
 * the text of a record, "(1.5,2)"
 */
static void
emit_value(SqlContext *cx, const GqlCatColumn *col, const char *text)
{
	const char *type = graphql_sql_type_name(col->typid, false);

	if (col->type->typtype != TYPTYPE_COMPOSITE || col->is_array ||
		(text != NULL && text[strspn(text, " \t\n\r")] == '('))
		graphql_sql_param(cx, text, type);
	else if (text == NULL)
		appendStringInfo(&cx->buf, "NULL::%s", type);
	else
	{
		appendStringInfo(&cx->buf, "jsonb_populate_record(NULL::%s, ", type);
		graphql_sql_param(cx, text, "jsonb");
		appendStringInfoChar(&cx->buf, ')');
	}
}

/*
 * The value of a column preset (Hasura's "set" of an insert or update
 * permission): a session variable's value, or the permission's text, as a
 * parameter of the column's type.  A missing session variable is an error,
 * as in Hasura.
 */
static void
emit_preset(SqlContext *cx, const GqlCatPreset *p)
{
	const char *text = p->value;

	if (p->session_var)
	{
		text = graphql_session_get(p->session_var);
		if (text == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_GRAPHQL_NOT_FOUND),
					 errmsg("missing session variable: \"%s\"", p->session_var),
					 errhint("The permission presets column \"%s\" from it; set it in graphql.session.",
							 p->column->name)));
	}
	emit_value(cx, p->column, text);
}

/* "<target> AS <alias>" with the relation's qualified name */
static void
emit_target(SqlContext *cx, const GqlCatRelation *rel, const char *alias)
{
	graphql_sql_from(cx, rel, alias);
}

/*
 * INSERT INTO rel AS t0 (columns given in any row) VALUES (...), ...:
 * a row's missing columns are DEFAULT.  With on_conflict: ON CONFLICT ON
 * CONSTRAINT c DO UPDATE SET col = EXCLUDED.col ... [WHERE filter on the
 * existing row], or DO NOTHING when no column is to be updated.
 */
PlanSql *
graphql_sql_insert(const GqlCatRelation *rel, const MutInsertRow *rows,
				   int nrows, const MutConflict *conflict,
				   const GqlCatColumn *const *link, int nlink)
{
	SqlContext	cx;
	bool	   *used = palloc0(sizeof(bool) * (rel->ncolumns + 1));
	int			nused = 0;
	int			r,
				k;

	const GqlCatPermission *perm = rel->perms[GQL_PERM_INSERT];

	Assert(nrows > 0);
	graphql_check_session_vars(rel, GQL_PERM_INSERT);
	if (conflict && conflict->nupdate > 0)
		graphql_check_session_vars(rel, GQL_PERM_UPDATE);
	start(&cx);
	for (r = 0; r < nrows; r++)
		for (k = 0; k < rel->ncolumns; k++)
			if (rows[r].given[k] && !used[k])
			{
				used[k] = true;
				nused++;
			}
	for (k = 0; perm && k < perm->npresets; k++)
	{
		int			i = perm->presets[k].column - rel->columns;

		if (!used[i])
		{
			used[i] = true;
			nused++;
		}
	}
	appendStringInfoString(&cx.buf, "INSERT INTO ");
	emit_target(&cx, rel, "t0");
	if (nused == 0)
	{
		/* every column DEFAULT: one row of DEFAULT VALUES per object */
		if (nrows == 1)
			appendStringInfoString(&cx.buf, " DEFAULT VALUES");
		else
			appendStringInfo(&cx.buf, " SELECT FROM generate_series(1, %d)",
							 nrows);
	}
	else
	{
		bool		first = true;

		appendStringInfoString(&cx.buf, " (");
		for (k = 0; k < rel->ncolumns; k++)
			if (used[k])
			{
				appendStringInfo(&cx.buf, "%s%s", first ? "" : ", ",
								 quote_identifier(rel->columns[k].name));
				first = false;
			}
		appendStringInfoString(&cx.buf, ") VALUES ");
		for (r = 0; r < nrows; r++)
		{
			appendStringInfoString(&cx.buf, r > 0 ? ", (" : "(");
			first = true;
			for (k = 0; k < rel->ncolumns; k++)
			{
				if (!used[k])
					continue;
				if (!first)
					appendStringInfoString(&cx.buf, ", ");
				first = false;
				if (graphql_permission_preset(perm, &rel->columns[k]))
					emit_preset(&cx, graphql_permission_preset(perm, &rel->columns[k]));
				else if (rows[r].given[k])
					emit_value(&cx, &rel->columns[k], rows[r].values[k]);
				else
					appendStringInfoString(&cx.buf, "DEFAULT");
			}
			appendStringInfoChar(&cx.buf, ')');
		}
	}
	if (conflict)
	{
		appendStringInfo(&cx.buf, " ON CONFLICT ON CONSTRAINT %s",
						 quote_identifier(conflict->constraint->name));
		if (conflict->nupdate == 0)
			appendStringInfoString(&cx.buf, " DO NOTHING");
		else
		{
			const GqlCatPermission *uperm = rel->perms[GQL_PERM_UPDATE];

			appendStringInfoString(&cx.buf, " DO UPDATE SET ");
			for (k = 0; k < conflict->nupdate; k++)
			{
				const char *name = quote_identifier(conflict->update_columns[k]->name);

				appendStringInfo(&cx.buf, "%s%s = EXCLUDED.%s", k > 0 ? ", " : "",
								 name, name);
			}
			/* the presets of the role's update permission */
			for (k = 0; uperm && k < uperm->npresets; k++)
			{
				appendStringInfo(&cx.buf, ", %s = ",
								 quote_identifier(uperm->presets[k].column->name));
				emit_preset(&cx, &uperm->presets[k]);
			}
			/*
			 * Rows the role's update permission does not reach are left
			 * alone, as in Hasura (row level security would make them an
			 * error: it checks the existing row after this WHERE)
			 */
			if (conflict->where || (uperm && uperm->filter_sql))
			{
				appendStringInfoString(&cx.buf, " WHERE ");
				if (conflict->where)
				{
					appendStringInfoChar(&cx.buf, '(');
					graphql_where_sql(&cx, rel, "t0", conflict->where);
					appendStringInfoChar(&cx.buf, ')');
				}
				if (conflict->where && uperm && uperm->filter_sql)
					appendStringInfoString(&cx.buf, " AND ");
				if (uperm && uperm->filter_sql)
					appendStringInfo(&cx.buf, "(%s)", graphql_permission_filter(uperm, "t0"));
			}
		}
	}
	/*
	 * A relation the role may not read returns nothing: RETURNING would need
	 * SELECT, and row level security would apply select policies to the new
	 * rows (the answer of such an insert is its affected_rows)
	 */
	if (!rel->insert_only)
		emit_returning(&cx, rel, "t0", link, nlink);
	return finish(&cx);
}

/*
 * OPERATOR(schema.=): the default equality of a type, by its schema, so
 * that the statement means the same under any search_path (citext's is
 * not pg_catalog's text equality); "=" when the type has none
 */
static void
emit_equality(SqlContext *cx, Oid typid)
{
	TypeCacheEntry *tc = lookup_type_cache(typid, TYPECACHE_EQ_OPR);
	HeapTuple	tup;
	Form_pg_operator op;

	if (!OidIsValid(tc->eq_opr) ||
		!HeapTupleIsValid(tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(tc->eq_opr))))
	{
		appendStringInfoString(&cx->buf, " = ");
		return;
	}
	op = (Form_pg_operator) GETSTRUCT(tup);
	appendStringInfo(&cx->buf, " OPERATOR(%s.%s) ",
					 quote_identifier(get_namespace_name(op->oprnamespace)),
					 NameStr(op->oprname));
	ReleaseSysCache(tup);
}

/*
 * SELECT k.n FROM (VALUES (1, key values of row 1), ...) AS k(n, c1, ...)
 * WHERE EXISTS (SELECT 1 FROM rel AS __gql_row__ WHERE __gql_row__.key1 =
 * k.c1 AND ... AND NOT coalesce((<update filter>), false)): the numbers
 * (from 1) of the upsert rows that would meet, through the constraint of
 * on_conflict, an existing row the role's update filter does not reach.
 * A row with a key column left to its default or null meets no row and is
 * not asked about; NULL when no row is, or the role has no update filter.
 * The key values are the row's, or the insert presets'.
 */
PlanSql *
graphql_sql_upsert_unreachable(const GqlCatRelation *rel,
							   const MutConflict *conflict,
							   const MutInsertRow *rows, int nrows)
{
	const GqlCatPermission *uperm = rel->perms[GQL_PERM_UPDATE];
	const GqlCatPermission *iperm = rel->perms[GQL_PERM_INSERT];
	const GqlCatConstraint *con = conflict->constraint;
	SqlContext	cx;
	int			nasked = 0;
	int			r,
				k;

	if (uperm == NULL || uperm->filter_sql == NULL || conflict->nupdate == 0)
		return NULL;
	start(&cx);
	appendStringInfoString(&cx.buf, "SELECT k.n FROM (VALUES ");
	for (r = 0; r < nrows; r++)
	{
		for (k = 0; k < con->ncolumns; k++)
		{
			int			i = con->columns[k] - rel->columns;

			if (graphql_permission_preset(iperm, con->columns[k]) == NULL &&
				(!rows[r].given[i] || rows[r].values[i] == NULL))
				break;
		}
		if (k < con->ncolumns)
			continue;
		appendStringInfo(&cx.buf, "%s(%d", nasked++ > 0 ? ", " : "", r + 1);
		for (k = 0; k < con->ncolumns; k++)
		{
			const GqlCatColumn *col = con->columns[k];
			const GqlCatPreset *preset = graphql_permission_preset(iperm, col);

			appendStringInfoString(&cx.buf, ", ");
			if (preset)
				emit_preset(&cx, preset);
			else
				emit_value(&cx, col, rows[r].values[col - rel->columns]);
		}
		appendStringInfoChar(&cx.buf, ')');
	}
	if (nasked == 0)
		return NULL;
	appendStringInfoString(&cx.buf, ") AS k(n");
	for (k = 0; k < con->ncolumns; k++)
		appendStringInfo(&cx.buf, ", c%d", k + 1);
	appendStringInfoString(&cx.buf, ") WHERE EXISTS (SELECT 1 FROM ");
	emit_target(&cx, rel, GQL_PERM_ALIAS);
	appendStringInfoString(&cx.buf, " WHERE ");
	for (k = 0; k < con->ncolumns; k++)
	{
		graphql_sql_column(&cx, GQL_PERM_ALIAS, con->columns[k]);
		emit_equality(&cx, con->columns[k]->typid);
		appendStringInfo(&cx.buf, "k.c%d AND ", k + 1);
	}
	appendStringInfo(&cx.buf, "NOT coalesce((%s), false))", uperm->filter_sql);
	return finish(&cx);
}

/* The expression a column is set to by one update operator */
static void
emit_set(SqlContext *cx, const MutSet *s)
{
	const char *col = quote_identifier(s->column->name);
	const char *type = graphql_sql_type_name(s->column->typid, false);
	bool		json = s->column->type->oid == JSONOID ||
		s->column->type->oid == JSONBOID;
	const char *text = s->column->is_array && s->value->hdr.kind != GQL_NULL_VALUE
		? graphql_sql_items_text(s->value, json)
		: graphql_sql_value_text(s->value, json);

	switch (s->kind)
	{
		case MS_SET:
			emit_value(cx, s->column, text);
			break;
		case MS_INC:
			appendStringInfo(&cx->buf, "t0.%s + ", col);
			emit_value(cx, s->column, text);
			break;
		case MS_APPEND:
			appendStringInfo(&cx->buf, "t0.%s || ", col);
			graphql_sql_param(cx, text, type);
			break;
		case MS_PREPEND:
			/* jsonb || keeps the right side's value of a shared key */
			graphql_sql_param(cx, text, type);
			appendStringInfo(&cx->buf, " || t0.%s", col);
			break;
		case MS_DELETE_KEY:
			appendStringInfo(&cx->buf, "t0.%s - ", col);
			graphql_sql_param(cx, graphql_sql_value_text(s->value, false), "text");
			break;
		case MS_DELETE_ELEM:
			appendStringInfo(&cx->buf, "t0.%s - ", col);
			graphql_sql_param(cx, graphql_sql_value_text(s->value, false), "int4");
			break;
		case MS_DELETE_AT_PATH:
			appendStringInfo(&cx->buf, "t0.%s #- ", col);
			graphql_sql_param(cx, graphql_sql_value_text(s->value, false), "text[]");
			break;
	}
}

/* " WHERE pk = $n AND ... AND <filter>" (and the role's filter on views) */
static void
emit_filter(SqlContext *cx, const GqlCatRelation *rel, const MutFilter *filter,
			GqlPermKind kind)
{
	int			k;

	appendStringInfoString(&cx->buf, " WHERE ");
	graphql_check_session_vars(rel, kind);
	graphql_sql_permission_filter(cx, rel, kind, "t0");
	for (k = 0; k < filter->npk; k++)
	{
		graphql_sql_column(cx, "t0", filter->pk[k]);
		appendStringInfoString(&cx->buf, " = ");
		emit_value(cx, filter->pk[k],
				   graphql_sql_value_text(filter->pk_values[k], false));
		appendStringInfoString(&cx->buf, " AND ");
	}
	graphql_where_sql(cx, rel, "t0", filter->where);
}

/* UPDATE rel AS t0 SET ... WHERE ... RETURNING ... */
PlanSql *
graphql_sql_update(const GqlCatRelation *rel, const MutSet *sets, int nsets,
				   const MutFilter *filter)
{
	SqlContext	cx;
	int			k;
	const GqlCatPermission *perm = rel->perms[GQL_PERM_UPDATE];

	Assert(nsets > 0 || (perm && perm->npresets > 0));
	start(&cx);
	appendStringInfoString(&cx.buf, "UPDATE ");
	emit_target(&cx, rel, "t0");
	appendStringInfoString(&cx.buf, " SET ");
	for (k = 0; k < nsets; k++)
	{
		appendStringInfo(&cx.buf, "%s%s = ", k > 0 ? ", " : "",
						 quote_identifier(sets[k].column->name));
		emit_set(&cx, &sets[k]);
	}
	for (k = 0; perm && k < perm->npresets; k++)
	{
		appendStringInfo(&cx.buf, "%s%s = ", nsets + k > 0 ? ", " : "",
						 quote_identifier(perm->presets[k].column->name));
		emit_preset(&cx, &perm->presets[k]);
	}
	emit_filter(&cx, rel, filter, GQL_PERM_UPDATE);
	emit_returning(&cx, rel, "t0", NULL, 0);
	return finish(&cx);
}

/* DELETE FROM rel AS t0 WHERE ... RETURNING ... */
PlanSql *
graphql_sql_delete(const GqlCatRelation *rel, const MutFilter *filter)
{
	SqlContext	cx;

	start(&cx);
	appendStringInfoString(&cx.buf, "DELETE FROM ");
	emit_target(&cx, rel, "t0");
	emit_filter(&cx, rel, filter, GQL_PERM_DELETE);
	emit_returning(&cx, rel, "t0", NULL, 0);
	return finish(&cx);
}

/* The rows of a function returning rows of a relation, as JSON objects */
PlanSql *
graphql_sql_call_rows(const GqlCatFunction *fn, const GqlValue *args)
{
	SqlContext	cx;

	start(&cx);
	appendStringInfoString(&cx.buf, "SELECT row_to_json(t0.*) FROM ");
	graphql_sql_call(&cx, fn, NULL, args);
	appendStringInfoString(&cx.buf, " AS t0");
	if (fn->returns == GQL_FUNC_ROW)
		appendStringInfoString(&cx.buf, " WHERE NOT (t0.* IS NULL)");
	return finish(&cx);
}
