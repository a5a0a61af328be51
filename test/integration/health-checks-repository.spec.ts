import { SystemScope, type TenantScope } from '@app/core';
import type { Database } from '@app/database';
import { ConnectionsRepository } from '../../apps/assets/src/connections/persistence/connections.repository.js';
import {
  type CheckResult,
  HealthChecksRepository,
} from '../../apps/assets/src/connections/persistence/health-checks.repository.js';
import { newConnectionRow } from '../support/connection-rows.js';
import { openAppTestDatabase } from '../support/app-test-database.js';

const SCHEDULER = SystemScope.of('health-scheduler');
const ACME: TenantScope = { orgId: 'acme', projectId: 'analytics' };
const GLOBEX: TenantScope = { orgId: 'globex', projectId: 'analytics' };
const T0 = new Date('2026-06-01T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LIMITS = { total: 8, perOrg: 2, leaseMs: 300_000 };

/** The scheduler's claims and results, against the database itself (PostgreSQL, or PGlite). */
describe('Health checks repository', () => {
  let db: Database;
  let connections: ConnectionsRepository;
  let checks: HealthChecksRepository;

  const active = async (scope: TenantScope, slug: string, intervalS: number | null = 60) => {
    const row = newConnectionRow(scope, slug, { healthCheckIntervalS: intervalS });
    const op = await connections.insertProvisioning(scope, row, 'alice');
    await connections.activate(scope, row.id, op.id);
    return row;
  };
  const dueAll = (ms: number) =>
    db.dataSource.query(`UPDATE data_connections SET next_check_at = $1 WHERE next_check_at IS NOT NULL`, [
      at(ms),
    ]);
  const result = (health: CheckResult['health'], checkedAt: Date): CheckResult => ({
    checkedAt,
    health,
    errorCode: health === 'healthy' ? null : health,
    message: health,
    latencyMs: 10,
    warnings: [],
    forecast: {},
    nextCheckAt: new Date(checkedAt.getTime() + 60_000),
  });

  beforeAll(async () => {
    db = await openAppTestDatabase('assets', 'health');
    connections = new ConnectionsRepository(db.dataSource);
    checks = new HealthChecksRepository(db.dataSource);
    for (let i = 0; i < 6; i++) await active(ACME, `acme-${i}`);
    await active(GLOBEX, 'globex-0');
    await active(ACME, 'acme-off', 0);
    await active(ACME, 'acme-default', null);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('should place every connection with checks on within its interval, and leave the others alone', async () => {
    expect(await checks.placeUnscheduled(SCHEDULER, T0, 3600)).toBe(8);
    const rows: Array<{ name: string; next: Date | null }> = await db.dataSource.query(
      `SELECT name, next_check_at AS next FROM data_connections ORDER BY name`,
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name, r.next]));
    expect(byName['acme-off']).toBeNull();
    expect(byName['acme-default']!.getTime() - T0.getTime()).toBeLessThanOrEqual(3_600_000);
    for (const name of ['acme-0', 'acme-5', 'globex-0'])
      expect(byName[name]!.getTime() - T0.getTime()).toBeLessThanOrEqual(60_000);
    // Placed once: a second pass finds nothing to place.
    expect(await checks.placeUnscheduled(SCHEDULER, T0, 3600)).toBe(0);
  });

  it('should claim at most perOrg of one org per batch, so another org is never starved', async () => {
    await dueAll(0);
    const first = await checks.claimDue(SCHEDULER, at(1000), LIMITS);
    const orgs = first.map((c) => c.orgId);
    expect(orgs.filter((o) => o === 'acme')).toHaveLength(2);
    expect(orgs.filter((o) => o === 'globex')).toHaveLength(1);
    // Claimed ones are leased: the next batch takes other connections of acme.
    const second = await checks.claimDue(SCHEDULER, at(1000), LIMITS);
    expect(second.map((c) => c.orgId)).toEqual(['acme', 'acme']);
    expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(5);
  });

  it('should never hand one connection to two claims racing each other', async () => {
    await dueAll(0);
    const batches = await Promise.all(
      Array.from({ length: 4 }, () => checks.claimDue(SCHEDULER, at(2000), { ...LIMITS, perOrg: 8 })),
    );
    const ids = batches.flat().map((c) => c.id);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.length).toBe(8);
  });

  it('should make a claimed connection due again only when its lease has run out', async () => {
    await dueAll(0);
    const [claimed] = await checks.claimDue(SCHEDULER, at(0), { ...LIMITS, total: 1 });
    const again = async (ms: number) =>
      (await checks.claimDue(SCHEDULER, at(ms), { ...LIMITS, total: 100, perOrg: 100 })).map((c) => c.id);
    // This leases every other connection a second later than the first one.
    expect(await again(1000)).not.toContain(claimed!.id);
    expect(await again(LIMITS.leaseMs + 1)).toEqual([claimed!.id]);
  });

  it('should record a result with the health before it, count failures, and prune old history', async () => {
    const [row] = (await db.dataSource.query(
      `SELECT id FROM data_connections WHERE name = 'globex-0'`,
    )) as Array<{
      id: string;
    }>;
    expect(await checks.record(GLOBEX, row!.id, result('healthy', at(0)), 3)).toEqual({
      previous: 'unknown',
    });
    for (const [i, health] of (['auth_failed', 'auth_failed', 'unreachable'] as const).entries())
      await checks.record(GLOBEX, row!.id, result(health, at((i + 1) * 60_000)), 3);
    const [state] = (await db.dataSource.query(
      `SELECT health, consecutive_failures, last_healthy_at FROM data_connections WHERE id = $1`,
      [row!.id],
    )) as Array<{ health: string; consecutive_failures: number; last_healthy_at: Date }>;
    expect(state).toEqual({ health: 'unreachable', consecutive_failures: 3, last_healthy_at: at(0) });
    const [history, total] = await checks.history(GLOBEX, row!.id, 1, 10);
    expect(total).toBe(3);
    expect(history.map((h) => h.health)).toEqual(['unreachable', 'auth_failed', 'auth_failed']);
    // Another tenant's scope sees nothing and writes nothing.
    expect(await checks.history(ACME, row!.id, 1, 10)).toEqual([[], 0]);
    expect(await checks.record(ACME, row!.id, result('healthy', at(0)), 3)).toBeNull();
  });
});
