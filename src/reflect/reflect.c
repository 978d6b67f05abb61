/*-------------------------------------------------------------------------
 *
 * reflect.c
 *	  Read pg_catalog into the plain C model of reflect.h, as the current
 *	  role sees it.
 *
 * One SPI query per aspect (relations, columns, keys, types), each over
 * every relation at once, so the cost grows with the size of the catalog,
 * not with a number of round trips.  The queries run read-only, that is
 * in the caller's snapshot, so they agree with each other.  Column types
 * are resolved through the syscache (domains and arrays unwrapped).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"
#include "utils/varlena.h"

#include "reflect/reflect.h"
#include "guc.h"
#include "metadata/metadata.h"

/*
 * The relations a role may see in the schemas $1 and the tracked ones
 * (graphql.reflect_tables): ordinary, partitioned, foreign tables, views
 * and materialized views; not partitions; in schemas with USAGE; with
 * SELECT on the table or on one of its columns, or, for tracked ones,
 * INSERT (insert_only: a relation the role may insert into but not read,
 * as Hasura's insert permission without a select permission).  Tracked
 * relations outside graphql.schemas come last (nsppos is NULL), by schema
 * and name.
 */
#define RELS_CTE \
	"WITH rels AS (" \
	" SELECT c.oid, n.nspname, c.relname, c.relkind, c.relrowsecurity," \
	"        pg_catalog.array_position($1, n.nspname::text) AS nsppos," \
	"        NOT (pg_catalog.has_table_privilege(c.oid, 'SELECT')" \
	"             OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT')) AS insert_only" \
	" FROM pg_catalog.pg_class c" \
	" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace" \
	" WHERE (n.nspname = ANY ($1) OR c.oid IN (SELECT t.relid FROM graphql.reflect_tables t))" \
	"   AND c.relkind IN ('r', 'v', 'm', 'p', 'f')" \
	"   AND NOT c.relispartition" \
	"   AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')" \
	"   AND (pg_catalog.has_table_privilege(c.oid, 'SELECT')" \
	"        OR pg_catalog.has_any_column_privilege(c.oid, 'SELECT')" \
	"        OR (c.oid IN (SELECT t.relid FROM graphql.reflect_tables t)" \
	"            AND (pg_catalog.has_table_privilege(c.oid, 'INSERT')" \
	"                 OR pg_catalog.has_any_column_privilege(c.oid, 'INSERT'))))) "

/*
 * With what the role may change: pg_relation_is_updatable's bits are
 * 1 << CMD_UPDATE (4), 1 << CMD_INSERT (8) and 1 << CMD_DELETE (16); it
 * answers for views (automatically updatable, or INSTEAD OF triggers),
 * foreign tables (the wrapper's answer) and materialized views (never).
 */
static const char *relations_sql =
RELS_CTE
"SELECT oid, nspname, relname, relkind, relrowsecurity,"
"       pg_catalog.obj_description(oid, 'pg_class'),"
"       CASE WHEN relkind IN ('r', 'p') THEN 28"
"            ELSE pg_catalog.pg_relation_is_updatable(oid, true) END,"
"       pg_catalog.has_table_privilege(oid, 'INSERT')"
"         OR pg_catalog.has_any_column_privilege(oid, 'INSERT'),"
"       pg_catalog.has_table_privilege(oid, 'UPDATE')"
"         OR pg_catalog.has_any_column_privilege(oid, 'UPDATE'),"
"       pg_catalog.has_table_privilege(oid, 'DELETE'),"
"       nsppos IS NOT NULL, insert_only,"
"       (SELECT count(*) FROM pg_catalog.pg_attribute a"
"        WHERE a.attrelid = rels.oid AND a.attnum > 0 AND NOT a.attisdropped)::int4"
" FROM rels ORDER BY nsppos, nspname COLLATE \"C\", relname COLLATE \"C\"";

static const char *columns_sql =
RELS_CTE
"SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.attnotnull,"
"       pg_catalog.col_description(a.attrelid, a.attnum),"
"       a.atthasdef, a.attgenerated <> '', a.attidentity <> '',"
"       a.attgenerated = '' AND a.attidentity <> 'a'"
"         AND (r.relkind IN ('r', 'p')"
"              OR pg_catalog.pg_column_is_updatable(a.attrelid, a.attnum, true)),"
"       pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'INSERT'),"
"       pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'UPDATE')"
" FROM rels r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid"
" WHERE a.attnum > 0 AND NOT a.attisdropped"
"   AND (pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'SELECT')"
"        OR (r.insert_only AND pg_catalog.has_column_privilege(a.attrelid, a.attnum, 'INSERT')))"
" ORDER BY a.attrelid, a.attnum";

/* Primary, unique and foreign keys (not the clones on partitions) */
static const char *constraints_sql =
RELS_CTE
"SELECT con.conrelid, con.contype, con.conname, con.conkey,"
"       con.confrelid, con.confkey"
" FROM rels r JOIN pg_catalog.pg_constraint con ON con.conrelid = r.oid"
" WHERE con.contype IN ('p', 'u', 'f') AND con.conparentid = 0"
" ORDER BY con.conrelid, con.conname COLLATE \"C\"";

/*
 * The functions a role may call in the schemas $1: plain functions (not
 * aggregates, window functions or procedures), not members of an
 * extension, with input arguments only (no OUT, INOUT, TABLE or VARIADIC
 * argument); overloaded names are counted so the caller can leave them
 * out.  Their return and argument types are judged in C.
 */
