import { jest } from '@jest/globals';
import type { VerificationReport } from '../../verification/index.js';
import type { CheckResult, DueConnection } from '../persistence/health-checks.repository.js';
import { HealthScheduler, type HealthScheduleOptions } from './health-scheduler.js';

const OPTIONS: HealthScheduleOptions = {
  tickMs: 0,
  defaultIntervalS: 3600,
  concurrency: 8,
  orgConcurrency: 2,
  historyLimit: 500,
  slowMs: 5000,
  tlsExpiryWarningDays: 14,
  credentialsMaxAgeDays: 90,
};
const NOW = Date.parse('2026-06-01T08:00:00Z');

const due = (id: string, health: DueConnection['health'] = 'healthy', intervalS: number | null = 60) =>
  ({
    id,
    orgId: 'acme',
    projectId: 'analytics',
    resourceUri: `data:acme:analytics:${id}`,
    connectionType: 'postgres',
    authType: 'basic',
    config: {},
    selectedTables: [],
    credentialsVersion: 1,
    health,
    intervalS,
  }) satisfies DueConnection;

const passed: VerificationReport = {
  success: true,
  message: 'connection verified',
  latency_ms: 12,
  steps: [],
  details: { truncated: false, warnings: [] },
};

/** The scheduler's own decisions, with its collaborators replaced by recording fakes. */
function setup(batches: DueConnection[][], readFails: (id: string) => boolean = () => false) {
  const recorded: Array<{ id: string; result: CheckResult }> = [];
  const rescheduled: Array<{ id: string; at: Date }> = [];
  const audited: string[] = [];
  const repository = {
    placeUnscheduled: jest.fn(async () => 0),
    claimDue: jest.fn(async () => batches.shift() ?? []),
    record: jest.fn(async (_scope: unknown, id: string, result: CheckResult) => {
      recorded.push({ id, result });
      return { previous: 'healthy' as const };
    }),
    reschedule: jest.fn(async (_scope: unknown, id: string, at: Date) => {
      rescheduled.push({ id, at });
    }),
  };
  const credentials = {
    readAsService: jest.fn(async (_org: string, uri: string) => {
      if (readFails(uri)) throw new Error('governance down');
      return { stored: { auth_type: 'basic', credentials: { password: 'x' } }, storedAt: new Date(NOW) };
    }),
  };
  const engine = { verify: jest.fn(async () => passed) };
  const audit = {
    write: jest.fn(async (_actor: unknown, draft: { action: string }, commit: () => Promise<unknown>) => {
      audited.push(draft.action);
      return commit();
    }),
  };
  const scheduler = new HealthScheduler(
    repository as never,
    credentials as never,
    engine as never,
    audit as never,
    OPTIONS,
    () => NOW,
  );
  return { scheduler, repository, credentials, engine, recorded, rescheduled, audited };
}

describe(HealthScheduler.name, () => {
  it('should keep claiming while batches come back, even ones the per-org cap made small', async () => {
    const t = setup([[due('a'), due('b')], [due('c'), due('d')], [due('e')]]);
    expect(await t.scheduler.runOnce()).toEqual({ placed: 0, checked: 5, changed: 0, skipped: 0 });
    expect(t.repository.claimDue).toHaveBeenCalledTimes(4);
    expect(t.engine.verify).toHaveBeenCalledWith(
      expect.objectContaining({ credentials: { password: 'x' } }),
      expect.objectContaining({ background: true, orgId: 'acme' }),
    );
  });

  it('should place the next check one interval away, ±10%', async () => {
    const t = setup([[due('a', 'healthy', 600), due('b', 'healthy', null)]]);
    await t.scheduler.runOnce();
    const gap = (id: string) => t.recorded.find((r) => r.id === id)!.result.nextCheckAt.getTime() - NOW;
    expect(gap('a')).toBeGreaterThanOrEqual(540_000);
    expect(gap('a')).toBeLessThanOrEqual(660_000);
    expect(gap('b')).toBeGreaterThanOrEqual(3_240_000);
    expect(gap('b')).toBeLessThanOrEqual(3_960_000);
  });

  it('should audit a change of health only, before recording it', async () => {
    const t = setup([[due('same', 'healthy'), due('changed', 'auth_failed')]]);
    expect(await t.scheduler.runOnce()).toMatchObject({ checked: 2, changed: 1 });
    expect(t.audited).toEqual(['data_connection.health.changed']);
  });

  it('should record nothing when the credentials cannot be read, and try again in a minute', async () => {
    const t = setup([[due('ok'), due('broken')]], (uri) => uri.endsWith(':broken'));
    expect(await t.scheduler.runOnce()).toMatchObject({ checked: 1, skipped: 1 });
    expect(t.recorded.map((r) => r.id)).toEqual(['ok']);
    expect(t.rescheduled).toEqual([{ id: 'broken', at: new Date(NOW + 60_000) }]);
  });

  it('should take no new batch once draining', async () => {
    const t = setup([[due('a')], [due('b')]]);
    await t.scheduler.onDrain();
    await expect(t.scheduler.runOnce()).rejects.toThrow(/shutting down/);
    expect(t.repository.claimDue).not.toHaveBeenCalled();
  });
});
