/*-------------------------------------------------------------------------
 *
 * language.h
 *	  Public interface of the GraphQL language core: arena memory, the AST,
 *	  the parser, the printer and the AST-to-JSON writer.
 *
 * This module is portable C11.  It includes no PostgreSQL header, so it can
 * be built on its own for unit tests and fuzzing, and it is linked into the
 * extension unchanged.  All memory it hands out lives in a GqlArena and is
 * released at once by gql_arena_destroy().
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_LANGUAGE_H
#define GQL_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Arena
 * ------------------------------------------------------------------------
 */

/*
 * Where an arena gets its blocks.  block_alloc must either return memory of
 * the requested size or not return at all (the extension uses palloc, which
 * raises an ERROR on out-of-memory; the standalone build uses malloc and
 * aborts).  block_free may be NULL when the blocks are released by other
 * means (a PostgreSQL memory context reset).
 */
typedef struct GqlAllocator
{
	void	   *(*block_alloc) (void *ctx, size_t size);
	void		(*block_free) (void *ctx, void *block);
	void	   *ctx;
} GqlAllocator;

typedef struct GqlArena GqlArena;

/* NULL allocator means malloc/free (abort on failure). */
extern GqlArena *gql_arena_create(const GqlAllocator *allocator);
extern void gql_arena_destroy(GqlArena *arena);
/* Zeroed, aligned to max_align_t; never returns NULL. */
extern void *gql_arena_alloc(GqlArena *arena, size_t size);
extern char *gql_arena_strndup(GqlArena *arena, const char *s, size_t len);
/* Total bytes obtained from the allocator (for tests and limits). */
extern size_t gql_arena_used(const GqlArena *arena);

/* ------------------------------------------------------------------------
 * Growable byte buffer in an arena (used by the printer and JSON writer)
 * ------------------------------------------------------------------------
 */
typedef struct GqlBuf
{
	GqlArena   *arena;
	char	   *data;			/* always NUL-terminated */
	size_t		len;
	size_t		cap;
} GqlBuf;

extern void gql_buf_init(GqlBuf *buf, GqlArena *arena);
extern void gql_buf_append(GqlBuf *buf, const char *s, size_t len);
extern void gql_buf_append_str(GqlBuf *buf, const char *s);
extern void gql_buf_append_char(GqlBuf *buf, char c);
extern void gql_buf_printf(GqlBuf *buf, const char *fmt,...)
			__attribute__((format(printf, 2, 3)));

/* ------------------------------------------------------------------------
 * AST
 *
 * Node kinds and field names follow graphql-js (16.x).  Every node starts
 * with a GqlNode header, so any node pointer can be cast to GqlNode * and
 * dispatched on ->kind.
 * ------------------------------------------------------------------------
 */
typedef enum GqlKind
{
	GQL_NAME,
	GQL_DOCUMENT,
	/* executable definitions */
	GQL_OPERATION_DEFINITION,
	GQL_VARIABLE_DEFINITION,
	GQL_SELECTION_SET,
	GQL_FIELD,
	GQL_ARGUMENT,
	GQL_FRAGMENT_SPREAD,
	GQL_INLINE_FRAGMENT,
	GQL_FRAGMENT_DEFINITION,
	/* values */
	GQL_VARIABLE,
	GQL_INT_VALUE,
	GQL_FLOAT_VALUE,
	GQL_STRING_VALUE,
	GQL_BOOLEAN_VALUE,
	GQL_NULL_VALUE,
	GQL_ENUM_VALUE,
	GQL_LIST_VALUE,
	GQL_OBJECT_VALUE,
	GQL_OBJECT_FIELD,
	/* directives and types */
	GQL_DIRECTIVE,
	GQL_NAMED_TYPE,
	GQL_LIST_TYPE,
	GQL_NON_NULL_TYPE,
	/* type system definitions */
	GQL_SCHEMA_DEFINITION,
	GQL_OPERATION_TYPE_DEFINITION,
	GQL_SCALAR_TYPE_DEFINITION,
	GQL_OBJECT_TYPE_DEFINITION,
	GQL_FIELD_DEFINITION,
	GQL_INPUT_VALUE_DEFINITION,
	GQL_INTERFACE_TYPE_DEFINITION,
	GQL_UNION_TYPE_DEFINITION,
	GQL_ENUM_TYPE_DEFINITION,
	GQL_ENUM_VALUE_DEFINITION,
	GQL_INPUT_OBJECT_TYPE_DEFINITION,
	GQL_DIRECTIVE_DEFINITION,
	/* type system extensions */
	GQL_SCHEMA_EXTENSION,
	GQL_SCALAR_TYPE_EXTENSION,
	GQL_OBJECT_TYPE_EXTENSION,
	GQL_INTERFACE_TYPE_EXTENSION,
	GQL_UNION_TYPE_EXTENSION,
	GQL_ENUM_TYPE_EXTENSION,
	GQL_INPUT_OBJECT_TYPE_EXTENSION,
	GQL_KIND_COUNT
} GqlKind;