static const char *functions_sql =
"WITH fns AS ("
" SELECT p.oid, n.nspname, p.proname, p.provolatile, p.proretset,"
"        p.prorettype, p.proargtypes, p.proargnames, p.pronargs,"
"        p.pronargdefaults, p.proargmodes, p.pronamespace,"
"        pg_catalog.array_position($1, n.nspname::text) AS nsppos"
" FROM pg_catalog.pg_proc p"
" JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
" WHERE (n.nspname = ANY ($1)"
"        OR p.oid IN (SELECT f.function FROM graphql.reflect_functions f"
"                     UNION ALL"
"                     SELECT c.function FROM graphql.reflect_computed_fields c))"
"   AND p.prokind = 'f'"
"   AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')"
"   AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d"
"                   WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
"                     AND d.objid = p.oid AND d.deptype = 'e')) "
"SELECT f.oid, f.nspname, f.proname, f.provolatile, f.proretset,"
"       f.prorettype, f.proargtypes::pg_catalog.oid[], f.proargnames,"
"       f.pronargdefaults, pg_catalog.obj_description(f.oid, 'pg_proc'),"
"       (SELECT count(*) FROM fns g"
"        WHERE g.pronamespace = f.pronamespace AND g.proname = f.proname),"
"       f.nsppos IS NOT NULL"
" FROM fns f"
" WHERE f.proargmodes IS NULL"
"   AND pg_catalog.has_function_privilege(f.oid, 'EXECUTE')"
" ORDER BY f.nsppos, f.proname COLLATE \"C\"";

static const char *types_sql =
"SELECT t.oid, n.nspname, t.typname, t.typtype,"
"       pg_catalog.obj_description(t.oid, 'pg_type'),"
"       CASE WHEN t.typtype = 'e' THEN ARRAY("
"         SELECT e.enumlabel::text FROM pg_catalog.pg_enum e"
"         WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END,"
"       (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid)"
" FROM pg_catalog.pg_type t"
" JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
" WHERE t.oid = ANY ($1)";

/* The attributes of composite types $1, in order */
static const char *attributes_sql =
"SELECT t.oid, a.attname, a.atttypid"
" FROM pg_catalog.pg_type t"
" JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid"
" WHERE t.oid = ANY ($1) AND a.attnum > 0 AND NOT a.attisdropped"
" ORDER BY t.oid, a.attnum";

typedef struct OidEntry
{
	Oid			oid;			/* hash key */
	void	   *ptr;
} OidEntry;

typedef struct ReflectState
{
	MemoryContext cxt;			/* where the model goes */
	GqlCatalog *cat;
	Datum		schemas;		/* text[] of graphql.schemas */
	HTAB	   *relations;		/* oid -> GqlCatRelation */
	HTAB	   *functions;		/* oid -> GqlCatFunction */
	HTAB	   *types;			/* oid -> GqlCatType */
	int			types_cap;
} ReflectState;

/*
 * graphql.schemas as a text[] datum.  The setting's check hook has
 * validated the list already.
 */
