// Compares two V8 heap snapshots by constructor: count and shallow size of each, and what grew
// between them. Growth that tracks load (requests in flight) is not retention; objects whose
// count keeps rising between an early and a late snapshot under a steady load are.
// Usage: node bench/lib/heapsnapshot-summary.js <early.heapsnapshot> <late.heapsnapshot> [top=25]
import { readFileSync } from 'node:fs';

/** Map "<type>:<name>" → { count, size } over all nodes of a .heapsnapshot file. */
export function byConstructor(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const out = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const size = snap.nodes[i + iSize];
    // Objects by constructor name; strings, code, arrays and the rest by their type.
    const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : '';
    const key = `${type}:${name.slice(0, 80)}`;
    const entry = out.get(key) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += size;
    out.set(key, entry);
    total += size;
  }
  return { groups: out, total };
}

export function compareSnapshots(earlyFile, lateFile, top = 25) {
  const early = byConstructor(earlyFile);
  const late = byConstructor(lateFile);
  const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  console.log(`  heap (shallow, live) early ${mib(early.total)}, late ${mib(late.total)}`);
  const rows = [...late.groups.entries()].map(([key, l]) => {
    const e = early.groups.get(key) ?? { count: 0, size: 0 };
    return { key, count: l.count, dCount: l.count - e.count, size: l.size, dSize: l.size - e.size };
  });
  rows.sort((a, b) => b.dSize - a.dSize);
  console.log(`  largest growth by constructor (late − early):`);
  for (const r of rows.slice(0, top))
    console.log(
      `    ${(r.dSize >= 0 ? '+' : '') + mib(r.dSize)}`.padEnd(16) +
        `${(r.dCount >= 0 ? '+' : '') + r.dCount}`.padStart(9) +
        ` objects  (now ${r.count}, ${mib(r.size)})  ${r.key}`,
    );
  rows.sort((a, b) => b.size - a.size);
  console.log(`  largest groups in the late snapshot:`);
  for (const r of rows.slice(0, 12))
    console.log(`    ${mib(r.size).padEnd(10)} ${String(r.count).padStart(9)}  ${r.key}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  compareSnapshots(process.argv[2], process.argv[3], Number(process.argv[4] ?? 25));
}
