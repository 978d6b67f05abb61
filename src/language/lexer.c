/*-------------------------------------------------------------------------
 *
 * lexer.c
 *	  The GraphQL lexer: UTF-8 source text to tokens.
 *
 * Behaviour, messages and locations follow graphql-js 16 (the reference
 * implementation), which works on UTF-16 strings: columns are counted in
 * UTF-16 code units, so a character outside the BMP counts twice.  The
 * source is raw UTF-8 and need not be NUL-terminated; nothing past `len` is
 * ever read.  Bytes that are not valid UTF-8 are reported as an invalid
 * character where they occur.
 *
 * Everything is linear in the length of the source: the column of a token
 * is found by advancing a cursor along the current line, and block strings
 * are dedented in two passes.
 *
 *-------------------------------------------------------------------------
 */
#include "lexer.h"

#include <string.h>

#define UTF8_REPLACEMENT "\xEF\xBF\xBD"

static const char *const token_kind_desc[] = {
	[GQL_TOK_SOF] = "<SOF>",
	[GQL_TOK_EOF] = "<EOF>",
	[GQL_TOK_BANG] = "\"!\"",
	[GQL_TOK_DOLLAR] = "\"$\"",
	[GQL_TOK_AMP] = "\"&\"",
	[GQL_TOK_PAREN_L] = "\"(\"",
	[GQL_TOK_PAREN_R] = "\")\"",
	[GQL_TOK_SPREAD] = "\"...\"",
	[GQL_TOK_COLON] = "\":\"",
	[GQL_TOK_EQUALS] = "\"=\"",
	[GQL_TOK_AT] = "\"@\"",
	[GQL_TOK_BRACKET_L] = "\"[\"",
	[GQL_TOK_BRACKET_R] = "\"]\"",
	[GQL_TOK_BRACE_L] = "\"{\"",
	[GQL_TOK_PIPE] = "\"|\"",
	[GQL_TOK_BRACE_R] = "\"}\"",
	[GQL_TOK_NAME] = "Name",
	[GQL_TOK_INT] = "Int",
	[GQL_TOK_FLOAT] = "Float",
	[GQL_TOK_STRING] = "String",
	[GQL_TOK_BLOCK_STRING] = "BlockString",
};

/*
 * graphql-js's description of a token kind, as used in error messages.
 */
const char *
gql_token_kind_desc(GqlTokenKind kind)
{
	if ((int) kind < 0 || kind > GQL_TOK_BLOCK_STRING)
		return "<?>";
	return token_kind_desc[kind];
}

/* ------------------------------------------------------------------------
 * Character helpers
 * ------------------------------------------------------------------------
 */

/*
 * The byte at pos, or -1 past the end of the source.
 */
static inline int
byte_at(const GqlLexer *lx, size_t pos)
{
	return pos < lx->len ? (int) lx->src[pos] : -1;
}

static inline bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool
is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline bool
is_name_continue(int c)
{
	return is_name_start(c) || is_digit(c);
}

/*
 * Value of a hexadecimal digit, or -1.
 */
static int
hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * A Unicode scalar value: a code point that is not a surrogate.
 */
static inline bool
is_scalar(uint32_t cp)
{
	return cp <= 0xD7FF || (cp >= 0xE000 && cp <= 0x10FFFF);
}

/*
 * Length of the UTF-8 sequence that lead byte c starts, with the bits it
 * contributes and the smallest code point that needs that length; 0 when
 * c cannot start a sequence.
 */
static int
utf8_lead(int c, uint32_t *bits, uint32_t *min)
{
	if (c >= 0xC2 && c <= 0xDF)
	{
		*bits = (uint32_t) c & 0x1F;
		*min = 0x80;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF)
	{
		*bits = (uint32_t) c & 0x0F;
		*min = 0x800;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4)
	{
		*bits = (uint32_t) c & 0x07;
		*min = 0x10000;
		return 4;
	}
	return 0;
}

