/*-------------------------------------------------------------------------
 *
 * validation.h
 *	  Public interface of document validation: every rule of the GraphQL
 *	  specification's Validation section, run over an AST against a schema.
 *
 * Portable C11 (no PostgreSQL header), memory from a GqlArena.  One file
 * per rule under src/validation/rules/, graphql-js's model.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_VALIDATION_H
#define GQL_VALIDATION_H

#include "../language/language.h"
#include "../schema/schema.h"

/* One validation error: graphql-js's message, and its locations */
typedef struct GqlValidationError
{
	const char *message;
	const char *rule;			/* graphql-js's rule name, e.g. "KnownTypeNamesRule" */
	GqlLoc	   *locations;		/* line/column of each location */
	int			nlocations;
	struct GqlValidationError *next;
} GqlValidationError;

/*
 * Check of a literal given where a custom (not built-in) scalar is
 * expected.  Returns NULL when the literal is acceptable; otherwise "" for
 * graphql-js's plain message ('Expected value of type "T", found V.') or a
 * reason appended to it ('Expected value of type "T", found V; reason').
 * Without a check every literal is accepted, as graphql-js's buildSchema
 * scalars do.
 */
typedef const char *(*GqlScalarLiteralCheck) (void *arg, GqlArena *arena,
											  const GqlSchemaType *scalar,
											  const GqlValue *literal);

/* How the message of an Int literal outside 32 bits begins
 * (ValuesOfCorrectTypeRule) */
#define GQL_INT_RANGE_MESSAGE "Int cannot represent non 32-bit signed integer value"

typedef struct GqlValidationOptions
{
	int			max_errors;		/* stop after this many; <= 0: 100 (graphql-js's default) */
	GqlScalarLiteralCheck scalar_check; /* NULL: accept any literal */
	void	   *scalar_check_arg;

	/*
	 * Hasura v2's leniencies (graphql.hasura_compat), both against the
	 * specification: allow_unused_variables leaves out NoUnusedVariables;
	 * with string_scalars a String literal whose text is an Int, Float or
	 * Boolean literal (gql_string_scalar_kind) is accepted where that type
	 * is expected by an argument or input field that accepts_strings (a
	 * value for PostgreSQL; not, say, limit), and the literal is changed in
	 * place into one of that kind, so that what runs after validation sees
	 * an ordinary literal.
	 */
	bool		allow_unused_variables;
	bool		string_scalars;
} GqlValidationOptions;

/*
 * The kind of literal the text s[0..len) would be for the built-in scalar
 * named type ("Int": an IntValue in 32 bits, "Float": an IntValue or a
 * FloatValue, "Boolean": true or false), or GQL_NULL_VALUE when it is
 * none or the type is another one.
 */
extern GqlKind gql_string_scalar_kind(const char *type, const char *s,
									  size_t len);

/*
 * Validate a document against a schema with all rules.  Returns the errors
 * in document order (as graphql-js reports them), NULL when the document is
 * valid.  *nerrors (if not NULL) receives their count.  opts may be NULL.
 */
extern GqlValidationError *gql_validate(GqlArena *arena,
										const GqlSchema *schema,
										const GqlDocument *document,
										const GqlValidationOptions *opts,
										int *nerrors);

/*
 * graphql-js's didYouMean(sub, suggestionList(input, options)) text, e.g.
 * ` Did you mean "name"?` (with its leading space), or "" when no option is
 * close to input.  Used by variable coercion for its messages.
 */
extern const char *gql_did_you_mean(GqlArena *arena, const char *sub,
									const char *input,
									const char *const *options, int noptions);

#endif							/* GQL_VALIDATION_H */