static Datum
schemas_array(void)
{
	char	   *raw = pstrdup(graphql_schemas ? graphql_schemas : "");
	List	   *names = NIL;
	ListCell   *lc;
	Datum	   *elems;
	int			i = 0;

	if (!SplitIdentifierString(raw, ',', &names))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid list syntax in parameter \"graphql.schemas\"")));
	elems = palloc(sizeof(Datum) * (list_length(names) + 1));
	foreach(lc, names)
		elems[i++] = CStringGetTextDatum((char *) lfirst(lc));
	return PointerGetDatum(construct_array(elems, i, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

/* A hash table from OID to pointer, in the current memory context */
static HTAB *
oid_map_create(const char *name)
{
	HASHCTL		ctl;

	ctl.keysize = sizeof(Oid);
	ctl.entrysize = sizeof(OidEntry);
	ctl.hcxt = CurrentMemoryContext;
	return hash_create(name, 256, &ctl, HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

static void *
oid_map_get(HTAB *map, Oid oid)
{
	OidEntry   *e = hash_search(map, &oid, HASH_FIND, NULL);

	return e ? e->ptr : NULL;
}

static void
oid_map_put(HTAB *map, Oid oid, void *ptr)
{
	OidEntry   *e = hash_search(map, &oid, HASH_ENTER, NULL);

	e->ptr = ptr;
}

/* Run a read-only query with one parameter; SPI_tuptable holds the rows */
static void
run_query(const char *sql, Oid argtype, Datum arg)
{
	int			rc;

	rc = SPI_execute_with_args(sql, 1, &argtype, &arg, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "catalog query failed: %s", SPI_result_code_string(rc));
}

/* Column `col` (1-based) of row `row` of the last result */
static Datum
get_datum(uint64 row, int col, bool *isnull)
{
	return SPI_getbinval(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
						 col, isnull);
}

static Oid
get_oid(uint64 row, int col)
{
	bool		isnull;

	return DatumGetObjectId(get_datum(row, col, &isnull));
}

static bool
get_bool(uint64 row, int col)
{
	bool		isnull;
	Datum		d = get_datum(row, col, &isnull);

	return !isnull && DatumGetBool(d);
}

static char
get_char(uint64 row, int col)
{
	bool		isnull;

	return DatumGetChar(get_datum(row, col, &isnull));
}

/* A text or name column copied into the model's context; NULL for NULL */
static const char *
get_string(ReflectState *st, uint64 row, int col)
{
	char	   *s = SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc,
								 col);

	return s ? MemoryContextStrdup(st->cxt, s) : NULL;
}

/* The relations, in exposure order */
static void
read_relations(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	uint64		i;

	run_query(relations_sql, TEXTARRAYOID, st->schemas);
	cat->nrelations = (int) SPI_processed;
	cat->relations = MemoryContextAllocZero(st->cxt, sizeof(GqlCatRelation) *
											(SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = &cat->relations[i];
		bool		isnull;
		int32		updatable;

		rel->tag = GQL_CAT_RELATION;
		rel->oid = get_oid(i, 1);
		rel->nspname = get_string(st, i, 2);
		rel->relname = get_string(st, i, 3);
		rel->relkind = get_char(i, 4);
		rel->rls = get_bool(i, 5);
			rel->description = get_string(st, i, 6);
		updatable = DatumGetInt32(get_datum(i, 7, &isnull));
		if (isnull)
			updatable = 0;
		rel->can_insert = (updatable & (1 << CMD_INSERT)) && get_bool(i, 8);
		rel->can_update = (updatable & (1 << CMD_UPDATE)) && get_bool(i, 9);
		rel->can_delete = (updatable & (1 << CMD_DELETE)) && get_bool(i, 10);
		rel->auto_exposed = get_bool(i, 11);
		rel->insert_only = get_bool(i, 12);
		rel->natts = DatumGetInt32(get_datum(i, 13, &isnull));
		rel->index = (int) i;
		oid_map_put(st->relations, rel->oid, rel);
	}
}

/* The model type of a base type OID, added on first sight */
static GqlCatType *
type_of(ReflectState *st, Oid oid)
{
	GqlCatalog *cat = st->cat;
	GqlCatType *t = oid_map_get(st->types, oid);

	if (t)
		return t;
	if (cat->ntypes == st->types_cap)
	{
		st->types_cap = st->types_cap ? st->types_cap * 2 : 32;
		cat->types = cat->types
			? repalloc(cat->types, sizeof(GqlCatType *) * st->types_cap)
			: MemoryContextAlloc(st->cxt, sizeof(GqlCatType *) * st->types_cap);
	}
	t = MemoryContextAllocZero(st->cxt, sizeof(GqlCatType));
	t->tag = GQL_CAT_TYPE;
	t->oid = oid;
	t->index = cat->ntypes;
	cat->types[cat->ntypes++] = t;
	oid_map_put(st->types, oid, t);
	return t;
}

/*
 * Resolve a column's declared type: domains to their base type, arrays to
 * their element type (itself unwrapped from domains).
 */
static void
resolve_column_type(ReflectState *st, GqlCatColumn *col)
{
	Oid			base = getBaseType(col->typid);
	Oid			elem = get_element_type(base);
	TypeCacheEntry *tce;

	tce = lookup_type_cache(base, TYPECACHE_LT_OPR);
	col->orderable = OidIsValid(tce->lt_opr);
	if (OidIsValid(elem))
	{
		col->is_array = true;
		base = getBaseType(elem);
	}
	col->type = type_of(st, base);
}

/* Fill one column from row i */
static void
fill_column(ReflectState *st, GqlCatRelation *rel, GqlCatColumn *col, uint64 i)
{
	bool		isnull;

	col->tag = GQL_CAT_COLUMN;
	col->relation = rel;
	col->attnum = DatumGetInt16(get_datum(i, 2, &isnull));
	col->name = get_string(st, i, 3);
	col->typid = get_oid(i, 4);
	col->notnull = get_bool(i, 5);
	col->description = get_string(st, i, 6);
	col->has_default = get_bool(i, 7);
	col->generated = get_bool(i, 8);
	col->identity = get_bool(i, 9);
	col->insertable = get_bool(i, 10) && get_bool(i, 11);
	col->updatable = get_bool(i, 10) && get_bool(i, 12);
	resolve_column_type(st, col);
}

/* The visible columns of every relation, in attnum order */
static void
read_columns(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	uint64		i;
	int			r;

	run_query(columns_sql, TEXTARRAYOID, st->schemas);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));

		if (rel)
			rel->ncolumns++;
	}
	for (r = 0; r < cat->nrelations; r++)
	{
		GqlCatRelation *rel = &cat->relations[r];

		rel->columns = MemoryContextAllocZero(st->cxt, sizeof(GqlCatColumn) *
											  (rel->ncolumns + 1));
		rel->ncolumns = 0;
	}
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));

		if (rel)
			fill_column(st, rel, &rel->columns[rel->ncolumns++], i);
	}
}

