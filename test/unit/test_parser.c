/*-------------------------------------------------------------------------
 *
 * test_parser.c
 *	  Unit tests of the GraphQL parser (and of the arena it allocates in):
 *	  AST shapes of executable and type-system documents, values,
 *	  locations, syntax errors, and the depth and token limits.
 *
 * Expected messages and locations are graphql-js 16's.
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "unit.h"

#include <stdlib.h>

static GqlArena *arena;
static GqlError last_error;

/*
 * Parse len bytes of src (copied into a heap block of exactly len bytes,
 * so that the sanitizers catch reads past the end) with the given limits.
 */
static GqlDocument *
parse_n(const char *src, size_t len, int max_depth, int max_tokens)
{
	char	   *copy = malloc(len > 0 ? len : 1);
	GqlParseOptions opts;
	GqlDocument *doc;

	if (copy == NULL)
		abort();
	memcpy(copy, src, len);
	opts.max_depth = max_depth;
	opts.max_tokens = max_tokens;
	doc = gql_parse(arena, copy, len, &opts, &last_error);
	free(copy);
	return doc;
}

static GqlDocument *
parse(const char *src)
{
	return parse_n(src, strlen(src), 0, 0);
}

/*
 * The syntax error of src under the given limits, as "message@line:col",
 * or "no error".
 */
static const char *
error_limits(const char *src, int max_depth, int max_tokens)
{
	GqlBuf		out;

	if (parse_n(src, strlen(src), max_depth, max_tokens) != NULL)
		return "no error";
	gql_buf_init(&out, arena);
	gql_buf_printf(&out, "%s@%u:%u", last_error.message, last_error.line,
				   last_error.column);
	return out.data;
}

static const char *
error_of(const char *src)
{
	return error_limits(src, 0, 0);
}

/* ------------------------------------------------------------------------
 * A compact dump of the AST, to compare shapes
 * ------------------------------------------------------------------------
 */

static void dump(GqlBuf *b, const void *node);

/*
 * " label=[a b c]" for a non-empty list ("label" may be empty).
 */
static void
dump_list(GqlBuf *b, const char *label, GqlList list)
{
	int			i;

	if (list.count == 0)
		return;
	gql_buf_printf(b, " %s%s[", label, label[0] ? "=" : "");
	for (i = 0; i < list.count; i++)
	{
		if (i > 0)
			gql_buf_append_char(b, ' ');
		dump(b, list.items[i]);
	}
	gql_buf_append_char(b, ']');
}

/*
 * " label=node" when node is not NULL.
 */
static void
dump_opt(GqlBuf *b, const char *label, const void *node)
{
	if (node == NULL)
		return;
	gql_buf_printf(b, " %s=", label);
	dump(b, node);
}

/*
 * Values: literals in a short form.
 */
static void
dump_value(GqlBuf *b, const GqlValue *v)
{
	switch (v->hdr.kind)
	{
		case GQL_VARIABLE:
			gql_buf_printf(b, "$%s", v->name->value);
			break;
		case GQL_INT_VALUE:
		case GQL_FLOAT_VALUE:
		case GQL_ENUM_VALUE:
			gql_buf_printf(b, "%s(%s)", gql_kind_name(v->hdr.kind), v->value);
			break;
		case GQL_STRING_VALUE:
			gql_buf_printf(b, "%s(%.*s)", v->block ? "Block" : "String",
						   (int) v->len, v->value);
			break;
		case GQL_BOOLEAN_VALUE:
			gql_buf_append_str(b, v->boolean ? "true" : "false");
			break;
		case GQL_NULL_VALUE:
			gql_buf_append_str(b, "null");
			break;
		default:
			gql_buf_append_str(b, gql_kind_name(v->hdr.kind));
			dump_list(b, "", v->items);
			break;
	}
}

/*
 * Types as written: Name, [T], T!.
 */
static void
dump_type(GqlBuf *b, const GqlType *t)
{
	if (t->hdr.kind == GQL_NAMED_TYPE)
		gql_buf_append_str(b, t->name->value);
	else if (t->hdr.kind == GQL_LIST_TYPE)
	{
		gql_buf_append_char(b, '[');
		dump_type(b, t->type);
		gql_buf_append_char(b, ']');
	}
	else
	{
		dump_type(b, t->type);
		gql_buf_append_char(b, '!');
	}
}

/*
 * Executable definitions and selections.
 */
static void
dump_executable(GqlBuf *b, const GqlNode *n)
{
	const GqlOperationDefinition *op = (const void *) n;
	const GqlVariableDefinition *var = (const void *) n;
	const GqlField *f = (const void *) n;
	const GqlFragment *frag = (const void *) n;
	const GqlFragmentSpread *spread = (const void *) n;

	gql_buf_printf(b, "%s(", gql_kind_name(n->kind));
	if (n->kind == GQL_OPERATION_DEFINITION)
	{
		gql_buf_append_str(b, gql_operation_name(op->operation));
		dump_opt(b, "name", op->name);
		dump_opt(b, "desc", op->description);
		dump_list(b, "vars", op->variable_definitions);
		dump_list(b, "dirs", op->directives);
		dump_opt(b, "sel", op->selection_set);
	}
	else if (n->kind == GQL_VARIABLE_DEFINITION)
	{
		dump(b, var->variable);
		dump_opt(b, "type", var->type);
		dump_opt(b, "default", var->default_value);
		dump_opt(b, "desc", var->description);
		dump_list(b, "dirs", var->directives);
	}
	else if (n->kind == GQL_FIELD)
	{
		if (f->alias)
			gql_buf_printf(b, "%s:", f->alias->value);
		gql_buf_append_str(b, f->name->value);
		dump_list(b, "args", f->arguments);
		dump_list(b, "dirs", f->directives);
		dump_opt(b, "sel", f->selection_set);
	}
	else if (n->kind == GQL_FRAGMENT_SPREAD)
	{
		gql_buf_append_str(b, spread->name->value);
		dump_list(b, "dirs", spread->directives);
	}
	else
	{
		if (frag->name)
			gql_buf_append_str(b, frag->name->value);
		dump_opt(b, "desc", frag->description);
		dump_opt(b, "on", frag->type_condition);
		dump_list(b, "dirs", frag->directives);
		dump_opt(b, "sel", frag->selection_set);
	}
	gql_buf_append_char(b, ')');
}