/* graphql-js's name of a kind ("OperationDefinition", ...). */
extern const char *gql_kind_name(GqlKind kind);

/*
 * Source location of a node: byte offsets into the source of its first and
 * just past its last token, and the 1-based line and column of its first
 * token.  Columns count UTF-16 code units, as graphql-js does.
 */
typedef struct GqlLoc
{
	uint32_t	start;
	uint32_t	end;
	uint32_t	line;
	uint32_t	column;
} GqlLoc;

typedef struct GqlNode
{
	GqlKind		kind;
	GqlLoc		loc;
} GqlNode;

/* An ordered list of node pointers; empty lists have count 0, items NULL. */
typedef struct GqlList
{
	GqlNode   **items;
	int			count;
} GqlList;

typedef enum GqlOperationType
{
	GQL_OP_QUERY,
	GQL_OP_MUTATION,
	GQL_OP_SUBSCRIPTION
} GqlOperationType;

/* "query", "mutation" or "subscription" */
extern const char *gql_operation_name(GqlOperationType op);

typedef struct GqlName
{
	GqlNode		hdr;
	const char *value;			/* NUL-terminated */
	size_t		len;
} GqlName;

typedef struct GqlDocument
{
	GqlNode		hdr;
	GqlList		definitions;
} GqlDocument;

/* Any value node; which members are meaningful depends on hdr.kind. */
typedef struct GqlValue
{
	GqlNode		hdr;
	/*
	 * INT/FLOAT: the literal as written.  STRING: the decoded UTF-8 value
	 * (may contain U+0000, hence len).  ENUM: the name.
	 */
	const char *value;
	size_t		len;
	bool		block;			/* STRING: written as a block string */
	bool		boolean;		/* BOOLEAN */
	struct GqlName *name;		/* VARIABLE */
	GqlList		items;			/* LIST: values; OBJECT: ObjectField nodes */
} GqlValue;

/* GQL_ARGUMENT and GQL_OBJECT_FIELD */
typedef struct GqlArgument
{
	GqlNode		hdr;
	GqlName    *name;
	GqlValue   *value;
} GqlArgument;

typedef struct GqlDirective
{
	GqlNode		hdr;
	GqlName    *name;
	GqlList		arguments;		/* Argument */
} GqlDirective;

/* GQL_NAMED_TYPE (name set) or GQL_LIST_TYPE / GQL_NON_NULL_TYPE (type set) */
typedef struct GqlType
{
	GqlNode		hdr;
	GqlName    *name;
	struct GqlType *type;
} GqlType;

typedef struct GqlSelectionSet
{
	GqlNode		hdr;
	GqlList		selections;		/* Field, FragmentSpread, InlineFragment */
} GqlSelectionSet;

typedef struct GqlField
{
	GqlNode		hdr;
	GqlName    *alias;			/* NULL when none */
	GqlName    *name;
	GqlList		arguments;		/* Argument */
	GqlList		directives;
	GqlSelectionSet *selection_set; /* NULL for a leaf */
} GqlField;

typedef struct GqlFragmentSpread
{
	GqlNode		hdr;
	GqlName    *name;
	GqlList		directives;
} GqlFragmentSpread;

/* GQL_INLINE_FRAGMENT (name NULL, type_condition optional) and GQL_FRAGMENT_DEFINITION */
typedef struct GqlFragment
{
	GqlNode		hdr;
	GqlName    *name;
	GqlType    *type_condition;
	GqlList		directives;
	GqlSelectionSet *selection_set;
	GqlValue   *description;	/* FRAGMENT_DEFINITION: STRING value or NULL */
} GqlFragment;

typedef struct GqlVariableDefinition
{
	GqlNode		hdr;
	GqlValue   *variable;		/* kind GQL_VARIABLE */
	GqlType    *type;
	GqlValue   *default_value;	/* NULL when none */
	GqlList		directives;
	GqlValue   *description;	/* STRING value or NULL */
} GqlVariableDefinition;