/* A visible column of rel by attnum, or NULL */
static GqlCatColumn *
column_by_attnum(GqlCatRelation *rel, int attnum)
{
	int			lo = 0;
	int			hi = rel->ncolumns - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (rel->columns[mid].attnum == attnum)
			return &rel->columns[mid];
		if (rel->columns[mid].attnum < attnum)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/*
 * The columns named by an int2[] key of rel, into a new array; NULL when
 * one of them is not visible.
 */
static GqlCatColumn **
key_columns(ReflectState *st, GqlCatRelation *rel, Datum key, int *ncols)
{
	ArrayType  *arr = DatumGetArrayTypeP(key);
	Datum	   *elems;
	int			n;
	int			k;
	GqlCatColumn **cols;

	deconstruct_array(arr, INT2OID, 2, true, TYPALIGN_SHORT, &elems, NULL, &n);
	cols = MemoryContextAlloc(st->cxt, sizeof(GqlCatColumn *) * (n + 1));
	for (k = 0; k < n; k++)
	{
		cols[k] = column_by_attnum(rel, DatumGetInt16(elems[k]));
		if (cols[k] == NULL)
			return NULL;
	}
	*ncols = n;
	return cols;
}

/* A primary key from row i, kept only when all its columns are visible */
static void
add_primary_key(ReflectState *st, GqlCatRelation *rel, uint64 i)
{
	bool		isnull;
	Datum		key = get_datum(i, 4, &isnull);
	int			n = 0;
	GqlCatColumn **cols;

	if (isnull)
		return;
	cols = key_columns(st, rel, key, &n);
	if (cols)
	{
		rel->pkey = cols;
		rel->npkey = n;
	}
}

/*
 * A foreign key from row i, kept only when the referenced relation is
 * reflected and every column on both sides is visible.
 */
static void
add_foreign_key(ReflectState *st, GqlCatRelation *rel, uint64 i)
{
	GqlCatalog *cat = st->cat;
	GqlCatRelation *to = oid_map_get(st->relations, get_oid(i, 5));
	GqlCatForeignKey *fk = &cat->fkeys[cat->nfkeys];
	bool		null1,
				null2;
	Datum		fromkey = get_datum(i, 4, &null1);
	Datum		tokey = get_datum(i, 6, &null2);
	int			n1 = 0,
				n2 = 0;

	if (to == NULL || null1 || null2)
		return;
	fk->from_cols = key_columns(st, rel, fromkey, &n1);
	fk->to_cols = key_columns(st, to, tokey, &n2);
	if (fk->from_cols == NULL || fk->to_cols == NULL || n1 != n2 || n1 == 0)
		return;
	fk->conname = get_string(st, i, 3);
	fk->from = rel;
	fk->to = to;
	fk->ncols = n1;
	cat->nfkeys++;
}

/* Order foreign keys by referencing relation, then constraint name */
static int
fkey_cmp(const void *a, const void *b)
{
	const GqlCatForeignKey *x = a;
	const GqlCatForeignKey *y = b;

	if (x->from->index != y->from->index)
		return x->from->index < y->from->index ? -1 : 1;
	return strcmp(x->conname, y->conname);
}

/*
 * A primary key or unique constraint from row i, the arbiter of an
 * on_conflict (its columns are known only when all are visible)
 */
static void
add_unique_key(ReflectState *st, GqlCatRelation *rel, uint64 i)
{
	GqlCatConstraint *c = &rel->constraints[rel->nconstraints++];
	bool		isnull;
	Datum		key = get_datum(i, 4, &isnull);

	c->tag = GQL_CAT_CONSTRAINT;
	c->relation = rel;
	c->name = get_string(st, i, 3);
	c->primary = get_char(i, 2) == 'p';
	if (!isnull)
		c->columns = key_columns(st, rel, key, &c->ncolumns);
	if (c->columns == NULL)
		c->ncolumns = 0;
}

/* Primary keys, unique keys and foreign keys of every relation */
static void
read_constraints(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	uint64		i;
	int			r;

	run_query(constraints_sql, TEXTARRAYOID, st->schemas);
	cat->fkeys = MemoryContextAllocZero(st->cxt, sizeof(GqlCatForeignKey) *
										(SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));

		if (rel && get_char(i, 2) != 'f')
			rel->nconstraints++;
	}
	for (r = 0; r < cat->nrelations; r++)
	{
		GqlCatRelation *rel = &cat->relations[r];

		rel->constraints = rel->nconstraints == 0 ? NULL :
			MemoryContextAllocZero(st->cxt, sizeof(GqlCatConstraint) *
								   rel->nconstraints);
		rel->nconstraints = 0;
	}
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));

		if (rel == NULL)
			continue;
		if (get_char(i, 2) == 'f')
		{
			add_foreign_key(st, rel, i);
			continue;
		}
		if (get_char(i, 2) == 'p')
			add_primary_key(st, rel, i);
		add_unique_key(st, rel, i);
	}
	if (cat->nfkeys > 1)
		qsort(cat->fkeys, cat->nfkeys, sizeof(GqlCatForeignKey), fkey_cmp);
}

/*
 * The model type of a value type (an argument or result of a function, an
 * attribute of a composite type): domains and arrays unwrapped as for
 * columns; NULL for pseudo-types, which have no GraphQL type.
 */
static GqlCatType *
value_type(ReflectState *st, Oid typid, bool *is_array)
{
	Oid			base = getBaseType(typid);
	Oid			elem = get_element_type(base);
	char		typtype;

	*is_array = OidIsValid(elem);
	if (*is_array)
		base = getBaseType(elem);
	typtype = get_typtype(base);
	if (typtype == TYPTYPE_PSEUDO || !OidIsValid(base))
		return NULL;
	return type_of(st, base);
}

/* The reflected relation whose row type typid is, or NULL */
static GqlCatRelation *
row_relation(ReflectState *st, Oid typid)
{
	Oid			relid = get_typ_typrelid(typid);

	return OidIsValid(relid) ? oid_map_get(st->relations, relid) : NULL;
}

/*
 * The arguments of function fn from row i; false when one of them has no
 * GraphQL type (a row type is allowed as the first argument only: the
 * function is then a computed field of that relation).
 */
static bool
read_function_args(ReflectState *st, GqlCatFunction *fn, uint64 i)
{
	bool		isnull;
	Datum		types = get_datum(i, 7, &isnull);
	Datum		names;
	Datum	   *typev;
	Datum	   *namev = NULL;
	bool	   *namenulls = NULL;
	int			nnames = 0;
	int			ndefaults;
	int			k;

	deconstruct_array(DatumGetArrayTypeP(types), OIDOID, sizeof(Oid), true,
					  TYPALIGN_INT, &typev, NULL, &fn->nargs);
	names = get_datum(i, 8, &isnull);
	if (!isnull)
		deconstruct_array(DatumGetArrayTypeP(names), TEXTOID, -1, false,
						  TYPALIGN_INT, &namev, &namenulls, &nnames);
	ndefaults = DatumGetInt16(get_datum(i, 9, &isnull));
	fn->args = MemoryContextAllocZero(st->cxt, sizeof(GqlCatFunctionArg) *
									  (fn->nargs + 1));
	for (k = 0; k < fn->nargs; k++)
	{
		GqlCatFunctionArg *a = &fn->args[k];

		a->tag = GQL_CAT_FUNCTION_ARG;
		a->typid = DatumGetObjectId(typev[k]);
		a->has_default = k >= fn->nargs - ndefaults;
		if (k < nnames && !namenulls[k])
		{
			char	   *name = TextDatumGetCString(namev[k]);

			if (name[0] != '\0')
				a->sqlname = MemoryContextStrdup(st->cxt, name);
		}
		a->name = a->sqlname ? a->sqlname
			: MemoryContextStrdup(st->cxt, psprintf("arg_%d", k + 1));
		if (fn->row_of == NULL && (fn->row_of = row_relation(st, a->typid)) != NULL)
		{
			fn->row_arg = k;
			continue;
		}
		a->type = value_type(st, a->typid, &a->is_array);
		if (a->type == NULL)
			return false;
	}
	return true;
}