/*
 * Type-system definitions and extensions.
 */
static void
dump_type_system(GqlBuf *b, const GqlNode *n)
{
	const GqlSchemaDefinition *s = (const void *) n;
	const GqlTypeDefinition *t = (const void *) n;
	const GqlFieldDefinition *f = (const void *) n;
	const GqlDirectiveDefinition *d = (const void *) n;

	gql_buf_printf(b, "%s(", gql_kind_name(n->kind));
	if (n->kind == GQL_SCHEMA_DEFINITION || n->kind == GQL_SCHEMA_EXTENSION)
	{
		dump_opt(b, "desc", s->description);
		dump_list(b, "dirs", s->directives);
		dump_list(b, "ops", s->operation_types);
	}
	else if (n->kind == GQL_FIELD_DEFINITION ||
			 n->kind == GQL_INPUT_VALUE_DEFINITION ||
			 n->kind == GQL_ENUM_VALUE_DEFINITION)
	{
		gql_buf_append_str(b, f->name->value);
		dump_opt(b, "desc", f->description);
		dump_list(b, "args", f->arguments);
		dump_opt(b, "type", f->type);
		dump_opt(b, "default", f->default_value);
		dump_list(b, "dirs", f->directives);
	}
	else if (n->kind == GQL_DIRECTIVE_DEFINITION)
	{
		gql_buf_append_str(b, d->name->value);
		dump_opt(b, "desc", d->description);
		dump_list(b, "args", d->arguments);
		if (d->repeatable)
			gql_buf_append_str(b, " repeatable");
		dump_list(b, "on", d->locations);
	}
	else
	{
		gql_buf_append_str(b, t->name->value);
		dump_opt(b, "desc", t->description);
		dump_list(b, "implements", t->interfaces);
		dump_list(b, "dirs", t->directives);
		dump_list(b, "members", t->members);
	}
	gql_buf_append_char(b, ')');
}

/*
 * Any node.
 */
static void
dump(GqlBuf *b, const void *node)
{
	const GqlNode *n = node;
	const GqlArgument *arg = node;
	const GqlDirective *dir = node;
	const GqlOperationTypeDefinition *otd = node;

	switch (n->kind)
	{
		case GQL_NAME:
			gql_buf_append_str(b, ((const GqlName *) node)->value);
			break;
		case GQL_DOCUMENT:
			gql_buf_append_str(b, "Document");
			dump_list(b, "", ((const GqlDocument *) node)->definitions);
			break;
		case GQL_SELECTION_SET:
			dump_list(b, "", ((const GqlSelectionSet *) node)->selections);
			break;
		case GQL_ARGUMENT:
		case GQL_OBJECT_FIELD:
			gql_buf_printf(b, "%s:", arg->name->value);
			dump(b, arg->value);
			break;
		case GQL_DIRECTIVE:
			gql_buf_printf(b, "@%s", dir->name->value);
			dump_list(b, "", dir->arguments);
			break;
		case GQL_NAMED_TYPE:
		case GQL_LIST_TYPE:
		case GQL_NON_NULL_TYPE:
			dump_type(b, node);
			break;
		case GQL_OPERATION_TYPE_DEFINITION:
			gql_buf_printf(b, "%s:%s", gql_operation_name(otd->operation),
						   otd->type->name->value);
			break;
		case GQL_OPERATION_DEFINITION:
		case GQL_VARIABLE_DEFINITION:
		case GQL_FIELD:
		case GQL_FRAGMENT_SPREAD:
		case GQL_INLINE_FRAGMENT:
		case GQL_FRAGMENT_DEFINITION:
			dump_executable(b, n);
			break;
		default:
			if (n->kind >= GQL_VARIABLE && n->kind <= GQL_OBJECT_VALUE)
				dump_value(b, node);
			else
				dump_type_system(b, n);
			break;
	}
}

/*
 * The dump of the parsed document, or the error.
 */
static const char *
shape(const char *src)
{
	GqlDocument *doc = parse(src);
	GqlBuf		b;

	gql_buf_init(&b, arena);
	if (doc == NULL)
		gql_buf_printf(&b, "ERROR %s", last_error.message);
	else
		dump(&b, doc);
	return b.data;
}

/* ------------------------------------------------------------------------
 * Executable documents
 * ------------------------------------------------------------------------
 */

