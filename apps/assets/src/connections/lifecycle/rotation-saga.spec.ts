import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DependencyUnavailableError, type Principal, RequestContext } from '@app/core';
import { AuditSink, type AuditEventInput } from '@app/audit';
import {
  AuditRecorder,
  type GovernanceCredentialsStore,
  GovernanceUnavailableError,
} from '../../governance/index.js';
import type { VerificationReport, VerificationService } from '../../verification/index.js';
import type { ConnectionEvents } from '../../notifications/index.js';
import type { ConnectionRotationEntity } from '../persistence/connection-rotation.entity.js';
import type { ConnectionRotationsRepository } from '../persistence/connection-rotations.repository.js';
import type { ConnectionsRepository } from '../persistence/connections.repository.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';
import { ConnectionRotationSaga, ROTATION_INTERRUPTED, ROTATION_STAGING_FAILED } from './rotation-saga.js';

const NOW = Date.parse('2026-01-05T10:00:00Z');
const ALICE: Principal = { userId: 'alice', orgId: 'acme', actorType: 'user', issuer: 'test', token: 't' };
const URI = 'data:acme:analytics:orders';
const PASSWORD = 'canary-rotation-pw-91f3';
const SECRET = { auth_type: 'basic', credentials: { username: 'reader', password: PASSWORD } };

const row = {
  id: '00000000-0000-4000-8000-0000000000aa',
  orgId: 'acme',
  projectId: 'analytics',
  resourceUri: URI,
  connectionType: 'postgres',
  authType: 'basic',
  config: { auth_type: 'basic', host: 'db.example.com', port: 5432, database: 'orders' },
  selectedTables: ['public.orders'],
  credentialsVersion: 2,
  revision: 7,
} as unknown as DataConnectionEntity;

const rotationAt = (status: ConnectionRotationEntity['status']): ConnectionRotationEntity => ({
  id: '00000000-0000-4000-8000-0000000000bb',
  connectionId: row.id,
  orgId: 'acme',
  projectId: 'analytics',
  resourceUri: URI,
  fromVersion: 2,
  toVersion: 3,
  fromAuthType: 'basic',
  toAuthType: 'basic',
  status,
  actorId: 'alice',
  gracePeriodSeconds: 600,
  errorCode: null,
  errorMessage: null,
  createdAt: new Date(NOW),
  updatedAt: new Date(NOW),
  promotedAt: null,
  previousVersionExpiresAt: null,
  rolledBackAt: null,
  retiredAt: null,
  leaseUntil: null,
});

const report = (success: boolean): VerificationReport => ({
  success,
  message: success ? 'connection verified' : 'authentication failed',
  latency_ms: 12,
  steps: [],
  details: { truncated: false, warnings: [], ...(success ? {} : { error_code: 'auth_failed' }) },
});

class RecordingAuditSink extends AuditSink {
  readonly events: AuditEventInput[] = [];
  async record(event: AuditEventInput): Promise<void> {
    this.events.push(event);
  }
}

