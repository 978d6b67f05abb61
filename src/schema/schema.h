/*-------------------------------------------------------------------------
 *
 * schema.h
 *	  Public interface of the GraphQL type system: the schema model, its
 *	  construction, lookups, and building it from SDL.
 *
 * Portable C11 like the language core (no PostgreSQL header); all memory
 * comes from the GqlArena the schema was created in.  The backend builds
 * the model from the catalog through the construction API (schema
 * reflection, the Hasura dialect), the tests build it from SDL; validation
 * and introspection only read it.
 *
 * Every type, field, argument and enum value has a `source` pointer the
 * builder may set to whatever it needs later (the backend points it at the
 * relation / column / relationship behind the element); this module never
 * looks at it.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_SCHEMA_H
#define GQL_SCHEMA_H

#include "../language/language.h"

typedef enum GqlTypeKind
{
	GQL_TYPE_SCALAR,
	GQL_TYPE_OBJECT,
	GQL_TYPE_INTERFACE,
	GQL_TYPE_UNION,
	GQL_TYPE_ENUM,
	GQL_TYPE_INPUT_OBJECT
} GqlTypeKind;

typedef struct GqlSchemaType GqlSchemaType;

/*
 * A type reference as fields and arguments use it: a named type wrapped in
 * any number of list / non-null layers.  `[Int!]!` is
 * NON_NULL(LIST(NON_NULL(NAMED Int))).
 */
typedef enum GqlTypeRefKind
{
	GQL_REF_NAMED,
	GQL_REF_LIST,
	GQL_REF_NON_NULL
} GqlTypeRefKind;

typedef struct GqlTypeRef
{
	GqlTypeRefKind kind;
	GqlSchemaType *named;		/* NAMED: the type */
	struct GqlTypeRef *of_type; /* LIST / NON_NULL: the wrapped type */
} GqlTypeRef;

/* An argument of a field or directive, or a field of an input object */
typedef struct GqlInputValue
{
	const char *name;
	const char *description;	/* NULL when none */
	GqlTypeRef *type;
	const GqlValue *default_value;	/* a const AST value, or NULL */
	const char *deprecation_reason; /* NULL when not deprecated */
	const void *source;
	bool		accepts_strings;	/* a value PostgreSQL parses (a column's,
									 * an operand, a function argument): with
									 * GqlValidationOptions.string_scalars a
									 * String literal may stand for an Int,
									 * Float or Boolean one, as in Hasura */
} GqlInputValue;

typedef struct GqlFieldDef
{
	const char *name;
	const char *description;
	GqlTypeRef *type;
	GqlInputValue **args;
	int			nargs;
	const char *deprecation_reason;
	const void *source;
} GqlFieldDef;

typedef struct GqlEnumValueDef
{
	const char *name;
	const char *description;
	const char *deprecation_reason;
	const void *source;
} GqlEnumValueDef;

struct GqlSchemaType
{
	GqlTypeKind kind;
	const char *name;
	const char *description;
	const char *specified_by_url;	/* SCALAR */
	bool		is_one_of;		/* INPUT_OBJECT marked @oneOf */
	bool		builtin;		/* a spec scalar or an introspection type */
	bool		redefined;		/* a spec scalar the SDL defines again: it
								 * keeps its meaning, but is listed where the
								 * SDL defines it, as graphql-js lists it */
	GqlFieldDef **fields;		/* OBJECT, INTERFACE */
	int			nfields;
	GqlSchemaType **interfaces; /* OBJECT, INTERFACE: implemented interfaces */
	int			ninterfaces;
	GqlSchemaType **possible_types; /* UNION: members; INTERFACE: implementing
									 * object types (filled by gql_schema_finish) */
	int			npossible_types;
	GqlEnumValueDef **enum_values;	/* ENUM */
	int			nenum_values;
	GqlInputValue **input_fields;	/* INPUT_OBJECT */
	int			ninput_fields;
	const void *source;
	void	   *lookup;			/* private: name index of fields, built by finish */
};

/* Directive locations, as a bit set */
typedef enum GqlDirectiveLocation
{
	GQL_LOC_QUERY = 1 << 0,
	GQL_LOC_MUTATION = 1 << 1,
	GQL_LOC_SUBSCRIPTION = 1 << 2,
	GQL_LOC_FIELD = 1 << 3,
	GQL_LOC_FRAGMENT_DEFINITION = 1 << 4,
	GQL_LOC_FRAGMENT_SPREAD = 1 << 5,
	GQL_LOC_INLINE_FRAGMENT = 1 << 6,
	GQL_LOC_VARIABLE_DEFINITION = 1 << 7,
	GQL_LOC_SCHEMA = 1 << 8,
	GQL_LOC_SCALAR = 1 << 9,
	GQL_LOC_OBJECT = 1 << 10,
	GQL_LOC_FIELD_DEFINITION = 1 << 11,
	GQL_LOC_ARGUMENT_DEFINITION = 1 << 12,
	GQL_LOC_INTERFACE = 1 << 13,
	GQL_LOC_UNION = 1 << 14,
	GQL_LOC_ENUM = 1 << 15,
	GQL_LOC_ENUM_VALUE = 1 << 16,
	GQL_LOC_INPUT_OBJECT = 1 << 17,
	GQL_LOC_INPUT_FIELD_DEFINITION = 1 << 18,
	GQL_LOC_DIRECTIVE_DEFINITION = 1 << 19	/* graphql-js 16.x: @deprecated on directives */
} GqlDirectiveLocation;

