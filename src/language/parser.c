/*-------------------------------------------------------------------------
 *
 * parser.c
 *	  Recursive-descent parser of GraphQL documents.
 *
 * The grammar is the whole current GraphQL specification as graphql-js 16
 * parses it: executable definitions, type-system definitions and their
 * extensions, in one document.  Syntax errors carry graphql-js's messages
 * and locations.  The parser keeps one token of lookahead, as graphql-js
 * does, so lexical errors surface at the same moment as there.
 *
 * Errors unwind with longjmp() to gql_parse(); all memory is in the arena,
 * so nothing needs cleaning up.  Nesting (selection sets, list and object
 * values, list and non-null type wrappers) is bounded by max_depth, and the
 * number of tokens by max_tokens.
 *
 *-------------------------------------------------------------------------
 */
#include "lexer.h"

#include <setjmp.h>
#include <string.h>

typedef struct Parser
{
	GqlArena   *arena;
	GqlLexer	lx;
	GqlToken	tok;			/* the current token */
	GqlToken	ahead;			/* the token after it, when has_ahead */
	bool		has_ahead;
	uint32_t	last_end;		/* end of the last consumed token */
	int			depth;
	int			max_depth;
	int			tokens;
	int			max_tokens;
	GqlError	error;
	jmp_buf		jmp;
} Parser;

/* A list under construction: a growable array in the arena. */
typedef struct NodeVec
{
	GqlNode   **items;
	int			count;
	int			cap;
} NodeVec;

/* Parses one list item; flag is "const" for values, unused otherwise. */
typedef void *(*ItemFn) (Parser *p, bool flag);

/* Type-system definitions that share GqlTypeDefinition. */
typedef struct TypeKeyword
{
	const char *word;
	GqlKind		def_kind;
	GqlKind		ext_kind;
} TypeKeyword;

static const TypeKeyword type_keywords[] = {
	{"scalar", GQL_SCALAR_TYPE_DEFINITION, GQL_SCALAR_TYPE_EXTENSION},
	{"type", GQL_OBJECT_TYPE_DEFINITION, GQL_OBJECT_TYPE_EXTENSION},
	{"interface", GQL_INTERFACE_TYPE_DEFINITION, GQL_INTERFACE_TYPE_EXTENSION},
	{"union", GQL_UNION_TYPE_DEFINITION, GQL_UNION_TYPE_EXTENSION},
	{"enum", GQL_ENUM_TYPE_DEFINITION, GQL_ENUM_TYPE_EXTENSION},
	{"input", GQL_INPUT_OBJECT_TYPE_DEFINITION, GQL_INPUT_OBJECT_TYPE_EXTENSION},
};

static const char *const directive_locations[] = {
	"QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION",
	"FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA",
	"SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION",
	"INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
	"INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
};

static void *parse_value(Parser *p, bool is_const);
static GqlSelectionSet *parse_selection_set(Parser *p);

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------
 */

/*
 * Abandon the parse with a syntax error at byte offset pos.
 */
static _Noreturn void
fail_at(Parser *p, uint32_t pos, const char *text)
{
	gql_syntax_error(p->arena, p->lx.src, p->lx.len, pos, text, &p->error);
	longjmp(p->jmp, 1);
}

/*
 * graphql-js's description of a token: its kind, and its value if it has
 * one ("Name \"foo\"", "\"{\"", "<EOF>").
 */
static const char *
token_desc(Parser *p, const GqlToken *t)
{
	GqlBuf		buf;

	gql_buf_init(&buf, p->arena);
	gql_buf_append_str(&buf, gql_token_kind_desc(t->kind));
	if (t->value != NULL)
	{
		gql_buf_append_str(&buf, " \"");
		gql_buf_append(&buf, t->value, t->len);
		gql_buf_append_char(&buf, '"');
	}
	return buf.data;
}

/*
 * "Unexpected <token>." at token t.
 */
static _Noreturn void
unexpected(Parser *p, const GqlToken *t)
{
	GqlBuf		buf;

	gql_buf_init(&buf, p->arena);
	gql_buf_printf(&buf, "Unexpected %s.", token_desc(p, t));
	fail_at(p, t->start, buf.data);
}

/* ------------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------------
 */

/*
 * Lex the next token into *t, or abandon the parse on a lexical error.
 */
static void
lex(Parser *p, GqlToken *t)
{
	if (!gql_lexer_next(&p->lx, t))
	{
		p->error = p->lx.error;
		longjmp(p->jmp, 1);
	}
}

/*
 * Consume the current token and move to the next one, counting tokens.
 */
static void
advance(Parser *p)
{
	GqlBuf		buf;

	p->last_end = p->tok.end;
	if (p->has_ahead)
	{
		p->tok = p->ahead;
		p->has_ahead = false;
	}
	else
		lex(p, &p->tok);
	if (p->tok.kind != GQL_TOK_EOF && ++p->tokens > p->max_tokens)
	{
		gql_buf_init(&buf, p->arena);
		gql_buf_printf(&buf, "Document contains more than %d tokens. "
					   "Parsing aborted.", p->max_tokens);
		fail_at(p, p->tok.start, buf.data);
	}
}

