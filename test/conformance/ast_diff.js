#!/usr/bin/env node
// ast_diff.js - compares the C language core (through test/unit/gqlcli) with graphql-js.
//
// usage: node test/conformance/ast_diff.js --cli test/unit/build/gqlcli [--shared ../shared] [-v]
//
//   --cli PATH     the gqlcli binary (modes --json, --json-loc, --print)
//   --shared DIR   the shared folder holding conformance/graphql (default: ../shared next to the
//                  repository, or $SHARED)
//   -v             print every failing case, not only the first few
//   AST_DIFF_JOBS  (environment) CLI runs in flight at once, default 2 per CPU, at most 8
//
// The CLI is run twice per case: once with --json --print --json-loc (one framed result each) and
// once with --print on our printed text. On the kitchen sinks every mode also runs on its own, to
// check that it gives the same text as in the combined run.
//
// Cases: every document of <shared>/conformance/graphql/corpus/syntax.jsonl that graphql-js parses,
// and the kitchen sinks in <shared>/conformance/graphql/kitchen-sink/. Documents containing U+0000 are
// skipped (PostgreSQL text cannot hold them) and counted as skipped. A case passes when all hold:
//   (a) --json deep-equals JSON.parse(JSON.stringify(parse(doc, {noLocation: true})));
//   (b) --print equals graphql-js print(parse(doc)) exactly;
//   (c) --print of our printed text gives the same text again (fixed point);
//   (d) --json-loc gives every node graphql-js's node.loc.startToken.line / column; except the
//       Document, which graphql-js starts at its synthetic <SOF> token (line 0, column 0).
// Output: failing cases, then exactly one line "language-ast: N passed, M failed".
// Exit code: 0 when nothing failed, 1 when something failed, 2 on a usage error.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const os = require('os');
const { spawn } = require('child_process');

const SHOW_FIRST = 5;
const MODES = ['--json', '--print', '--json-loc'];
// CLI runs in flight at once (the runs are dominated by process start-up).
const PARALLEL = Number(process.env.AST_DIFF_JOBS) || Math.max(2, Math.min(8, 2 * os.cpus().length));

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { cli: null, shared: process.env.SHARED || path.resolve(__dirname, '..', '..', '..', 'shared'), verbose: false };
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
  process.stderr.write(`ast_diff.js: ${msg}\nusage: node test/conformance/ast_diff.js --cli PATH [--shared DIR] [-v]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- cases
function loadCases(graphqlDir) {
  const cases = [];
  const corpus = path.join(graphqlDir, 'corpus', 'syntax.jsonl');
  for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const c = JSON.parse(line);
    cases.push({ id: c.id, doc: c.input });
  }
  const sinkDir = path.join(graphqlDir, 'kitchen-sink');
  for (const f of fs.readdirSync(sinkDir).sort()) {
    if (f.endsWith('.graphql')) cases.push({ id: f, doc: fs.readFileSync(path.join(sinkDir, f), 'utf8') });
  }
  return cases;
}

// ---------------------------------------------------------------- running the CLI
// Run the CLI with the given mode arguments on one input; resolves to its raw output (a Buffer).
function runCliRaw(cli, modes, input) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, modes, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    const what = modes.join(' ');
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => reject(new Error(`${what}: cannot run ${cli}: ${e.message}`)));
    child.on('close', (status, signal) => {
      if (signal) reject(new Error(`${what}: killed by ${signal}`));
      else if (status !== 0) reject(new Error(`${what}: exit status ${status}: ${Buffer.concat(err).toString('utf8')}`));
      else resolve(Buffer.concat(out));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input, 'utf8');
  });
}

// One mode: the output without its final newline.
async function runCli(cli, mode, input) {
  const text = (await runCliRaw(cli, [mode], input)).toString('utf8');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

// Several modes in one run: the CLI frames each result as "<mode> <bytes>\n<result>\n".
// Resolves to an object mode -> result text.
async function runCliModes(cli, modes, input) {
  const buf = await runCliRaw(cli, modes, input);
  const results = {};
  let pos = 0;
  for (const mode of modes) {
    const nl = buf.indexOf(10, pos);
    const m = nl < 0 ? null : /^(\S+) (\d+)$/.exec(buf.toString('utf8', pos, nl));
    if (!m || m[1] !== mode) throw new Error(`${modes.join(' ')}: bad frame header at byte ${pos}`);
    const end = nl + 1 + Number(m[2]);
    if (end >= buf.length || buf[end] !== 10) throw new Error(`${modes.join(' ')}: bad frame for ${mode}`);
    results[mode] = buf.toString('utf8', nl + 1, end);
    pos = end + 1;
  }
  if (pos !== buf.length) throw new Error(`${modes.join(' ')}: trailing output`);
  return results;
}

function parseJson(mode, out) {
  try {
    return JSON.parse(out);
  } catch (e) {
    throw new Error(`${mode}: output is not JSON (${e.message}): ${out.slice(0, 200)}`);
  }
}

// ---------------------------------------------------------------- comparisons
// The first path at which two JSON values differ, with both sides, or null.
function firstDifference(a, b, where = '$') {
  if (util.isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!(k in a)) return `${where}.${k}: missing in ours, graphql-js has ${JSON.stringify(b[k])}`;
      if (!(k in b)) return `${where}.${k}: ours has ${JSON.stringify(a[k])}, graphql-js has none`;
      const d = firstDifference(a[k], b[k], `${where}.${k}`);
      if (d) return d;
    }
  }
  return `${where}: ours ${JSON.stringify(a)}, graphql-js ${JSON.stringify(b)}`;
}

// The first line where two texts differ, shown as a small diff.
function textDifference(ours, theirs) {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}:\n  - graphql-js: ${JSON.stringify(b[i])}\n  + ours:       ${JSON.stringify(a[i])}`;
    }
  }
  return 'texts differ';
}

