/*-------------------------------------------------------------------------
 *
 * cache.c
 *	  The per-backend schema cache and the SQL function graphql.sdl().
 *
 * A few schemas are kept per backend, keyed by (current_user,
 * graphql.schemas), each in its own memory context under one long-lived
 * context.  Every request reads the schema version (graphql.schema_version,
 * bumped by the extension's event triggers) with one single-row query;
 * when it differs from the version the cache was built at, or a role
 * changed (syscache callback), every entry is dropped.  reflect.h explains
 * the choice.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/memutils.h"
#include "utils/syscache.h"

#include "metadata/metadata.h"
#include "reflect/reflect.h"
#include "graphql.h"
#include "guc.h"

PG_FUNCTION_INFO_V1(graphql_sdl);

/* How many (role, settings) schemas a backend keeps */
#define CACHE_SLOTS 8

typedef struct CacheEntry
{
	MemoryContext cxt;			/* holds the model and the schema; NULL: free */
	Oid			role;
	char	   *schemas;		/* graphql.schemas at build time */
	bool		backend_only;	/* the session asked for backend-only permissions */
	bool		infer;			/* graphql.infer_function_permissions */
	bool		compat;			/* graphql.hasura_compat (composite types) */
	GqlSchema  *schema;
	uint64		last_used;
} CacheEntry;

static MemoryContext cache_cxt = NULL;
static CacheEntry cache[CACHE_SLOTS];
static int64 cache_version = -1;	/* the version the entries belong to */
static bool roles_changed = false;
static uint64 use_counter = 0;

/*
 * Syscache callback on role membership and role attributes: such changes
 * fire no event trigger, so they drop the cache directly.
 */
static void
role_changed(Datum arg, int cacheid, uint32 hashvalue)
{
	roles_changed = true;
}

/* The long-lived context and the callbacks, on first use */
static void
cache_init(void)
{
	if (cache_cxt != NULL)
		return;
	cache_cxt = AllocSetContextCreate(TopMemoryContext, "graphql schema cache",
									  ALLOCSET_DEFAULT_SIZES);
	CacheRegisterSyscacheCallback(AUTHMEMROLEMEM, role_changed, (Datum) 0);
	CacheRegisterSyscacheCallback(AUTHOID, role_changed, (Datum) 0);
}

/* Free one entry */
static void
entry_reset(CacheEntry *e)
{
	if (e->cxt)
		MemoryContextDelete(e->cxt);
	memset(e, 0, sizeof(CacheEntry));
}

static void
cache_reset(void)
{
	int			k;

	for (k = 0; k < CACHE_SLOTS; k++)
		entry_reset(&cache[k]);
}

/*
 * The current schema version: one row of graphql.schema_version, read in
 * the caller's snapshot.
 */
static int64
read_version(void)
{
	int64		version = 0;
	bool		isnull = true;
	int			rc;

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rc = SPI_execute("SELECT version FROM graphql.schema_version", true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading graphql.schema_version failed: %s",
			 SPI_result_code_string(rc));
	if (SPI_processed == 1)
	{
		Datum		d = SPI_getbinval(SPI_tuptable->vals[0],
									  SPI_tuptable->tupdesc, 1, &isnull);

		if (!isnull)
			version = DatumGetInt64(d);
	}
	SPI_finish();
	return version;
}

/* The entry of (role, schemas), or NULL */
static CacheEntry *
cache_find(Oid role, const char *schemas, bool backend_only)
{
	int			k;

	for (k = 0; k < CACHE_SLOTS; k++)
		if (cache[k].cxt && cache[k].role == role &&
			cache[k].backend_only == backend_only &&
			cache[k].infer == graphql_infer_function_permissions &&
			cache[k].compat == graphql_hasura_compat &&
			strcmp(cache[k].schemas, schemas) == 0)
			return &cache[k];
	return NULL;
}

/* A free entry, or the least recently used one emptied */
static CacheEntry *
cache_victim(void)
{
	CacheEntry *victim = &cache[0];
	int			k;

	for (k = 0; k < CACHE_SLOTS; k++)
	{
		if (cache[k].cxt == NULL)
			return &cache[k];
		if (cache[k].last_used < victim->last_used)
			victim = &cache[k];
	}
	entry_reset(victim);
	return victim;
}

/*
 * Reflect and build into a new context; on error the context goes and
 * the cache is left as it was.
 */
static MemoryContext
build_schema(GqlSchema **schema)
{
	MemoryContext cxt;

	cxt = AllocSetContextCreate(cache_cxt, "graphql schema",
								ALLOCSET_DEFAULT_SIZES);
	PG_TRY();
	{
		GqlCatalog *cat = graphql_catalog_reflect(cxt);
		GqlArena   *arena = graphql_arena_create(cxt);

		*schema = graphql_catalog_build(arena, cat);
	}
	PG_CATCH();
	{
		MemoryContextDelete(cxt);
		PG_RE_THROW();
	}
	PG_END_TRY();
	return cxt;
}

const GqlSchema *
graphql_schema_get(void)
{
	Oid			role = GetUserId();
	const char *schemas = graphql_schemas ? graphql_schemas : "";
	bool		backend_only = graphql_session_backend_only();
	int64		version;
	CacheEntry *e;
	GqlSchema  *schema = NULL;
	MemoryContext cxt;

	cache_init();
	version = read_version();
	if (version != cache_version || roles_changed)
	{
		cache_reset();
		cache_version = version;
		roles_changed = false;
	}
	e = cache_find(role, schemas, backend_only);
	if (e == NULL)
	{
		cxt = build_schema(&schema);
		e = cache_victim();
		e->cxt = cxt;
		e->role = role;
		e->schemas = MemoryContextStrdup(cxt, schemas);
		e->backend_only = backend_only;
		e->infer = graphql_infer_function_permissions;
		e->compat = graphql_hasura_compat;
		e->schema = schema;
	}
	e->last_used = ++use_counter;
	return e->schema;
}

/*
 * graphql.sdl() RETURNS text
 *
 * The current role's schema as SDL (graphql-js printSchema form).
 */
Datum
graphql_sdl(PG_FUNCTION_ARGS)
{
	const GqlSchema *schema = graphql_schema_get();
	MemoryContext cxt;
	GqlArena   *arena;
	size_t		len;
	char	   *sdl;
	char	   *server;
	text	   *result;

	cxt = AllocSetContextCreate(CurrentMemoryContext, "graphql sdl",
								ALLOCSET_DEFAULT_SIZES);
	arena = graphql_arena_create(cxt);
	sdl = gql_schema_print(arena, schema, &len);
	server = pg_any_to_server(sdl, (int) len, PG_UTF8);
	result = cstring_to_text(server);
	MemoryContextDelete(cxt);
	PG_RETURN_TEXT_P(result);
}