/* "QUERY", "FIELD_DEFINITION", ...; NULL for an unknown bit */
extern const char *gql_directive_location_name(GqlDirectiveLocation loc);
/* The bit of a location name, or 0 if the name is not a location */
extern GqlDirectiveLocation gql_directive_location_from_name(const char *name);

typedef struct GqlDirectiveDef
{
	const char *name;
	const char *description;
	GqlInputValue **args;
	int			nargs;
	uint32_t	locations;		/* GqlDirectiveLocation bits */
	bool		repeatable;
	bool		builtin;		/* skip, include, deprecated, specifiedBy, oneOf */
	const char *deprecation_reason; /* NULL when not deprecated */
} GqlDirectiveDef;

typedef struct GqlSchema
{
	GqlArena   *arena;
	const char *description;
	GqlSchemaType *query_type;	/* NULL only while building */
	GqlSchemaType *mutation_type;	/* NULL when none */
	GqlSchemaType *subscription_type;	/* NULL when none */
	GqlSchemaType **types;		/* every named type, in definition order,
								 * builtins included */
	int			ntypes;
	GqlDirectiveDef **directives;
	int			ndirectives;
	void	   *lookup;			/* private: name index of types and directives */
} GqlSchema;

/* ------------------------------------------------------------------------
 * Construction
 *
 * gql_schema_create() gives a schema that already holds the spec's scalars
 * (Int, Float, String, Boolean, ID), the introspection types (__Schema,
 * __Type, __Field, __InputValue, __EnumValue, __Directive, __TypeKind,
 * __DirectiveLocation) and the built-in directives (@skip, @include,
 * @deprecated, @specifiedBy, @oneOf).  Elements are added with the
 * functions below; type references may name types that are added later,
 * since names are resolved by gql_schema_finish(), which also fills
 * interface possible_types, builds the name indexes and checks the schema
 * (unknown type names, duplicate names, a missing query type, wrong kinds
 * in input/output positions, interface implementation rules).  A schema is
 * read-only after a successful finish.
 * ------------------------------------------------------------------------
 */
extern GqlSchema *gql_schema_create(GqlArena *arena);

/* Add a named type (NULL if a type of that name exists already) */
extern GqlSchemaType *gql_schema_add_type(GqlSchema *schema, GqlTypeKind kind,
										  const char *name, const char *description);

/* A reference to a named type, resolved at finish */
extern GqlTypeRef *gql_type_ref_named(GqlSchema *schema, const char *name);
extern GqlTypeRef *gql_type_ref_list(GqlSchema *schema, GqlTypeRef *of_type);
extern GqlTypeRef *gql_type_ref_non_null(GqlSchema *schema, GqlTypeRef *of_type);

extern GqlFieldDef *gql_type_add_field(GqlSchema *schema, GqlSchemaType *type,
									   const char *name, GqlTypeRef *ftype,
									   const char *description);
extern GqlInputValue *gql_field_add_arg(GqlSchema *schema, GqlFieldDef *field,
										const char *name, GqlTypeRef *atype,
										const GqlValue *default_value,
										const char *description);
extern GqlInputValue *gql_type_add_input_field(GqlSchema *schema,
											   GqlSchemaType *type,
											   const char *name,
											   GqlTypeRef *ftype,
											   const GqlValue *default_value,
											   const char *description);
extern GqlEnumValueDef *gql_type_add_enum_value(GqlSchema *schema,
												GqlSchemaType *type,
												const char *name,
												const char *description);
/* Interfaces and union members by name, resolved at finish */
extern void gql_type_add_interface(GqlSchema *schema, GqlSchemaType *type,
								   const char *interface_name);
extern void gql_type_add_member(GqlSchema *schema, GqlSchemaType *union_type,
								const char *member_name);
extern GqlDirectiveDef *gql_schema_add_directive(GqlSchema *schema,
												 const char *name,
												 uint32_t locations,
												 bool repeatable,
												 const char *description);