/*
 * The token after the current one (lexed now if not yet).
 */
static const GqlToken *
lookahead(Parser *p)
{
	if (!p->has_ahead)
	{
		lex(p, &p->ahead);
		p->has_ahead = true;
	}
	return &p->ahead;
}

static inline bool
peek(const Parser *p, GqlTokenKind kind)
{
	return p->tok.kind == kind;
}

/*
 * Does token t have the value s (whatever its kind)?
 */
static bool
value_is(const GqlToken *t, const char *s)
{
	size_t		n = strlen(s);

	return t->value != NULL && t->len == n && memcmp(t->value, s, n) == 0;
}

/*
 * Is token t the name s?
 */
static inline bool
keyword_is(const GqlToken *t, const char *s)
{
	return t->kind == GQL_TOK_NAME && value_is(t, s);
}

/*
 * Consume a token of the given kind and return it, or fail with
 * "Expected <kind>, found <token>.".
 */
static GqlToken
expect(Parser *p, GqlTokenKind kind)
{
	GqlToken	t = p->tok;
	GqlBuf		buf;

	if (t.kind != kind)
	{
		gql_buf_init(&buf, p->arena);
		gql_buf_printf(&buf, "Expected %s, found %s.",
					   gql_token_kind_desc(kind), token_desc(p, &t));
		fail_at(p, t.start, buf.data);
	}
	advance(p);
	return t;
}

/*
 * Consume a token of the given kind if it is the current one.
 */
static bool
expect_optional(Parser *p, GqlTokenKind kind)
{
	if (p->tok.kind != kind)
		return false;
	advance(p);
	return true;
}

/*
 * Consume the keyword word, or fail with "Expected "word", found ...".
 */
static void
expect_keyword(Parser *p, const char *word)
{
	GqlBuf		buf;

	if (!keyword_is(&p->tok, word))
	{
		gql_buf_init(&buf, p->arena);
		gql_buf_printf(&buf, "Expected \"%s\", found %s.",
					   word, token_desc(p, &p->tok));
		fail_at(p, p->tok.start, buf.data);
	}
	advance(p);
}

/*
 * Consume the keyword word if it is the current token.
 */
static bool
expect_optional_keyword(Parser *p, const char *word)
{
	if (!keyword_is(&p->tok, word))
		return false;
	advance(p);
	return true;
}

/* ------------------------------------------------------------------------
 * Nodes, lists and nesting
 * ------------------------------------------------------------------------
 */

/*
 * A new node of the given kind that starts at token start.
 */
static void *
new_node(Parser *p, size_t size, GqlKind kind, const GqlToken *start)
{
	GqlNode    *node = gql_arena_alloc(p->arena, size);

	node->kind = kind;
	node->loc.start = start->start;
	node->loc.line = start->line;
	node->loc.column = start->column;
	return node;
}

/*
 * Finish a node: it ends with the last token consumed.
 */
static void *
done(Parser *p, void *node)
{
	((GqlNode *) node)->loc.end = p->last_end;
	return node;
}

/*
 * Append a node to a list under construction (doubling its array).
 */
static void
vec_push(Parser *p, NodeVec *v, void *node)
{
	GqlNode   **items;

	if (v->count == v->cap)
	{
		v->cap = v->cap == 0 ? 4 : v->cap * 2;
		items = gql_arena_alloc(p->arena, sizeof(GqlNode *) * (size_t) v->cap);
		if (v->count > 0)
			memcpy(items, v->items, sizeof(GqlNode *) * (size_t) v->count);
		v->items = items;
	}
	v->items[v->count++] = node;
}

/*
 * The finished list (items NULL when empty).
 */
static GqlList
vec_list(const NodeVec *v)
{
	GqlList		list;

	list.items = v->count > 0 ? v->items : NULL;
	list.count = v->count;
	return list;
}

/*
 * open item+ close
 */
static GqlList
many(Parser *p, GqlTokenKind open, ItemFn fn, GqlTokenKind close, bool flag)
{
	NodeVec		v = {0};

	expect(p, open);
	do
		vec_push(p, &v, fn(p, flag));
	while (!expect_optional(p, close));
	return vec_list(&v);
}

/*
 * (open item+ close)?
 */
static GqlList
optional_many(Parser *p, GqlTokenKind open, ItemFn fn, GqlTokenKind close,
			  bool flag)
{
	GqlList		empty = {NULL, 0};

	if (!peek(p, open))
		return empty;
	return many(p, open, fn, close, flag);
}

/*
 * open item* close
 */
static GqlList
any(Parser *p, GqlTokenKind open, ItemFn fn, GqlTokenKind close, bool flag)
{
	NodeVec		v = {0};

	expect(p, open);
	while (!expect_optional(p, close))
		vec_push(p, &v, fn(p, flag));
	return vec_list(&v);
}

