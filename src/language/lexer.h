/*-------------------------------------------------------------------------
 *
 * lexer.h
 *	  The GraphQL lexer (internal to the language module).
 *
 * The lexer turns raw UTF-8 source (not NUL-terminated) into tokens, one at
 * a time, the way graphql-js 16 does: ignored characters (white space, line
 * terminators, commas, the BOM and comments) are skipped, string values are
 * decoded, and errors carry graphql-js's messages and locations.
 *
 *-------------------------------------------------------------------------
 */
#ifndef GQL_LEXER_H
#define GQL_LEXER_H

#include "language.h"

typedef enum GqlTokenKind
{
	GQL_TOK_SOF,
	GQL_TOK_EOF,
	GQL_TOK_BANG,
	GQL_TOK_DOLLAR,
	GQL_TOK_AMP,
	GQL_TOK_PAREN_L,
	GQL_TOK_PAREN_R,
	GQL_TOK_SPREAD,
	GQL_TOK_COLON,
	GQL_TOK_EQUALS,
	GQL_TOK_AT,
	GQL_TOK_BRACKET_L,
	GQL_TOK_BRACKET_R,
	GQL_TOK_BRACE_L,
	GQL_TOK_PIPE,
	GQL_TOK_BRACE_R,
	GQL_TOK_NAME,
	GQL_TOK_INT,
	GQL_TOK_FLOAT,
	GQL_TOK_STRING,
	GQL_TOK_BLOCK_STRING
} GqlTokenKind;

/*
 * A token.  start/end are byte offsets; line and column (1-based, UTF-16
 * code units) locate its first character.  value/len: NAME, INT and FLOAT
 * point into the source (not NUL-terminated); STRING and BLOCK_STRING hold
 * the decoded value, NUL-terminated, in the arena; NULL for punctuators.
 */
typedef struct GqlToken
{
	GqlTokenKind kind;
	uint32_t	start;
	uint32_t	end;
	uint32_t	line;
	uint32_t	column;
	const char *value;
	size_t		len;
} GqlToken;

typedef struct GqlLexer
{
	GqlArena   *arena;
	const unsigned char *src;
	size_t		len;
	size_t		pos;			/* where the next token is looked for */
	uint32_t	line;			/* line of pos */
	size_t		line_start;		/* byte offset where that line starts */
	size_t		col_byte;		/* column cursor: a byte offset on the line */
	uint32_t	col_units;		/* UTF-16 units from line_start to col_byte */
	GqlError	error;			/* set when gql_lexer_next fails */
} GqlLexer;

/* Source longer than this is rejected (offsets are 32-bit). */
#define GQL_MAX_SOURCE_LEN	((size_t) 0x7FFFFFFF)

extern void gql_lexer_init(GqlLexer *lx, GqlArena *arena, const char *src,
						   size_t len);

/*
 * Read the next token into *tok.  Returns false on a syntax error, with
 * lx->error filled in; at the end of the source it keeps returning EOF.
 */
extern bool gql_lexer_next(GqlLexer *lx, GqlToken *tok);

/* graphql-js's description of a token kind: "Name", "\"{\"", "<EOF>"... */
extern const char *gql_token_kind_desc(GqlTokenKind kind);

/*
 * Fill *err with message "Syntax Error: <text>" (allocated in the arena)
 * and the line and column of byte offset pos, computed as graphql-js does.
 */
extern void gql_syntax_error(GqlArena *arena, const unsigned char *src,
							 size_t len, size_t pos, const char *text,
							 GqlError *err);

#endif							/* GQL_LEXER_H */