static void
test_operations(void)
{
	is_str(shape("{ a }"),
		   "Document [OperationDefinition(query sel= [Field(a)])]",
		   "shorthand query");
	is_str(shape("query { a }"),
		   "Document [OperationDefinition(query sel= [Field(a)])]",
		   "anonymous query");
	is_str(shape("query Q { a } mutation M { b } subscription S { c }"),
		   "Document [OperationDefinition(query name=Q sel= [Field(a)]) "
		   "OperationDefinition(mutation name=M sel= [Field(b)]) "
		   "OperationDefinition(subscription name=S sel= [Field(c)])]",
		   "named operations of every type");
	is_str(shape("query Q($a: Int = 1 @d, $b: [String!]! @e(x: 1), $c: I)"
				 " @dir(y: $a) { a }"),
		   "Document [OperationDefinition(query name=Q vars=["
		   "VariableDefinition($a type=Int default=IntValue(1) dirs=[@d]) "
		   "VariableDefinition($b type=[String!]! dirs=[@e [x:IntValue(1)]]) "
		   "VariableDefinition($c type=I)] dirs=[@dir [y:$a]] sel= [Field(a)])]",
		   "variables with types, defaults and directives");
	is_str(shape("\"op\" query Q(\"v\" $a: Int) { a }"),
		   "Document [OperationDefinition(query name=Q desc=String(op) vars=["
		   "VariableDefinition($a type=Int desc=String(v))] sel= [Field(a)])]",
		   "descriptions on an operation and a variable");
	is_str(shape("{ x: a(b: 1, c: 2) @d @e(f: g) { h { i } } j }"),
		   "Document [OperationDefinition(query sel= [Field(x:a args=["
		   "b:IntValue(1) c:IntValue(2)] dirs=[@d @e [f:EnumValue(g)]] sel= "
		   "[Field(h sel= [Field(i)])]) Field(j)])]",
		   "fields with alias, arguments, directives and selections");
	is_str(shape("query { a } { b }"),
		   "Document [OperationDefinition(query sel= [Field(a)]) "
		   "OperationDefinition(query sel= [Field(b)])]",
		   "several operations");
}

static void
test_fragments(void)
{
	is_str(shape("{ ...F @d ... on T { a } ... @e { b } ... { c } }"),
		   "Document [OperationDefinition(query sel= [FragmentSpread(F dirs=[@d]) "
		   "InlineFragment( on=T sel= [Field(a)]) "
		   "InlineFragment( dirs=[@e] sel= [Field(b)]) "
		   "InlineFragment( sel= [Field(c)])])]",
		   "spreads and inline fragments");
	is_str(shape("fragment F on T @d { a ...G }"),
		   "Document [FragmentDefinition(F on=T dirs=[@d] sel= [Field(a) "
		   "FragmentSpread(G)])]",
		   "fragment definition");
	is_str(shape("\"\"\"doc\"\"\" fragment F on T { a }"),
		   "Document [FragmentDefinition(F desc=Block(doc) on=T sel= [Field(a)])]",
		   "fragment definition with a description");
	is_str(shape("{ ...on }"), "ERROR Syntax Error: Expected Name, found \"}\".",
		   "\"... on\" needs a type");
	is_str(shape("{ ...onX }"),
		   "Document [OperationDefinition(query sel= [FragmentSpread(onX)])]",
		   "a spread of a name starting with on");
	is_str(shape("fragment on on T { a }"),
		   "ERROR Syntax Error: Unexpected Name \"on\".",
		   "a fragment cannot be named on");
}

static void
test_values(void)
{
	GqlDocument *doc;
	GqlOperationDefinition *op;
	GqlField   *f;
	GqlValue   *v;

	is_str(shape("{ f(i: 1, n: -1.5e3, s: \"x\\ty\", b: \"\"\" blk \"\"\", "
				 "t: true, f: false, z: null, e: ENUM, v: $var) }"),
		   "Document [OperationDefinition(query sel= [Field(f args=["
		   "i:IntValue(1) n:FloatValue(-1.5e3) s:String(x\ty) b:Block( blk ) "
		   "t:true f:false z:null e:EnumValue(ENUM) v:$var])])]",
		   "scalar values");
	is_str(shape("{ f(l: [1, [2, []], {}], o: {a: 1, b: {c: [$v]}}) }"),
		   "Document [OperationDefinition(query sel= [Field(f args=["
		   "l:ListValue [IntValue(1) ListValue [IntValue(2) ListValue] "
		   "ObjectValue] o:ObjectValue [a:IntValue(1) b:ObjectValue "
		   "[c:ListValue [$v]]]])])]",
		   "lists and objects");
	doc = parse("{ f(s: \"a\\u0000b\", t: TRUE) }");
	op = (GqlOperationDefinition *) doc->definitions.items[0];
	f = (GqlField *) op->selection_set->selections.items[0];
	v = ((GqlArgument *) f->arguments.items[0])->value;
	is_int(v->hdr.kind, GQL_STRING_VALUE, "string value kind");
	is_mem(v->value, v->len, "a\0b", 3, "string value with U+0000");
	ok(!v->block, "not a block string");
	v = ((GqlArgument *) f->arguments.items[1])->value;
	is_int(v->hdr.kind, GQL_ENUM_VALUE, "TRUE is an enum value");
	is_int(v->len, 4, "enum value length");
	ok(f->directives.count == 0 && f->directives.items == NULL,
	   "an empty list has count 0 and items NULL");
	ok(f->selection_set == NULL && f->alias == NULL, "no selections, no alias");
	is_str(error_of("query ($a: Int = $b) { a }"),
		   "Syntax Error: Unexpected variable \"$b\" in constant value.@1:18",
		   "no variable in a default value");
	is_str(error_of("query ($a: [Int] = [1, {x: $b}]) { a }"),
		   "Syntax Error: Unexpected variable \"$b\" in constant value.@1:28",
		   "no variable nested in a default value");
	is_str(error_of("query ($a: Int = $) { a }"),
		   "Syntax Error: Unexpected \"$\".@1:18",
		   "a lone $ in a default value");
	is_str(error_of("type T { f(a: Int = $x): Int }"),
		   "Syntax Error: Unexpected variable \"$x\" in constant value.@1:21",
		   "no variable in an argument default");
	is_str(error_of("type T @d(a: $x) { f: Int }"),
		   "Syntax Error: Unexpected variable \"$x\" in constant value.@1:14",
		   "no variable in a type-system directive");
}

