import { planSweep, type SweepEntry } from './secret-sweep.planner.js';
import type { CredentialsState } from '../persistence/secret-sweep.repository.js';

const ORG = 'acme';
const URI = 'data:acme:proj:db';
const NOW = Date.parse('2026-01-01T12:00:00Z');
const GRACE = 60 * 60_000;
const OLD = new Date(NOW - 2 * GRACE).toISOString();
const YOUNG = new Date(NOW - GRACE / 2).toISOString();

const entry = (name: string, at = OLD, resourceUri: string | null = URI): SweepEntry => ({
  resourceUri,
  name,
  createdAt: OLD,
  updatedAt: at,
});
const state = (current?: number, reserved: number[] = [], inGrace: number[] = []): CredentialsState => ({
  current: new Map(current === undefined ? [] : [[URI, current]]),
  reserved: new Map(reserved.length ? [[URI, new Set(reserved)]] : []),
  inGrace: new Map(inGrace.length ? [[URI, new Set(inGrace)]] : []),
});

describe(planSweep.name, () => {
  it('should delete an old version the row no longer points at', () => {
    expect(planSweep(entry('credentials-v1'), ORG, state(2), NOW, GRACE)).toEqual({
      action: 'delete',
      reason: 'orphan_version_superseded',
    });
  });

  it('should delete any old secret of a connection that is gone', () => {
    expect(planSweep(entry('credentials-v4'), ORG, state(), NOW, GRACE)).toEqual({
      action: 'delete',
      reason: 'orphan_connection_gone',
    });
    expect(planSweep(entry('notes'), ORG, state(), NOW, GRACE)).toEqual({
      action: 'delete',
      reason: 'orphan_connection_gone',
    });
  });

  it('should keep the current version and reserved versions whatever their age', () => {
    expect(planSweep(entry('credentials-v2'), ORG, state(2), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'current',
    });
    expect(planSweep(entry('credentials-v3'), ORG, state(2, [3, 2]), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'reserved',
    });
    // A pending create: no row visible yet, the version is reserved.
    expect(
      planSweep(
        entry('credentials-v1'),
        ORG,
        { current: new Map(), reserved: new Map([[URI, new Set([1])]]), inGrace: new Map() },
        NOW,
        GRACE,
      ),
    ).toMatchObject({ action: 'keep' });
  });

  it('should keep anything written within the grace period, judged by its latest write', () => {
    expect(planSweep(entry('credentials-v1', YOUNG), ORG, state(2), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'young',
    });
    expect(planSweep(entry('credentials-v1', 'not a date'), ORG, state(), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'young',
    });
  });

  it('should never touch what it cannot place', () => {
    expect(planSweep(entry('credentials-v1', OLD, null), ORG, state(), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'unresolved',
    });
    expect(planSweep(entry('credentials-v1', OLD, 'data:globex:proj:db'), ORG, state(), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'foreign',
    });
    expect(planSweep(entry('credentials-v1', OLD, 'postgres://db'), ORG, state(), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'foreign',
    });
    expect(planSweep(entry('notes'), ORG, state(2), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'not_ours',
    });
  });

  it('should keep a version a rotation holds in grace, however old, and not the one it retired', () => {
    // Rotation 3 -> 4: v3 stays readable as the previous version until it is retired.
    expect(planSweep(entry('credentials-v3'), ORG, state(4, [], [3]), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'in_grace',
    });
    // Even once the connection is gone: the retirement pass deletes it at the end of its grace.
    expect(planSweep(entry('credentials-v3'), ORG, state(undefined, [], [3]), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'in_grace',
    });
    expect(planSweep(entry('credentials-v2'), ORG, state(4, [], [3]), NOW, GRACE)).toEqual({
      action: 'delete',
      reason: 'orphan_version_superseded',
    });
  });

  it('should delete a staged version a crashed rotation left behind once nothing reserves it', () => {
    // While the rotation's operation is pending, its staged version is reserved.
    expect(planSweep(entry('credentials-v5'), ORG, state(4, [5, 4]), NOW, GRACE)).toEqual({
      action: 'keep',
      reason: 'reserved',
    });
    // Its write landed after the undo: neither active, previous nor reserved.
    expect(planSweep(entry('credentials-v5'), ORG, state(4, [], [3]), NOW, GRACE)).toEqual({
      action: 'delete',
      reason: 'orphan_version_superseded',
    });
  });
});
