import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AppException, ErrorCode, newRequestContext, RequestContext } from '@app/core';
import { type AuditEventInput, AuditSink } from '@app/audit';
import type { AuthzClient } from '@app/authz';
import type { SecretsBackend } from '@app/secrets';
import { AuditedChanges } from './audited-changes.js';
import { AuditRecorder } from './audit-recorder.js';
import type { AuditEventEntity } from './audit-event.entity.js';
import { AuditEventsRepository } from './persistence/audit-events.repository.js';
import { AuditTransactionsRepository } from './persistence/audit-transactions.repository.js';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const EVENT: AuditEventInput = {
  org_id: 'acme',
  project_id: 'analytics',
  actor_id: 'alice',
  actor_type: 'user',
  action: 'data_connection.secret.read',
  resource_type: 'data_connection',
  resource_id: 'data:acme:analytics:orders#credentials-v1',
  source_service: 'governance',
  details: {},
};

/**
 * Audit rows behind a fake DataSource: rows of a transaction become visible on commit only, a
 * nested transaction is a savepoint, and rows are never updated (the real table is append-only).
 */
class FakeAuditTable {
  readonly rows: AuditEventEntity[] = [];
  failInsert = false;

  private repository(target: AuditEventEntity[]) {
    return {
      getRepository: () => ({
        insert: async (rows: AuditEventEntity[]) => {
          if (this.failInsert) throw new Error('audit table gone');
          target.push(...rows.map((row) => ({ ...row })));
        },
      }),
    };
  }

  dataSource(): DataSource {
    return {
      // A subscriber makes repositories insert through getRepository().insert, which this fakes.
      subscribers: [{}],
      manager: this.repository(this.rows),
      createQueryRunner: () => {
        const pending: AuditEventEntity[] = [];
        const savepoints: number[] = [];
        let depth = 0;
        return {
          connect: async () => ({}),
          startTransaction: async () => {
            if (depth > 0) savepoints.push(pending.length);
            depth += 1;
          },
          get isTransactionActive() {
            return depth > 0;
          },
          manager: this.repository(pending),
          commitTransaction: async () => {
            this.rows.push(...pending.splice(0));
            depth = 0;
          },
          rollbackTransaction: async () => {
            pending.splice(depth > 1 ? savepoints.pop()! : 0);
            depth -= 1;
          },
          release: async () => undefined,
        };
      },
    } as unknown as DataSource;
  }
}

class RecordingSink extends AuditSink {
  readonly events: AuditEventInput[] = [];
  failing = false;

  async record(event: AuditEventInput): Promise<void> {
    if (this.failing) throw new Error('audit log offline');
    this.events.push(event);
  }
}

describe(AuditRecorder.name, () => {
  let sink: RecordingSink;
  let table: FakeAuditTable;
  let recorder: AuditRecorder;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    sink = new RecordingSink();
    table = new FakeAuditTable();
    const authz = { bindToTransaction: () => undefined } as unknown as AuthzClient;
    const secrets = { kind: 'embedded' } as unknown as SecretsBackend;
    const dataSource = table.dataSource();
    const events = new AuditEventsRepository(dataSource);
    recorder = new AuditRecorder(
      sink,
      new AuditedChanges(new AuditTransactionsRepository(dataSource, events), events, secrets, authz),
    );
  });

  describe('read', () => {
    it('should release the value only once its event is written, with the request and trace ids of the context', async () => {
      const order: string[] = [];
      const recording = jest.spyOn(sink, 'record').mockImplementation(async () => void order.push('event'));
      const value = await RequestContext.run(newRequestContext('req-assets-1', TRACEPARENT), () =>
        recorder.read(EVENT, async () => {
          order.push('read');
          return 'the-secret';
        }),
      );
      expect(value).toBe('the-secret');
      expect(order).toEqual(['read', 'event']);
      expect(recording).toHaveBeenCalledWith({
        ...EVENT,
        request_id: 'req-assets-1',
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      });
    });

    it('should answer 503 AUDIT_UNAVAILABLE and drop the value when its event cannot be written', async () => {
      sink.failing = true;
      const error = await recorder.read(EVENT, async () => 'the-secret').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).code).toBe(ErrorCode.AUDIT_UNAVAILABLE);
      expect(JSON.stringify(error)).not.toContain('the-secret');
    });

    it('should keep the ids an event names itself (a platform service reporting its own request)', async () => {
      await RequestContext.run(newRequestContext('req-governance'), () =>
        recorder.read({ ...EVENT, request_id: 'req-assets-2', trace_id: 'a'.repeat(32) }, async () => 1),
      );
      expect(sink.events[0]).toMatchObject({ request_id: 'req-assets-2', trace_id: 'a'.repeat(32) });
    });
  });

  describe('write', () => {
    const leftovers = {
      ...EVENT,
      action: 'data_connection.secret.leftovers_delete',
      resource_type: 'secrets_backend',
      resource_id: 'infisical',
    };
    const outcome = (removed: number) => (removed > 0 ? { removed } : null);

    it('should commit the event with what the change found, under the request id', async () => {
      const removed = await RequestContext.run(newRequestContext('req-sweep-1'), () =>
        recorder.write(leftovers, async () => 3, { outcome }),
      );
      expect(removed).toBe(3);
      expect(table.rows).toMatchObject([
        {
          action: 'data_connection.secret.leftovers_delete',
          requestId: 'req-sweep-1',
          details: { removed: 3 },
        },
      ]);
    });

    it('should keep no event when the change turned out to change nothing', async () => {
      await expect(recorder.write(leftovers, async () => 0, { outcome })).resolves.toBe(0);
      expect(table.rows).toEqual([]);
    });

    it('should not run the change when its event cannot be written', async () => {
      table.failInsert = true;
      const change = jest.fn(async () => 3);
      const error = await recorder.write(leftovers, change, { outcome }).catch((e: unknown) => e);
      expect((error as AppException).code).toBe(ErrorCode.AUDIT_UNAVAILABLE);
      expect(change).not.toHaveBeenCalled();
    });
  });

  describe('record', () => {
    it('should write a reported event at once, with the ids of the request that reported it', async () => {
      await RequestContext.run(newRequestContext('req-assets-3', TRACEPARENT), () =>
        recorder.record({ ...EVENT, action: 'data_connection.create', source_service: 'assets' }),
      );
      expect(table.rows).toMatchObject([
        {
          action: 'data_connection.create',
          requestId: 'req-assets-3',
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        },
      ]);
    });
  });
});
