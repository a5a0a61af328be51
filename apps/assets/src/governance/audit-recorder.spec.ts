import { jest } from '@jest/globals';
import {
  AppException,
  DependencyUnavailableError,
  newRequestContext,
  type Principal,
  RequestContext,
} from '@app/core';
import { type AuditEventInput, AuditSink } from '@app/audit';
import { AuditRecorder, type AuditDraft } from './audit-recorder.js';
import { ASSETS_SERVICE_SUBJECT } from './service-identity.js';

const ALICE: Principal = {
  userId: 'alice',
  orgId: 'acme',
  actorType: 'user',
  issuer: 'test',
  token: 'token-alice',
};
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const DRAFT: AuditDraft = {
  project_id: 'analytics',
  action: 'data_connection.update',
  resource_type: 'data_connection',
  resource_id: 'data:acme:analytics:orders',
};

class RecordingSink extends AuditSink {
  readonly events: AuditEventInput[] = [];
  failure: Error | null = null;

  async record(event: AuditEventInput): Promise<void> {
    if (this.failure) throw this.failure;
    this.events.push(event);
  }
}

/** Runs `work` inside a request whose guards resolved `principal`. */
function inRequest<T>(work: () => Promise<T>, principal?: Principal): Promise<T> {
  return RequestContext.run(newRequestContext('req-12345678', `00-${TRACE}-00f067aa0ba902b7-01`), () => {
    RequestContext.setPrincipal(principal);
    return work();
  });
}

describe(AuditRecorder.name, () => {
  let sink: RecordingSink;
  let recorder: AuditRecorder;

  beforeEach(() => {
    sink = new RecordingSink();
    recorder = new AuditRecorder(sink, new RequestContext());
  });

  describe('write', () => {
    it('should write the event first, then commit, with the request and trace ids of the context', async () => {
      const order: string[] = [];
      jest.spyOn(sink, 'record').mockImplementation(async () => void order.push('event'));
      await inRequest(() => recorder.write(ALICE, DRAFT, async () => void order.push('commit')));
      expect(order).toEqual(['event', 'commit']);
      expect(sink.record).toHaveBeenCalledWith({
        ...DRAFT,
        org_id: 'acme',
        actor_id: 'alice',
        actor_type: 'user',
        source_service: 'assets',
        request_id: 'req-12345678',
        trace_id: TRACE,
      });
    });

    it('should never commit when the event cannot be written, and answer 503 naming the audit log', async () => {
      sink.failure = new Error('audit log offline');
      const commit = jest.fn(async () => 'committed');
      const error = await recorder.write(ALICE, DRAFT, commit).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as AppException).details).toMatchObject({ dependency: 'audit log' });
      expect(commit).not.toHaveBeenCalled();
    });

    it('should pass a refusal raised on purpose through as it is', async () => {
      sink.failure = AppException.forbidden();
      await expect(recorder.write(ALICE, DRAFT, async () => undefined)).rejects.toBe(sink.failure);
    });
  });

  describe('read', () => {
    it('should release the value only once its event is written, described by the value', async () => {
      const order: string[] = [];
      jest.spyOn(sink, 'record').mockImplementation(async () => void order.push('event'));
      const value = await recorder.read(
        ALICE,
        (report: { success: boolean }) => ({
          ...DRAFT,
          action: 'data_connection.verify',
          details: { success: report.success },
        }),
        async () => {
          order.push('read');
          return { success: true };
        },
      );
      expect(value).toEqual({ success: true });
      expect(order).toEqual(['read', 'event']);
    });

    it('should drop the value when its event cannot be written', async () => {
      sink.failure = new Error('audit log offline');
      const error = await recorder.read(ALICE, DRAFT, async () => 'credentials').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect(JSON.stringify(error)).not.toContain('credentials');
    });
  });

  describe('eventOf', () => {
    it('should name the principal of the request when the caller names none', async () => {
      const event = await inRequest(async () => recorder.eventOf(null, DRAFT), ALICE);
      expect(event).toMatchObject({ org_id: 'acme', actor_id: 'alice', actor_type: 'user' });
    });

    it('should name the Assets service account for work no principal carries', () => {
      const event = recorder.eventOf(null, { ...DRAFT, org_id: 'acme' });
      expect(event).toMatchObject({
        org_id: 'acme',
        actor_id: ASSETS_SERVICE_SUBJECT,
        actor_type: 'service',
        request_id: undefined,
        trace_id: undefined,
      });
      expect(() => recorder.eventOf(null, DRAFT)).toThrow('names no org');
    });

    it('should scrub the details before they leave', () => {
      const event = recorder.eventOf(ALICE, {
        ...DRAFT,
        details: { fields: ['host'], password: 'canary-pw', dsn: 'postgres://u:canary-2@h/db' },
      });
      expect(JSON.stringify(event)).not.toMatch(/canary/);
      expect(event.details).toEqual({ fields: ['host'] });
    });
  });
});