/*
 * delimiter? item (delimiter item)*
 */
static GqlList
delimited_many(Parser *p, GqlTokenKind delimiter, ItemFn fn)
{
	NodeVec		v = {0};

	expect_optional(p, delimiter);
	do
		vec_push(p, &v, fn(p, false));
	while (expect_optional(p, delimiter));
	return vec_list(&v);
}

/*
 * Fail if nesting `levels` deeper than now would exceed max_depth; the
 * error is reported at the current token.
 */
static void
check_depth(Parser *p, int levels)
{
	GqlBuf		buf;

	if (p->depth + levels <= p->max_depth)
		return;
	gql_buf_init(&buf, p->arena);
	gql_buf_printf(&buf, "Document exceeds the maximum nesting depth of %d.",
				   p->max_depth);
	fail_at(p, p->tok.start, buf.data);
}

/*
 * Enter a nested construct opened by the current token, which must be of
 * kind open (otherwise the usual "Expected" error).  Leave with depth--.
 */
static void
enter_nested(Parser *p, GqlTokenKind open)
{
	if (!peek(p, open))
		expect(p, open);
	check_depth(p, 1);
	p->depth++;
}

/* ------------------------------------------------------------------------
 * Names, values, directives and types
 * ------------------------------------------------------------------------
 */

/*
 * Name
 */
static GqlName *
parse_name(Parser *p)
{
	GqlToken	t = expect(p, GQL_TOK_NAME);
	GqlName    *name = new_node(p, sizeof(GqlName), GQL_NAME, &t);

	name->value = gql_arena_strndup(p->arena, t.value, t.len);
	name->len = t.len;
	return done(p, name);
}

/*
 * Variable :: $ Name
 */
static GqlValue *
parse_variable(Parser *p)
{
	GqlValue   *var = new_node(p, sizeof(GqlValue), GQL_VARIABLE, &p->tok);

	expect(p, GQL_TOK_DOLLAR);
	var->name = parse_name(p);
	return done(p, var);
}

/*
 * StringValue (the current token is a string or block string).
 */
static GqlValue *
parse_string_literal(Parser *p)
{
	GqlValue   *v = new_node(p, sizeof(GqlValue), GQL_STRING_VALUE, &p->tok);

	v->value = p->tok.value;
	v->len = p->tok.len;
	v->block = p->tok.kind == GQL_TOK_BLOCK_STRING;
	advance(p);
	return done(p, v);
}

/*
 * A value made of the current token alone (number, boolean, null, enum).
 */
static GqlValue *
parse_scalar_literal(Parser *p, GqlKind kind)
{
	GqlValue   *v = new_node(p, sizeof(GqlValue), kind, &p->tok);

	if (kind == GQL_BOOLEAN_VALUE)
		v->boolean = value_is(&p->tok, "true");
	else if (kind != GQL_NULL_VALUE)
	{
		v->value = gql_arena_strndup(p->arena, p->tok.value, p->tok.len);
		v->len = p->tok.len;
	}
	advance(p);
	return done(p, v);
}

/*
 * ListValue :: [ Value* ]
 */
static GqlValue *
parse_list(Parser *p, bool is_const)
{
	GqlValue   *v = new_node(p, sizeof(GqlValue), GQL_LIST_VALUE, &p->tok);

	enter_nested(p, GQL_TOK_BRACKET_L);
	v->items = any(p, GQL_TOK_BRACKET_L, parse_value, GQL_TOK_BRACKET_R,
				   is_const);
	p->depth--;
	return done(p, v);
}

/*
 * Argument :: Name : Value, and ObjectField (same shape).
 */
static GqlArgument *
parse_name_value(Parser *p, bool is_const, GqlKind kind)
{
	GqlArgument *arg = new_node(p, sizeof(GqlArgument), kind, &p->tok);

	arg->name = parse_name(p);
	expect(p, GQL_TOK_COLON);
	arg->value = parse_value(p, is_const);
	return done(p, arg);
}

/*
 * ObjectField, as a list item.
 */
static void *
parse_object_field(Parser *p, bool is_const)
{
	return parse_name_value(p, is_const, GQL_OBJECT_FIELD);
}

/*
 * Argument, as a list item.
 */
static void *
parse_argument(Parser *p, bool is_const)
{
	return parse_name_value(p, is_const, GQL_ARGUMENT);
}

/*
 * ObjectValue :: { ObjectField* }
 */
static GqlValue *
parse_object(Parser *p, bool is_const)
{
	GqlValue   *v = new_node(p, sizeof(GqlValue), GQL_OBJECT_VALUE, &p->tok);

	enter_nested(p, GQL_TOK_BRACE_L);
	v->items = any(p, GQL_TOK_BRACE_L, parse_object_field, GQL_TOK_BRACE_R,
				   is_const);
	p->depth--;
	return done(p, v);
}

