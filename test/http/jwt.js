#!/usr/bin/env node
// jwt.js - signs a JWT for the HTTP tests with node's crypto (no package).
//
// usage: node jwt.js ALG KEY PAYLOAD_JSON [HEADER_JSON]
//   ALG      HS256 | HS384 | HS512 | RS256 | ES256 | none
//   KEY      the HMAC secret, or @FILE for a PEM private key
//   PAYLOAD  the claims; "exp"/"nbf"/"iat" given as "+N" or "-N" strings are
//            taken relative to now (seconds)
//   HEADER   replaces the header (default {"alg": ALG, "typ": "JWT"})
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const [alg, keyArg, payloadArg, headerArg] = process.argv.slice(2);
if (!alg || keyArg === undefined || !payloadArg) {
  console.error('usage: node jwt.js ALG KEY PAYLOAD_JSON [HEADER_JSON]');
  process.exit(2);
}
const b64url = (buf) => Buffer.from(buf).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const payload = JSON.parse(payloadArg);
for (const k of ['exp', 'nbf', 'iat']) {
  if (typeof payload[k] === 'string' && /^[+-]\d+$/.test(payload[k])) payload[k] = now + Number(payload[k]);
}
const header = headerArg ? JSON.parse(headerArg) : { alg, typ: 'JWT' };
const input = b64url(JSON.stringify(header)) + '.' + b64url(JSON.stringify(payload));
const key = keyArg.startsWith('@') ? fs.readFileSync(keyArg.slice(1), 'utf8') : keyArg;
let sig = '';
if (/^HS/.test(alg)) sig = crypto.createHmac('sha' + alg.slice(2), key).update(input).digest();
else if (/^RS/.test(alg)) sig = crypto.sign('sha' + alg.slice(2), Buffer.from(input), key);
else if (/^ES/.test(alg)) sig = crypto.sign('sha' + alg.slice(2), Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
else if (alg !== 'none') {
  console.error('jwt.js: unknown algorithm ' + alg);
  process.exit(2);
}
process.stdout.write(input + '.' + b64url(sig) + '\n');
