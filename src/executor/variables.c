/*-------------------------------------------------------------------------
 *
 * variables.c
 *	  The request's variables (jsonb) coerced to the types the operation
 *	  declares, as constant AST values (the spec's CoerceVariableValues).
 *
 * Errors read like graphql-js's:
 *	  Variable "$x" of required type "Int!" was not provided.
 *	  Variable "$x" got invalid value "a"; Int cannot represent non-integer value: "a"
 * Custom scalars (bigint, uuid, jsonb, ...) take any JSON value; the
 * cast to the column's type in SQL checks them (a data exception).
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/numeric.h"

#include "executor/executor.h"
#include "graphql.h"
#include "guc.h"
#include "validation/validation.h"

/* Where a coercion is, for error messages */
typedef struct Coerce
{
	const GqlSchema *schema;
	const char *var;			/* variable name */
	StringInfoData path;		/* ".a[0].b" below the variable */
	char	   *error;			/* set on the first error */
} Coerce;

static GqlValue *coerce(Coerce *c, JsonbValue *v, const GqlTypeRef *type);
static void inspect(StringInfo out, JsonbValue *v);

/* A new AST value node */
static GqlValue *
new_value(GqlKind kind, const char *s)
{
	GqlValue   *v = palloc0(sizeof(GqlValue));

	v->hdr.kind = kind;
	if (s)
	{
		v->value = s;
		v->len = strlen(s);
	}
	return v;
}

/* Append an item to a list or object value */
static void
add_item(GqlValue *list, GqlNode *item, int *cap)
{
	if (list->items.count == *cap)
	{
		*cap = *cap ? *cap * 2 : 8;
		list->items.items = list->items.items
			? repalloc(list->items.items, sizeof(GqlNode *) * *cap)
			: palloc(sizeof(GqlNode *) * *cap);
	}
	list->items.items[list->items.count++] = item;
}

/* A jsonb string as a C string */
static char *
jstr(JsonbValue *v)
{
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A jsonb number as text */
static char *
jnum(JsonbValue *v)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out,
											   NumericGetDatum(v->val.numeric)));
}

/* graphql-js's inspect() of a container */
static void
inspect_container(StringInfo out, JsonbContainer *jc)
{
	JsonbIterator *it = JsonbIteratorInit(jc);
	JsonbValue	v;
	JsonbIteratorToken tok;
	bool		object = false;
	int			n = 0;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_BEGIN_OBJECT || tok == WJB_BEGIN_ARRAY)
		{
			object = tok == WJB_BEGIN_OBJECT;
			/* rawScalar is set for arrays only (a scalar root's wrapper) */
			if (!object && v.val.array.rawScalar)
				continue;
			appendStringInfoChar(out, object ? '{' : '[');
		}
		else if (tok == WJB_KEY)
			appendStringInfo(out, "%s%s: ", n++ ? ", " : " ", jstr(&v));
		else if (tok == WJB_VALUE || tok == WJB_ELEM)
		{
			if (tok == WJB_ELEM && n++)
				appendStringInfoString(out, ", ");
			inspect(out, &v);
		}
		else if (tok == WJB_END_OBJECT)
			appendStringInfoString(out, n ? " }" : "}");
		else if (tok == WJB_END_ARRAY)
			appendStringInfoChar(out, ']');
	}
}

/* graphql-js's inspect() of a value: "a", 1, { a: 1 }, [1, 2] */
static void
inspect(StringInfo out, JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			appendStringInfoString(out, "null");
			break;
		case jbvString:
			escape_json(out, jstr(v));
			break;
		case jbvNumeric:
			appendStringInfoString(out, jnum(v));
			break;
		case jbvBool:
			appendStringInfoString(out, v->val.boolean ? "true" : "false");
			break;
		case jbvBinary:
			inspect_container(out, v->val.binary.data);
			break;
		default:
			appendStringInfoString(out, "?");
			break;
	}
}

/*
 * graphql-js's didYouMean(sub, suggestionList(input, options)): nothing
 * when no option is close to input.
 */
static void
append_did_you_mean(StringInfo out, const char *sub, const char *input,
					const char *const *options, int noptions)
{
	GqlArena   *arena = graphql_arena_create(CurrentMemoryContext);

	appendStringInfoString(out, gql_did_you_mean(arena, sub, input, options,
												 noptions));
}

/* graphql-js's didYouMeanEnumValue */
static void
append_enum_suggestions(StringInfo out, const GqlSchemaType *t,
						const char *input)
{
	const char **names = palloc(sizeof(char *) * (t->nenum_values + 1));
	int			k;

	for (k = 0; k < t->nenum_values; k++)
		names[k] = t->enum_values[k]->name;
	append_did_you_mean(out, "the enum value", input, names, t->nenum_values);
}

