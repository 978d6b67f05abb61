/*-------------------------------------------------------------------------
 *
 * schema_internal.h
 *	  Private structures shared by the files of the type system module.
 *
 * Every public element the construction API hands out is the first member
 * of a larger private record, so a public pointer can be cast back to its
 * record.  Nothing outside src/schema/ includes this header.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_SCHEMA_INTERNAL_H
#define GQL_SCHEMA_INTERNAL_H

#include "schema.h"

/* An open-addressing hash index from names to pointers */
typedef struct GqlNameIndex
{
	uint32_t	mask;			/* capacity - 1; capacity is a power of two */
	int			count;
	const char **keys;
	void	  **vals;
} GqlNameIndex;

/* A type reference; NAMED ones keep their name until resolved */
typedef struct GqlRefImpl
{
	GqlTypeRef	pub;
	const char *name;			/* NAMED: the name to resolve */
	struct GqlRefImpl *next;	/* the schema's list of unresolved refs */
	GqlTypeRef *list_of;		/* interned LIST of this ref (lookups) */
	GqlTypeRef *non_null_of;	/* interned NON_NULL of this ref */
} GqlRefImpl;

typedef struct GqlTypeImpl
{
	GqlSchemaType pub;
	const char **iface_names;	/* interfaces by name, until finish */
	int			niface_names;
	const char **member_names;	/* union members by name, until finish */
	int			nmember_names;
	GqlSchemaType **impl_ifaces;	/* INTERFACE: interfaces implementing it */
	int			nimpl_ifaces;
	GqlRefImpl *self_ref;		/* the canonical NAMED ref to this type */
	int			visit;			/* scratch mark of finish's checks */
} GqlTypeImpl;

typedef struct GqlDirectiveImpl
{
	GqlDirectiveDef pub;
	const char **loc_order;		/* locations in the order written (SDL) */
	int			nloc_order;
} GqlDirectiveImpl;

typedef struct GqlSchemaImpl
{
	GqlSchema	pub;
	GqlNameIndex *type_index;
	GqlNameIndex *directive_index;
	GqlRefImpl *pending;		/* NAMED refs not resolved yet */
	const char *root_names[3];	/* by GqlOperationType; NULL when unset */
	bool		roots_set;
	bool		finished;
	bool		adding_builtins;	/* elements added now are builtin */
	GqlFieldDef *typename_field;
	GqlFieldDef *schema_field;
	GqlFieldDef *type_field;
} GqlSchemaImpl;

#define SCHEMA_IMPL(s) ((GqlSchemaImpl *) (s))
#define TYPE_IMPL(t) ((GqlTypeImpl *) (t))
#define DIRECTIVE_IMPL(d) ((GqlDirectiveImpl *) (d))
#define REF_IMPL(r) ((GqlRefImpl *) (r))

/* The default reason of @deprecated */
#define GQL_DEFAULT_DEPRECATION_REASON "No longer supported"

/* schema.c */
extern void *gql_schema_array_append(GqlArena *arena, void *items, int count,
									 size_t elem_size);
extern GqlNameIndex *gql_name_index_create(GqlArena *arena, int expected);
extern bool gql_name_index_put(GqlArena *arena, GqlNameIndex *index,
							   const char *key, void *val);
extern void *gql_name_index_get(const GqlNameIndex *index, const char *key);
extern bool gql_schema_index_type(GqlArena *arena, GqlSchemaType *type,
								  const char **dup);
/* Move a type to the end of schema->types (before finish) */
extern void gql_schema_move_type_last(GqlSchema *schema, GqlSchemaType *type);
extern void gql_schema_add_location_name(GqlSchema *schema,
										 GqlDirectiveDef *directive,
										 const char *name);

/* builtins.c */
extern bool gql_schema_add_builtins(GqlSchema *schema, GqlError *error);

/* values.c */
extern const GqlValue *gql_schema_default_literal(GqlArena *arena,
												  const GqlValue *value,
												  const GqlTypeRef *type);

/* sdl.c */
extern bool gql_schema_apply_sdl(GqlSchema *schema, const GqlDocument *sdl,
								 GqlError *error);

#endif							/* GQL_SCHEMA_INTERNAL_H */