extern GqlInputValue *gql_directive_add_arg(GqlSchema *schema,
											GqlDirectiveDef *directive,
											const char *name,
											GqlTypeRef *atype,
											const GqlValue *default_value,
											const char *description);
/* Root operation types by name, resolved at finish */
extern void gql_schema_set_root(GqlSchema *schema, GqlOperationType op,
								const char *type_name);

/*
 * Resolve, index and check.  Returns false and fills *error (message only;
 * line/column 0) when the schema is invalid.  Without an explicit root
 * set, types named Query / Mutation / Subscription become the roots (the
 * SDL convention).
 */
extern bool gql_schema_finish(GqlSchema *schema, GqlError *error);

/*
 * Build a schema from an SDL document (type definitions and extensions,
 * schema definition, directive definitions; executable definitions are an
 * error).  Applies @deprecated, @specifiedBy and @oneOf.  Returns NULL and
 * fills *error on an invalid document.
 */
extern GqlSchema *gql_schema_from_sdl(GqlArena *arena, const GqlDocument *sdl,
									  GqlError *error);

/* ------------------------------------------------------------------------
 * Lookups (after finish)
 * ------------------------------------------------------------------------
 */
extern GqlSchemaType *gql_schema_type(const GqlSchema *schema, const char *name);
extern GqlDirectiveDef *gql_schema_directive(const GqlSchema *schema,
											 const char *name);
/* A field of an object or interface type by name (not __typename etc.) */
extern GqlFieldDef *gql_type_field(const GqlSchemaType *type, const char *name);
extern GqlInputValue *gql_type_input_field(const GqlSchemaType *type,
										   const char *name);
extern GqlEnumValueDef *gql_type_enum_value(const GqlSchemaType *type,
											const char *name);
extern GqlInputValue *gql_field_arg(const GqlFieldDef *field, const char *name);
extern GqlInputValue *gql_directive_arg(const GqlDirectiveDef *directive,
										const char *name);

/*
 * The location names of a directive in the order its definition wrote them
 * (SDL), or in __DirectiveLocation order for a directive built from the bit
 * set alone.  Returns the count; *names gets the array.
 */
extern int	gql_directive_location_list(const GqlSchema *schema,
										const GqlDirectiveDef *directive,
										const char *const **names);

/* The meta-fields __typename, __schema and __type (as the spec defines them) */
extern const GqlFieldDef *gql_typename_field(const GqlSchema *schema);
extern const GqlFieldDef *gql_schema_meta_field(const GqlSchema *schema);
extern const GqlFieldDef *gql_type_meta_field(const GqlSchema *schema);

/* ------------------------------------------------------------------------
 * Type utilities
 * ------------------------------------------------------------------------
 */
extern GqlSchemaType *gql_type_ref_named_type(const GqlTypeRef *ref);	/* unwrap all */
extern bool gql_type_is_input(const GqlSchemaType *type);	/* scalar, enum, input */
extern bool gql_type_is_output(const GqlSchemaType *type);	/* all but input */
extern bool gql_type_is_composite(const GqlSchemaType *type);	/* object, interface, union */
extern bool gql_type_is_leaf(const GqlSchemaType *type);	/* scalar, enum */
extern bool gql_type_is_abstract(const GqlSchemaType *type);	/* interface, union */
/* Is `maybe_sub` a subtype of `super` (for variables in allowed positions) */
extern bool gql_type_ref_is_subtype(const GqlSchema *schema,
									const GqlTypeRef *maybe_sub,
									const GqlTypeRef *super);
extern bool gql_type_ref_equal(const GqlTypeRef *a, const GqlTypeRef *b);
/* Is object type `obj` a possible type of abstract type `abstract` */
extern bool gql_type_is_possible(const GqlSchema *schema,
								 const GqlSchemaType *abstract,
								 const GqlSchemaType *obj);
/* Can two composite types share an object (for fragment spreads) */
extern bool gql_types_overlap(const GqlSchema *schema,
							  const GqlSchemaType *a, const GqlSchemaType *b);
/* The AST type (NamedType/ListType/NonNullType) as a schema reference; NULL if a name is unknown */
extern GqlTypeRef *gql_type_ref_from_ast(const GqlSchema *schema,
										 const GqlType *ast);
/* "[Int!]!" */
extern char *gql_type_ref_string(GqlArena *arena, const GqlTypeRef *ref);

/* ------------------------------------------------------------------------
 * Printing
 * ------------------------------------------------------------------------
 */

/*
 * The schema as SDL, in graphql-js's printSchema() form: builtin scalars,
 * introspection types and builtin directives left out, the schema
 * definition only when the roots are not named Query/Mutation/Subscription.
 */
extern char *gql_schema_print(GqlArena *arena, const GqlSchema *schema,
							  size_t *len);

#endif							/* GQL_SCHEMA_H */