/* Record an error about value v (the first one wins); returns NULL */
static GqlValue *
fail(Coerce *c, JsonbValue *v, const char *message)
{
	StringInfoData m;

	if (c->error)
		return NULL;
	initStringInfo(&m);
	appendStringInfo(&m, "Variable \"$%s\" got invalid value ", c->var);
	inspect(&m, v);
	if (c->path.len > 0)
		appendStringInfo(&m, " at \"%s%s\"", c->var, c->path.data);
	appendStringInfo(&m, "; %s", message);
	c->error = m.data;
	return NULL;
}

/* Is a jsonb value a container of the given kind */
static bool
is_container(JsonbValue *v, bool object)
{
	return v->type == jbvBinary &&
		(object ? JsonContainerIsObject(v->val.binary.data)
		 : JsonContainerIsArray(v->val.binary.data));
}

/* Any JSON value as an AST value (custom scalars) */
static GqlValue *
generic(JsonbValue *v)
{
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;
	GqlValue   *out;
	GqlArgument *field = NULL;
	int			cap = 0;
	char	   *s;

	switch (v->type)
	{
		case jbvNull:
			return new_value(GQL_NULL_VALUE, NULL);
		case jbvString:
			return new_value(GQL_STRING_VALUE, jstr(v));
		case jbvNumeric:
			s = jnum(v);
			return new_value(strpbrk(s, ".eE") ? GQL_FLOAT_VALUE : GQL_INT_VALUE, s);
		case jbvBool:
			out = new_value(GQL_BOOLEAN_VALUE, NULL);
			out->boolean = v->val.boolean;
			return out;
		default:
			break;
	}
	out = new_value(is_container(v, true) ? GQL_OBJECT_VALUE : GQL_LIST_VALUE, NULL);
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
		{
			field = palloc0(sizeof(GqlArgument));
			field->hdr.kind = GQL_OBJECT_FIELD;
			field->name = palloc0(sizeof(GqlName));
			field->name->value = jstr(&e);
			field->name->len = strlen(field->name->value);
			add_item(out, (GqlNode *) field, &cap);
		}
		else if (tok == WJB_VALUE)
			field->value = generic(&e);
		else if (tok == WJB_ELEM)
			add_item(out, (GqlNode *) generic(&e), &cap);
	}
	return out;
}

/* Int: a JSON number with an integral value in 32 bits */
static GqlValue *
coerce_int(Coerce *c, JsonbValue *v)
{
	char	   *s;
	char	   *dot;
	char	   *end;
	long		n;

	if (v->type != jbvNumeric)
	{
		StringInfoData m;

		initStringInfo(&m);
		appendStringInfoString(&m, "Int cannot represent non-integer value: ");
		inspect(&m, v);
		return fail(c, v, m.data);
	}
	s = jnum(v);
	if ((dot = strchr(s, '.')) != NULL && strspn(dot + 1, "0") == strlen(dot + 1))
		*dot = '\0';
	errno = 0;
	n = strtol(s, &end, 10);
	if (*end != '\0')
		return fail(c, v, psprintf("Int cannot represent non-integer value: %s", jnum(v)));
	if (errno != 0 || n < PG_INT32_MIN || n > PG_INT32_MAX)
		return fail(c, v, psprintf("Int cannot represent non 32-bit signed integer value: %s", s));
	return new_value(GQL_INT_VALUE, s);
}

/* The builtin scalars; custom ones take any value */
static GqlValue *
coerce_scalar(Coerce *c, JsonbValue *v, const GqlSchemaType *t)
{
	StringInfoData m;
	GqlValue   *out;

	if (!t->builtin)
		return generic(v);
	/* graphql.hasura_compat: "1", "1.5", "true" for Int, Float, Boolean */
	if (graphql_hasura_compat && v->type == jbvString)
	{
		GqlKind		as = gql_string_scalar_kind(t->name, v->val.string.val,
												v->val.string.len);

		if (as == GQL_BOOLEAN_VALUE)
		{
			out = new_value(as, NULL);
			out->boolean = v->val.string.len == 4;
			return out;
		}
		if (as != GQL_NULL_VALUE)
			return new_value(as, jstr(v));
	}
	if (strcmp(t->name, "Int") == 0)
		return coerce_int(c, v);
	initStringInfo(&m);
	if (strcmp(t->name, "Float") == 0 && v->type != jbvNumeric)
		appendStringInfoString(&m, "Float cannot represent non numeric value: ");
	else if (strcmp(t->name, "String") == 0 && v->type != jbvString)
		appendStringInfoString(&m, "String cannot represent a non string value: ");
	else if (strcmp(t->name, "Boolean") == 0 && v->type != jbvBool)
		appendStringInfoString(&m, "Boolean cannot represent a non boolean value: ");
	else if (strcmp(t->name, "ID") == 0 && v->type != jbvString &&
			 v->type != jbvNumeric)
		appendStringInfoString(&m, "ID cannot represent value: ");
	if (m.len > 0)
	{
		inspect(&m, v);
		return fail(c, v, m.data);
	}
	out = generic(v);
	if (strcmp(t->name, "ID") == 0)
		out->hdr.kind = GQL_STRING_VALUE;
	return out;
}

