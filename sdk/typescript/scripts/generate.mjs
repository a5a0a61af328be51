#!/usr/bin/env node
// Generates the SDK's types from the committed OpenAPI documents with openapi-typescript.
//   node sdk/typescript/scripts/generate.mjs           writes src/generated/{assets,governance}.ts
//   node sdk/typescript/scripts/generate.mjs --check   writes nothing; exits 1 when a file is stale
// --openapi-dir <dir> reads the documents from, and --out-dir <dir> writes or checks the files in,
// other folders (the staleness test uses them).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const SDK = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SDK, '../..');
const DOCUMENTS = ['assets', 'governance'];

/**
 * The client sends X-Project-ID itself (a default per client), so the types take it as optional
 * everywhere; a call may still pass it to override the default.
 */
function projectHeaderOptional(document) {
  for (const item of Object.values(document.paths ?? {}))
    for (const operation of Object.values(item))
      for (const parameter of operation?.parameters ?? [])
        if (parameter.in === 'header' && parameter.name.toLowerCase() === 'x-project-id')
          parameter.required = false;
  return document;
}

export async function generate(name, openapiDir = join(ROOT, 'openapi')) {
  const document = JSON.parse(await readFile(join(openapiDir, `${name}.json`), 'utf8'));
  const ast = await openapiTS(projectHeaderOptional(document), { silent: true });
  const banner =
    `// Generated from openapi/${name}.json by \`npm run sdk:generate\` (openapi-typescript). Do not edit:\n` +
    '// a test fails when this file differs from what the generator makes of the committed document.\n\n';
  return banner + astToString(ast);
}

async function main(args) {
  const option = (name) => (args.includes(name) ? resolve(args[args.indexOf(name) + 1]) : undefined);
  const check = args.includes('--check');
  const openapiDir = option('--openapi-dir');
  const outDir = option('--out-dir') ?? join(SDK, 'src/generated');
  const stale = [];
  for (const name of DOCUMENTS) {
    const target = join(outDir, `${name}.ts`);
    const fresh = await generate(name, openapiDir);
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current === fresh) continue;
    if (check) stale.push(relative(ROOT, target));
    else await writeFile(target, fresh);
  }
  if (stale.length) {
    process.stderr.write(`Stale generated SDK code: ${stale.join(', ')}. Run \`npm run sdk:generate\`.\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2));