typedef struct GqlOperationDefinition
{
	GqlNode		hdr;
	GqlOperationType operation;
	GqlName    *name;			/* NULL when anonymous */
	GqlList		variable_definitions;
	GqlList		directives;
	GqlSelectionSet *selection_set;
	GqlValue   *description;	/* STRING value or NULL (never on shorthand) */
} GqlOperationDefinition;

/* GQL_SCHEMA_DEFINITION and GQL_SCHEMA_EXTENSION */
typedef struct GqlSchemaDefinition
{
	GqlNode		hdr;
	GqlValue   *description;	/* STRING value or NULL; always NULL for extensions */
	GqlList		directives;
	GqlList		operation_types;	/* OperationTypeDefinition */
} GqlSchemaDefinition;

typedef struct GqlOperationTypeDefinition
{
	GqlNode		hdr;
	GqlOperationType operation;
	GqlType    *type;			/* NamedType */
} GqlOperationTypeDefinition;

/*
 * Every type definition and type extension (scalar, object, interface,
 * union, enum, input object).  members holds, by kind:
 *   object / interface:  FieldDefinition
 *   union:               NamedType
 *   enum:                EnumValueDefinition
 *   input object:        InputValueDefinition
 *   scalar:              nothing
 * interfaces is used by objects and interfaces only.
 */
typedef struct GqlTypeDefinition
{
	GqlNode		hdr;
	GqlValue   *description;	/* NULL for extensions */
	GqlName    *name;
	GqlList		interfaces;		/* NamedType */
	GqlList		directives;
	GqlList		members;
} GqlTypeDefinition;

/*
 * GQL_FIELD_DEFINITION (arguments, type), GQL_INPUT_VALUE_DEFINITION (type,
 * default_value) and GQL_ENUM_VALUE_DEFINITION (neither).
 */
typedef struct GqlFieldDefinition
{
	GqlNode		hdr;
	GqlValue   *description;
	GqlName    *name;
	GqlList		arguments;		/* InputValueDefinition */
	GqlType    *type;
	GqlValue   *default_value;
	GqlList		directives;
} GqlFieldDefinition;

typedef struct GqlDirectiveDefinition
{
	GqlNode		hdr;
	GqlValue   *description;
	GqlName    *name;
	GqlList		arguments;		/* InputValueDefinition */
	bool		repeatable;
	GqlList		locations;		/* Name */
} GqlDirectiveDefinition;

/* ------------------------------------------------------------------------
 * Parser
 * ------------------------------------------------------------------------
 */
typedef struct GqlParseOptions
{
	int			max_depth;		/* nesting limit (selections, values, types); <= 0: default */
	int			max_tokens;		/* token limit; <= 0: default */
} GqlParseOptions;

#define GQL_DEFAULT_MAX_DEPTH	128
#define GQL_DEFAULT_MAX_TOKENS	100000

/*
 * A syntax error: the message reads like graphql-js's
 * ("Syntax Error: Expected Name, found <EOF>."); line and column (1-based,
 * UTF-16 code units) give where.
 */
typedef struct GqlError
{
	const char *message;
	uint32_t	line;
	uint32_t	column;
} GqlError;

/*
 * Parse a whole document (executable and type-system definitions).  Returns
 * the document, or NULL and fills *error.  The source need not be
 * NUL-terminated.  opts may be NULL for the defaults.
 */
extern GqlDocument *gql_parse(GqlArena *arena, const char *source, size_t len,
							  const GqlParseOptions *opts, GqlError *error);

/* ------------------------------------------------------------------------
 * Printer and JSON writer
 * ------------------------------------------------------------------------
 */

/*
 * Print any node as canonical GraphQL, formatted as graphql-js's print(),
 * except that an anonymous query right after a type-system definition is
 * printed as "query { ... }" rather than "{ ... }" (which would read back
 * as that definition's body).  Parsing the result gives the same AST
 * (locations aside), so print(parse(print(parse(x)))) == print(parse(x)).
 */
extern char *gql_print(GqlArena *arena, const GqlNode *node, size_t *len);

/* Options for gql_ast_to_json */
#define GQL_JSON_LOCATIONS	0x01	/* add "loc": {"line": L, "column": C} to every node */
#define GQL_JSON_NO_NUL		0x02	/* write U+0000 in strings as U+FFFD (for jsonb) */

/*
 * The AST as JSON in graphql-js's shape (what JSON.stringify(parse(doc,
 * {noLocation: true})) gives), optionally with locations.  The text is
 * NUL-terminated; *len (if not NULL) receives its length.
 */
extern char *gql_ast_to_json(GqlArena *arena, const GqlNode *node, int flags,
							 size_t *len);

#endif							/* GQL_LANGUAGE_H */
