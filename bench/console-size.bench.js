// First-load JavaScript of the web console (issue #17: under 300 KB gzipped for the first page,
// code-split per page). From Vite's manifest: the entry chunk with its static imports, plus each
// page's lazy chunk with its own; gzip -9 of each file, every file counted once per page.
//
// Run: node bench/console-size.bench.js (builds the console first when dist/console has no manifest)
// Env: BENCH_CONSOLE_DIST (dist/console), BENCH_CONSOLE_LIMIT_KB (300; exit 1 above it for the first page).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.env.BENCH_CONSOLE_DIST ?? 'dist/console';
const limitKb = Number(process.env.BENCH_CONSOLE_LIMIT_KB ?? 300);
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath) && !process.env.BENCH_CONSOLE_DIST) {
  const vite = [
    'node_modules/vite/bin/vite.js',
    'build',
    '-c',
    'apps/console/vite.config.ts',
    '--logLevel',
    'warn',
  ];
  spawnSync(process.execPath, vite, { stdio: 'inherit' });
}
if (!existsSync(manifestPath)) {
  process.stderr.write(`${manifestPath} is missing: run npm run console:build first\n`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);

/** Every JS file a chunk needs before it runs: itself and its static imports, transitively. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dependency of manifest[key].imports ?? []) closure(dependency, seen);
  return seen;
}

const sizeOf = (key) => {
  const bytes = readFileSync(join(dist, manifest[key].file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);

const pages = (manifest[entryKey].dynamicImports ?? []).map((key) => ({
  name: manifest[key].name,
  files: closure(key, closure(entryKey)),
}));
process.stdout.write(`console bundle (${dist}), KB:         raw     gzip\n`);
const entry = [...closure(entryKey)]
  .map(sizeOf)
  .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
process.stdout.write(`  entry (router, auth, SDK, React)  ${kb(entry.raw)}  ${kb(entry.gzip)}\n`);
let firstPage = null;
for (const page of pages) {
  const total = [...page.files].map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }));
  process.stdout.write(`  first load of ${page.name.padEnd(20)} ${kb(total.raw)}  ${kb(total.gzip)}\n`);
  // The console opens on the connections list.
  if (page.name === 'ConnectionsPage') firstPage = total;
}
if (!firstPage) throw new Error('ConnectionsPage is not a lazy chunk of the entry');
const ok = firstPage.gzip <= limitKb * 1024;
process.stdout.write(
  `first page (connections list): ${kb(firstPage.gzip).trim()} KB gzipped, limit ${limitKb} KB: ${ok ? 'ok' : 'OVER'}\n`,
);
process.exit(ok ? 0 : 1);
