import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { loadProductModelDsl } from '@app/authz';
import { EmbeddedAuthzClient, InMemoryTupleStore } from '@app/authz/embedded';
import { InMemorySecretsBackend } from '../../../../test/support/governance-fakes.js';
import { AuditedChanges } from './audited-changes.js';
import type { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import { AuditTransactionsRepository } from './persistence/audit-transactions.repository.js';
import { appFailureOf } from '@app/testing';

/**
 * The audit table behind a fake DataSource: rows inserted in a transaction become visible only
 * on commit, as in PostgreSQL. Enough to test the ordering rules without a database server.
 */
class FakeAuditTable {
  readonly rows: AuditEventEntity[] = [];
  failInsert = false;
  failCommit = false;
  opened = 0;
  released = 0;

  private insertInto(target: AuditEventEntity[]) {
    return {
      getRepository: () => ({
        insert: async (rows: AuditEventEntity[]) => {
          if (this.failInsert) throw new Error('relation "audit_events" does not exist');
          target.push(...rows);
        },
      }),
    };
  }

  dataSource(): DataSource {
    return {
      // A subscriber makes repositories insert through getRepository().insert, which this fakes.
      subscribers: [{}],
      manager: this.insertInto(this.rows),
      createQueryRunner: () => {
        this.opened += 1;
        const pending: AuditEventEntity[] = [];
        let active = false;
        return {
          connect: async () => ({}),
          startTransaction: async () => {
            active = true;
          },
          get isTransactionActive() {
            return active;
          },
          manager: this.insertInto(pending),
          commitTransaction: async () => {
            if (this.failCommit) throw new Error('connection terminated');
            this.rows.push(...pending.splice(0));
            active = false;
          },
          rollbackTransaction: async () => {
            pending.splice(0);
            active = false;
          },
          release: async () => {
            this.released += 1;
          },
        };
      },
    } as unknown as DataSource;
  }
}

const EVENT: AuditEventInput = {
  org_id: 'acme',
  project_id: 'analytics',
  actor_id: 'alice',
  actor_type: 'user',
  action: 'secret.create',
  resource_type: 'secret',
  resource_id: 'api-key',
  source_service: 'governance',
  request_id: 'req-1',
  details: { name: 'api-key', password: 'never-stored' },
};
const REF = { orgId: 'acme', projectId: 'analytics', name: 'api-key' };
const TUPLE = { object: 'project:acme/analytics', relation: 'viewer', user: 'user:bob' };

describe(AuditedChanges.name, () => {
  let table: FakeAuditTable;
  let secrets: InMemorySecretsBackend;
  let authz: EmbeddedAuthzClient;
  let changes: AuditedChanges;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    table = new FakeAuditTable();
    secrets = new InMemorySecretsBackend();
    authz = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), new InMemoryTupleStore());
    const dataSource = table.dataSource();
    const events = new AuditEventsRepository(dataSource);
    changes = new AuditedChanges(new AuditTransactionsRepository(dataSource, events), events, secrets, authz);
  });

  const createBoth = async ({
    secrets: s,
    tuples,
  }: Parameters<Parameters<AuditedChanges['apply']>[1]>[0]) => {
    await s.create(REF, 'value');
    await tuples.writeTuples([TUPLE]);
    return 'done';
  };

  it('should commit the change and its event together, with secret-looking details dropped', async () => {
    await expect(changes.apply(EVENT, createBoth)).resolves.toBe('done');
    expect(table.rows).toEqual([
      expect.objectContaining({
        orgId: 'acme',
        action: 'secret.create',
        requestId: 'req-1',
        details: { name: 'api-key' },
      }),
    ]);
    expect(await secrets.get(REF)).not.toBeNull();
    expect(await authz.readTuples({ object: TUPLE.object })).toEqual([TUPLE]);
    expect(table.released).toBe(table.opened);
  });

  it('should change nothing and answer 503 AUDIT_UNAVAILABLE when the event cannot be written', async () => {
    table.failInsert = true;
    let ran = false;
    const error = await appFailureOf(changes.apply(EVENT, async () => (ran = true)));
    expect(error.code).toBe(ErrorCode.AUDIT_UNAVAILABLE);
    expect(ran).toBe(false);
    expect(table.released).toBe(1);
  });

  it('should drop the event and undo external steps when the change fails, passing its error on', async () => {
    const error = await appFailureOf(
      changes.apply(EVENT, async (scope) => {
        await createBoth(scope);
        throw AppException.conflict('late conflict');
      }),
    );
    expect(error.code).toBe(ErrorCode.RESOURCE_ALREADY_EXISTS);
    expect(table.rows).toEqual([]);
    expect(await secrets.get(REF)).toBeNull();
    expect(await authz.readTuples({ object: TUPLE.object })).toEqual([]);
  });

  it('should undo external steps and answer 503 when the commit fails', async () => {
    table.failCommit = true;
    expect((await appFailureOf(changes.apply(EVENT, createBoth))).code).toBe(ErrorCode.AUDIT_UNAVAILABLE);
    expect(table.rows).toEqual([]);
    expect(await secrets.get(REF)).toBeNull();
    expect(await authz.readTuples({ object: TUPLE.object })).toEqual([]);
  });

  describe('deadline', () => {
    it('should open nothing once the caller has given up', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await appFailureOf(changes.apply(EVENT, createBoth, { signal: controller.signal }));
      expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
      expect(error.details).toEqual({ outcome: 'not_applied' });
      expect(table.opened).toBe(0);
    });

    it('should never commit a change that finished after the deadline, and undo it', async () => {
      const controller = new AbortController();
      const error = await appFailureOf(
        changes.apply(
          EVENT,
          async (scope) => {
            await createBoth(scope);
            controller.abort();
          },
          { signal: controller.signal },
        ),
      );
      expect(error.details).toEqual({ outcome: 'not_applied' });
      expect(table.rows).toEqual([]);
      expect(await secrets.get(REF)).toBeNull();
    });

    it('should say the outcome is unknown when an undo fails too', async () => {
      const controller = new AbortController();
      secrets.delete = async () => {
        throw new Error('backend unreachable');
      };
      const error = await appFailureOf(
        changes.apply(
          EVENT,
          async (scope) => {
            await scope.secrets.create(REF, 'value');
            controller.abort();
            throw new Error('aborted mid-change');
          },
          { signal: controller.signal },
        ),
      );
      expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
      expect(error.details).toEqual({ outcome: 'unknown' });
    });
  });

  describe('record', () => {
    it('should write a standalone event, and answer 503 when it cannot', async () => {
      await changes.record({ ...EVENT, action: 'secret.read' });
      expect(table.rows.map((r) => r.action)).toEqual(['secret.read']);
      table.failInsert = true;
      expect((await appFailureOf(changes.record(EVENT))).code).toBe(ErrorCode.AUDIT_UNAVAILABLE);
    });
  });
});