/*
 * A variable where only constants are allowed: graphql-js names it when a
 * name follows the "$".
 */
static _Noreturn void
fail_const_variable(Parser *p)
{
	GqlToken	dollar = p->tok;
	GqlBuf		buf;

	advance(p);
	if (!peek(p, GQL_TOK_NAME))
		unexpected(p, &dollar);
	gql_buf_init(&buf, p->arena);
	gql_buf_printf(&buf, "Unexpected variable \"$%.*s\" in constant value.",
				   (int) p->tok.len, p->tok.value);
	fail_at(p, dollar.start, buf.data);
}

/*
 * Value (or ConstValue when is_const).
 */
static void *
parse_value(Parser *p, bool is_const)
{
	switch (p->tok.kind)
	{
		case GQL_TOK_BRACKET_L:
			return parse_list(p, is_const);
		case GQL_TOK_BRACE_L:
			return parse_object(p, is_const);
		case GQL_TOK_INT:
			return parse_scalar_literal(p, GQL_INT_VALUE);
		case GQL_TOK_FLOAT:
			return parse_scalar_literal(p, GQL_FLOAT_VALUE);
		case GQL_TOK_STRING:
		case GQL_TOK_BLOCK_STRING:
			return parse_string_literal(p);
		case GQL_TOK_NAME:
			if (value_is(&p->tok, "true") || value_is(&p->tok, "false"))
				return parse_scalar_literal(p, GQL_BOOLEAN_VALUE);
			if (value_is(&p->tok, "null"))
				return parse_scalar_literal(p, GQL_NULL_VALUE);
			return parse_scalar_literal(p, GQL_ENUM_VALUE);
		case GQL_TOK_DOLLAR:
			if (is_const)
				fail_const_variable(p);
			return parse_variable(p);
		default:
			unexpected(p, &p->tok);
	}
}

/*
 * Directive :: @ Name Arguments?
 */
static GqlDirective *
parse_directive(Parser *p, bool is_const)
{
	GqlDirective *dir = new_node(p, sizeof(GqlDirective), GQL_DIRECTIVE,
								 &p->tok);

	expect(p, GQL_TOK_AT);
	dir->name = parse_name(p);
	dir->arguments = optional_many(p, GQL_TOK_PAREN_L, parse_argument,
								   GQL_TOK_PAREN_R, is_const);
	return done(p, dir);
}

/*
 * Directive*
 */
static GqlList
parse_directives(Parser *p, bool is_const)
{
	NodeVec		v = {0};

	while (peek(p, GQL_TOK_AT))
		vec_push(p, &v, parse_directive(p, is_const));
	return vec_list(&v);
}

/*
 * NamedType :: Name
 */
static GqlType *
parse_named_type(Parser *p)
{
	GqlType    *type = new_node(p, sizeof(GqlType), GQL_NAMED_TYPE, &p->tok);

	type->name = parse_name(p);
	return done(p, type);
}

/*
 * NamedType, as a list item.
 */
static void *
parse_named_type_item(Parser *p, bool flag)
{
	(void) flag;
	return parse_named_type(p);
}

/*
 * Type :: NamedType | [ Type ] | Type !
 * *height receives the number of wrappers, which count for max_depth.
 */
static GqlType *
parse_type_ref(Parser *p, int *height)
{
	GqlToken	start = p->tok;
	GqlType    *type;
	GqlType    *outer;

	*height = 0;
	if (peek(p, GQL_TOK_BRACKET_L))
	{
		type = new_node(p, sizeof(GqlType), GQL_LIST_TYPE, &start);
		enter_nested(p, GQL_TOK_BRACKET_L);
		advance(p);
		type->type = parse_type_ref(p, height);
		p->depth--;
		expect(p, GQL_TOK_BRACKET_R);
		done(p, type);
		(*height)++;
	}
	else
		type = parse_named_type(p);
	if (!peek(p, GQL_TOK_BANG))
		return type;
	check_depth(p, *height + 1);
	advance(p);
	outer = new_node(p, sizeof(GqlType), GQL_NON_NULL_TYPE, &start);
	outer->type = type;
	(*height)++;
	return done(p, outer);
}

/*
 * Type, where the depth of the wrappers is not needed.
 */
static GqlType *
parse_type_reference(Parser *p)
{
	int			height;

	return parse_type_ref(p, &height);
}

/*
 * Description :: StringValue, when present.
 */
static GqlValue *
parse_description(Parser *p)
{
	if (peek(p, GQL_TOK_STRING) || peek(p, GQL_TOK_BLOCK_STRING))
		return parse_string_literal(p);
	return NULL;
}

/* ------------------------------------------------------------------------
 * Executable definitions
 * ------------------------------------------------------------------------
 */

/*
 * OperationType :: query | mutation | subscription
 */
