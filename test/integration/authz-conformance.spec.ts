/**
 * OpenFGA's own conformance data (consolidated_1_1_tests.yaml and the sample stores) run against
 * the embedded engine, over the in-memory store and over PostgresTupleStore, the way OpenFGA's
 * Go runner does it (see ../shared/conformance/openfga/README.md):
 * fresh store per test; per stage write the model, then the tuples in chunks of 40 (earlier
 * stages' tuples are kept); Check compares `allowed`/errorCode; every ListObjects result is
 * re-checked; single-stage tests with ≤100 tuples run again with the tuples sent as contextual
 * tuples only. Models with conditions and assertions with `context` are skipped (the engine does
 * not support conditions). ListUsers is not implemented by the engine and is skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import pg from 'pg';
import { createTestDatabase } from '@app/testing';
import {
  AuthzEngine,
  AuthzEngineError,
  compileModel,
  InMemoryTupleStore,
  PostgresTupleStore,
  authzTuplesDdl,
  quoteIdent,
  type CompiledModel,
  type TupleStore,
} from '@app/authz/embedded';
import type { TupleKey } from '@app/authz';

const CONFORMANCE_DIR = path.resolve(process.cwd(), '../shared/conformance/openfga');
// A fresh database on the real server, or an in-memory PGlite when none is reachable.
const testDatabase = await createTestDatabase('authz');
const DATABASE_URL = testDatabase.url!;
afterAll(() => testDatabase.drop());

interface YamlTuple extends TupleKey {
  condition?: unknown;
}
interface CheckAssertion {
  tuple: TupleKey;
  context?: unknown;
  contextualTuples?: YamlTuple[];
  expectation?: boolean;
  errorCode?: number;
}
interface ListObjectsAssertion {
  request: { user: string; type: string; relation: string };
  context?: unknown;
  contextualTuples?: YamlTuple[];
  expectation?: string[] | null;
  errorCode?: number;
}
interface Stage {
  model: string;
  tuples?: YamlTuple[];
  checkAssertions?: CheckAssertion[];
  listObjectsAssertions?: ListObjectsAssertion[];
  listUsersAssertions?: unknown[];
}
interface ConformanceTest {
  name: string;
  stages: Stage[];
}

type Kind = 'check' | 'listObjects';
const tally = new Map<string, { passed: number; total: number; skipped: number }>();
function count(label: string, outcome: 'passed' | 'failed' | 'skipped', n = 1): void {
  const entry = tally.get(label) ?? { passed: 0, total: 0, skipped: 0 };
  if (outcome === 'skipped') entry.skipped += n;
  else {
    entry.total += n;
    if (outcome === 'passed') entry.passed += n;
  }
  tally.set(label, entry);
}

function usesConditions(test: ConformanceTest): boolean {
  return test.stages.some(
    (s) =>
      /^\s*condition\s/m.test(s.model) || / with /.test(s.model) || (s.tuples ?? []).some((t) => t.condition),
  );
}

function plain(tuples: YamlTuple[] | undefined): TupleKey[] {
  return (tuples ?? []).map((t) => ({ object: t.object, relation: t.relation, user: t.user }));
}

async function writeInChunks(store: TupleStore, tuples: TupleKey[]): Promise<void> {
  for (let i = 0; i < tuples.length; i += 40) await store.write(tuples.slice(i, i + 40), []);
}

/** Returns a failure description, or undefined when the assertion holds. */
async function runCheck(
  engine: AuthzEngine,
  a: CheckAssertion,
  extra: TupleKey[],
): Promise<string | undefined> {
  const contextualTuples = [...extra, ...plain(a.contextualTuples)];
  const label = `check ${a.tuple.object}#${a.tuple.relation}@${a.tuple.user}`;
  try {
    const allowed = await engine.check({ ...a.tuple, contextualTuples });
    if (a.errorCode !== undefined) return `${label}: expected error ${a.errorCode}, got allowed=${allowed}`;
    return allowed === a.expectation ? undefined : `${label}: expected ${a.expectation}, got ${allowed}`;
  } catch (err) {
    if (a.errorCode !== undefined && err instanceof AuthzEngineError && err.code === a.errorCode)
      return undefined;
    return `${label}: unexpected error ${err instanceof AuthzEngineError ? err.code : ''} ${(err as Error).message}`;
  }
}

