/*-------------------------------------------------------------------------
 *
 * json_path.c
 *	  The path argument of json and jsonb fields (Hasura's "JSON select
 *	  path"): the text of a path parsed into its elements, which the field
 *	  then selects with value #> $n::text[].
 *
 * The grammar is Hasura v2's:
 *
 *	  path     = "$" | ["$"] element+
 *	  element  = ["."] name | ["."] "[" (digits | quoted) "]"
 *	  name     = (letter | "_") (letter | digit | "_" | "-")*
 *	  quoted   = '"' ... '"' | "'" ... "'"
 *
 * "$" alone is the whole value.  A double-quoted key is a JSON string
 * (escapes \" \\ \/ \b \f \n \r \t \uXXXX, no raw control character); a
 * single-quoted key the same, with \' for a quote and " taken as it is.
 * Digits are an array index (leading zeros dropped, as Hasura reads them
 * as a number); on an object, #> reads them as a key, and an index beyond
 * the array, however large, gives null.  Letters are ASCII letters and
 * any non-ASCII character (Hasura takes Unicode letters only).
 *
 * The path is bounded (JSON_PATH_MAX_BYTES, JSON_PATH_MAX_ELEMENTS); it
 * must be valid UTF-8 without U+0000, and no key may hold U+0000
 * (\u0000), which text cannot.  The elements become one text[] literal
 * passed as a parameter: the SQL text never holds them.  Errors are
 * ERRCODE_GRAPHQL_VALIDATION (validation-failed, as in Hasura) with
 * Hasura's prefix "parse json path error: ", the path and what is wrong
 * at which character.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"

#include "planner/planner.h"

/* Bounds of a path: its text, and its elements */
#define JSON_PATH_MAX_BYTES		2048
#define JSON_PATH_MAX_ELEMENTS	128

/* A path being parsed */
typedef struct PathParser
{
	const char *s;				/* the path (UTF-8, no NUL inside) */
	int			len;
	int			pos;			/* next byte */
	int			nelements;
	StringInfoData key;			/* the element being read */
	StringInfoData out;			/* the text[] literal */
} PathParser;

/* The character number (from 1) of byte offset pos */
static int
char_number(const PathParser *p, int pos)
{
	int			n = 1;
	int			k;

	for (k = 0; k < pos && k < p->len; k++)
		if (((unsigned char) p->s[k] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The error of a path: where, what is wrong */
static void
path_error(const PathParser *p, int pos, const char *what) pg_attribute_noreturn();

static void
path_error(const PathParser *p, int pos, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_GRAPHQL_VALIDATION),
			 errmsg("parse json path error: \"%s\" at character %d: %s",
					p->s, char_number(p, pos), what)));
}

/* The character at pos for a message: "c", or U+XXXX when not printable */
static char *
char_at(const PathParser *p, int pos)
{
	unsigned char c = (unsigned char) p->s[pos];
	int			n = pg_utf_mblen((const unsigned char *) p->s + pos);

	if (c < 0x20 || c == 0x7F)
		return psprintf("U+%04X", c);
	return psprintf("\"%.*s\"", Min(n, p->len - pos), p->s + pos);
}

/* Append the element read (p->key) to the literal */
static void
add_element(PathParser *p)
{
	const char *c;

	if (++p->nelements > JSON_PATH_MAX_ELEMENTS)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("parse json path error: the path has more than %d elements",
						JSON_PATH_MAX_ELEMENTS)));
	appendStringInfoString(&p->out, p->nelements > 1 ? ",\"" : "{\"");
	for (c = p->key.data; *c; c++)
	{
		if (*c == '"' || *c == '\\')
			appendStringInfoChar(&p->out, '\\');
		appendStringInfoChar(&p->out, *c);
	}
	appendStringInfoChar(&p->out, '"');
	resetStringInfo(&p->key);
}

/* Can a byte start a name (a non-ASCII byte starts a letter) */
static bool
name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
		c >= 0x80;
}

/* Can a byte continue a name */
static bool
name_char(unsigned char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-';
}