static GqlOperationType
parse_operation_type(Parser *p)
{
	GqlToken	t = expect(p, GQL_TOK_NAME);

	if (value_is(&t, "query"))
		return GQL_OP_QUERY;
	if (value_is(&t, "mutation"))
		return GQL_OP_MUTATION;
	if (value_is(&t, "subscription"))
		return GQL_OP_SUBSCRIPTION;
	unexpected(p, &t);
}

/*
 * VariableDefinition :: Description? Variable : Type DefaultValue?
 *						 Directives[Const]?
 */
static void *
parse_variable_definition(Parser *p, bool flag)
{
	GqlVariableDefinition *def = new_node(p, sizeof(GqlVariableDefinition),
										  GQL_VARIABLE_DEFINITION, &p->tok);

	(void) flag;
	def->description = parse_description(p);
	def->variable = parse_variable(p);
	expect(p, GQL_TOK_COLON);
	def->type = parse_type_reference(p);
	if (expect_optional(p, GQL_TOK_EQUALS))
		def->default_value = parse_value(p, true);
	def->directives = parse_directives(p, true);
	return done(p, def);
}

/*
 * OperationDefinition :: SelectionSet
 *	  | Description? OperationType Name? VariableDefinitions? Directives?
 *		SelectionSet
 */
static void *
parse_operation_definition(Parser *p, bool flag)
{
	GqlOperationDefinition *op = new_node(p, sizeof(GqlOperationDefinition),
										  GQL_OPERATION_DEFINITION, &p->tok);

	(void) flag;
	if (!peek(p, GQL_TOK_BRACE_L))
	{
		op->description = parse_description(p);
		op->operation = parse_operation_type(p);
		if (peek(p, GQL_TOK_NAME))
			op->name = parse_name(p);
		op->variable_definitions =
			optional_many(p, GQL_TOK_PAREN_L, parse_variable_definition,
						  GQL_TOK_PAREN_R, false);
		op->directives = parse_directives(p, false);
	}
	op->selection_set = parse_selection_set(p);
	return done(p, op);
}

/*
 * Field :: Alias? Name Arguments? Directives? SelectionSet?
 */
static GqlField *
parse_field(Parser *p)
{
	GqlField   *field = new_node(p, sizeof(GqlField), GQL_FIELD, &p->tok);

	field->name = parse_name(p);
	if (expect_optional(p, GQL_TOK_COLON))
	{
		field->alias = field->name;
		field->name = parse_name(p);
	}
	field->arguments = optional_many(p, GQL_TOK_PAREN_L, parse_argument,
									 GQL_TOK_PAREN_R, false);
	field->directives = parse_directives(p, false);
	if (peek(p, GQL_TOK_BRACE_L))
		field->selection_set = parse_selection_set(p);
	return done(p, field);
}

/*
 * FragmentName :: Name but not "on"
 */
static GqlName *
parse_fragment_name(Parser *p)
{
	if (value_is(&p->tok, "on"))
		unexpected(p, &p->tok);
	return parse_name(p);
}

/*
 * FragmentSpread :: ... FragmentName Directives?
 * InlineFragment :: ... TypeCondition? Directives? SelectionSet
 */
static void *
parse_fragment(Parser *p)
{
	GqlToken	start = p->tok;
	GqlFragmentSpread *spread;
	GqlFragment *frag;
	bool		has_type;

	expect(p, GQL_TOK_SPREAD);
	has_type = expect_optional_keyword(p, "on");
	if (!has_type && peek(p, GQL_TOK_NAME))
	{
		spread = new_node(p, sizeof(GqlFragmentSpread), GQL_FRAGMENT_SPREAD,
						  &start);
		spread->name = parse_fragment_name(p);
		spread->directives = parse_directives(p, false);
		return done(p, spread);
	}
	frag = new_node(p, sizeof(GqlFragment), GQL_INLINE_FRAGMENT, &start);
	if (has_type)
		frag->type_condition = parse_named_type(p);
	frag->directives = parse_directives(p, false);
	frag->selection_set = parse_selection_set(p);
	return done(p, frag);
}

/*
 * Selection :: Field | FragmentSpread | InlineFragment
 */
static void *
parse_selection(Parser *p, bool flag)
{
	(void) flag;
	if (peek(p, GQL_TOK_SPREAD))
		return parse_fragment(p);
	return parse_field(p);
}

/*
 * SelectionSet :: { Selection+ }
 */
static GqlSelectionSet *
parse_selection_set(Parser *p)
{
	GqlSelectionSet *set = new_node(p, sizeof(GqlSelectionSet),
									GQL_SELECTION_SET, &p->tok);

	enter_nested(p, GQL_TOK_BRACE_L);
	set->selections = many(p, GQL_TOK_BRACE_L, parse_selection,
						   GQL_TOK_BRACE_R, false);
	p->depth--;
	return done(p, set);
}

/*
 * FragmentDefinition :: Description? fragment FragmentName TypeCondition
 *						 Directives? SelectionSet
 */