/*
 * An enum value given as a JSON string naming it.  As graphql-js's
 * GraphQLEnumType.parseValue, the unknown name is quoted as given (not
 * escaped), and a non-string is matched against the names as inspected.
 */
static GqlValue *
coerce_enum(Coerce *c, JsonbValue *v, const GqlSchemaType *t)
{
	StringInfoData m;

	initStringInfo(&m);
	if (v->type != jbvString)
	{
		StringInfoData value;

		initStringInfo(&value);
		inspect(&value, v);
		appendStringInfo(&m, "Enum \"%s\" cannot represent non-string value: %s.",
						 t->name, value.data);
		append_enum_suggestions(&m, t, value.data);
		return fail(c, v, m.data);
	}
	if (gql_type_enum_value(t, jstr(v)) == NULL)
	{
		appendStringInfo(&m, "Value \"%s\" does not exist in \"%s\" enum.",
						 jstr(v), t->name);
		append_enum_suggestions(&m, t, jstr(v));
		return fail(c, v, m.data);
	}
	return new_value(GQL_ENUM_VALUE, jstr(v));
}

/* One field of an input object: given, defaulted, or missing */
static void
coerce_input_field(Coerce *c, JsonbValue *obj, const GqlInputValue *def,
				   GqlValue *out, int *cap)
{
	JsonbValue *fv = getKeyJsonValueFromContainer(obj->val.binary.data,
												  def->name, strlen(def->name),
												  NULL);
	GqlArgument *field;
	int			len = c->path.len;

	if (fv == NULL && def->default_value == NULL)
	{
		if (def->type->kind == GQL_REF_NON_NULL)
			fail(c, obj, psprintf("Field \"%s\" of required type \"%s\" was not provided.",
								  def->name, gql_type_ref_string(c->schema->arena,
																 def->type)));
		return;
	}
	field = palloc0(sizeof(GqlArgument));
	field->hdr.kind = GQL_OBJECT_FIELD;
	field->name = palloc0(sizeof(GqlName));
	field->name->value = def->name;
	field->name->len = strlen(def->name);
	appendStringInfo(&c->path, ".%s", def->name);
	field->value = fv ? coerce(c, fv, def->type) : (GqlValue *) def->default_value;
	c->path.len = len;
	c->path.data[len] = '\0';
	add_item(out, (GqlNode *) field, cap);
}

/* An input object: known fields only, required ones present */
static GqlValue *
coerce_object(Coerce *c, JsonbValue *v, const GqlSchemaType *t)
{
	GqlValue   *out;
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;
	int			cap = 0;
	int			k;

	if (!is_container(v, true))
		return fail(c, v, psprintf("Expected type \"%s\" to be an object.", t->name));
	out = new_value(GQL_OBJECT_VALUE, NULL);
	for (k = 0; k < t->ninput_fields && !c->error; k++)
		coerce_input_field(c, v, t->input_fields[k], out, &cap);
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE)
		if (tok == WJB_KEY && gql_type_input_field(t, jstr(&e)) == NULL)
		{
			StringInfoData m;
			const char **names = palloc(sizeof(char *) * (t->ninput_fields + 1));

			for (k = 0; k < t->ninput_fields; k++)
				names[k] = t->input_fields[k]->name;
			initStringInfo(&m);
			appendStringInfo(&m, "Field \"%s\" is not defined by type \"%s\".",
							 jstr(&e), t->name);
			append_did_you_mean(&m, NULL, jstr(&e), names, t->ninput_fields);
			return fail(c, v, m.data);
		}
	return c->error ? NULL : out;
}