/* ------------------------------------------------------------------------
 * Type-system documents
 * ------------------------------------------------------------------------
 */

static void
test_type_system(void)
{
	is_str(shape("\"S\" schema @d { query: Q mutation: M subscription: S }"),
		   "Document [SchemaDefinition( desc=String(S) dirs=[@d] "
		   "ops=[query:Q mutation:M subscription:S])]",
		   "schema definition");
	is_str(shape("\"\"\"Sc\"\"\" scalar Date @specifiedBy(url: \"u\")"),
		   "Document [ScalarTypeDefinition(Date desc=Block(Sc) dirs=["
		   "@specifiedBy [url:String(u)]])]",
		   "scalar definition");
	is_str(shape("type T implements & A & B @d { \"f\" f(\"a\" a: Int = 1 @x, "
				 "b: [ID!]): String! @deprecated g: T }"),
		   "Document [ObjectTypeDefinition(T implements=[A B] dirs=[@d] "
		   "members=[FieldDefinition(f desc=String(f) args=["
		   "InputValueDefinition(a desc=String(a) type=Int "
		   "default=IntValue(1) dirs=[@x]) InputValueDefinition(b type=[ID!])] "
		   "type=String! dirs=[@deprecated]) FieldDefinition(g type=T)])]",
		   "object type definition");
	is_str(shape("type T"), "Document [ObjectTypeDefinition(T)]",
		   "object type without fields");
	is_str(shape("interface I implements J & K @d { f: Int }"),
		   "Document [InterfaceTypeDefinition(I implements=[J K] dirs=[@d] "
		   "members=[FieldDefinition(f type=Int)])]",
		   "interface definition");
	is_str(shape("union U @d = | A | B"),
		   "Document [UnionTypeDefinition(U dirs=[@d] members=[A B])]",
		   "union definition with a leading |");
	is_str(shape("union U"), "Document [UnionTypeDefinition(U)]",
		   "union without members");
	is_str(shape("enum E { \"a\" A @d B }"),
		   "Document [EnumTypeDefinition(E members=[EnumValueDefinition(A "
		   "desc=String(a) dirs=[@d]) EnumValueDefinition(B)])]",
		   "enum definition");
	is_str(shape("input I @d { a: Int = 1, b: [I!]! @e }"),
		   "Document [InputObjectTypeDefinition(I dirs=[@d] members=["
		   "InputValueDefinition(a type=Int default=IntValue(1)) "
		   "InputValueDefinition(b type=[I!]! dirs=[@e])])]",
		   "input definition");
	is_str(shape("\"D\" directive @d(a: Int = 0) repeatable on | FIELD | QUERY"),
		   "Document [DirectiveDefinition(d desc=String(D) args=["
		   "InputValueDefinition(a type=Int default=IntValue(0))] repeatable "
		   "on=[FIELD QUERY])]",
		   "directive definition");
	is_str(shape("directive @d on VARIABLE_DEFINITION | DIRECTIVE_DEFINITION"),
		   "Document [DirectiveDefinition(d on=[VARIABLE_DEFINITION "
		   "DIRECTIVE_DEFINITION])]",
		   "directive locations");
	is_str(shape("directive @repeatable repeatable on FIELD"),
		   "Document [DirectiveDefinition(repeatable repeatable on=[FIELD])]",
		   "repeatable is a keyword only in its place");
}