/*
 * The return of function fn from row i; false when it has no GraphQL
 * type: rows of a reflected relation (one or SETOF), or one value of a
 * type with a scalar.
 */
static bool
read_function_return(ReflectState *st, GqlCatFunction *fn, uint64 i)
{
	bool		setof = get_bool(i, 5);

	fn->rettype = get_oid(i, 6);
	fn->relation = row_relation(st, fn->rettype);
	if (fn->relation)
	{
		fn->returns = setof ? GQL_FUNC_SETOF_ROW : GQL_FUNC_ROW;
		return true;
	}
	if (setof)
		return false;
	fn->returns = GQL_FUNC_SCALAR;
	fn->ret_type = value_type(st, fn->rettype, &fn->ret_is_array);
	return fn->ret_type != NULL;
}

/*
 * The functions that can become fields: not overloaded, every argument
 * and the result with a GraphQL type.  Whether each is a root field or a
 * computed field, and under which name, is the builder's choice.
 */
static void
read_functions(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	uint64		i;

	run_query(functions_sql, TEXTARRAYOID, st->schemas);
	cat->functions = MemoryContextAllocZero(st->cxt, sizeof(GqlCatFunction) *
											(SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatFunction *fn = &cat->functions[cat->nfunctions];
		bool		isnull;

		if (DatumGetInt64(get_datum(i, 11, &isnull)) != 1)
			continue;			/* overloaded */
		memset(fn, 0, sizeof(GqlCatFunction));
		fn->tag = GQL_CAT_FUNCTION;
		fn->session_arg = -1;
		fn->oid = get_oid(i, 1);
		fn->nspname = get_string(st, i, 2);
		fn->proname = get_string(st, i, 3);
		fn->volatility = get_char(i, 4);
		fn->description = get_string(st, i, 10);
		fn->auto_exposed = get_bool(i, 12);
		if (read_function_return(st, fn, i) && read_function_args(st, fn, i))
		{
			oid_map_put(st->functions, fn->oid, fn);
			cat->nfunctions++;
		}
	}
}

/* The labels of an enum from a text[] datum */
static void
set_labels(ReflectState *st, GqlCatType *t, Datum labels)
{
	ArrayType  *arr = DatumGetArrayTypeP(labels);
	Datum	   *elems;
	int			n;
	int			k;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, NULL, &n);
	t->labels = MemoryContextAlloc(st->cxt, sizeof(char *) * (n + 1));
	for (k = 0; k < n; k++)
		t->labels[k] = MemoryContextStrdup(st->cxt,
										   TextDatumGetCString(elems[k]));
	t->nlabels = n;
}

/* An oid[] datum of the types from index first on */
static Datum
type_oids(ReflectState *st, int first)
{
	GqlCatalog *cat = st->cat;
	Datum	   *oids = palloc(sizeof(Datum) * (cat->ntypes - first + 1));
	int			k;

	for (k = first; k < cat->ntypes; k++)
		oids[k - first] = ObjectIdGetDatum(cat->types[k]->oid);
	return PointerGetDatum(construct_array(oids, cat->ntypes - first, OIDOID,
										   sizeof(Oid), true, TYPALIGN_INT));
}

/*
 * Names, kinds, descriptions and enum labels of the types from index first
 * on; *composites gets those that are composite types of their own
 */
static List *
read_type_rows(ReflectState *st, int first)
{
	List	   *composites = NIL;
	uint64		i;

	run_query(types_sql, OIDARRAYOID, type_oids(st, first));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatType *t = oid_map_get(st->types, get_oid(i, 1));
		bool		isnull;
		Datum		labels;

		if (t == NULL)
			continue;
		t->nspname = get_string(st, i, 2);
		t->typname = get_string(st, i, 3);
		t->typtype = get_char(i, 4);
		t->description = get_string(st, i, 5);
		labels = get_datum(i, 6, &isnull);
		if (!isnull)
			set_labels(st, t, labels);
		if (t->typtype == TYPTYPE_COMPOSITE && get_bool(i, 7))
			composites = lappend(composites, t);
	}
	return composites;
}

/* The attributes of composite types (their types are added to the model) */
static void
read_attributes(ReflectState *st, List *composites)
{
	Datum	   *oids = palloc(sizeof(Datum) * (list_length(composites) + 1));
	ListCell   *lc;
	uint64		i;
	int			n = 0;

	foreach(lc, composites)
	{
		GqlCatType *t = lfirst(lc);

		oids[n++] = ObjectIdGetDatum(t->oid);
		t->attrs = MemoryContextAllocZero(st->cxt, sizeof(GqlCatAttribute) * 8);
	}
	run_query(attributes_sql, OIDARRAYOID,
			  PointerGetDatum(construct_array(oids, n, OIDOID, sizeof(Oid),
											  true, TYPALIGN_INT)));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatType *t = oid_map_get(st->types, get_oid(i, 1));
		GqlCatAttribute *a;

		if (t == NULL || t->attrs == NULL)
			continue;
		if (t->nattrs >= 8 && (t->nattrs & (t->nattrs - 1)) == 0)
			t->attrs = repalloc(t->attrs, sizeof(GqlCatAttribute) * t->nattrs * 2);
		a = &t->attrs[t->nattrs++];
		memset(a, 0, sizeof(GqlCatAttribute));
		a->tag = GQL_CAT_ATTRIBUTE;
		a->name = get_string(st, i, 2);
		a->typid = get_oid(i, 3);
		/* NULL type (a pseudo-type, ...): the builder leaves the type out */
		a->type = value_type(st, a->typid, &a->is_array);
	}
}

/*
 * Names, kinds, descriptions and enum labels of the column types, and the
 * attributes of composite types with the types they bring in, level by
 * level (PostgreSQL forbids a composite type containing itself, so this
 * ends; the bound is a safety net)
 */