async function runListObjects(
  engine: AuthzEngine,
  a: ListObjectsAssertion,
  extra: TupleKey[],
): Promise<string | undefined> {
  const contextualTuples = [...extra, ...plain(a.contextualTuples)];
  const { user, type, relation } = a.request;
  const label = `listObjects ${type}#${relation}@${user}`;
  let objects: string[];
  try {
    objects = await engine.listObjects({ user, type, relation, contextualTuples });
  } catch (err) {
    if (a.errorCode !== undefined && err instanceof AuthzEngineError && err.code === a.errorCode)
      return undefined;
    return `${label}: unexpected error ${err instanceof AuthzEngineError ? err.code : ''} ${(err as Error).message}`;
  }
  if (a.errorCode !== undefined)
    return `${label}: expected error ${a.errorCode}, got [${objects.join(', ')}]`;
  const expected = [...new Set(a.expectation ?? [])].sort();
  const actual = [...objects].sort();
  if (actual.length !== new Set(actual).size) return `${label}: duplicates in [${actual.join(', ')}]`;
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    return `${label}: expected [${expected.join(', ')}], got [${actual.join(', ')}]`;
  }
  for (const object of objects) {
    const allowed = await engine.check({ user, relation, object, contextualTuples });
    if (!allowed) return `${label}: re-check of ${object} returned false`;
  }
  return undefined;
}

interface Backend {
  name: string;
  setup(): Promise<void>;
  fresh(): Promise<TupleStore>;
  teardown(): Promise<void>;
}

function inMemoryBackend(): Backend {
  return {
    name: 'in-memory',
    setup: async () => undefined,
    fresh: async () => new InMemoryTupleStore(),
    teardown: async () => undefined,
  };
}

function postgresBackend(): Backend {
  const schema = `authz_conformance_${Math.random().toString(36).slice(2, 10)}`;
  let pool: pg.Pool;
  return {
    name: 'postgres',
    async setup() {
      pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
      for (const sql of authzTuplesDdl(schema)) await pool.query(sql);
    },
    async fresh() {
      await pool.query(
        `TRUNCATE ${quoteIdent(schema)}.tuples, ${quoteIdent(schema)}.changelog RESTART IDENTITY`,
      );
      return new PostgresTupleStore(pool, { schema });
    },
    async teardown() {
      await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await pool.end();
    },
  };
}

const suite = load(fs.readFileSync(path.join(CONFORMANCE_DIR, 'consolidated_1_1_tests.yaml'), 'utf8')) as {
  tests: ConformanceTest[];
};

describe('OpenFGA conformance (consolidated_1_1_tests.yaml)', () => {
  afterAll(() => {
    const line = [...tally.entries()]
      .map(([label, t]) => `${label} ${t.passed}/${t.total}${t.skipped ? ` (skipped ${t.skipped})` : ''}`)
      .join(', ');
    console.log(`openfga conformance: ${line}`);
  });

  describe.each([inMemoryBackend(), postgresBackend()])('$name store', (backend) => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    for (const test of suite.tests) {
      const skipReason = usesConditions(test) ? 'model uses conditions' : undefined;
      const kinds: Kind[] = ['check', 'listObjects'];
      if (skipReason) {
        // Counted so the report shows what was left out and why.
        for (const stage of test.stages) {
          count(`${backend.name} check`, 'skipped', stage.checkAssertions?.length ?? 0);
          count(`${backend.name} listObjects`, 'skipped', stage.listObjectsAssertions?.length ?? 0);
        }
        it.skip(`${test.name} (${skipReason})`, () => undefined);
        continue;
      }
      for (const stage of test.stages)
        count(`${backend.name} listUsers`, 'skipped', stage.listUsersAssertions?.length ?? 0);

      describe(test.name, () => {
        let store: TupleStore;
        let engine: AuthzEngine;
        let applied = -1;
        const advanceTo = async (index: number) => {
          store ??= await backend.fresh();
          while (applied < index) {
            applied++;
            const stage = test.stages[applied];
            const model: CompiledModel = compileModel(stage.model);
            engine = new AuthzEngine(model, store);
            await writeInChunks(store, plain(stage.tuples));
          }
        };

        test.stages.forEach((stage, index) => {
          for (const kind of kinds) {
            const assertions = kind === 'check' ? stage.checkAssertions : stage.listObjectsAssertions;
            if (!assertions?.length) continue;
            it(`should pass stage ${index + 1} ${kind} assertions`, async () => {
              await advanceTo(index);
              const failures: string[] = [];
              for (const a of assertions) {
                if ((a as { context?: unknown }).context !== undefined) {
                  count(`${backend.name} ${kind}`, 'skipped');
                  continue;
                }
                const failure =
                  kind === 'check'
                    ? await runCheck(engine, a as CheckAssertion, [])
                    : await runListObjects(engine, a as ListObjectsAssertion, []);
                count(`${backend.name} ${kind}`, failure ? 'failed' : 'passed');
                if (failure) failures.push(failure);
              }
              expect(failures).toEqual([]);
            });
          }
        });
      });

      const stage = test.stages[0];
      if (test.stages.length !== 1 || (stage.tuples?.length ?? 0) > 100) continue;
      describe(`${test.name} [contextual tuples]`, () => {
        for (const kind of kinds) {
          const assertions = kind === 'check' ? stage.checkAssertions : stage.listObjectsAssertions;
          if (!assertions?.length) continue;
          it(`should pass ${kind} assertions with the stage tuples sent as contextual tuples`, async () => {
            const engine = new AuthzEngine(compileModel(stage.model), await backend.fresh());
            const tuples = plain(stage.tuples);
            const failures: string[] = [];
            for (const a of assertions) {
              if ((a as { context?: unknown }).context !== undefined) continue;
              const failure =
                kind === 'check'
                  ? await runCheck(engine, a as CheckAssertion, tuples)
                  : await runListObjects(engine, a as ListObjectsAssertion, tuples);
              count(`${backend.name} contextual ${kind}`, failure ? 'failed' : 'passed');
              if (failure) failures.push(failure);
            }
            expect(failures).toEqual([]);
          });
        }
      });
    }
  });
});