/* A list: each item coerced; a single value is a list of one */
static GqlValue *
coerce_list(Coerce *c, JsonbValue *v, const GqlTypeRef *item)
{
	GqlValue   *out = new_value(GQL_LIST_VALUE, NULL);
	JsonbIterator *it;
	JsonbValue	e;
	JsonbIteratorToken tok;
	int			cap = 0;
	int			len = c->path.len;

	if (!is_container(v, false))
	{
		add_item(out, (GqlNode *) coerce(c, v, item), &cap);
		return c->error ? NULL : out;
	}
	it = JsonbIteratorInit(v->val.binary.data);
	while ((tok = JsonbIteratorNext(&it, &e, true)) != WJB_DONE && !c->error)
	{
		if (tok != WJB_ELEM)
			continue;
		appendStringInfo(&c->path, "[%d]", out->items.count);
		add_item(out, (GqlNode *) coerce(c, &e, item), &cap);
		c->path.len = len;
		c->path.data[len] = '\0';
	}
	return c->error ? NULL : out;
}

/* A JSON value as a constant of the given type */
static GqlValue *
coerce(Coerce *c, JsonbValue *v, const GqlTypeRef *type)
{
	const GqlSchemaType *t;

	check_stack_depth();
	if (type->kind == GQL_REF_NON_NULL)
	{
		if (v->type == jbvNull)
			return fail(c, v, psprintf("Expected non-nullable type \"%s\" not to be null.",
									   gql_type_ref_string(c->schema->arena, type)));
		return coerce(c, v, type->of_type);
	}
	if (v->type == jbvNull)
		return new_value(GQL_NULL_VALUE, NULL);
	if (type->kind == GQL_REF_LIST)
		return coerce_list(c, v, type->of_type);
	t = type->named;
	if (t->kind == GQL_TYPE_INPUT_OBJECT)
		return coerce_object(c, v, t);
	if (t->kind == GQL_TYPE_ENUM)
		return coerce_enum(c, v, t);
	return coerce_scalar(c, v, t);
}

/* One variable definition */
static char *
coerce_definition(const GqlSchema *schema, const GqlVariableDefinition *vd,
				  Jsonb *variables, const GqlValue **out)
{
	Coerce		c = {0};
	GqlTypeRef *type = gql_type_ref_from_ast(schema, vd->type);
	const char *name = vd->variable->name->value;
	JsonbValue *v = NULL;

	c.schema = schema;
	c.var = name;
	initStringInfo(&c.path);
	if (variables && JB_ROOT_IS_OBJECT(variables))
		v = getKeyJsonValueFromContainer(&variables->root, name, strlen(name), NULL);
	*out = vd->default_value;
	if (v == NULL)
	{
		if (vd->default_value == NULL && type->kind == GQL_REF_NON_NULL)
			return psprintf("Variable \"$%s\" of required type \"%s\" was not provided.",
							name, gql_type_ref_string(schema->arena, type));
		return NULL;
	}
	if (v->type == jbvNull && type->kind == GQL_REF_NON_NULL)
		return psprintf("Variable \"$%s\" of non-null type \"%s\" must not be null.",
						name, gql_type_ref_string(schema->arena, type));
	*out = coerce(&c, v, type);
	return c.error;
}

/*
 * The variables of op from a jsonb object; NULL on success, else the
 * first error message.
 */
char *
graphql_coerce_variables(const GqlSchema *schema,
						 const GqlOperationDefinition *op,
						 Jsonb *variables, GqlVariables *out, GqlLoc *loc)
{
	int			n = op->variable_definitions.count;
	int			k;

	memset(loc, 0, sizeof(GqlLoc));
	out->count = n;
	out->names = palloc0(sizeof(char *) * (n + 1));
	out->values = palloc0(sizeof(GqlValue *) * (n + 1));
	if (variables && JB_ROOT_IS_SCALAR(variables))
	{
		JsonbValue	scalar;

		/* a JSON null means no variables, like SQL NULL */
		if (JsonbExtractScalar(&variables->root, &scalar) &&
			scalar.type == jbvNull)
			variables = NULL;
	}
	if (variables && !JB_ROOT_IS_OBJECT(variables))
		return pstrdup("Variables must be provided as an Object where each property is a variable value. "
					   "Perhaps look to see if an unparsed JSON string was provided.");
	for (k = 0; k < n; k++)
	{
		const GqlVariableDefinition *vd =
			(const GqlVariableDefinition *) op->variable_definitions.items[k];
		char	   *error;

		out->names[k] = vd->variable->name->value;
		error = coerce_definition(schema, vd, variables, &out->values[k]);
		if (error)
		{
			*loc = vd->hdr.loc;
			return error;
		}
	}
	return NULL;
}

/* The coerced value of a variable, NULL when absent */
const GqlValue *
graphql_variable_lookup(void *arg, const char *name)
{
	GqlVariables *vars = arg;
	int			k;

	for (k = 0; k < vars->count; k++)
		if (strcmp(vars->names[k], name) == 0)
			return vars->values[k];
	return NULL;
}