static void *
parse_fragment_definition(Parser *p, bool flag)
{
	GqlFragment *frag = new_node(p, sizeof(GqlFragment),
								 GQL_FRAGMENT_DEFINITION, &p->tok);

	(void) flag;
	frag->description = parse_description(p);
	expect_keyword(p, "fragment");
	frag->name = parse_fragment_name(p);
	expect_keyword(p, "on");
	frag->type_condition = parse_named_type(p);
	frag->directives = parse_directives(p, false);
	frag->selection_set = parse_selection_set(p);
	return done(p, frag);
}

/* ------------------------------------------------------------------------
 * Type-system definitions and extensions
 * ------------------------------------------------------------------------
 */

/*
 * OperationTypeDefinition :: OperationType : NamedType
 */
static void *
parse_operation_type_definition(Parser *p, bool flag)
{
	GqlOperationTypeDefinition *def;

	(void) flag;
	def = new_node(p, sizeof(GqlOperationTypeDefinition),
				   GQL_OPERATION_TYPE_DEFINITION, &p->tok);
	def->operation = parse_operation_type(p);
	expect(p, GQL_TOK_COLON);
	def->type = parse_named_type(p);
	return done(p, def);
}

/*
 * SchemaDefinition :: Description? schema Directives[Const]?
 *					   { OperationTypeDefinition+ }
 */
static void *
parse_schema_definition(Parser *p)
{
	GqlSchemaDefinition *def = new_node(p, sizeof(GqlSchemaDefinition),
										GQL_SCHEMA_DEFINITION, &p->tok);

	def->description = parse_description(p);
	expect_keyword(p, "schema");
	def->directives = parse_directives(p, true);
	def->operation_types = many(p, GQL_TOK_BRACE_L,
								parse_operation_type_definition,
								GQL_TOK_BRACE_R, false);
	return done(p, def);
}

/*
 * SchemaExtension :: extend schema Directives[Const]?
 *					  { OperationTypeDefinition+ }?  (not both absent)
 */
static void *
parse_schema_extension(Parser *p)
{
	GqlSchemaDefinition *ext = new_node(p, sizeof(GqlSchemaDefinition),
										GQL_SCHEMA_EXTENSION, &p->tok);

	expect_keyword(p, "extend");
	expect_keyword(p, "schema");
	ext->directives = parse_directives(p, true);
	ext->operation_types = optional_many(p, GQL_TOK_BRACE_L,
										 parse_operation_type_definition,
										 GQL_TOK_BRACE_R, false);
	if (ext->directives.count == 0 && ext->operation_types.count == 0)
		unexpected(p, &p->tok);
	return done(p, ext);
}

/*
 * InputValueDefinition :: Description? Name : Type DefaultValue?
 *						   Directives[Const]?
 */
static void *
parse_input_value_definition(Parser *p, bool flag)
{
	GqlFieldDefinition *def = new_node(p, sizeof(GqlFieldDefinition),
									   GQL_INPUT_VALUE_DEFINITION, &p->tok);

	(void) flag;
	def->description = parse_description(p);
	def->name = parse_name(p);
	expect(p, GQL_TOK_COLON);
	def->type = parse_type_reference(p);
	if (expect_optional(p, GQL_TOK_EQUALS))
		def->default_value = parse_value(p, true);
	def->directives = parse_directives(p, true);
	return done(p, def);
}

/*
 * ArgumentsDefinition :: ( InputValueDefinition+ ), when present.
 */
static GqlList
parse_argument_defs(Parser *p)
{
	return optional_many(p, GQL_TOK_PAREN_L, parse_input_value_definition,
						 GQL_TOK_PAREN_R, false);
}

/*
 * FieldDefinition :: Description? Name ArgumentsDefinition? : Type
 *					  Directives[Const]?
 */
static void *
parse_field_definition(Parser *p, bool flag)
{
	GqlFieldDefinition *def = new_node(p, sizeof(GqlFieldDefinition),
									   GQL_FIELD_DEFINITION, &p->tok);

	(void) flag;
	def->description = parse_description(p);
	def->name = parse_name(p);
	def->arguments = parse_argument_defs(p);
	expect(p, GQL_TOK_COLON);
	def->type = parse_type_reference(p);
	def->directives = parse_directives(p, true);
	return done(p, def);
}

/*
 * EnumValueDefinition :: Description? EnumValue Directives[Const]?
 * (EnumValue is a Name but not true, false or null.)
 */
static void *
parse_enum_value_definition(Parser *p, bool flag)
{
	GqlFieldDefinition *def = new_node(p, sizeof(GqlFieldDefinition),
									   GQL_ENUM_VALUE_DEFINITION, &p->tok);
	GqlBuf		buf;

	(void) flag;
	def->description = parse_description(p);
	if (value_is(&p->tok, "true") || value_is(&p->tok, "false") ||
		value_is(&p->tok, "null"))
	{
		gql_buf_init(&buf, p->arena);
		gql_buf_printf(&buf, "%s is reserved and cannot be used for an "
					   "enum value.", token_desc(p, &p->tok));
		fail_at(p, p->tok.start, buf.data);
	}
	def->name = parse_name(p);
	def->directives = parse_directives(p, true);
	return done(p, def);
}

