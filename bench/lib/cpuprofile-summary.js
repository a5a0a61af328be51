// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, and total
// (inclusive) time of the functions that matter, as % of the profile's samples.
// Usage: node bench/lib/cpuprofile-summary.js <file.cpuprofile> [top=30]
import { readFileSync } from 'node:fs';

/** node_modules/<pkg> (scoped too), our dist/apps|libs/<x>, node: internals, or the V8 category. */
export function packageOf(url, functionName) {
  if (!url) return `(${functionName || 'program'})`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ours = /dist\/((?:apps|libs)\/[^/]+\/src\/[^/]+)/.exec(url);
  if (ours) return ours[1].replace(/\.js$/, '');
  if (url.startsWith('node:')) return url.split('/')[0];
  return url;
}

export function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map();
  for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
  const total = profile.samples.length;
  const self = new Map();
  const pkgSelf = new Map();
  const inclusive = new Map();
  const pkgInclusive = new Map();
  for (const [id, count] of hits) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*dist\//, '')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + count);
    const pkg = packageOf(url, functionName);
    pkgSelf.set(pkg, (pkgSelf.get(pkg) ?? 0) + count);
    // Inclusive: each function/package once per sample, however deep the recursion.
    const seen = new Set();
    const seenPkg = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      const k = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*dist\//, '')}:${f.lineNumber + 1}`;
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + count);
      }
      const p = packageOf(f.url, f.functionName);
      if (!seenPkg.has(p)) {
        seenPkg.add(p);
        pkgInclusive.set(p, (pkgInclusive.get(p) ?? 0) + count);
      }
    }
  }
  const pct = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, (100 * v) / total]);
  return {
    total,
    self: pct(self),
    pkgSelf: pct(pkgSelf),
    inclusive: pct(inclusive),
    pkgInclusive: pct(pkgInclusive),
  };
}

export function printSummary(s, top = 30) {
  const rows = (list) =>
    list
      .slice(0, top)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`${s.total} samples`);
  console.log(`\nself time by package\n${rows(s.pkgSelf)}`);
  console.log(`\ntotal (inclusive) time by package\n${rows(s.pkgInclusive)}`);
  console.log(`\nself time by function\n${rows(s.self)}`);
  console.log(
    `\ntotal (inclusive) time by function\n${rows(s.inclusive.filter(([k]) => !/^\(root\)|^\(program\)/.test(k)))}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  printSummary(summarise(profile), Number(process.argv[3] ?? 30));
}