/*
 * Decode the UTF-8 sequence at pos (strictly: no overlong forms, no
 * surrogates, nothing above U+10FFFF).  Returns its length in bytes and
 * stores the code point, or returns 0 when the bytes there are not valid
 * UTF-8 or pos is at the end.
 */
static int
decode_utf8(const GqlLexer *lx, size_t pos, uint32_t *cp)
{
	int			c = byte_at(lx, pos);
	int			n;
	int			i;
	uint32_t	v;
	uint32_t	min;

	if (c < 0x80)
	{
		*cp = (uint32_t) c;
		return c < 0 ? 0 : 1;
	}
	n = utf8_lead(c, &v, &min);
	if (n == 0 || lx->len - pos < (size_t) n)
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((lx->src[pos + i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (lx->src[pos + i] & 0x3F);
	}
	if (v < min || !is_scalar(v))
		return 0;
	*cp = v;
	return n;
}

/*
 * Append the UTF-8 encoding of a scalar value.
 */
static void
append_utf8(GqlBuf *buf, uint32_t cp)
{
	char		s[4];
	size_t		n;

	if (cp < 0x80)
	{
		s[0] = (char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		s[0] = (char) (0xC0 | (cp >> 6));
		s[1] = (char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		s[0] = (char) (0xE0 | (cp >> 12));
		s[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		s[0] = (char) (0xF0 | (cp >> 18));
		s[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	gql_buf_append(buf, s, n);
}

/*
 * UTF-16 code units contributed by one byte of valid UTF-8: lead bytes
 * count one, continuation bytes none, and a four-byte lead two.
 */
static inline uint32_t
utf16_units(unsigned char c)
{
	return ((c & 0xC0) != 0x80) + (c >= 0xF0);
}

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------
 */

/*
 * UTF-16 length of the first n bytes of the source.
 */
static size_t
utf16_length(const unsigned char *src, size_t n)
{
	size_t		units = 0;
	size_t		i;

	for (i = 0; i < n; i++)
		units += utf16_units(src[i]);
	return units;
}

/*
 * Build a syntax error at byte offset pos.  The location is computed the
 * way graphql-js's getLocation() does: every line terminator (\r\n, \n or
 * \r) that starts before pos begins a new line, and the column is the
 * distance in UTF-16 units from the end of the last one.
 */
void
gql_syntax_error(GqlArena *arena, const unsigned char *src, size_t len,
				 size_t pos, const char *text, GqlError *err)
{
	GqlBuf		msg;
	size_t		i = 0;
	size_t		line_start = 0;
	uint32_t	line = 1;

	if (pos > len)
		pos = len;
	while (i < pos)
	{
		if (src[i] == '\n' || src[i] == '\r')
		{
			i += (src[i] == '\r' && i + 1 < len && src[i + 1] == '\n') ? 2 : 1;
			line++;
			line_start = i;
		}
		else
			i++;
	}
	gql_buf_init(&msg, arena);
	gql_buf_append_str(&msg, "Syntax Error: ");
	gql_buf_append_str(&msg, text);
	err->message = msg.data;
	err->line = line;
	err->column = (uint32_t) (utf16_length(src, pos) + 1 -
							  utf16_length(src, line_start));
}

/*
 * Fail with a message at byte offset pos.  Always returns false.
 */
static bool
fail(GqlLexer *lx, size_t pos, const char *text)
{
	gql_syntax_error(lx->arena, lx->src, lx->len, pos, text, &lx->error);
	return false;
}

/*
 * Describe the character at pos as graphql-js's printCodePointAt() does:
 * printable ASCII quoted, anything else as U+XXXX, <EOF> at the end.
 */
static void
append_code_point_at(const GqlLexer *lx, GqlBuf *buf, size_t pos)
{
	uint32_t	cp;

	if (pos >= lx->len)
		gql_buf_append_str(buf, "<EOF>");
	else if (decode_utf8(lx, pos, &cp) == 0)
		gql_buf_printf(buf, "invalid UTF-8 byte 0x%02X", lx->src[pos]);
	else if (cp == '"')
		gql_buf_append_str(buf, "'\"'");
	else if (cp >= 0x20 && cp <= 0x7E)
		gql_buf_printf(buf, "\"%c\"", (char) cp);
	else
		gql_buf_printf(buf, "U+%04X", (unsigned int) cp);
}

/*
 * Fail with prefix + description of the character at pos + ".".
 */
static bool
fail_code_point(GqlLexer *lx, size_t pos, const char *prefix)
{
	GqlBuf		text;

	gql_buf_init(&text, lx->arena);
	gql_buf_append_str(&text, prefix);
	append_code_point_at(lx, &text, pos);
	gql_buf_append_char(&text, '.');
	return fail(lx, pos, text.data);
}

/*
 * Fail with prefix + the source text of `units` UTF-16 code units from pos,
 * quoted, + "." (how graphql-js quotes a bad escape sequence).  Bytes that
 * are not UTF-8 are shown as U+FFFD.
 */
static bool
fail_slice(GqlLexer *lx, size_t pos, const char *prefix, size_t units)
{
	GqlBuf		text;
	size_t		q = pos;
	size_t		seen = 0;
	uint32_t	cp;
	int			n;

	gql_buf_init(&text, lx->arena);
	gql_buf_append_str(&text, prefix);
	gql_buf_append_char(&text, '"');
	while (seen < units && q < lx->len)
	{
		n = decode_utf8(lx, q, &cp);
		if (n == 0)
			gql_buf_append_str(&text, UTF8_REPLACEMENT);
		else
			gql_buf_append(&text, (const char *) lx->src + q, (size_t) n);
		q += n == 0 ? 1 : (size_t) n;
		seen += n == 4 ? 2 : 1;
	}
	gql_buf_append_str(&text, "\".");
	return fail(lx, pos, text.data);
}

/* ------------------------------------------------------------------------
 * Tokens and positions
 * ------------------------------------------------------------------------
 */

/*
 * Initialize a lexer positioned at the start of the source.
 */
void
gql_lexer_init(GqlLexer *lx, GqlArena *arena, const char *src, size_t len)
{
	memset(lx, 0, sizeof(GqlLexer));
	lx->arena = arena;
	lx->src = (const unsigned char *) src;
	lx->len = len;
	lx->line = 1;
}

/*
 * A line terminator ends just before pos: a new line starts there.
 */
static void
new_line(GqlLexer *lx, size_t pos)
{
	lx->line++;
	lx->line_start = pos;
	lx->col_byte = pos;
	lx->col_units = 0;
}

/*
 * 1-based column (UTF-16 units) of byte offset pos on the current line.
 * Tokens come in order, so the cursor only moves forward along a line.
 */
static uint32_t
column_of(GqlLexer *lx, size_t pos)
{
	if (lx->col_byte < lx->line_start || lx->col_byte > pos)
	{
		lx->col_byte = lx->line_start;
		lx->col_units = 0;
	}
	while (lx->col_byte < pos)
		lx->col_units += utf16_units(lx->src[lx->col_byte++]);
	return lx->col_units + 1;
}

/*
 * Fill in a token spanning [start, end) and move past it.
 */
static bool
make_token(GqlLexer *lx, GqlToken *tok, GqlTokenKind kind,
		   size_t start, size_t end)
{
	tok->kind = kind;
	tok->start = (uint32_t) start;
	tok->end = (uint32_t) end;
	tok->line = lx->line;
	tok->column = column_of(lx, start);
	tok->value = NULL;
	tok->len = 0;
	lx->pos = end;
	return true;
}

/*
 * The end of a comment starting at pos ("#" up to a line terminator, the
 * end, or a byte that is not UTF-8, which is then reported as a token).
 */
static size_t
skip_comment(const GqlLexer *lx, size_t pos)
{
	uint32_t	cp;
	int			n;

	pos++;
	while (pos < lx->len && lx->src[pos] != '\n' && lx->src[pos] != '\r')
	{
		n = decode_utf8(lx, pos, &cp);
		if (n == 0)
			break;
		pos += (size_t) n;
	}
	return pos;
}

/*
 * Skip ignored characters (white space, commas, line terminators, BOM and
 * comments) from pos; returns the offset of the next token's first byte.
 */
static size_t
skip_ignored(GqlLexer *lx, size_t pos)
{
	int			c;

	for (;;)
	{
		c = byte_at(lx, pos);
		if (c == ' ' || c == '\t' || c == ',')
			pos++;
		else if (c == '\n')
			new_line(lx, ++pos);
		else if (c == '\r')
		{
			pos += byte_at(lx, pos + 1) == '\n' ? 2 : 1;
			new_line(lx, pos);
		}
		else if (c == 0xEF && byte_at(lx, pos + 1) == 0xBB &&
				 byte_at(lx, pos + 2) == 0xBF)
			pos += 3;
		else if (c == '#')
			pos = skip_comment(lx, pos);
		else
			return pos;
	}
}

/* ------------------------------------------------------------------------
 * Names and numbers
 * ------------------------------------------------------------------------
 */

/*
 * Name :: NameStart NameContinue*
 */
static bool
read_name(GqlLexer *lx, size_t start, GqlToken *tok)
{
	size_t		pos = start + 1;

	while (is_name_continue(byte_at(lx, pos)))
		pos++;
	make_token(lx, tok, GQL_TOK_NAME, start, pos);
	tok->value = (const char *) lx->src + start;
	tok->len = pos - start;
	return true;
}

/*
 * One or more digits at *pos; advances *pos past them.
 */
static bool
read_digits(GqlLexer *lx, size_t *pos)
{
	if (!is_digit(byte_at(lx, *pos)))
		return fail_code_point(lx, *pos,
							   "Invalid number, expected digit but got: ");
	while (is_digit(byte_at(lx, *pos)))
		(*pos)++;
	return true;
}

/*
 * The integer part of a number at *pos (after an optional minus sign): "0"
 * alone, or digits not starting with 0.
 */
static bool
read_integer_part(GqlLexer *lx, size_t *pos)
{
	if (byte_at(lx, *pos) != '0')
		return read_digits(lx, pos);
	(*pos)++;
	if (is_digit(byte_at(lx, *pos)))
		return fail_code_point(lx, *pos,
							   "Invalid number, unexpected digit after 0: ");
	return true;
}

/*
 * IntValue or FloatValue: -? IntegerPart (. Digit+)? ([eE] [+-]? Digit+)?,
 * and neither "." nor a NameStart may follow.
 */
static bool
read_number(GqlLexer *lx, size_t start, GqlToken *tok)
{
	size_t		pos = start;
	bool		is_float = false;
	int			c;

	if (byte_at(lx, pos) == '-')
		pos++;
	if (!read_integer_part(lx, &pos))
		return false;
	if (byte_at(lx, pos) == '.')
	{
		is_float = true;
		pos++;
		if (!read_digits(lx, &pos))
			return false;
	}
	c = byte_at(lx, pos);
	if (c == 'e' || c == 'E')
	{
		is_float = true;
		c = byte_at(lx, ++pos);
		if (c == '+' || c == '-')
			pos++;
		if (!read_digits(lx, &pos))
			return false;
	}
	c = byte_at(lx, pos);
	if (c == '.' || is_name_start(c))
		return fail_code_point(lx, pos,
							   "Invalid number, expected digit but got: ");
	make_token(lx, tok, is_float ? GQL_TOK_FLOAT : GQL_TOK_INT, start, pos);
	tok->value = (const char *) lx->src + start;
	tok->len = pos - start;
	return true;
}

/* ------------------------------------------------------------------------
 * Strings
 * ------------------------------------------------------------------------
 */

/*
 * The character an escape \c stands for, or -1 for an invalid escape.
 */
static int
simple_escape(int c)
{
	switch (c)
	{
		case '"':
		case '\\':
		case '/':
			return c;
		case 'b':
			return '\b';
		case 'f':
			return '\f';
		case 'n':
			return '\n';
		case 'r':
			return '\r';
		case 't':
			return '\t';
		default:
			return -1;
	}
}

/*
 * Four hex digits at pos as a number, or -1 if any is not a hex digit.
 */
static int32_t
read_hex4(const GqlLexer *lx, size_t pos)
{
	int32_t		v = 0;
	int			d;
	int			i;

	for (i = 0; i < 4; i++)
	{
		d = hex_digit(byte_at(lx, pos + i));
		if (d < 0)
			return -1;
		v = (v << 4) | d;
	}
	return v;
}

/*
 * \uXXXX at pos.  A leading surrogate must be followed by an escaped
 * trailing one; together they are one code point.
 */
static bool
read_escape_fixed(GqlLexer *lx, size_t *pos, GqlBuf *buf)
{
	size_t		p = *pos;
	int32_t		code = read_hex4(lx, p + 2);
	int32_t		trail;

	if (code >= 0 && is_scalar((uint32_t) code))
	{
		append_utf8(buf, (uint32_t) code);
		*pos = p + 6;
		return true;
	}
	if (code >= 0xD800 && code <= 0xDBFF &&
		byte_at(lx, p + 6) == '\\' && byte_at(lx, p + 7) == 'u')
	{
		trail = read_hex4(lx, p + 8);
		if (trail >= 0xDC00 && trail <= 0xDFFF)
		{
			append_utf8(buf, 0x10000 + (((uint32_t) code - 0xD800) << 10) +
						((uint32_t) trail - 0xDC00));
			*pos = p + 12;
			return true;
		}
	}
	return fail_slice(lx, p, "Invalid Unicode escape sequence: ", 6);
}

/*
 * \u{X...} at pos: one to eight hex digits (at most 12 characters in all)
 * naming a scalar value.  On error, graphql-js quotes the text up to and
 * including the character where it gave up; 32-bit arithmetic as in JS.
 */
static bool
read_escape_braced(GqlLexer *lx, size_t *pos, GqlBuf *buf)
{
	size_t		p = *pos;
	size_t		size = 3;
	uint32_t	point = 0;
	int			c;
	int			d;

	while (size < 12)
	{
		c = byte_at(lx, p + size++);
		if (c == '}')
		{
			if (size < 5 || !is_scalar(point))
				break;
			append_utf8(buf, point);
			*pos = p + size;
			return true;
		}
		d = hex_digit(c);
		if (d < 0)
			break;
		point = (point << 4) | (uint32_t) d;
		if (point & 0x80000000U)
			break;
	}
	return fail_slice(lx, p, "Invalid Unicode escape sequence: ", size);
}

/*
 * An escape sequence starting with the backslash at *pos; appends its value
 * and advances *pos past it.
 */
static bool
read_escape(GqlLexer *lx, size_t *pos, GqlBuf *buf)
{
	int			c = byte_at(lx, *pos + 1);
	int			value;

	if (c == 'u')
		return byte_at(lx, *pos + 2) == '{' ?
			read_escape_braced(lx, pos, buf) :
			read_escape_fixed(lx, pos, buf);
	value = simple_escape(c);
	if (value < 0)
		return fail_slice(lx, *pos, "Invalid character escape sequence: ", 2);
	gql_buf_append_char(buf, (char) value);
	*pos += 2;
	return true;
}

/*
 * A "..." string starting at start: escapes are decoded, line terminators
 * are not allowed.
 */
static bool
read_string(GqlLexer *lx, size_t start, GqlToken *tok)
{
	GqlBuf		buf;
	size_t		pos = start + 1;
	size_t		chunk = pos;
	uint32_t	cp;
	int			n;

	gql_buf_init(&buf, lx->arena);
	while (pos < lx->len && lx->src[pos] != '\n' && lx->src[pos] != '\r')
	{
		if (lx->src[pos] == '"')
		{
			gql_buf_append(&buf, (const char *) lx->src + chunk, pos - chunk);
			make_token(lx, tok, GQL_TOK_STRING, start, pos + 1);
			tok->value = buf.data;
			tok->len = buf.len;
			return true;
		}
		if (lx->src[pos] == '\\')
		{
			gql_buf_append(&buf, (const char *) lx->src + chunk, pos - chunk);
			if (!read_escape(lx, &pos, &buf))
				return false;
			chunk = pos;
			continue;
		}
		n = decode_utf8(lx, pos, &cp);
		if (n == 0)
			return fail_code_point(lx, pos, "Invalid character within String: ");
		pos += (size_t) n;
	}
	return fail(lx, pos, "Unterminated string.");
}

/*
 * Is the line [s, s + n) empty or made of spaces and tabs only?  Sets
 * *indent to the count of its leading spaces and tabs.
 */
static bool
blank_line(const char *s, size_t n, size_t *indent)
{
	size_t		i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*indent = i;
	return i == n;
}

/*
 * The spec's BlockStringValue(): remove the common indentation of all lines
 * but the first, then leading and trailing blank lines.  raw holds the
 * lines separated by \n.  Two linear passes.
 */
static void
dedent_block_string(const char *raw, size_t len, GqlBuf *out)
{
	size_t		common = SIZE_MAX;
	size_t		first = SIZE_MAX;
	size_t		last = 0;
	size_t		indent;
	size_t		i;
	size_t		s;
	size_t		e;

	for (i = 0, s = 0; s <= len; i++, s = e + 1)
	{
		e = s;
		while (e < len && raw[e] != '\n')
			e++;
		if (blank_line(raw + s, e - s, &indent))
			continue;
		if (first == SIZE_MAX)
			first = i;
		last = i;
		if (i != 0 && indent < common)
			common = indent;
	}
	for (i = 0, s = 0; s <= len && first != SIZE_MAX && i <= last; i++, s = e + 1)
	{
		e = s;
		while (e < len && raw[e] != '\n')
			e++;
		if (i < first)
			continue;
		if (i > first)
			gql_buf_append_char(out, '\n');
		if (i != 0)
			s += (e - s < common) ? e - s : common;
		gql_buf_append(out, raw + s, e - s);
	}
}

/*
 * Does the source hold three double quotes at pos?
 */
static inline bool
triple_quote_at(const GqlLexer *lx, size_t pos)
{
	return byte_at(lx, pos) == '"' && byte_at(lx, pos + 1) == '"' &&
		byte_at(lx, pos + 2) == '"';
}

/*
 * State of a block string being read: its raw lines so far, and the lines
 * it spans.
 */
typedef struct BlockString
{
	GqlBuf		raw;			/* lines separated by \n, \""" resolved */
	size_t		chunk;			/* start of the source not yet in raw */
	uint32_t	lines;			/* line terminators seen */
	size_t		last_line_start;	/* where the last line begins */
} BlockString;

/*
 * Copy the source from bs->chunk up to pos into the raw lines.
 */
static void
block_flush(const GqlLexer *lx, BlockString *bs, size_t pos)
{
	gql_buf_append(&bs->raw, (const char *) lx->src + bs->chunk,
				   pos - bs->chunk);
}

/*
 * The block string is closed by the """ at pos: make its token, and count
 * the lines it spans for the location of the tokens after it.
 */
static bool
close_block_string(GqlLexer *lx, BlockString *bs, size_t start, size_t pos,
				   GqlToken *tok)
{
	GqlBuf		value;

	block_flush(lx, bs, pos);
	gql_buf_init(&value, lx->arena);
	dedent_block_string(bs->raw.data, bs->raw.len, &value);
	make_token(lx, tok, GQL_TOK_BLOCK_STRING, start, pos + 3);
	tok->value = value.data;
	tok->len = value.len;
	if (bs->lines > 0)
	{
		lx->line += bs->lines - 1;
		new_line(lx, bs->last_line_start);
	}
	return true;
}

/*
 * A """...""" block string starting at start.  Only \""" is an escape;
 * line terminators become \n.
 */
static bool
read_block_string(GqlLexer *lx, size_t start, GqlToken *tok)
{
	BlockString bs;
	size_t		pos = start + 3;
	uint32_t	cp;
	int			n;

	gql_buf_init(&bs.raw, lx->arena);
	bs.chunk = pos;
	bs.lines = 0;
	bs.last_line_start = lx->line_start;
	while (pos < lx->len)
	{
		int			c = lx->src[pos];

		if (c == '"' && triple_quote_at(lx, pos))
			return close_block_string(lx, &bs, start, pos, tok);
		if (c == '\\' && triple_quote_at(lx, pos + 1))
		{
			block_flush(lx, &bs, pos);
			bs.chunk = pos + 1;
			pos += 4;
			continue;
		}
		if (c == '\n' || c == '\r')
		{
			block_flush(lx, &bs, pos);
			gql_buf_append_char(&bs.raw, '\n');
			pos += (c == '\r' && byte_at(lx, pos + 1) == '\n') ? 2 : 1;
			bs.chunk = bs.last_line_start = pos;
			bs.lines++;
			continue;
		}
		n = decode_utf8(lx, pos, &cp);
		if (n == 0)
			return fail_code_point(lx, pos, "Invalid character within String: ");
		pos += (size_t) n;
	}
	return fail(lx, pos, "Unterminated string.");
}

/* ------------------------------------------------------------------------
 * The token dispatcher
 * ------------------------------------------------------------------------
 */

/*
 * The kind of a one-character punctuator, or GQL_TOK_SOF if c is none.
 */
static GqlTokenKind
punctuator(int c)
{
	switch (c)
	{
		case '!':
			return GQL_TOK_BANG;
		case '$':
			return GQL_TOK_DOLLAR;
		case '&':
			return GQL_TOK_AMP;
		case '(':
			return GQL_TOK_PAREN_L;
		case ')':
			return GQL_TOK_PAREN_R;
		case ':':
			return GQL_TOK_COLON;
		case '=':
			return GQL_TOK_EQUALS;
		case '@':
			return GQL_TOK_AT;
		case '[':
			return GQL_TOK_BRACKET_L;
		case ']':
			return GQL_TOK_BRACKET_R;
		case '{':
			return GQL_TOK_BRACE_L;
		case '|':
			return GQL_TOK_PIPE;
		case '}':
			return GQL_TOK_BRACE_R;
		default:
			return GQL_TOK_SOF;
	}
}

/*
 * Read the token whose first byte is at pos (not an ignored character).
 */
static bool
read_token(GqlLexer *lx, size_t pos, GqlToken *tok)
{
	int			c = byte_at(lx, pos);
	GqlTokenKind kind = punctuator(c);

	if (c < 0)
		return make_token(lx, tok, GQL_TOK_EOF, lx->len, lx->len);
	if (kind != GQL_TOK_SOF)
		return make_token(lx, tok, kind, pos, pos + 1);
	if (c == '.' && byte_at(lx, pos + 1) == '.' && byte_at(lx, pos + 2) == '.')
		return make_token(lx, tok, GQL_TOK_SPREAD, pos, pos + 3);
	if (c == '"')
		return triple_quote_at(lx, pos) ?
			read_block_string(lx, pos, tok) : read_string(lx, pos, tok);
	if (is_digit(c) || c == '-')
		return read_number(lx, pos, tok);
	if (is_name_start(c))
		return read_name(lx, pos, tok);
	if (c == '\'')
		return fail(lx, pos, "Unexpected single quote character ('), "
					"did you mean to use a double quote (\")?");
	return fail_code_point(lx, pos, "Unexpected character: ");
}

/*
 * Read the next token.
 */
bool
gql_lexer_next(GqlLexer *lx, GqlToken *tok)
{
	return read_token(lx, skip_ignored(lx, lx->pos), tok);
}