static void
read_types(ReflectState *st)
{
	int			first = 0;
	int			level;

	for (level = 0; level < 64 && first < st->cat->ntypes; level++)
	{
		int			next = st->cat->ntypes;
		List	   *composites = read_type_rows(st, first);

		if (composites != NIL)
			read_attributes(st, composites);
		first = next;
	}
}

/*
 * Types the catalog query did not find (dropped concurrently) get their
 * OID as name, which is not a GraphQL name, so the builder skips them.
 */
static void
check_types(ReflectState *st)
{
	int			k;

	for (k = 0; k < st->cat->ntypes; k++)
	{
		GqlCatType *t = st->cat->types[k];

		if (t->typname == NULL)
		{
			t->nspname = "";
			t->typname = psprintf("%u", t->oid);
		}
	}
}

/* ------------------------------------------------------------------------
 * The metadata (src/metadata/reflect.sql: its consistent part, resolved)
 * ------------------------------------------------------------------------
 */

const char *const graphql_root_kind_names[GQL_NUM_ROOT_KINDS] = {
	"select", "select_by_pk", "select_aggregate", "insert", "insert_one",
	"update", "update_by_pk", "update_many", "delete", "delete_by_pk",
};

static const char *const perm_kind_names[GQL_NUM_PERM_KINDS] = {
	"select", "insert", "update", "delete",
};

/* Customizations of tracked tables: one row per name they give */
static const char *md_tables_sql =
"SELECT t.relid, 't'::\"char\", NULL, t.custom_name, t.is_enum FROM graphql.reflect_tables t"
" UNION ALL"
" SELECT t.relid, 'r'::\"char\", e.key, e.value, false"
" FROM graphql.reflect_tables t, pg_catalog.jsonb_each_text(t.custom_root_fields) e"
" UNION ALL"
" SELECT t.relid, 'c'::\"char\", e.key, e.value, false"
" FROM graphql.reflect_tables t, pg_catalog.jsonb_each_text(t.column_names) e";

static const char *md_relationships_sql =
"SELECT r.relid, r.name, r.kind = 'array', r.target,"
"       r.source_columns::text[], r.target_columns::text[]"
" FROM graphql.reflect_relationships r ORDER BY r.relid, r.position, r.name";

static const char *md_functions_sql =
"SELECT f.function, 'f'::\"char\", f.custom_name, f.custom_root_fields ->> 'function',"
"       f.custom_root_fields ->> 'function_aggregate', f.exposed_as, NULL::oid,"
"       f.session_argument"
" FROM graphql.reflect_functions f"
" UNION ALL"
" SELECT c.function, 'c'::\"char\", c.name, NULL, NULL, NULL, c.relid,"
"       c.session_argument"
" FROM graphql.reflect_computed_fields c";

/* The tracked functions the current role has a function permission for */
static const char *md_function_permissions_sql =
"SELECT p.function FROM graphql.reflect_function_permissions p WHERE p.role = current_user";

/* The permissions of the current role (the view shows a role its own) */
static const char *md_permissions_sql =
"SELECT p.relid, p.kind, p.row_limit, p.allow_aggregations, p.backend_only,"
"       p.computed_fields, p.query_root_fields,"
"       CASE WHEN p.kind IN ('select', 'update', 'delete')"
"            THEN graphql.permission_filter_sql(p.relid, p.role, p.kind, '" GQL_PERM_ALIAS "') END,"
"       ARRAY(SELECT DISTINCT pg_catalog.lower(v #>> '{}')"
"             FROM pg_catalog.jsonb_path_query(pg_catalog.jsonb_build_array(p.filter, p.\"check\"), 'strict $.**') v"
"             WHERE pg_catalog.jsonb_typeof(v) = 'string'"
"               AND pg_catalog.lower(v #>> '{}') LIKE 'x-hasura-%' ORDER BY 1)"
" FROM graphql.reflect_permissions p WHERE p.role = current_user";

static const char *md_presets_sql =
"SELECT p.relid, p.kind, e.key, e.value #>> '{}',"
"       pg_catalog.jsonb_typeof(e.value) = 'string'"
"         AND pg_catalog.lower(e.value #>> '{}') LIKE 'x-hasura-%'"
" FROM graphql.reflect_permissions p, pg_catalog.jsonb_each(p.preset) e"
" WHERE p.role = current_user ORDER BY p.relid, p.kind, e.key";

/* The values of enum tables, and the columns referencing them (one-column FKs) */
static const char *md_enum_values_sql =
"SELECT t.relid, c.relname, e.value, e.comment"
" FROM graphql.reflect_tables t"
" JOIN pg_catalog.pg_class c ON c.oid = t.relid,"
"      LATERAL graphql._enum_values(t.relid) e"
" WHERE t.is_enum ORDER BY t.relid, e.value COLLATE \"C\"";

static const char *md_enum_columns_sql =
"SELECT con.conrelid, con.conkey[1], con.confrelid"
" FROM pg_catalog.pg_constraint con"
" WHERE con.contype = 'f' AND pg_catalog.cardinality(con.conkey) = 1"
"   AND con.confrelid IN (SELECT t.relid FROM graphql.reflect_tables t WHERE t.is_enum)";

static void
run_query0(const char *sql)
{
	int			rc = SPI_execute(sql, true, 0);

	if (rc != SPI_OK_SELECT)
		elog(ERROR, "metadata query failed: %s", SPI_result_code_string(rc));
}

/* A visible column of rel by name, or NULL */
static GqlCatColumn *
column_by_name(GqlCatRelation *rel, const char *name)
{
	int			k;

	for (k = 0; k < rel->ncolumns; k++)
		if (strcmp(rel->columns[k].name, name) == 0)
			return &rel->columns[k];
	return NULL;
}

