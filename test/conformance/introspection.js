#!/usr/bin/env node
// introspection.js - compares the introspection answered by gqlexec (src/execution) with graphql-js's.
//
// usage: node test/conformance/introspection.js --cli test/unit/build/gqlexec [--shared ../shared]
//
// For every SDL of <shared>/conformance/graphql/corpus/schemas/*.graphql and test/conformance/sdl/*.graphql
// that graphql-js's buildSchema accepts (files named invalid-* are skipped), runs graphql-js's full
// introspection query (every option on) through gqlexec and compares the data deep-equal with
// graphqlSync() on buildSchema(sdl); the result must also pass buildClientSchema + validateSchema.
// Then a few handwritten queries (aliases, fragments, @skip/@include with variables, unknown
// __type, root __typename) against one schema.  Variables are passed to gqlexec as a GraphQL object
// literal in GQL_VARIABLES.  Ends with one line "graphql-introspection: N passed, M failed"; exit 1 on
// any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const cli = opt('--cli');
if (!cli) {
  console.error('usage: introspection.js --cli PATH/gqlexec [--shared DIR]');
  process.exit(2);
}
const repo = path.resolve(__dirname, '..', '..');
const shared = path.resolve(opt('--shared', path.join(repo, '..', 'shared')));
const gqlDir = path.join(shared, 'conformance', 'graphql');
const graphql = require(path.join(gqlDir, 'node_modules', 'graphql'));

const QUERY = graphql.getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  experimentalDirectiveDeprecation: true,
  oneOf: true,
});

let passed = 0;
let failed = 0;
let shown = 0;

// Run gqlexec on a schema file and a query; the parsed JSON reply.
function runCli(file, query, variables) {
  const env = Object.assign({}, process.env, { GQL_SCHEMA_FILE: file });
  if (variables) env.GQL_VARIABLES = variables;
  else delete env.GQL_VARIABLES;
  const out = execFileSync(path.resolve(cli), [], { input: query, env, maxBuffer: 1 << 28 });
  return JSON.parse(out.toString('utf8'));
}

// The first difference of two JSON values, as "path: ours vs theirs".
function firstDiff(a, b, at) {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return `${at}: kinds differ`;
    const keys = Array.isArray(a)
      ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i)
      : Array.from(new Set(Object.keys(a).concat(Object.keys(b))));
    if (!Array.isArray(a) && Object.keys(a).join() !== Object.keys(b).join())
      return `${at}: keys ${Object.keys(a).join(',')} vs ${Object.keys(b).join(',')}`;
    for (const k of keys) {
      const d = firstDiff(a[k], b[k], `${at}/${k}${a[k] && a[k].name ? '(' + a[k].name + ')' : ''}`);
      if (d) return d;
    }
  }
  return `${at}: ours ${JSON.stringify(a)} vs graphql-js ${JSON.stringify(b)}`.slice(0, 600);
}

function report(name, problem) {
  if (!problem) {
    passed++;
    return;
  }
  failed++;
  if (shown++ < 8) console.log(`FAIL ${name}: ${problem}`);
}

// One query on one schema: our data against graphql-js's (key order included).
function check(name, file, schema, query, variables, variableValues) {
  let ours;
  try {
    ours = runCli(file, query, variables);
  } catch (e) {
    return report(name, 'gqlexec failed: ' + e.message.slice(0, 300));
  }
  const theirs = graphql.graphqlSync({ schema, source: query, variableValues });
  if (theirs.errors) return report(name, 'graphql-js errors: ' + theirs.errors[0].message);
  if (!ours.data) return report(name, 'no data: ' + JSON.stringify(ours).slice(0, 300));
  const expected = JSON.parse(JSON.stringify(theirs.data));
  report(name, firstDiff(ours.data, expected, ''));
  return ours;
}

// The full introspection of one SDL file, and the client-schema round trip.
function checkSchema(file) {
  const name = path.relative(repo, file);
  let schema;
  try {
    schema = graphql.buildSchema(fs.readFileSync(file, 'utf8'));
    if (graphql.validateSchema(schema).length) return;
  } catch (e) {
    return;
  }
  const ours = check(name, file, schema, QUERY);
  if (!ours || !ours.data) return;
  try {
    const client = graphql.buildClientSchema(ours.data);
    const errors = graphql.validateSchema(client);
    report(name + ' (client schema)', errors.length ? errors[0].message : null);
  } catch (e) {
    report(name + ' (client schema)', e.message);
  }
}

const files = [];
for (const dir of [path.join(gqlDir, 'corpus', 'schemas'), path.join(repo, 'test', 'conformance', 'sdl')]) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort())
    if (f.endsWith('.graphql') && !f.startsWith('invalid-')) files.push(path.join(dir, f));
}
files.forEach(checkSchema);

// Handwritten queries on a small schema written to a temporary file.
const SDL = `
"Pets" schema { query: Query }
interface Named { name: String }
type Dog implements Named { name: String barks: Boolean old: Int @deprecated(reason: "no") }
type Cat implements Named { name: String lives(min: Int = 1 @deprecated, max: Int = 9): Int }
union Pet = Dog | Cat
enum Size { SMALL LARGE @deprecated(reason: "too big") }
input Filter @oneOf { size: Size name: String }
input Range { from: Float = 1.5e3 to: [Int] = 7 tag: ID = "12" note: String = """multi
line""" }
scalar Date @specifiedBy(url: "https://example.com/date")
type Query { pet(f: Filter, r: Range = {to: [1, 2]}): Pet named: Named born: Date size: Size }
directive @tag(name: String = "x") repeatable on OBJECT | FIELD_DEFINITION
`;
const tmp = path.join(require('os').tmpdir(), `introspection-${process.pid}.graphql`);
fs.writeFileSync(tmp, SDL);
const small = graphql.buildSchema(SDL);
const cases = [
  ['root __typename and aliases', '{ __typename t: __typename s: __schema { q: queryType { n: name } } }'],
  ['unknown __type', '{ __type(name: "Nope") { name } x: __type(name: "Int") { name } }'],
  ['__type with fragments', '{ __type(name: "Dog") { ...T fields(includeDeprecated: true) { name isDeprecated deprecationReason __typename } } } fragment T on __Type { kind name interfaces { name } ... on __Type { description } }'],
  ['possible types and enum values', '{ n: __type(name: "Named") { possibleTypes { name } } p: __type(name: "Pet") { possibleTypes { name } } s: __type(name: "Size") { enumValues { name } all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }'],
  ['input values and defaults', '{ r: __type(name: "Range") { inputFields { name defaultValue type { kind name ofType { name } } } } f: __type(name: "Filter") { isOneOf inputFields { name } } q: __type(name: "Query") { fields { name args { name defaultValue } } } c: __type(name: "Cat") { fields { args(includeDeprecated: true) { name isDeprecated } } } }'],
  ['@skip/@include with variables', 'query ($a: Boolean!, $b: Boolean = true, $n: String!) { __type(name: $n) { name @skip(if: $a) kind @include(if: $b) ... @include(if: $a) { description } } __schema @skip(if: $b) { description } }', '{a: true, n: "Date"}', { a: true, n: 'Date' }],
  ['schema description and directives', '{ __schema { description directives { name isRepeatable locations args { name defaultValue } } types { name specifiedByURL } } }'],
];
for (const [name, query, vars, values] of cases) check(name, tmp, small, query, vars, values);
fs.unlinkSync(tmp);

console.log(`graphql-introspection: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
