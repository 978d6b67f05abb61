/*-------------------------------------------------------------------------
 *
 * test_lexer.c
 *	  Unit tests of the GraphQL lexer: tokens, values, numbers, strings,
 *	  block strings, locations and lexical errors.
 *
 * Expected messages and locations are graphql-js 16's.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/lexer.h"
#include "unit.h"

#include <stdlib.h>

static GqlArena *arena;

/*
 * A copy of src[0..len) in a heap block of exactly len bytes, so that the
 * sanitizers catch any read past the end.
 */
static char *
exact_copy(const char *src, size_t len)
{
	char	   *copy = malloc(len > 0 ? len : 1);

	if (copy == NULL)
		abort();
	memcpy(copy, src, len);
	return copy;
}

/*
 * Append a token value, showing NUL bytes as \0.
 */
static void
append_value(GqlBuf *out, const GqlToken *t)
{
	size_t		i;

	for (i = 0; i < t->len; i++)
	{
		if (t->value[i] == '\0')
			gql_buf_append_str(out, "\\0");
		else
			gql_buf_append_char(out, t->value[i]);
	}
}

/*
 * Append a short description of a token: its kind ("{", "Name", ...), then
 * ":value" if it has one, then "@line:col" when with_loc.
 */
static void
describe(GqlBuf *out, const GqlToken *t, bool with_loc)
{
	const char *desc = gql_token_kind_desc(t->kind);

	if (desc[0] == '"')
		gql_buf_append(out, desc + 1, strlen(desc) - 2);
	else
		gql_buf_append_str(out, desc);
	if (t->value != NULL)
	{
		gql_buf_append_char(out, ':');
		append_value(out, t);
	}
	if (with_loc)
		gql_buf_printf(out, "@%u:%u", t->line, t->column);
}

/*
 * Lex len bytes of src to the end; the tokens described and separated by
 * spaces, or, on an error, "ERROR <message>@line:col" after the tokens.
 */
static const char *
lex_n(const char *src, size_t len, bool with_loc)
{
	char	   *copy = exact_copy(src, len);
	GqlLexer	lx;
	GqlToken	t;
	GqlBuf		out;
	int			guard = 0;

	gql_lexer_init(&lx, arena, copy, len);
	gql_buf_init(&out, arena);
	while (guard++ < 10000)
	{
		if (!gql_lexer_next(&lx, &t))
		{
			gql_buf_printf(&out, "%sERROR %s@%u:%u", out.len ? " " : "",
						   lx.error.message, lx.error.line, lx.error.column);
			break;
		}
		if (t.kind == GQL_TOK_EOF)
			break;
		if (out.len > 0)
			gql_buf_append_char(&out, ' ');
		describe(&out, &t, with_loc);
	}
	free(copy);
	return out.data;
}

static const char *
lex(const char *src)
{
	return lex_n(src, strlen(src), false);
}

static const char *
lex_loc(const char *src)
{
	return lex_n(src, strlen(src), true);
}

/*
 * The value of the first token (the source must be a single string).
 */
static const GqlToken *
first_token(const char *src, size_t len)
{
	static GqlToken t;
	char	   *copy = exact_copy(src, len);
	GqlLexer	lx;

	gql_lexer_init(&lx, arena, copy, len);
	if (!gql_lexer_next(&lx, &t))
		t.kind = GQL_TOK_SOF;
	/* the value lives in the arena for strings; names point into copy */
	if (t.kind == GQL_TOK_NAME || t.kind == GQL_TOK_INT ||
		t.kind == GQL_TOK_FLOAT)
		t.value = gql_arena_strndup(arena, t.value, t.len);
	free(copy);
	return &t;
}

/*
 * The lexical error of src, as "message@line:col", or "no error".
 */
static const char *
error_of(const char *src, size_t len)
{
	const char *all = lex_n(src, len, false);
	const char *e = strstr(all, "ERROR ");

	return e ? e + 6 : "no error";
}

#define ERR(src) error_of((src), sizeof(src) - 1)

static void
test_punctuators_and_names(void)
{
	is_str(lex("! $ & ( ) ... : = @ [ ] { | }"),
		   "! $ & ( ) ... : = @ [ ] { | }", "every punctuator");
	is_str(lex("{a}"), "{ Name:a }", "no space needed between tokens");
	is_str(lex("_a1 B_2 __typename"), "Name:_a1 Name:B_2 Name:__typename",
		   "names");
	is_str(lex("a,b,,c"), "Name:a Name:b Name:c", "commas are ignored");
	is_str(lex(" \t\n\r\n\r a"), "Name:a", "white space and line terminators");
	is_str(lex("# comment\na # another é😀\n#last"), "Name:a",
		   "comments are ignored");
	is_str(lex("\xEF\xBB\xBF{ \xEF\xBB\xBF}"), "{ }", "BOM is ignored anywhere");
	is_str(lex(""), "", "empty source gives EOF at once");
	is_str(lex("a...b"), "Name:a ... Name:b", "spread");
	is_str(lex("type Query"), "Name:type Name:Query", "keywords are names");
}