/* The value of hex digits s[0..3], or -1 */
static int
hex4(const char *s)
{
	int			v = 0;
	int			k;

	for (k = 0; k < 4; k++)
	{
		char		c = s[k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* \uXXXX (and a low surrogate after a high one) at p->pos, into p->key */
static void
read_unicode_escape(PathParser *p)
{
	int			start = p->pos;
	pg_wchar	cp;
	unsigned char utf8[8];
	int			v;

	if (p->len - p->pos < 6 || (v = hex4(p->s + p->pos + 2)) < 0)
		path_error(p, start, "\\u must be followed by four hexadecimal digits");
	p->pos += 6;
	cp = v;
	if (v >= 0xD800 && v <= 0xDBFF)
	{
		int			low = 0;

		if (p->len - p->pos < 6 || p->s[p->pos] != '\\' ||
			p->s[p->pos + 1] != 'u' ||
			(low = hex4(p->s + p->pos + 2)) < 0xDC00 || low > 0xDFFF)
			path_error(p, start, "a high surrogate \\u escape must be followed by a low surrogate one");
		p->pos += 6;
		cp = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
	}
	else if (v >= 0xDC00 && v <= 0xDFFF)
		path_error(p, start, "a low surrogate \\u escape must follow a high surrogate one");
	if (cp == 0)
		path_error(p, start, "a key cannot hold U+0000");
	unicode_to_utf8(cp, utf8);
	appendBinaryStringInfo(&p->key, (const char *) utf8, pg_utf_mblen(utf8));
}

/*
 * A key in quotes (q: ' or ") at p->pos, into p->key; p->pos after the
 * closing quote
 */
static void
read_quoted(PathParser *p, char q)
{
	int			start = p->pos;

	p->pos++;
	for (;;)
	{
		unsigned char c;

		if (p->pos >= p->len)
			path_error(p, start,
					   q == '"' ? "the key in double quotes is not closed by '\"'"
					   : "the key in single quotes is not closed by \"'\"");
		c = (unsigned char) p->s[p->pos];
		if (c == q)
		{
			p->pos++;
			return;
		}
		if (c < 0x20)
			path_error(p, p->pos,
					   psprintf("a control character (%s) in a quoted key must be written as an escape (\\n, \\t, \\uXXXX)",
								char_at(p, p->pos)));
		if (c != '\\')
		{
			appendStringInfoChar(&p->key, (char) c);
			p->pos++;
			continue;
		}
		if (p->pos + 1 >= p->len)
			path_error(p, start,
					   q == '"' ? "the key in double quotes is not closed by '\"'"
					   : "the key in single quotes is not closed by \"'\"");
		switch (p->s[p->pos + 1])
		{
			case '\'':
				if (q != '\'')
					path_error(p, p->pos,
							   "invalid escape \\' in a double-quoted key (a single quote needs none there)");
				appendStringInfoChar(&p->key, '\'');
				break;
			case '"':
			case '\\':
			case '/':
				appendStringInfoChar(&p->key, p->s[p->pos + 1]);
				break;
			case 'b':
				appendStringInfoChar(&p->key, '\b');
				break;
			case 'f':
				appendStringInfoChar(&p->key, '\f');
				break;
			case 'n':
				appendStringInfoChar(&p->key, '\n');
				break;
			case 'r':
				appendStringInfoChar(&p->key, '\r');
				break;
			case 't':
				appendStringInfoChar(&p->key, '\t');
				break;
			case 'u':
				read_unicode_escape(p);
				continue;
			default:
				path_error(p, p->pos,
						   psprintf("invalid escape: \"\\\" followed by %s in a quoted key (valid: %s\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
									char_at(p, p->pos + 1), q == '"' ? "" : "\\' "));
		}
		p->pos += 2;
	}
}

/* "[" index or quoted key "]" at p->pos (after an optional ".") */
static void
read_bracket(PathParser *p)
{
	int			start = p->pos;
	unsigned char c;

	p->pos++;
	if (p->pos >= p->len)
		path_error(p, start, "\"[\" is not closed by \"]\"");
	c = (unsigned char) p->s[p->pos];
	if (c >= '0' && c <= '9')
	{
		/* an index: its digits, without leading zeros */
		while (p->pos + 1 < p->len && p->s[p->pos] == '0' &&
			   p->s[p->pos + 1] >= '0' && p->s[p->pos + 1] <= '9')
			p->pos++;
		while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
			appendStringInfoChar(&p->key, p->s[p->pos++]);
	}
	else if (c == '"' || c == '\'')
		read_quoted(p, (char) c);
	else
		path_error(p, p->pos,
				   psprintf("unexpected %s: a bracket holds an array index (digits) or a quoted key, as [0] or [\"key\"]",
							char_at(p, p->pos)));
	if (p->pos >= p->len)
		path_error(p, start, "\"[\" is not closed by \"]\"");
	if (p->s[p->pos] != ']')
		path_error(p, p->pos, psprintf("expected \"]\", found %s",
									   char_at(p, p->pos)));
	p->pos++;
}

/* One element at p->pos */
static void
read_element(PathParser *p)
{
	int			start = p->pos;
	unsigned char c;

	if (p->s[p->pos] == '.')
		p->pos++;
	if (p->pos >= p->len)
		path_error(p, start, "\".\" must be followed by a property name or \"[\"");
	c = (unsigned char) p->s[p->pos];
	if (c == '[')
	{
		read_bracket(p);
		return;
	}
	if (!name_start(c))
		path_error(p, p->pos,
				   psprintf("unexpected %s: a property name starts with a letter or \"_\" and holds only letters, digits, \"_\" and \"-\"; write any other key in brackets and quotes, as [\"key\"] or ['key']",
							char_at(p, p->pos)));
	while (p->pos < p->len && name_char((unsigned char) p->s[p->pos]))
		appendStringInfoChar(&p->key, p->s[p->pos++]);
}

/*
 * The text[] literal of the elements of a path (planner.h), or NULL for
 * "$", the whole value.
 */
char *
graphql_json_path(const char *path, size_t len)
{
	PathParser	p;

	if (len > JSON_PATH_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("parse json path error: the path is longer than %d bytes",
						JSON_PATH_MAX_BYTES)));
	if (memchr(path, '\0', len) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("parse json path error: the path holds the character U+0000")));
	if (!pg_verify_mbstr(PG_UTF8, path, (int) len, true))
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("parse json path error: the path is not valid UTF-8")));
	if (len == 0)
		ereport(ERROR,
				(errcode(ERRCODE_GRAPHQL_VALIDATION),
				 errmsg("parse json path error: the path is empty (\"$\" is the whole value)")));
	if (len == 1 && path[0] == '$')
		return NULL;
	memset(&p, 0, sizeof(p));
	p.s = pnstrdup(path, len);
	p.len = (int) len;
	initStringInfo(&p.key);
	initStringInfo(&p.out);
	if (p.s[0] == '$')
		p.pos++;
	while (p.pos < p.len)
	{
		read_element(&p);
		add_element(&p);
	}
	appendStringInfoChar(&p.out, '}');
	return p.out.data;
}