static void
test_extensions(void)
{
	is_str(shape("extend schema @d { query: Q } extend schema @e "
				 "extend schema { mutation: M }"),
		   "Document [SchemaExtension( dirs=[@d] ops=[query:Q]) "
		   "SchemaExtension( dirs=[@e]) SchemaExtension( ops=[mutation:M])]",
		   "schema extensions");
	is_str(shape("extend scalar S @d"),
		   "Document [ScalarTypeExtension(S dirs=[@d])]", "scalar extension");
	is_str(shape("extend type T implements I extend type T @d "
				 "extend type T { f: Int }"),
		   "Document [ObjectTypeExtension(T implements=[I]) "
		   "ObjectTypeExtension(T dirs=[@d]) "
		   "ObjectTypeExtension(T members=[FieldDefinition(f type=Int)])]",
		   "object type extensions");
	is_str(shape("extend interface I implements J @d { f: Int }"),
		   "Document [InterfaceTypeExtension(I implements=[J] dirs=[@d] "
		   "members=[FieldDefinition(f type=Int)])]", "interface extension");
	is_str(shape("extend union U = A extend union U @d"),
		   "Document [UnionTypeExtension(U members=[A]) "
		   "UnionTypeExtension(U dirs=[@d])]", "union extensions");
	is_str(shape("extend enum E { A } extend enum E @d"),
		   "Document [EnumTypeExtension(E members=[EnumValueDefinition(A)]) "
		   "EnumTypeExtension(E dirs=[@d])]", "enum extensions");
	is_str(shape("extend input I { a: Int } extend input I @d"),
		   "Document [InputObjectTypeExtension(I members=["
		   "InputValueDefinition(a type=Int)]) "
		   "InputObjectTypeExtension(I dirs=[@d])]", "input extensions");
	is_str(error_of("extend schema"), "Syntax Error: Unexpected <EOF>.@1:14",
		   "empty schema extension");
	is_str(error_of("extend scalar S"), "Syntax Error: Unexpected <EOF>.@1:16",
		   "empty scalar extension");
	is_str(error_of("extend type T { a: Int } extend type U type V"),
		   "Syntax Error: Unexpected Name \"type\".@1:40",
		   "empty object extension");
	is_str(error_of("extend union U"), "Syntax Error: Unexpected <EOF>.@1:15",
		   "empty union extension");
	is_str(error_of("extend enum E"), "Syntax Error: Unexpected <EOF>.@1:14",
		   "empty enum extension");
	is_str(error_of("extend input I {}"),
		   "Syntax Error: Expected Name, found \"}\".@1:17",
		   "empty braces in an input extension");
	is_str(error_of("extend directive @d on FIELD"),
		   "Syntax Error: Unexpected Name \"directive\".@1:8",
		   "directives cannot be extended");
	is_str(error_of("extend foo"), "Syntax Error: Unexpected Name \"foo\".@1:8",
		   "unknown extension");
}

/* ------------------------------------------------------------------------
 * Locations
 * ------------------------------------------------------------------------
 */

static void
test_locations(void)
{
	GqlDocument *doc;
	GqlOperationDefinition *op;
	GqlField   *f;
	GqlVariableDefinition *var;
	GqlNode    *n;

	doc = parse("query Q($v: [Int]!) {\r\n  \"\xF0\x9F\x98\x80\": a(x: 1) { b }\n}");
	ok(doc == NULL, "a string is no field");
	doc = parse("query Q($v: [Int]!) {\r\n  a(x: \"\xF0\x9F\x98\x80\") b\n}  ");
	op = (GqlOperationDefinition *) doc->definitions.items[0];
	is_int(doc->hdr.loc.start, 0, "document start");
	is_int(doc->hdr.loc.end, 43, "document end is the end of the source");
	ok(doc->hdr.loc.line == 1 && doc->hdr.loc.column == 1, "document at 1:1");
	is_int(op->hdr.loc.start, 0, "operation start");
	is_int(op->hdr.loc.end, 41, "operation end");
	var = (GqlVariableDefinition *) op->variable_definitions.items[0];
	ok(var->hdr.loc.start == 8 && var->hdr.loc.end == 18,
	   "variable definition spans $v: [Int]!");
	ok(var->type->hdr.kind == GQL_NON_NULL_TYPE &&
	   var->type->hdr.loc.start == 12 && var->type->hdr.loc.end == 18 &&
	   var->type->hdr.loc.column == 13,
	   "non-null type starts with its list");
	ok(var->type->type->hdr.loc.start == 12 && var->type->type->hdr.loc.end == 17,
	   "list type spans [Int]");
	f = (GqlField *) op->selection_set->selections.items[0];
	ok(f->hdr.loc.line == 2 && f->hdr.loc.column == 3, "field after CRLF at 2:3");
	is_int(f->hdr.loc.start, 25, "field start byte");
	is_int(f->hdr.loc.end, 37, "field end byte (after the argument list)");
	n = (GqlNode *) ((GqlArgument *) f->arguments.items[0])->value;
	ok(n->loc.line == 2 && n->loc.column == 8 && n->loc.start == 30 && n->loc.end == 36,
	   "string value location");
	f = (GqlField *) op->selection_set->selections.items[1];
	ok(f->hdr.loc.line == 2 && f->hdr.loc.column == 14,
	   "field after an astral character: column counts UTF-16 units");
	ok(f->name->hdr.loc.start == 38 && f->name->hdr.loc.end == 39,
	   "name location");
	doc = parse("\"\"\"\n  a\n\"\"\" type T\r{ f: Int }");
	n = ((GqlTypeDefinition *) doc->definitions.items[0])->members.items[0];
	ok(n->loc.line == 4 && n->loc.column == 3, "field after a block string and a CR");
	n = doc->definitions.items[0];
	ok(n->loc.line == 1 && n->loc.column == 1 && n->loc.start == 0,
	   "a definition starts with its description");
}

/* ------------------------------------------------------------------------
 * Syntax errors
 * ------------------------------------------------------------------------
 */

typedef struct ErrorCase
{
	const char *src;
	const char *expected;
} ErrorCase;