interface SampleStore {
  name?: string;
  model?: string;
  model_file?: string;
  tuples?: YamlTuple[];
  tuple_file?: string;
  tests: Array<{
    name: string;
    tuples?: YamlTuple[];
    check?: Array<{ user: string; object: string; context?: unknown; assertions: Record<string, boolean> }>;
    list_objects?: Array<{
      user: string;
      type: string;
      context?: unknown;
      assertions: Record<string, string[] | null>;
    }>;
  }>;
}

function sampleStoreFiles(): string[] {
  const root = path.join(CONFORMANCE_DIR, 'sample-stores/stores');
  return fs
    .readdirSync(root)
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith('.fga.yaml'))
        .map((f) => path.join(root, dir, f)),
    )
    .sort();
}

describe('OpenFGA sample stores', () => {
  const totals = {
    check: { passed: 0, total: 0 },
    listObjects: { passed: 0, total: 0 },
    skippedStores: [] as string[],
  };
  afterAll(() => {
    console.log(
      `openfga sample stores: check ${totals.check.passed}/${totals.check.total}, listObjects ` +
        `${totals.listObjects.passed}/${totals.listObjects.total}; skipped: ${totals.skippedStores.join(', ') || 'none'}`,
    );
  });

  for (const file of sampleStoreFiles()) {
    const rel = path.relative(path.join(CONFORMANCE_DIR, 'sample-stores/stores'), file);
    const store = load(fs.readFileSync(file, 'utf8')) as SampleStore;
    const modelText =
      store.model ??
      (store.model_file ? fs.readFileSync(path.resolve(path.dirname(file), store.model_file), 'utf8') : '');
    const readTuples = (): TupleKey[] => [
      ...plain(store.tuples),
      ...(store.tuple_file
        ? plain(
            load(fs.readFileSync(path.resolve(path.dirname(file), store.tuple_file), 'utf8')) as YamlTuple[],
          )
        : []),
    ];
    const skip =
      store.model_file?.endsWith('fga.mod') || /^\s*module\s/m.test(modelText)
        ? 'modular model (fga.mod)'
        : /^\s*condition\s/m.test(modelText) || / with /.test(modelText)
          ? 'model uses conditions'
          : undefined;
    if (skip) {
      totals.skippedStores.push(`${rel} (${skip})`);
      it.skip(`${rel} (${skip})`, () => undefined);
      continue;
    }
    describe(rel, () => {
      for (const t of store.tests ?? []) {
        it(`should pass "${t.name}"`, async () => {
          const tuples = [...readTuples(), ...plain(t.tuples)];
          const tupleStore = new InMemoryTupleStore();
          await tupleStore.write(tuples, []);
          const engine = new AuthzEngine(compileModel(modelText), tupleStore);
          const failures: string[] = [];
          for (const c of t.check ?? []) {
            if (c.context !== undefined) continue;
            for (const [relation, expected] of Object.entries(c.assertions)) {
              const allowed = await engine.check({ user: c.user, relation, object: c.object });
              totals.check.total++;
              if (allowed === expected) totals.check.passed++;
              else
                failures.push(
                  `check ${c.object}#${relation}@${c.user}: expected ${expected}, got ${allowed}`,
                );
            }
          }
          for (const l of t.list_objects ?? []) {
            if (l.context !== undefined) continue;
            for (const [relation, expected] of Object.entries(l.assertions)) {
              const actual = (await engine.listObjects({ user: l.user, type: l.type, relation })).sort();
              const want = [...(expected ?? [])].sort();
              totals.listObjects.total++;
              if (JSON.stringify(actual) === JSON.stringify(want)) totals.listObjects.passed++;
              else
                failures.push(
                  `listObjects ${l.type}#${relation}@${l.user}: expected [${want.join(', ')}], got [${actual.join(', ')}]`,
                );
            }
          }
          expect(failures).toEqual([]);
        });
      }
    });
  }
});