/* A text[] column as strings in the model's context; NULL for NULL */
static const char **
get_strings(ReflectState *st, uint64 row, int col, int *n)
{
	bool		isnull;
	Datum		d = get_datum(row, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	const char **out;
	int			k;

	*n = 0;
	if (isnull)
		return NULL;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, n);
	out = MemoryContextAllocZero(st->cxt, sizeof(char *) * (*n + 1));
	for (k = 0; k < *n; k++)
		out[k] = nulls[k] ? "" : MemoryContextStrdup(st->cxt, TextDatumGetCString(elems[k]));
	return out;
}

static int
name_index(const char *const *names, int n, const char *name)
{
	int			k;

	for (k = 0; k < n; k++)
		if (strcmp(names[k], name) == 0)
			return k;
	return -1;
}

/* Tracked tables: the flag, custom names, enum tables */
static void
read_md_tables(ReflectState *st)
{
	uint64		i;

	run_query0(md_tables_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));
		char		what = get_char(i, 2);
		const char *key = get_string(st, i, 3);
		const char *value = get_string(st, i, 4);
		GqlCatColumn *col;
		int			k;

		if (rel == NULL)
			continue;			/* not visible to this role */
		if (what == 't')
		{
			rel->tracked = true;
			rel->custom_name = value;
			rel->is_enum = get_bool(i, 5);
		}
		else if (what == 'r' && value != NULL &&
				 (k = name_index(graphql_root_kind_names, GQL_NUM_ROOT_KINDS, key)) >= 0)
			rel->custom_roots[k] = value;
		else if (what == 'c' && value != NULL && (col = column_by_name(rel, key)) != NULL)
			col->custom_name = value;
	}
}

/* Columns of rel named by a text[], or NULL when one is not visible */
static GqlCatColumn **
columns_by_names(ReflectState *st, GqlCatRelation *rel, const char **names, int n)
{
	GqlCatColumn **cols = MemoryContextAllocZero(st->cxt, sizeof(GqlCatColumn *) * (n + 1));
	int			k;

	for (k = 0; k < n; k++)
		if ((cols[k] = column_by_name(rel, names[k])) == NULL)
			return NULL;
	return cols;
}

/*
 * Enum tables (Hasura's is_enum): a GraphQL enum "<table>_enum" of the
 * values of each, the type of every visible column that references one.
 * The model type has no OID (the column's own type is what SQL sees) and
 * the enum table's values as labels.
 */
static void
read_md_enums(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	HTAB	   *enums = oid_map_create("graphql reflect enum tables");
	uint64		i;

	run_query0(md_enum_values_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		Oid			relid = get_oid(i, 1);
		GqlCatType *t = oid_map_get(enums, relid);

		if (t == NULL)
		{
			t = MemoryContextAllocZero(st->cxt, sizeof(GqlCatType));
			t->tag = GQL_CAT_TYPE;
			t->oid = InvalidOid;
			t->nspname = "public";
			t->typname = MemoryContextStrdup(st->cxt, psprintf("%s_enum", get_string(st, i, 2)));
			t->typtype = TYPTYPE_ENUM;
			t->index = -1;		/* not in cat->types yet */
			t->labels = MemoryContextAllocZero(st->cxt, sizeof(char *) * (SPI_processed + 1));
			t->label_descriptions = MemoryContextAllocZero(st->cxt, sizeof(char *) *
														   (SPI_processed + 1));
			oid_map_put(enums, relid, t);
		}
		t->label_descriptions[t->nlabels] = get_string(st, i, 4);
		t->labels[t->nlabels++] = get_string(st, i, 3);
	}
	run_query0(md_enum_columns_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));
		GqlCatType *t = oid_map_get(enums, get_oid(i, 3));
		bool		isnull;
		int			attnum = DatumGetInt16(get_datum(i, 2, &isnull));
		GqlCatColumn *col;

		if (rel == NULL || t == NULL || t->nlabels == 0 ||
			(col = column_by_attnum(rel, attnum)) == NULL || col->is_array)
			continue;
		if (t->index < 0)
		{
			/* first use: add it to the catalog's types */
			if (cat->ntypes == st->types_cap)
			{
				st->types_cap = st->types_cap ? st->types_cap * 2 : 16;
				cat->types = cat->types
					? repalloc(cat->types, sizeof(GqlCatType *) * st->types_cap)
					: MemoryContextAlloc(st->cxt, sizeof(GqlCatType *) * st->types_cap);
			}
			t->index = cat->ntypes;
			cat->types[cat->ntypes++] = t;
		}
		col->type = t;
	}
	hash_destroy(enums);
}