/*
 * ImplementsInterfaces :: implements &? NamedType (& NamedType)*, when
 * present.
 */
static GqlList
parse_implements(Parser *p)
{
	GqlList		empty = {NULL, 0};

	if (!expect_optional_keyword(p, "implements"))
		return empty;
	return delimited_many(p, GQL_TOK_AMP, parse_named_type_item);
}

/*
 * The members of a type definition or extension, by kind: fields, union
 * member types, enum values or input fields (scalars have none).
 */
static GqlList
parse_members(Parser *p, GqlKind kind)
{
	GqlList		empty = {NULL, 0};

	switch (kind)
	{
		case GQL_OBJECT_TYPE_DEFINITION:
		case GQL_OBJECT_TYPE_EXTENSION:
		case GQL_INTERFACE_TYPE_DEFINITION:
		case GQL_INTERFACE_TYPE_EXTENSION:
			return optional_many(p, GQL_TOK_BRACE_L, parse_field_definition,
								 GQL_TOK_BRACE_R, false);
		case GQL_UNION_TYPE_DEFINITION:
		case GQL_UNION_TYPE_EXTENSION:
			if (!expect_optional(p, GQL_TOK_EQUALS))
				return empty;
			return delimited_many(p, GQL_TOK_PIPE, parse_named_type_item);
		case GQL_ENUM_TYPE_DEFINITION:
		case GQL_ENUM_TYPE_EXTENSION:
			return optional_many(p, GQL_TOK_BRACE_L,
								 parse_enum_value_definition,
								 GQL_TOK_BRACE_R, false);
		case GQL_INPUT_OBJECT_TYPE_DEFINITION:
		case GQL_INPUT_OBJECT_TYPE_EXTENSION:
			return optional_many(p, GQL_TOK_BRACE_L,
								 parse_input_value_definition,
								 GQL_TOK_BRACE_R, false);
		default:
			return empty;
	}
}

/*
 * The part shared by type definitions and extensions, after the keyword:
 * Name ImplementsInterfaces? Directives[Const]? members?
 */
static void
parse_type_body(Parser *p, GqlTypeDefinition *def, GqlKind kind)
{
	def->name = parse_name(p);
	if (kind == GQL_OBJECT_TYPE_DEFINITION ||
		kind == GQL_OBJECT_TYPE_EXTENSION ||
		kind == GQL_INTERFACE_TYPE_DEFINITION ||
		kind == GQL_INTERFACE_TYPE_EXTENSION)
		def->interfaces = parse_implements(p);
	def->directives = parse_directives(p, true);
	def->members = parse_members(p, kind);
}

/*
 * ScalarTypeDefinition, ObjectTypeDefinition, InterfaceTypeDefinition,
 * UnionTypeDefinition, EnumTypeDefinition, InputObjectTypeDefinition:
 * Description? keyword Name ...
 */
static void *
parse_type_definition(Parser *p, const TypeKeyword *kw)
{
	GqlTypeDefinition *def = new_node(p, sizeof(GqlTypeDefinition),
									  kw->def_kind, &p->tok);

	def->description = parse_description(p);
	expect_keyword(p, kw->word);
	parse_type_body(p, def, kw->def_kind);
	return done(p, def);
}

/*
 * The extension of a type: extend keyword Name ..., which must add at
 * least one interface, directive or member.
 */
static void *
parse_type_extension(Parser *p, const TypeKeyword *kw)
{
	GqlTypeDefinition *ext = new_node(p, sizeof(GqlTypeDefinition),
									  kw->ext_kind, &p->tok);

	expect_keyword(p, "extend");
	expect_keyword(p, kw->word);
	parse_type_body(p, ext, kw->ext_kind);
	if (ext->interfaces.count == 0 && ext->directives.count == 0 &&
		ext->members.count == 0)
		unexpected(p, &p->tok);
	return done(p, ext);
}

/*
 * DirectiveLocation: one of the names of the spec.
 */
static void *
parse_directive_location(Parser *p, bool flag)
{
	GqlToken	start = p->tok;
	GqlName    *name = parse_name(p);
	size_t		i;

	(void) flag;
	for (i = 0; i < sizeof(directive_locations) / sizeof(char *); i++)
		if (strcmp(name->value, directive_locations[i]) == 0)
			return name;
	unexpected(p, &start);
}

/*
 * DirectiveDefinition :: Description? directive @ Name
 *		ArgumentsDefinition? repeatable? on DirectiveLocations
 */