static void
test_numbers(void)
{
	is_str(lex("0 -0 1 123 -123 9876543210"),
		   "Int:0 Int:-0 Int:1 Int:123 Int:-123 Int:9876543210", "integers");
	is_str(lex("1.5 -1.5 0.0 1e5 1E5 1e+5 1e-5 -1.5e-10 0e0 6.0221413e23"),
		   "Float:1.5 Float:-1.5 Float:0.0 Float:1e5 Float:1E5 Float:1e+5 "
		   "Float:1e-5 Float:-1.5e-10 Float:0e0 Float:6.0221413e23", "floats");
	is_str(lex("1,2 3]4}"), "Int:1 Int:2 Int:3 ] Int:4 }",
		   "numbers end at punctuators and ignored characters");
	is_str(ERR("00"),
		   "Syntax Error: Invalid number, unexpected digit after 0: \"0\".@1:2",
		   "00");
	is_str(ERR("-01"),
		   "Syntax Error: Invalid number, unexpected digit after 0: \"1\".@1:3",
		   "-01");
	is_str(ERR("0x1"),
		   "Syntax Error: Invalid number, expected digit but got: \"x\".@1:2",
		   "0x1");
	is_str(ERR("1."),
		   "Syntax Error: Invalid number, expected digit but got: <EOF>.@1:3",
		   "1. at the end");
	is_str(ERR("1.)"),
		   "Syntax Error: Invalid number, expected digit but got: \")\".@1:3",
		   "1.)");
	is_str(ERR("1.a"),
		   "Syntax Error: Invalid number, expected digit but got: \"a\".@1:3",
		   "1.a");
	is_str(ERR(".5"), "Syntax Error: Unexpected character: \".\".@1:1", ".5");
	is_str(ERR("1e"),
		   "Syntax Error: Invalid number, expected digit but got: <EOF>.@1:3",
		   "1e");
	is_str(ERR("1e+"),
		   "Syntax Error: Invalid number, expected digit but got: <EOF>.@1:4",
		   "1e+");
	is_str(ERR("1.e1"),
		   "Syntax Error: Invalid number, expected digit but got: \"e\".@1:3",
		   "1.e1");
	is_str(ERR("1.2.3"),
		   "Syntax Error: Invalid number, expected digit but got: \".\".@1:4",
		   "a second fraction");
	is_str(ERR("123abc"),
		   "Syntax Error: Invalid number, expected digit but got: \"a\".@1:4",
		   "a name right after a number");
	is_str(ERR("1_"),
		   "Syntax Error: Invalid number, expected digit but got: \"_\".@1:2",
		   "an underscore right after a number");
	is_str(ERR("1.5e3."),
		   "Syntax Error: Invalid number, expected digit but got: \".\".@1:6",
		   "a dot after an exponent");
	is_str(ERR("-"),
		   "Syntax Error: Invalid number, expected digit but got: <EOF>.@1:2",
		   "a lone minus");
	is_str(ERR("-a"),
		   "Syntax Error: Invalid number, expected digit but got: \"a\".@1:2",
		   "minus and a name");
	is_str(ERR("1.\""),
		   "Syntax Error: Invalid number, expected digit but got: '\"'.@1:3",
		   "a double quote is shown in single quotes");
	is_str(ERR("1.\xC3\xA9"),
		   "Syntax Error: Invalid number, expected digit but got: U+00E9.@1:3",
		   "a non-ASCII character is shown as U+XXXX");
	is_str(lex("1\"a\""), "Int:1 String:a", "a string may follow a number");
}