/* Declared relationships between visible relations over visible columns */
static void
read_md_relationships(ReflectState *st)
{
	GqlCatalog *cat = st->cat;
	uint64		i;

	run_query0(md_relationships_sql);
	cat->md_relationships = MemoryContextAllocZero(st->cxt, sizeof(GqlCatMdRelationship) *
												   (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatMdRelationship *r = &cat->md_relationships[cat->nmd_relationships];
		const char **src,
				  **dst;
		int			nsrc,
					ndst;

		r->source = oid_map_get(st->relations, get_oid(i, 1));
		r->target = oid_map_get(st->relations, get_oid(i, 4));
		if (r->source == NULL || r->target == NULL)
			continue;
		r->name = get_string(st, i, 2);
		r->array = get_bool(i, 3);
		src = get_strings(st, i, 5, &nsrc);
		dst = get_strings(st, i, 6, &ndst);
		if (nsrc == 0 || nsrc != ndst)
			continue;
		r->ncols = nsrc;
		r->source_cols = columns_by_names(st, r->source, src, nsrc);
		r->target_cols = columns_by_names(st, r->target, dst, ndst);
		if (r->source_cols && r->target_cols)
			cat->nmd_relationships++;
	}
}

/* The index of fn's argument with this SQL name, or -1 */
static int
function_arg_named(const GqlCatFunction *fn, const char *name)
{
	int			k;

	for (k = 0; name && k < fn->nargs; k++)
		if (fn->args[k].sqlname && strcmp(fn->args[k].sqlname, name) == 0)
			return k;
	return -1;
}

/* Tracked functions and declared computed fields */
static void
read_md_functions(ReflectState *st)
{
	uint64		i;

	run_query0(md_functions_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatFunction *fn = oid_map_get(st->functions, get_oid(i, 1));
		const char *exposed;

		if (fn == NULL)
			continue;
		fn->session_arg = function_arg_named(fn, get_string(st, i, 8));
		if (get_char(i, 2) == 'f')
		{
			fn->tracked = true;
			fn->custom_name = get_string(st, i, 4);
			if (fn->custom_name == NULL)
				fn->custom_name = get_string(st, i, 3);
			fn->custom_aggregate = get_string(st, i, 5);
			exposed = get_string(st, i, 6);
			if (exposed)
				fn->exposed_as = exposed[0];
		}
		else
		{
			fn->computed_name = get_string(st, i, 3);
			fn->computed_of = oid_map_get(st->relations, get_oid(i, 7));
		}
	}
}

const GqlCatPreset *
graphql_permission_preset(const GqlCatPermission *perm, const GqlCatColumn *col)
{
	int			k;

	for (k = 0; perm && k < perm->npresets; k++)
		if (perm->presets[k].column == col)
			return &perm->presets[k];
	return NULL;
}

char *
graphql_permission_filter(const GqlCatPermission *perm, const char *alias)
{
	StringInfoData buf;
	const char *p = perm->filter_sql;
	const char *hit;
	size_t		len = strlen(GQL_PERM_ALIAS);

	initStringInfo(&buf);
	while ((hit = strstr(p, GQL_PERM_ALIAS)) != NULL)
	{
		appendBinaryStringInfo(&buf, p, hit - p);
		appendStringInfoString(&buf, alias);
		p = hit + len;
	}
	appendStringInfoString(&buf, p);
	return buf.data;
}

/* What the engine enforces of the current role's permissions */
static void
read_md_permissions(ReflectState *st)
{
	uint64		i;

	run_query0(md_permissions_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));
		const char *kind = get_string(st, i, 2);
		GqlCatPermission *perm;
		const char **roots;
		bool		isnull;
		Datum		d;
		int			n,
					k;

		if (rel == NULL || (k = name_index(perm_kind_names, GQL_NUM_PERM_KINDS, kind)) < 0)
			continue;
		perm = MemoryContextAllocZero(st->cxt, sizeof(GqlCatPermission));
		rel->perms[k] = perm;
		d = get_datum(i, 3, &isnull);
		perm->row_limit = isnull ? 0 : Max(DatumGetInt32(d), 0);
		perm->allow_aggregations = get_bool(i, 4);
		perm->backend_only = get_bool(i, 5);
		perm->computed_fields = get_strings(st, i, 6, &perm->ncomputed_fields);
		perm->filter_sql = get_string(st, i, 8);
		perm->session_vars = get_strings(st, i, 9, &perm->nsession_vars);
		roots = get_strings(st, i, 7, &n);
		if (roots == NULL)
			perm->root_fields = ~(uint32) 0;
		for (k = 0; roots && k < n; k++)
		{
			int			r = name_index(graphql_root_kind_names, GQL_NUM_ROOT_KINDS, roots[k]);

			if (r >= 0)
				perm->root_fields |= (uint32) 1 << r;
		}
	}
	run_query0(md_function_permissions_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatFunction *fn = oid_map_get(st->functions, get_oid(i, 1));

		if (fn)
			fn->permitted = true;
	}
	run_query0(md_presets_sql);
	for (i = 0; i < SPI_processed; i++)
	{
		GqlCatRelation *rel = oid_map_get(st->relations, get_oid(i, 1));
		const char *kind = get_string(st, i, 2);
		GqlCatColumn *col;
		GqlCatPermission *perm;
		GqlCatPreset *p;
		int			k;

		if (rel == NULL || (k = name_index(perm_kind_names, GQL_NUM_PERM_KINDS, kind)) < 0 ||
			(perm = rel->perms[k]) == NULL ||
			(col = column_by_name(rel, get_string(st, i, 3))) == NULL)
			continue;
		perm->presets = perm->presets
			? repalloc(perm->presets, sizeof(GqlCatPreset) * (perm->npresets + 1))
			: MemoryContextAlloc(st->cxt, sizeof(GqlCatPreset));
		p = &perm->presets[perm->npresets++];
		p->column = col;
		p->value = get_string(st, i, 4);
		p->session_var = get_bool(i, 5) ? p->value : NULL;
	}
}

GqlCatalog *
graphql_catalog_reflect(MemoryContext cxt)
{
	ReflectState st;
	MemoryContext oldcxt;

	memset(&st, 0, sizeof(st));
	st.cxt = cxt;
	st.cat = MemoryContextAllocZero(cxt, sizeof(GqlCatalog));
	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	st.schemas = schemas_array();
	st.relations = oid_map_create("graphql reflect relations");
	st.types = oid_map_create("graphql reflect types");
	st.functions = oid_map_create("graphql reflect functions");
	read_relations(&st);
	read_columns(&st);
	read_constraints(&st);
	read_functions(&st);
	read_types(&st);
	st.cat->is_admin = graphql_role_is_admin(GetUserId());
	st.cat->backend_only = graphql_session_backend_only();
	st.cat->infer_function_permissions = graphql_infer_function_permissions;
	st.cat->composite_scalars = graphql_hasura_compat;
	read_md_tables(&st);
	read_md_enums(&st);
	read_md_relationships(&st);
	read_md_functions(&st);
	if (!st.cat->is_admin)
		read_md_permissions(&st);
	oldcxt = MemoryContextSwitchTo(cxt);
	check_types(&st);
	MemoryContextSwitchTo(oldcxt);
	SPI_finish();
	return st.cat;
}