static void *
parse_directive_definition(Parser *p)
{
	GqlDirectiveDefinition *def = new_node(p, sizeof(GqlDirectiveDefinition),
										   GQL_DIRECTIVE_DEFINITION, &p->tok);

	def->description = parse_description(p);
	expect_keyword(p, "directive");
	expect(p, GQL_TOK_AT);
	def->name = parse_name(p);
	def->arguments = parse_argument_defs(p);
	def->repeatable = expect_optional_keyword(p, "repeatable");
	expect_keyword(p, "on");
	def->locations = delimited_many(p, GQL_TOK_PIPE, parse_directive_location);
	return done(p, def);
}

/*
 * The shared type keyword of token t (scalar, type, ...), or NULL.
 */
static const TypeKeyword *
find_type_keyword(const GqlToken *t)
{
	size_t		i;

	for (i = 0; i < sizeof(type_keywords) / sizeof(TypeKeyword); i++)
		if (keyword_is(t, type_keywords[i].word))
			return &type_keywords[i];
	return NULL;
}

/*
 * TypeSystemExtension: the keyword after "extend" says which.
 */
static void *
parse_extension(Parser *p)
{
	const GqlToken *kw = lookahead(p);
	const TypeKeyword *type_kw;

	if (keyword_is(kw, "schema"))
		return parse_schema_extension(p);
	type_kw = find_type_keyword(kw);
	if (type_kw != NULL)
		return parse_type_extension(p, type_kw);
	unexpected(p, kw);
}

/*
 * A definition that a description may precede; kw is its keyword.  NULL
 * when kw starts no such definition.
 */
static void *
parse_described_definition(Parser *p, const GqlToken *kw)
{
	const TypeKeyword *type_kw = find_type_keyword(kw);

	if (type_kw != NULL)
		return parse_type_definition(p, type_kw);
	if (keyword_is(kw, "schema"))
		return parse_schema_definition(p);
	if (keyword_is(kw, "directive"))
		return parse_directive_definition(p);
	if (keyword_is(kw, "query") || keyword_is(kw, "mutation") ||
		keyword_is(kw, "subscription"))
		return parse_operation_definition(p, false);
	if (keyword_is(kw, "fragment"))
		return parse_fragment_definition(p, false);
	return NULL;
}

/*
 * Definition :: ExecutableDefinition | TypeSystemDefinitionOrExtension
 * A leading description is looked past to find the keyword.
 */
static void *
parse_definition(Parser *p, bool flag)
{
	bool		has_description;
	const GqlToken *kw;
	void	   *def;

	(void) flag;
	if (peek(p, GQL_TOK_BRACE_L))
		return parse_operation_definition(p, false);
	has_description = peek(p, GQL_TOK_STRING) || peek(p, GQL_TOK_BLOCK_STRING);
	kw = has_description ? lookahead(p) : &p->tok;
	if (has_description && kw->kind == GQL_TOK_BRACE_L)
		fail_at(p, p->tok.start, "Unexpected description, descriptions are "
				"not supported on shorthand queries.");
	def = parse_described_definition(p, kw);
	if (def != NULL)
		return def;
	if (has_description && kw->kind == GQL_TOK_NAME)
		fail_at(p, p->tok.start, "Unexpected description, only GraphQL "
				"definitions support descriptions.");
	if (keyword_is(kw, "extend"))
		return parse_extension(p);
	unexpected(p, kw);
}

/*
 * Document :: Definition+
 * The document spans the whole source and is located at 1:1.
 */
static GqlDocument *
parse_document(Parser *p)
{
	GqlDocument *doc = new_node(p, sizeof(GqlDocument), GQL_DOCUMENT, &p->tok);

	doc->definitions = many(p, GQL_TOK_SOF, parse_definition, GQL_TOK_EOF,
							false);
	return done(p, doc);
}

/*
 * Run the parser, catching the error it may raise.
 */
static GqlDocument *
run_parser(Parser *p, GqlError *error)
{
	if (setjmp(p->jmp) != 0)
	{
		if (error != NULL)
			*error = p->error;
		return NULL;
	}
	if (p->lx.len > GQL_MAX_SOURCE_LEN)
		fail_at(p, 0, "Document is too large.");
	return parse_document(p);
}

/*
 * Parse a whole document; see language.h.
 */
GqlDocument *
gql_parse(GqlArena *arena, const char *source, size_t len,
		  const GqlParseOptions *opts, GqlError *error)
{
	Parser	   *p = gql_arena_alloc(arena, sizeof(Parser));

	p->arena = arena;
	p->max_depth = opts && opts->max_depth > 0 ?
		opts->max_depth : GQL_DEFAULT_MAX_DEPTH;
	p->max_tokens = opts && opts->max_tokens > 0 ?
		opts->max_tokens : GQL_DEFAULT_MAX_TOKENS;
	if (source == NULL)
		gql_lexer_init(&p->lx, arena, "", 0);
	else
		gql_lexer_init(&p->lx, arena, source, len);
	p->tok.kind = GQL_TOK_SOF;
	p->tok.line = 1;
	p->tok.column = 1;
	if (error != NULL)
		memset(error, 0, sizeof(GqlError));
	return run_parser(p, error);
}