describe(ConnectionRotationSaga.name, () => {
  let steps: string[];
  let audit: RecordingAuditSink;
  let rotations: Record<string, jest.Mock<(...args: never[]) => Promise<unknown>>>;
  let credentials: Record<string, jest.Mock<(...args: never[]) => Promise<unknown>>>;
  let verify: jest.Mock<() => Promise<VerificationReport>>;
  let events: { publish: jest.Mock<(event: { type: string; id?: string }) => Promise<string>> };
  let saga: ConnectionRotationSaga;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    steps = [];
    audit = new RecordingAuditSink();
    const step =
      <T>(name: string, value?: T) =>
      async () => {
        steps.push(name);
        return value as T;
      };
    rotations = {
      begin: jest.fn(
        step('begin', {
          operation: { id: 'op-1' },
          rotation: rotationAt('staged'),
          revision: 8,
        }),
      ),
      markVerifying: jest.fn(step('verifying')),
      promote: jest.fn(step('promote', { row, rotation: rotationAt('promoted') })),
      fail: jest.fn(step('fail', rotationAt('failed'))),
      claimDue: jest.fn(step('claimDue', [])),
    };
    credentials = {
      put: jest.fn(step('put')),
      purge: jest.fn(step('purge')),
    };
    verify = jest.fn(async () => {
      steps.push('verify');
      return report(true);
    });
    // Each step's event, after the step: `event:started`, `event:promoted`, `event:failed`.
    events = {
      publish: jest.fn(async (event: { type: string; id?: string }) => {
        steps.push(`event:${event.type.split('.').pop()}`);
        return event.id ?? 'event';
      }),
    };
    saga = new ConnectionRotationSaga(
      rotations as unknown as ConnectionRotationsRepository,
      {
        findAnyLifecycle: async () => row,
      } as unknown as ConnectionsRepository,
      credentials as unknown as GovernanceCredentialsStore,
      { verify } as unknown as VerificationService,
      new AuditRecorder(audit, new RequestContext()),
      events as unknown as ConnectionEvents,
      () => NOW,
    );
  });

  const rotate = () => saga.rotate(ALICE, row, { secret: SECRET, gracePeriodSeconds: 600 });
  const actions = () => audit.events.map((e) => e.action);

  it('should stage, verify with the stored settings and the new credentials, then promote, each step audited', async () => {
    const { rotation } = await rotate();
    expect(rotation.status).toBe('promoted');
    expect(steps).toEqual([
      'begin',
      'event:started',
      'put',
      'verifying',
      'verify',
      'promote',
      'event:promoted',
      'claimDue',
    ]);
    expect(credentials.put).toHaveBeenCalledWith(ALICE, URI, 3, SECRET);
    expect(verify).toHaveBeenCalledWith(
      { type: 'postgres', auth_type: 'basic', config: row.config, credentials: SECRET.credentials },
      { orgId: 'acme', selectedTables: ['public.orders'] },
    );
    expect(rotations.promote).toHaveBeenCalledWith(
      { orgId: 'acme', projectId: 'analytics' },
      { connectionId: row.id, rotationId: rotationAt('staged').id, operationId: 'op-1', revision: 8 },
      {
        toVersion: 3,
        fromVersion: 2,
        authType: 'basic',
        now: new Date(NOW),
        expiresAt: new Date(NOW + 600_000),
      },
    );
    expect(actions()).toEqual(['data_connection.rotation.started', 'data_connection.rotation.promoted']);
    expect(JSON.stringify(audit.events)).not.toContain(PASSWORD);
  });

  it('should delete the staged version and record the report on a failed verification, never promoting', async () => {
    verify.mockResolvedValueOnce(report(false));
    const { rotation } = await rotate();
    expect(rotation.status).toBe('failed');
    expect(steps).toEqual(['begin', 'event:started', 'put', 'verifying', 'purge', 'fail', 'event:failed']);
    expect(credentials.purge).toHaveBeenCalledWith(ALICE, URI, 3);
    expect(rotations.fail).toHaveBeenCalledWith(
      { orgId: 'acme', projectId: 'analytics' },
      { rotationId: rotationAt('staged').id, operationId: 'op-1' },
      { code: 'auth_failed', message: 'authentication failed', now: new Date(NOW) },
    );
    expect(actions()).toEqual(['data_connection.rotation.started', 'data_connection.rotation.failed']);
  });

  it('should undo a staging that failed, and answer 503', async () => {
    credentials.put.mockRejectedValueOnce(new GovernanceUnavailableError(null) as never);
    await expect(rotate()).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(steps).toEqual(['begin', 'event:started', 'purge', 'fail', 'event:failed']);
    expect(rotations.fail.mock.calls[0]![2]).toMatchObject({ code: ROTATION_STAGING_FAILED });
  });

  it('should leave the undo to the reconciler when it cannot delete the staged version', async () => {
    verify.mockResolvedValueOnce(report(false));
    credentials.purge.mockRejectedValueOnce(new GovernanceUnavailableError(null) as never);
    await expect(rotate()).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(rotations.fail).not.toHaveBeenCalled();
  });

  it('should not undo a promotion that committed although its answer was lost', async () => {
    rotations.promote.mockRejectedValueOnce(new Error('connection reset') as never);
    saga = new ConnectionRotationSaga(
      rotations as unknown as ConnectionRotationsRepository,
      {
        findAnyLifecycle: async () => ({ ...row, credentialsVersion: 3 }),
      } as unknown as ConnectionsRepository,
      credentials as unknown as GovernanceCredentialsStore,
      { verify } as unknown as VerificationService,
      new AuditRecorder(audit, new RequestContext()),
      events as unknown as ConnectionEvents,
      () => NOW,
    );
    await expect(rotate()).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(credentials.purge).not.toHaveBeenCalled();
  });

  it('should undo a promotion that did not commit', async () => {
    rotations.promote.mockRejectedValueOnce(new Error('connection reset') as never);
    await expect(rotate()).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(credentials.purge).toHaveBeenCalledWith(ALICE, URI, 3);
    expect(rotations.fail.mock.calls[0]![2]).toMatchObject({ code: ROTATION_INTERRUPTED });
  });
});
