/*-------------------------------------------------------------------------
 *
 * test_limits.c
 *	  Unit tests of the depth and complexity of operations
 *	  (src/execution/limits.c).
 *
 *-------------------------------------------------------------------------
 */
#include "../../src/language/language.h"
#include "../../src/schema/schema.h"
#include "../../src/execution/execution.h"
#include "unit.h"

static const char *const blog_sdl =
"interface Node { id: ID }\n"
"type Author implements Node { id: ID name: String\n"
"  articles(limit: Int): [Article!]! best: Article }\n"
"type Article implements Node { id: ID title: String\n"
"  comments(limit: Int): [Comment!]! author: Author }\n"
"type Comment implements Node { id: ID body: String }\n"
"type Query { authors(limit: Int): [Author!]! author: Author node: Node }\n";

static GqlArena *arena;
static GqlSchema *blog;

/* Variables: only $n, an Int given as text */
static const char *n_value;

static const GqlValue *
lookup_var(void *arg, const char *name)
{
	static GqlValue v;

	(void) arg;

	if (n_value == NULL || strcmp(name, "n") != 0)
		return NULL;
	memset(&v, 0, sizeof(v));
	v.hdr.kind = GQL_INT_VALUE;
	v.value = n_value;
	v.len = strlen(n_value);
	return &v;
}

/* The limits of a query; result in *res; returns whether within them */
static bool
check(const char *query, int max_depth, long long max_complexity,
	  GqlLimitResult *res)
{
	GqlError	error;
	GqlDocument *doc = gql_parse(arena, query, strlen(query), NULL, &error);
	GqlExecContext ctx;
	GqlLimits	limits = {max_depth, max_complexity, 100};
	const char *message;

	if (doc == NULL)
	{
		printf("# parse error: %s\n", error.message);
		memset(res, 0, sizeof(*res));
		return false;
	}
	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = arena;
	ctx.schema = blog;
	ctx.document = doc;
	ctx.operation = gql_get_operation(doc, NULL, &message);
	ctx.variable = lookup_var;
	return gql_check_limits(&ctx, &limits, res);
}

int
main(void)
{
	GqlError	error;
	GqlDocument *doc;
	GqlLimitResult res;

	arena = gql_arena_create(NULL);
	doc = gql_parse(arena, blog_sdl, strlen(blog_sdl), NULL, &error);
	blog = doc ? gql_schema_from_sdl(arena, doc, &error) : NULL;
	if (!ok(blog != NULL, "the test schema builds"))
		return done_testing();

	ok(check("{ author { name } }", 0, 0, &res) && res.depth == 2 && res.complexity == 2,
	   "an object field and a scalar: depth 2, complexity 2");
	ok(check("{ authors(limit: 10) { id name } }", 0, 0, &res) && res.complexity == 21,
	   "a list multiplies its subtree by its limit: 1 + 10 * 2");
	ok(check("{ authors { id } }", 0, 0, &res) && res.complexity == 101,
	   "a list without limit multiplies by the row cap: 1 + 100 * 1");
	ok(check("{ authors(limit: 2) { articles(limit: 3) { comments(limit: 4) { body } } } }", 0, 0, &res) &&
	   res.complexity == 1 + 2 * (1 + 3 * (1 + 4 * 1)) && res.depth == 4,
	   "nested lists multiply");
	n_value = "5";
	ok(check("query ($n: Int) { authors(limit: $n) { id } }", 0, 0, &res) && res.complexity == 6,
	   "a limit from a variable");
	n_value = NULL;
	ok(check("{ a: author { id } b: author { id } ...F } fragment F on Query { author { name } }", 0, 0, &res) &&
	   res.complexity == 6,
	   "fragments are collected; fields merge by response key");
	ok(check("{ node { id ... on Author { articles(limit: 10) { id } } } }", 0, 0, &res) &&
	   res.complexity == 1 + (1 + 11),
	   "an abstract type costs as its costliest possible type");
	ok(check("{ author @skip(if: true) { id } __typename }", 0, 0, &res) && res.complexity == 1,
	   "@skip fields cost nothing; meta-fields cost 1");
	ok(!check("{ author { best { author { best { title } } } } }", 4, 0, &res) &&
	   res.exceeded == GQL_LIMIT_DEPTH && res.depth == 5,
	   "max_depth 4: five levels are refused");
	ok(check("{ author { best { author { best { title } } } } }", 5, 0, &res),
	   "max_depth 5: five levels pass");
	ok(!check("{ authors(limit: 100) { articles(limit: 100) { id } } }", 0, 10000, &res) &&
	   res.exceeded == GQL_LIMIT_COMPLEXITY && res.complexity == 1 + 100 * (1 + 100),
	   "max_complexity refuses a costly query");
	ok(check("{ authors(limit: 100000000) { articles(limit: 100000000) { comments(limit: 100000000) { id } } } }",
			 0, 0, &res) && res.complexity == 1000000000000000LL,
	   "the cost saturates instead of overflowing");
	ok(check("{ authors(limit: -5) { id } }", 0, 0, &res) && res.complexity == 1,
	   "a negative limit counts as 0");
	return done_testing();
}
