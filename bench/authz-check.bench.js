// Check latency of the embedded OpenFGA engine on the product model's longest common chain:
// user:alice admin of organization → project (organization) → data_connection (project),
// relation can_execute. Seeds a throwaway Postgres schema, runs sequential Checks and prints
// percentiles for PostgresTupleStore (strict and bounded-staleness modes) and, as a baseline,
// the InMemoryTupleStore. Run: npm run build && npm exec -- node bench/authz-check.bench.js
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  AuthzEngine,
  InMemoryTupleStore,
  PostgresTupleStore,
  authzTuplesDdl,
  compileModel,
  quoteIdent,
} from '../dist/libs/authz/src/embedded/index.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ORGS = 10;
const PROJECTS_PER_ORG = 1_000; // 10k projects, 10k connections
const CHECKS = 20_000;
const WARMUP = 2_000;

const model = compileModel(
  fs.readFileSync(fileURLToPath(new URL('../libs/authz/src/model/model.fga', import.meta.url)), 'utf8'),
);

function seedTuples() {
  const tuples = [];
  for (let o = 0; o < ORGS; o++) {
    const org = `organization:org${o}`;
    tuples.push({ user: `user:admin${o}`, relation: 'admin', object: org });
    tuples.push({ user: `user:member${o}`, relation: 'member', object: org });
    for (let p = 0; p < PROJECTS_PER_ORG; p++) {
      const project = `project:org${o}/p${p}`;
      tuples.push({ user: org, relation: 'organization', object: project });
      tuples.push({ user: `${project}#viewer`, relation: 'project_viewer', object: org });
      tuples.push({ user: `${project}#operator`, relation: 'project_operator', object: org });
      tuples.push({ user: `user:op${o}_${p}`, relation: 'operator', object: project });
      tuples.push({ user: project, relation: 'project', object: `data_connection:org${o}/p${p}/db` });
      tuples.push({
        user: `user:op${o}_${p}`,
        relation: 'owner',
        object: `data_connection:org${o}/p${p}/db`,
      });
    }
  }
  return tuples;
}

// Deterministic mix: 80% allowed (org admin via the full chain), 20% denied (org member).
function requests(n) {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: n }, (_, i) => {
    const o = Math.floor(rand() * ORGS);
    const p = Math.floor(rand() * PROJECTS_PER_ORG);
    const user = i % 5 === 4 ? `user:member${o}` : `user:admin${o}`;
    return {
      user,
      relation: 'can_execute',
      object: `data_connection:org${o}/p${p}/db`,
      expected: i % 5 !== 4,
    };
  });
}

async function measure(label, engine) {
  const reqs = requests(WARMUP + CHECKS);
  const samples = new Float64Array(CHECKS);
  for (let i = 0; i < reqs.length; i++) {
    const { expected, ...req } = reqs[i];
    const start = process.hrtime.bigint();
    const allowed = await engine.check(req);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (allowed !== expected) throw new Error(`${label}: wrong answer for ${JSON.stringify(req)}`);
    if (i >= WARMUP) samples[i - WARMUP] = elapsed;
  }
  samples.sort();
  const pct = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(3);
  console.log(
    `${label.padEnd(44)} n=${CHECKS}  p50=${pct(0.5)} ms  p95=${pct(0.95)} ms  p99=${pct(0.99)} ms  max=${samples[samples.length - 1].toFixed(3)} ms`,
  );
}

async function main() {
  const tuples = seedTuples();
  const schema = `authz_bench_${Math.random().toString(36).slice(2, 10)}`;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  try {
    for (const sql of authzTuplesDdl(schema)) await pool.query(sql);
    const seeder = new PostgresTupleStore(pool, { schema });
    const seedStart = Date.now();
    for (let i = 0; i < tuples.length; i += 2_000) await seeder.write(tuples.slice(i, i + 2_000), []);
    console.log(
      `seeded ${tuples.length} tuples (${ORGS * PROJECTS_PER_ORG} projects, ${ORGS * PROJECTS_PER_ORG} connections) in ${Date.now() - seedStart} ms`,
    );

    const strict = new PostgresTupleStore(pool, { schema, maxStalenessMs: 0 });
    const loadStart = Date.now();
    await strict.snapshot();
    console.log(`initial cache load: ${Date.now() - loadStart} ms`);
    await measure('postgres, maxStalenessMs=0 (default, strict)', new AuthzEngine(model, strict));
    await measure(
      'postgres, maxStalenessMs=100',
      new AuthzEngine(model, new PostgresTupleStore(pool, { schema, maxStalenessMs: 100 })),
    );
    await measure('in-memory baseline', new AuthzEngine(model, new InMemoryTupleStore(tuples)));
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

await main();