// Walk graphql-js's AST (with locations) and ours (--json-loc) together and compare node starts.
// The Document node is not compared: graphql-js starts it at its synthetic <SOF> token (line 0,
// column 0), while our Document carries the position of the start of the source.
function locationDifference(ours, theirs, where = '$') {
  if (Array.isArray(theirs)) {
    if (!Array.isArray(ours) || ours.length !== theirs.length) return `${where}: shapes differ`;
    for (let i = 0; i < theirs.length; i++) {
      const d = locationDifference(ours[i], theirs[i], `${where}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (!theirs || typeof theirs !== 'object') return null;
  if (!ours || typeof ours !== 'object') return `${where}: missing in ours`;
  if (theirs.kind && theirs.kind !== 'Document' && theirs.loc) {
    const want = theirs.loc.startToken;
    if (!ours.loc || ours.loc.line !== want.line || ours.loc.column !== want.column) {
      return `${where} (${theirs.kind}): ours ${JSON.stringify(ours.loc)}, graphql-js {"line":${want.line},"column":${want.column}}`;
    }
  }
  for (const k of Object.keys(theirs)) {
    if (k === 'loc') continue;
    const d = locationDifference(ours[k], theirs[k], `${where}.${k}`);
    if (d) return d;
  }
  return null;
}

// All checks of one case; resolves to a list of problems (empty: passed). --json, --print and
// --json-loc come from one run of the CLI (framed output); with singleModes, each mode is also run
// on its own and must give the same text.
async function checkCase(graphql, cli, doc, singleModes) {
  const problems = [];
  const expectJson = JSON.parse(JSON.stringify(graphql.parse(doc, { noLocation: true })));
  const expectPrint = graphql.print(graphql.parse(doc));
  const out = await runCliModes(cli, MODES, doc);
  const d = firstDifference(parseJson('--json', out['--json']), expectJson);
  if (d) problems.push(`(a) --json differs: ${d}`);
  const printed = out['--print'];
  if (printed !== expectPrint) problems.push(`(b) --print differs from graphql-js print(): ${textDifference(printed, expectPrint)}`);
  const again = await runCli(cli, '--print', printed);
  if (again !== printed) problems.push(`(c) printing the printed text changes it: ${textDifference(again, printed)}`);
  const l = locationDifference(parseJson('--json-loc', out['--json-loc']), graphql.parse(doc));
  if (l) problems.push(`(d) --json-loc location differs: ${l}`);
  if (singleModes) {
    for (const mode of MODES) {
      if ((await runCli(cli, mode, doc)) !== out[mode]) problems.push(`${mode} alone differs from ${mode} among several modes`);
    }
  }
  return problems;
}

// The cases graphql-js parses, and how many documents were skipped or are not cases.
function selectCases(graphql, graphqlDir) {
  const selected = { cases: [], skipped: 0, notParsed: 0 };
  for (const c of loadCases(graphqlDir)) {
    if (c.doc.includes('\u0000')) {
      selected.skipped++;
      continue;
    }
    const doc = Buffer.from(c.doc, 'utf8').toString('utf8');
    try {
      graphql.parse(doc);
      selected.cases.push({ id: c.id, doc });
    } catch (e) {
      selected.notParsed++;
    }
  }
  return selected;
}

// Check every case, PARALLEL at a time; resolves to the problems of each case, in order.
async function checkAll(graphql, cli, cases) {
  const results = new Array(cases.length);
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const i = next++;
      try {
        results[i] = await checkCase(graphql, cli, cases[i].doc, cases[i].id.endsWith('.graphql'));
      } catch (e) {
        results[i] = [e.message];
      }
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const graphqlDir = path.join(opts.shared, 'conformance', 'graphql');
  const graphqlPath = path.resolve(graphqlDir, 'node_modules', 'graphql');
  if (!fs.existsSync(graphqlPath)) usage(`graphql-js not found in ${graphqlPath} (run npm ci in ${graphqlDir}, or pass --shared)`);
  const graphql = require(graphqlPath);
  const { cases, skipped, notParsed } = selectCases(graphql, graphqlDir);
  const results = await checkAll(graphql, path.resolve(opts.cli), cases);
  let failed = 0;
  results.forEach((problems, i) => {
    if (problems.length === 0) return;
    failed++;
    if (opts.verbose || failed <= SHOW_FIRST) {
      const doc = cases[i].doc;
      console.log(`FAIL ${cases[i].id}\n  document: ${JSON.stringify(doc.length > 300 ? doc.slice(0, 300) + '...' : doc)}`);
      for (const p of problems) console.log(`  ${p}`);
    }
  });
  if (failed > SHOW_FIRST && !opts.verbose) console.log(`(${failed - SHOW_FIRST} more failing cases; -v shows all)`);
  console.log(`details: ${cases.length} cases, ${skipped} skipped (U+0000), ${notParsed} not parsed by graphql-js (not cases)`);
  console.log(`language-ast: ${cases.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(`ast_diff.js: ${e.stack || e}`);
  process.exit(2);
});
