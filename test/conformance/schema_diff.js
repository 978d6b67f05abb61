#!/usr/bin/env node
// schema_diff.js - compares the C type system (through test/unit/gqlschema) with graphql-js 16.
//
// usage: node test/conformance/schema_diff.js --cli test/unit/build/gqlschema [--shared ../shared] [-v]
//
//   --cli PATH     the gqlschema binary (SDL on stdin; the printed schema or {"errors":[...]} out)
//   --shared DIR   the shared folder holding conformance/graphql (default: ../shared next to the
//                  repository, or $SHARED)
//   -v             print every failing case in full
//
// Cases: every <shared>/conformance/graphql/corpus/schemas/*.graphql, the spec's section 5 schema
// (corpus/spec-examples/section5-schema.graphql) and every test/conformance/sdl/*.graphql.
// For each SDL document graphql-js either accepts it (buildSchema succeeds and validateSchema
// reports nothing) or rejects it.  An accepted document passes when our output equals
// printSchema(buildSchema(sdl)) plus a newline; a rejected one passes when we report errors too.
// Output: failing cases, then exactly one line "graphql-schema: N passed, M failed".
// Exit code: 0 when nothing failed, 1 when something failed, 2 on a usage error.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

function parseArgs(argv) {
  const opts = {
    cli: null,
    shared: process.env.SHARED || path.resolve(__dirname, '..', '..', '..', 'shared'),
    verbose: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-v' || a === '--verbose') opts.verbose = true;
    else if (a === '--cli') opts.cli = argv[++i];
    else if (a.startsWith('--cli=')) opts.cli = a.slice(6);
    else if (a === '--shared') opts.shared = argv[++i];
    else if (a.startsWith('--shared=')) opts.shared = a.slice(9);
    else usage(`unknown argument ${a}`);
  }
  if (!opts.cli) usage('--cli is required');
  return opts;
}

function usage(msg) {
  process.stderr.write(`schema_diff.js: ${msg}\n` +
    'usage: node test/conformance/schema_diff.js --cli PATH [--shared DIR] [-v]\n');
  process.exit(2);
}

// The SDL files to check, as absolute paths.
function caseFiles(graphqlDir) {
  const files = [];
  const schemasDir = path.join(graphqlDir, 'corpus', 'schemas');
  for (const f of fs.readdirSync(schemasDir).sort())
    if (f.endsWith('.graphql')) files.push(path.join(schemasDir, f));
  files.push(path.join(graphqlDir, 'corpus', 'spec-examples', 'section5-schema.graphql'));
  const ours = path.join(__dirname, 'sdl');
  if (fs.existsSync(ours))
    for (const f of fs.readdirSync(ours).sort())
      if (f.endsWith('.graphql')) files.push(path.join(ours, f));
  return files;
}

// graphql-js's verdict: { ok: true, text } or { ok: false, message }.
function expected(graphql, sdl) {
  try {
    const schema = graphql.buildSchema(sdl);
    const errors = graphql.validateSchema(schema);
    if (errors.length > 0) return { ok: false, message: errors[0].message };
    return { ok: true, text: graphql.printSchema(schema) + '\n' };
  } catch (e) {
    return { ok: false, message: e.message };
  }
}

// Run one case; returns null when it passes, else a description of the difference.
function runCase(opts, graphql, file) {
  const sdl = fs.readFileSync(file, 'utf8');
  const want = expected(graphql, sdl);
  const run = spawnSync(opts.cli, [], { input: sdl, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error || run.status !== 0)
    return `gqlschema failed: ${run.error ? run.error.message : 'exit ' + run.status} ${run.stderr || ''}`;
  const got = run.stdout;
  const gotError = got.startsWith('{"errors":');
  if (!want.ok) {
    if (gotError) return null;
    return `graphql-js rejects it (${want.message}) but we printed:\n${got}`;
  }
  if (gotError) return `graphql-js accepts it but we report ${got.trim()}`;
  if (got === want.text) return null;
  return firstDifference(got, want.text, opts.verbose);
}

// A short description of where two texts differ.
function firstDifference(got, want, verbose) {
  if (verbose) return `--- got\n${got}--- expected\n${want}`;
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++)
    if (g[i] !== w[i])
      return `line ${i + 1}:\n   got: ${JSON.stringify(g[i])}\n  want: ${JSON.stringify(w[i])}`;
  return 'texts differ';
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const graphqlDir = path.join(opts.shared, 'conformance', 'graphql');
  const graphql = require(path.resolve(graphqlDir, 'node_modules', 'graphql'));
  let passed = 0;
  let failed = 0;
  for (const file of caseFiles(graphqlDir)) {
    const diff = runCase(opts, graphql, file);
    if (diff === null) passed++;
    else {
      failed++;
      console.log(`FAIL ${path.relative(process.cwd(), file)}\n${diff}\n`);
    }
  }
  console.log(`graphql-schema: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