static const ErrorCase error_cases[] = {
	{"", "Syntax Error: Unexpected <EOF>.@1:1"},
	{"  # only a comment\n", "Syntax Error: Unexpected <EOF>.@2:1"},
	{"{", "Syntax Error: Expected Name, found <EOF>.@1:2"},
	{"{ a", "Syntax Error: Expected Name, found <EOF>.@1:4"},
	{"{}", "Syntax Error: Expected Name, found \"}\".@1:2"},
	{"{ a }}", "Syntax Error: Unexpected \"}\".@1:6"},
	{"{ a: }", "Syntax Error: Expected Name, found \"}\".@1:6"},
	{"{ a(b) }", "Syntax Error: Expected \":\", found \")\".@1:6"},
	{"{ a() }", "Syntax Error: Expected Name, found \")\".@1:5"},
	{"{ a(b: ) }", "Syntax Error: Unexpected \")\".@1:8"},
	{"{ a(b: 1 }", "Syntax Error: Expected Name, found \"}\".@1:10"},
	{"{ a(b: [1 }", "Syntax Error: Unexpected \"}\".@1:11"},
	{"{ a(b: {c}) }", "Syntax Error: Expected \":\", found \"}\".@1:10"},
	{"{ ...F on }", "no error"},
	{"{ ... on on }", "Syntax Error: Expected \"{\", found \"}\".@1:13"},
	{"foo { a }", "Syntax Error: Unexpected Name \"foo\".@1:1"},
	{"query Q Q2 { a }", "Syntax Error: Expected \"{\", found Name \"Q2\".@1:9"},
	{"query ($a) { a }", "Syntax Error: Expected \":\", found \")\".@1:10"},
	{"query (a: Int) { a }", "Syntax Error: Expected \"$\", found Name \"a\".@1:8"},
	{"query ($a: ) { a }", "Syntax Error: Expected Name, found \")\".@1:12"},
	{"query ($a: [Int) { a }", "Syntax Error: Expected \"]\", found \")\".@1:16"},
	{"query ($a: Int!!) { a }", "Syntax Error: Expected \"$\", found \"!\".@1:16"},
	{"query ($a: Int) @d(a: $) { a }", "Syntax Error: Expected Name, found \")\".@1:24"},
	{"query Q", "Syntax Error: Expected \"{\", found <EOF>.@1:8"},
	{"fragment F { a }", "Syntax Error: Expected \"on\", found \"{\".@1:12"},
	{"fragment F on { a }", "Syntax Error: Expected Name, found \"{\".@1:15"},
	{"fragment \"on\" on T { a }", "Syntax Error: Unexpected String \"on\".@1:10"},
	{"{ a(b: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".@1:10"},
	{"{ a(b: 'x') }",
	"Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?@1:8"},
	{"\"d\" { a }",
	"Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.@1:1"},
	{"\"d\" extend type T @d",
	"Syntax Error: Unexpected description, only GraphQL definitions support descriptions.@1:1"},
	{"\"\"\"d\"\"\" foo",
	"Syntax Error: Unexpected description, only GraphQL definitions support descriptions.@1:1"},
	{"\"d\" \"e\" type T", "Syntax Error: Unexpected String \"e\".@1:5"},
	{"\"d\" 1x", "Syntax Error: Invalid number, expected digit but got: \"x\".@1:6"},
	{"\"d\"", "Syntax Error: Unexpected <EOF>.@1:4"},
	{"schema { foo: Q }", "Syntax Error: Unexpected Name \"foo\".@1:10"},
	{"schema {}", "Syntax Error: Expected Name, found \"}\".@1:9"},
	{"schema @d", "Syntax Error: Expected \"{\", found <EOF>.@1:10"},
	{"scalar", "Syntax Error: Expected Name, found <EOF>.@1:7"},
	{"type T { f }", "Syntax Error: Expected \":\", found \"}\".@1:12"},
	{"type T { }", "Syntax Error: Expected Name, found \"}\".@1:10"},
	{"type T implements { f: Int }", "Syntax Error: Expected Name, found \"{\".@1:19"},
	{"type T implements A, & B { f: Int }", "no error"},
	{"type T implements A & & B", "Syntax Error: Expected Name, found \"&\".@1:23"},
	{"type T { f(): Int }", "Syntax Error: Expected Name, found \")\".@1:12"},
	{"type T { f(a): Int }", "Syntax Error: Expected \":\", found \")\".@1:13"},
	{"union U = ", "Syntax Error: Expected Name, found <EOF>.@1:11"},
	{"union U = A |", "Syntax Error: Expected Name, found <EOF>.@1:14"},
	{"union U = A | | B", "Syntax Error: Expected Name, found \"|\".@1:15"},
	{"enum E { true }",
	"Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.@1:10"},
	{"enum E { A null }",
	"Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.@1:12"},
	{"enum E { \"d\" \"false\" }",
	"Syntax Error: String \"false\" is reserved and cannot be used for an enum value.@1:14"},
	{"enum E { A: Int }", "Syntax Error: Expected Name, found \":\".@1:11"},
	{"input I { a }", "Syntax Error: Expected \":\", found \"}\".@1:13"},
	{"input I { a: Int = $v }",
	"Syntax Error: Unexpected variable \"$v\" in constant value.@1:20"},
	{"directive @d", "Syntax Error: Expected \"on\", found <EOF>.@1:13"},
	{"directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".@1:11"},
	{"directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".@1:17"},
	{"directive @d on FIELD | field", "Syntax Error: Unexpected Name \"field\".@1:25"},
	{"directive @d on FIELD | FOO 1x",
	"Syntax Error: Invalid number, expected digit but got: \"x\".@1:30"},
	{"directive @d repeatable repeatable on FIELD",
	"Syntax Error: Expected \"on\", found Name \"repeatable\".@1:25"},
	{"directive @d on", "Syntax Error: Expected Name, found <EOF>.@1:16"},
	{"{ a } \"\"\"x", "Syntax Error: Unterminated string.@1:11"},
	{"{ a(x: \"\\u{D800}\") }",
	"Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".@1:9"},
	{"{ a } ?", "Syntax Error: Unexpected character: \"?\".@1:7"},
	{"{ a(x: \"\xF0\x9F\x98\x80\" y: \x08) }",
	"Syntax Error: Unexpected character: U+0008.@1:16"},
	{"\n\n   \r\n  { a(x: $) }", "Syntax Error: Expected Name, found \")\".@4:11"},
	{"{ a(x: \"str\"\"\") }", "Syntax Error: Expected Name, found String \"\".@1:13"},
	{"{ a(x: 1) (y: 2) }", "Syntax Error: Expected Name, found \"(\".@1:11"},
	{"{ a @ }", "Syntax Error: Expected Name, found \"}\".@1:7"},
	{"{ a ... }", "Syntax Error: Expected \"{\", found \"}\".@1:9"},
	{"query { ... on T @d }", "Syntax Error: Expected \"{\", found \"}\".@1:21"},
	{"subscription", "Syntax Error: Expected \"{\", found <EOF>.@1:13"},
	{"{ a(b: \"\"\"x\"\"\" c: 1.5e) }",
	"Syntax Error: Invalid number, expected digit but got: \")\".@1:23"},
};

static void
test_errors(void)
{
	size_t		i;

	for (i = 0; i < sizeof(error_cases) / sizeof(ErrorCase); i++)
		is_str(error_of(error_cases[i].src), error_cases[i].expected,
			   "error of: %s", error_cases[i].src);
}

static void
test_error_details(void)
{
	GqlArena   *a = gql_arena_create(NULL);
	GqlError	e;
	GqlDocument *doc;

	e.message = "untouched";
	doc = gql_parse(a, "{ a }", 5, NULL, &e);
	ok(doc != NULL && e.message == NULL, "success clears the error");
	doc = gql_parse(a, "{", 1, NULL, NULL);
	ok(doc == NULL, "the error pointer may be NULL");
	doc = gql_parse(a, NULL, 0, NULL, &e);
	ok(doc == NULL, "a NULL source is empty");
	is_str(e.message, "Syntax Error: Unexpected <EOF>.", "empty source error");
	doc = gql_parse(a, "{ a } junk", 5, NULL, &e);
	ok(doc != NULL, "only len bytes are parsed");
	gql_arena_destroy(a);
}

/* ------------------------------------------------------------------------
 * Limits and hostile input
 * ------------------------------------------------------------------------
 */

static void
test_depth_limit(void)
{
	const char *msg = "Syntax Error: Document exceeds the maximum nesting depth of 2.";
	GqlBuf		exp;

	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:9", msg);
	is_str(error_limits("{ a { b } }", 2, 0), "no error", "selections at depth 2");
	is_str(error_limits("{ a { b { c } } }", 2, 0), exp.data,
		   "selections at depth 3 fail at the third brace");
	is_str(error_limits("{ a(x: [1]) }", 2, 0), "no error", "list at depth 2");
	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:9", msg);
	is_str(error_limits("{ a(x: [[1]]) }", 2, 0), exp.data, "list at depth 3");
	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:12", msg);
	is_str(error_limits("{ a(x: {b: {c: 1}}) }", 2, 0), exp.data,
		   "object at depth 3");
	is_str(error_limits("query ($a: [[Int]]) { a }", 2, 0), "no error",
		   "two list wrappers");
	is_str(error_limits("query ($a: [Int!]) { a }", 2, 0), "no error",
		   "a list of non-null");
	is_str(error_limits("query ($a: [Int]!) { a }", 2, 0), "no error",
		   "a non-null list");
	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:18", msg);
	is_str(error_limits("query ($a: [Int!]!) { a }", 2, 0), exp.data,
		   "three type wrappers fail at the outer !");
	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:14", msg);
	is_str(error_limits("query ($a: [[[Int]]]) { a }", 2, 0), exp.data,
		   "three list wrappers fail at the third [");
	gql_buf_init(&exp, arena);
	gql_buf_printf(&exp, "%s@1:15", msg);
	is_str(error_limits("type T { f: [[[Int]]] }", 2, 0), exp.data,
		   "type wrappers in SDL");
	is_str(error_limits("{ a(x: [[1]]) }", 1, 0),
		   "Syntax Error: Document exceeds the maximum nesting depth of 1.@1:8",
		   "values count with the selection set around them");
	is_str(error_limits("{ a } { b } { c }", 1, 0), "no error",
		   "depth is not cumulated across siblings");
}

static void
test_token_limit(void)
{
	is_str(error_limits("{ a b c }", 0, 5), "no error", "5 tokens, limit 5");
	is_str(error_limits("{ a b c }", 0, 4),
		   "Syntax Error: Document contains more than 4 tokens. Parsing aborted.@1:9",
		   "5 tokens, limit 4: fails at the fifth");
	is_str(error_limits("{ a # c\n b, c }", 0, 5), "no error",
		   "comments and commas are no tokens");
	is_str(error_limits("\"d\" type T", 0, 2),
		   "Syntax Error: Document contains more than 2 tokens. Parsing aborted.@1:10",
		   "looking ahead does not count");
}

/*
 * Many repetitions of a fragment, then a suffix, in the arena.
 */
static const char *
repeat(const char *prefix, const char *unit, size_t n, const char *suffix)
{
	GqlBuf		b;
	size_t		i;

	gql_buf_init(&b, arena);
	gql_buf_append_str(&b, prefix);
	for (i = 0; i < n; i++)
		gql_buf_append_str(&b, unit);
	gql_buf_append_str(&b, suffix);
	return b.data;
}

static void
test_hostile(void)
{
	const char *src;

	src = repeat("{ a(x: ", "[", 100000, "");
	is_str(error_of(src),
		   "Syntax Error: Document exceeds the maximum nesting depth of 128.@1:135",
		   "100000 nested lists stop at the default depth");
	src = repeat("", "{a", 100000, "");
	is_str(error_of(src),
		   "Syntax Error: Document exceeds the maximum nesting depth of 128.@1:257",
		   "100000 nested selection sets");
	src = repeat("query ($a: ", "[", 100000, "");
	is_str(error_of(src),
		   "Syntax Error: Document exceeds the maximum nesting depth of 128.@1:140",
		   "100000 nested list types");
	src = repeat("{", " a", 100000, " }");
	is_str(error_of(src),
		   "Syntax Error: Document contains more than 100000 tokens. Parsing aborted.@1:200001",
		   "the default token limit");
	src = repeat("{ a(x: \"", "\xF0\x9F\x98\x80", 1000000, "\") }");
	ok(parse(src) != NULL, "a string of a million astral characters");
	src = repeat("{ a }", "#\xC3\xA9\n", 1000000, "");
	ok(parse(src) != NULL, "a million comment lines");
	ok(parse_n("{ a(x: \"\0\") }", 13, 0, 0) != NULL, "a raw NUL in a string");
	is_str(error_of("{ a(x: 1) }\xFF"),
		   "Syntax Error: Unexpected character: invalid UTF-8 byte 0xFF.@1:12",
		   "invalid UTF-8 after a document");
}

/* ------------------------------------------------------------------------
 * The arena and buffers
 * ------------------------------------------------------------------------
 */

static size_t blocks_allocated;

static void *
counting_alloc(void *ctx, size_t size)
{
	(void) ctx;
	blocks_allocated++;
	return malloc(size);
}

static void
counting_free(void *ctx, void *block)
{
	(void) ctx;
	blocks_allocated--;
	free(block);
}

static void
test_arena(void)
{
	GqlAllocator alloc = {counting_alloc, counting_free, NULL};
	GqlArena   *a = gql_arena_create(&alloc);
	char	   *p;
	char	   *big;
	size_t		used;
	int			i;
	bool		zeroed = true;
	bool		aligned = true;

	for (i = 0; i < 1000; i++)
	{
		p = gql_arena_alloc(a, (size_t) (i % 37) + 1);
		aligned &= ((uintptr_t) p % _Alignof(max_align_t)) == 0;
		zeroed &= p[0] == 0 && p[i % 37] == 0;
		memset(p, 0xAB, (size_t) (i % 37) + 1);
	}
	ok(aligned, "allocations are aligned for max_align_t");
	ok(zeroed, "allocations are zeroed");
	used = gql_arena_used(a);
	big = gql_arena_alloc(a, 1 << 20);
	ok(big[0] == 0 && big[(1 << 20) - 1] == 0, "a large allocation is zeroed");
	ok(gql_arena_used(a) >= used + (1 << 20), "used counts the large block");
	p = gql_arena_alloc(a, 8);
	ok(p != NULL, "small allocations go on after a large one");
	p = gql_arena_strndup(a, "ab\0cd", 5);
	ok(memcmp(p, "ab\0cd", 6) == 0, "strndup copies NULs and terminates");
	p = gql_arena_alloc(a, 0);
	ok(p != NULL, "a zero-size allocation");
	ok(blocks_allocated > 1, "blocks come from the allocator");
	gql_arena_destroy(a);
	is_int(blocks_allocated, 0, "destroy frees every block and the arena");
}

static void
test_buf(void)
{
	GqlBuf		b;
	int			i;

	gql_buf_init(&b, arena);
	ok(b.len == 0 && b.data[0] == '\0', "an empty buffer is terminated");
	gql_buf_append(&b, "ab", 2);
	gql_buf_append_char(&b, 'c');
	gql_buf_append_str(&b, "de");
	gql_buf_printf(&b, "-%d-%s", 42, "x");
	is_str(b.data, "abcde-42-x", "appends and printf");
	for (i = 0; i < 10000; i++)
		gql_buf_printf(&b, "%04d", i % 10000);
	is_int(b.len, 10 + 40000, "printf across many growths");
	ok(memcmp(b.data + b.len - 4, "9999", 5) == 0, "the end is right");
	gql_buf_init(&b, arena);
	gql_buf_printf(&b, "%s", repeat("", "0123456789", 1000, ""));
	is_int(b.len, 10000, "one printf larger than the buffer");
	ok(b.data[b.len] == '\0', "and terminated");
}

static void
test_names(void)
{
	is_str(gql_kind_name(GQL_NAME), "Name", "kind name Name");
	is_str(gql_kind_name(GQL_INPUT_OBJECT_TYPE_EXTENSION),
		   "InputObjectTypeExtension", "last kind name");
	is_str(gql_kind_name(GQL_KIND_COUNT), "Unknown", "out of range");
	is_str(gql_operation_name(GQL_OP_SUBSCRIPTION), "subscription",
		   "operation name");
}

int
main(void)
{
	arena = gql_arena_create(NULL);
	test_operations();
	test_fragments();
	test_values();
	test_type_system();
	test_extensions();
	test_locations();
	test_errors();
	test_error_details();
	test_depth_limit();
	test_token_limit();
	test_hostile();
	test_arena();
	test_buf();
	test_names();
	gql_arena_destroy(arena);
	return done_testing();
}