static void
test_strings(void)
{
	const GqlToken *t;

	is_str(lex("\"\" \"abc\" \"a b\tc\""), "String: String:abc String:a b\tc",
		   "simple strings");
	is_str(lex("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""),
		   "String:\" \\ / \b \f \n \r \t", "simple escapes");
	is_str(lex("\"\\u0041\\u00e9\\u00E9\\u20AC\""),
		   "String:A\xC3\xA9\xC3\xA9\xE2\x82\xAC", "fixed-width \\u escapes");
	is_str(lex("\"\\u{41}\\u{1F600}\\u{00000041}\""),
		   "String:A\xF0\x9F\x98\x80" "A" "", "variable-width \\u{} escapes");
	is_str(lex("\"\\uD83D\\uDE00\""), "String:\xF0\x9F\x98\x80",
		   "a surrogate pair is one code point");
	is_str(lex("\"\xF0\x9F\x98\x80 \xC3\xA9\""),
		   "String:\xF0\x9F\x98\x80 \xC3\xA9", "raw UTF-8 is kept");
	t = first_token("\"a\\u0000b\"", 10);
	is_mem(t->value, t->len, "a\0b", 3, "\\u0000 gives a NUL in the value");
	t = first_token("\"a\0b\x01\"", 6);
	is_mem(t->value, t->len, "a\0b\x01", 4,
		   "raw NUL and control characters are allowed in strings");
	is_int(t->kind, GQL_TOK_STRING, "kind String");
	is_str(ERR("\"abc"), "Syntax Error: Unterminated string.@1:5",
		   "unterminated at the end");
	is_str(ERR("\"abc\ndef\""), "Syntax Error: Unterminated string.@1:5",
		   "unterminated at a line feed");
	is_str(ERR("\"abc\r\""), "Syntax Error: Unterminated string.@1:5",
		   "unterminated at a carriage return");
	is_str(ERR("\"\\x\""),
		   "Syntax Error: Invalid character escape sequence: \"\\x\".@1:2",
		   "unknown escape");
	is_str(ERR("\"\\"),
		   "Syntax Error: Invalid character escape sequence: \"\\\".@1:2",
		   "backslash at the end");
	is_str(ERR("\"\\u12\"x"),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u12\"x\".@1:2",
		   "short \\u escape");
	is_str(ERR("\"\\uXYZW\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\".@1:2",
		   "non-hex \\u escape");
	is_str(ERR("\"\\uD83D\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".@1:2",
		   "lone leading surrogate");
	is_str(ERR("\"\\uDE00\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".@1:2",
		   "lone trailing surrogate");
	is_str(ERR("\"\\uD83D\\u0041\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".@1:2",
		   "leading surrogate before a non-surrogate");
	is_str(ERR("\"\\u{D800}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".@1:2",
		   "surrogate in braces");
	is_str(ERR("\"\\u{110000}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".@1:2",
		   "beyond U+10FFFF");
	is_str(ERR("\"\\u{}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".@1:2",
		   "empty braces");
	is_str(ERR("\"\\u{12x}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{12x\".@1:2",
		   "non-hex in braces");
	is_str(ERR("\"\\u{80000000}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{80000000\".@1:2",
		   "32-bit overflow in braces");
	is_str(ERR("\"\\u{000000000}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".@1:2",
		   "too long in braces");
	is_str(ERR("\"\\u{12"),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{12\".@1:2",
		   "braces cut by the end");
	is_str(ERR("x \"\\u{1F600\xC3\xA9}\""),
		   "Syntax Error: Invalid Unicode escape sequence: \"\\u{1F600\xC3\xA9\".@1:4",
		   "the quoted text ends with the offending character");
	is_str(ERR("\"a\xFF\""),
		   "Syntax Error: Invalid character within String: invalid UTF-8 byte 0xFF.@1:3",
		   "invalid UTF-8 in a string");
	is_str(ERR("\"\xED\xA0\x80\""),
		   "Syntax Error: Invalid character within String: invalid UTF-8 byte 0xED.@1:2",
		   "an encoded surrogate is not UTF-8");
}

/*
 * The decoded value of a single block string.
 */
static const char *
block(const char *src)
{
	const GqlToken *t = first_token(src, strlen(src));

	if (t->kind != GQL_TOK_BLOCK_STRING)
		return "(not a block string)";
	return t->value;
}

static void
test_block_strings(void)
{
	is_str(block("\"\"\"\"\"\""), "", "empty block string");
	is_str(block("\"\"\"abc\"\"\""), "abc", "one line");
	is_str(block("\"\"\"\n    hello\n      world\n    \"\"\""),
		   "hello\n  world", "common indentation removed");
	is_str(block("\"\"\"  first\n    second\n    third\"\"\""),
		   "  first\nsecond\nthird", "the first line keeps its indentation");
	is_str(block("\"\"\"\n\n  a\n\n  b\n  \n\n\"\"\""), "a\n\nb",
		   "leading and trailing blank lines removed");
	is_str(block("\"\"\"   \n \t \n\"\"\""), "", "only blank lines");
	is_str(block("\"\"\"\n\ta\n\t\tb\n\"\"\""), "a\n\tb", "tabs indent too");
	is_str(block("\"\"\"\n    a\n  b\n      c\"\"\""), "  a\nb\n    c",
		   "the smallest indentation wins");
	is_str(block("\"\"\"\n  a\n \n  b\"\"\""), "a\n\nb",
		   "a short blank line becomes empty");
	is_str(block("\"\"\"a\\\"\"\"b\"\"\""), "a\"\"\"b", "escaped triple quote");
	is_str(block("\"\"\"\\n\\u0041\\\"x\"\"\""), "\\n\\u0041\\\"x",
		   "no other escapes in block strings");
	is_str(block("\"\"\"\r\n  a\r\n  b\r  c\r\n\"\"\""), "a\nb\nc",
		   "CRLF and CR become LF");
	is_str(block("\"\"\"a \"\" b \" c\"\"\""), "a \"\" b \" c",
		   "one or two quotes inside");
	is_str(ERR("\"\"\"abc"), "Syntax Error: Unterminated string.@1:7",
		   "unterminated block string");
	is_str(ERR("\"\"\"a\n\nb\"\""), "Syntax Error: Unterminated string.@3:4",
		   "unterminated block string over lines");
	is_str(ERR("\"\"\"a\n\x80\"\"\""),
		   "Syntax Error: Invalid character within String: invalid UTF-8 byte 0x80.@2:1",
		   "invalid UTF-8 in a block string");
	is_str(lex_loc("\"\"\"a\n  b\r\n c\"\"\" d\ne"),
		   "BlockString:a\n b\nc@1:1 Name:d@3:7 Name:e@4:1",
		   "lines of a block string count for what follows");
}

static void
test_locations(void)
{
	is_str(lex_loc("{ a\n  b }"), "{@1:1 Name:a@1:3 Name:b@2:3 }@2:5",
		   "line feed");
	is_str(lex_loc("a\r\nb\rc\n\rd"), "Name:a@1:1 Name:b@2:1 Name:c@3:1 Name:d@5:1",
		   "CRLF is one line terminator, a lone CR is one");
	is_str(lex_loc("\"\xF0\x9F\x98\x80\" a"),
		   "String:\xF0\x9F\x98\x80@1:1 Name:a@1:6",
		   "a character outside the BMP counts two columns");
	is_str(lex_loc("\"\xC3\xA9\xE2\x82\xAC\" a"),
		   "String:\xC3\xA9\xE2\x82\xAC@1:1 Name:a@1:6",
		   "BMP characters count one column");
	is_str(lex_loc("\xEF\xBB\xBF" "a"), "Name:a@1:2", "the BOM counts one column");
	is_str(lex_loc("# \xF0\x9F\x98\x80\n  a # x\n\tb"),
		   "Name:a@2:3 Name:b@3:2", "comments and tabs");
	is_str(ERR("\"\xF0\x9F\x98\x80\" ?"),
		   "Syntax Error: Unexpected character: \"?\".@1:6",
		   "error column after an astral character");
	is_str(ERR("a\r\n\r\n  ?"),
		   "Syntax Error: Unexpected character: \"?\".@3:3",
		   "error line after CRLFs");
}

static void
test_unexpected_characters(void)
{
	is_str(ERR("?"), "Syntax Error: Unexpected character: \"?\".@1:1", "?");
	is_str(ERR("'a'"),
		   "Syntax Error: Unexpected single quote character ('), did you "
		   "mean to use a double quote (\")?@1:1", "single quote");
	is_str(ERR("\x08"), "Syntax Error: Unexpected character: U+0008.@1:1",
		   "control character");
	is_str(ERR("a\0"), "Syntax Error: Unexpected character: U+0000.@1:2",
		   "raw NUL outside strings");
	is_str(ERR("\xC2\xAA"), "Syntax Error: Unexpected character: U+00AA.@1:1",
		   "a letter outside ASCII");
	is_str(ERR("\xF0\x9F\x98\x80"),
		   "Syntax Error: Unexpected character: U+1F600.@1:1", "an emoji");
	is_str(ERR(".."), "Syntax Error: Unexpected character: \".\".@1:1",
		   "two dots");
	is_str(ERR("a \xFF"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xFF.@1:3",
		   "a byte that is never UTF-8");
	is_str(ERR("\xC0\xAF"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xC0.@1:1",
		   "an overlong form");
	is_str(ERR("\xE2\x82"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xE2.@1:1",
		   "a sequence cut by the end");
	is_str(ERR("\xF4\x90\x80\x80"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xF4.@1:1",
		   "beyond U+10FFFF");
	is_str(ERR("# ok\xFF"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xFF.@1:5",
		   "invalid UTF-8 ends a comment and is reported");
}

static void
test_source_bounds(void)
{
	is_str(lex_n("abc", 2, false), "Name:ab", "a name stops at len");
	is_str(lex_n("1.5", 2, false),
		   "ERROR Syntax Error: Invalid number, expected digit but got: <EOF>.@1:3",
		   "a number stops at len");
	is_str(lex_n("\"ab\"", 3, false),
		   "ERROR Syntax Error: Unterminated string.@1:4",
		   "a string stops at len");
	is_str(lex_n("\"\"\"a\"\"\"", 6, false),
		   "ERROR Syntax Error: Unterminated string.@1:7",
		   "a block string stops at len");
	is_str(lex_n("...", 2, false),
		   "ERROR Syntax Error: Unexpected character: \".\".@1:1",
		   "a spread cut by len");
	is_str(lex_n("\"\\u{41}\"", 5, false),
		   "ERROR Syntax Error: Invalid Unicode escape sequence: \"\\u{4\".@1:2",
		   "an escape cut by len");
	is_str(lex_n("\xC3\xA9", 1, false),
		   "ERROR Syntax Error: Unexpected character: invalid UTF-8 byte 0xC3.@1:1",
		   "a character cut by len");
	is_str(lex_n("\xEF\xBB\xBF", 2, false),
		   "ERROR Syntax Error: Unexpected character: invalid UTF-8 byte 0xEF.@1:1",
		   "a BOM cut by len");
}

static void
test_eof_token(void)
{
	GqlLexer	lx;
	GqlToken	t;

	gql_lexer_init(&lx, arena, "a\n  ", 4);
	ok(gql_lexer_next(&lx, &t) && t.kind == GQL_TOK_NAME, "first token");
	ok(gql_lexer_next(&lx, &t) && t.kind == GQL_TOK_EOF, "then EOF");
	is_int(t.start, 4, "EOF starts at the end");
	is_int(t.line, 2, "EOF line");
	is_int(t.column, 3, "EOF column");
	ok(gql_lexer_next(&lx, &t) && t.kind == GQL_TOK_EOF, "EOF again");
	is_str(gql_token_kind_desc(GQL_TOK_BLOCK_STRING), "BlockString",
		   "kind description");
	is_str(gql_token_kind_desc(GQL_TOK_SPREAD), "\"...\"",
		   "punctuator description is quoted");
}

/*
 * Big inputs must lex in linear time: a block string of many lines to
 * dedent, and one very long line of tokens (columns).
 */
static void
test_big_inputs(void)
{
	size_t		n = 200000;
	GqlBuf		src;
	size_t		i;
	const GqlToken *t;
	GqlLexer	lx;
	GqlToken	tok;
	size_t		count = 0;

	gql_buf_init(&src, arena);
	gql_buf_append_str(&src, "\"\"\"");
	for (i = 0; i < n; i++)
		gql_buf_append_str(&src, "\n      line");
	gql_buf_append_str(&src, "\"\"\"");
	t = first_token(src.data, src.len);
	is_int(t->len, n * 5 - 1, "a block string of %zu lines is dedented", n);

	gql_buf_init(&src, arena);
	for (i = 0; i < n; i++)
		gql_buf_append_str(&src, "\"\xF0\x9F\x98\x80\" ");
	gql_buf_append_char(&src, '?');
	gql_lexer_init(&lx, arena, src.data, src.len);
	while (gql_lexer_next(&lx, &tok) && tok.kind != GQL_TOK_EOF)
		count++;
	is_int(count, n, "%zu strings on one line", n);
	is_int(lx.error.column, 5 * n + 1, "error column at the end of that line");

	gql_buf_init(&src, arena);
	for (i = 0; i < n; i++)
		gql_buf_append_str(&src, "ab ");
	gql_lexer_init(&lx, arena, src.data, src.len);
	count = 0;
	while (gql_lexer_next(&lx, &tok) && tok.kind != GQL_TOK_EOF)
		count++;
	is_int(count, n, "%zu tokens on one line", n);
	is_int(tok.column, 3 * n + 1, "column of EOF on that line");
}

int
main(void)
{
	arena = gql_arena_create(NULL);
	test_punctuators_and_names();
	test_numbers();
	test_strings();
	test_block_strings();
	test_locations();
	test_unexpected_characters();
	test_source_bounds();
	test_eof_token();
	test_big_inputs();
	gql_arena_destroy(arena);
	return done_testing();
}
