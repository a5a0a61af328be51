import { Logger } from '@nestjs/common';
import type {
  AttemptRecord,
  ClaimedDelivery,
  DeliveryUpdate,
  WebhookDeliveriesRepository,
} from '../persistence/webhook-deliveries.repository.js';
import type { WebhookSecretsStore } from '../webhook-secrets.store.js';
import { BASE_BACKOFF_MS } from './delivery-policy.js';
import { payloadOf, RETENTION_MS, WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import type { SendResult, WebhookSender } from './webhook-sender.js';
import { generateSigningSecret, verifyWebhook } from './webhook-signature.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const SECRET = generateSigningSecret();

const claim = (over: Partial<ClaimedDelivery> = {}): ClaimedDelivery => ({
  id: 'd1',
  leaseToken: 't1',
  orgId: 'acme',
  projectId: 'analytics',
  subscriptionId: 's1',
  url: 'https://hooks.example.com/x',
  enabled: true,
  attempt: 1,
  event: {
    id: 'e1',
    type: 'connection.deleted',
    resourceUri: 'data:acme:analytics:db',
    data: {},
    actorId: 'alice',
    occurredAt: new Date(NOW),
    projectId: 'analytics',
  },
  ...over,
});

/** A repository that hands out one batch and records what the worker writes back. */
class FakeDeliveries {
  batches: ClaimedDelivery[][] = [];
  recorded: { attempt: AttemptRecord; next: DeliveryUpdate }[] = [];
  leaseLost = false;
  async claimDue(): Promise<ClaimedDelivery[]> {
    return this.batches.shift() ?? [];
  }
  async recordAttempt(_s: unknown, _c: unknown, attempt: AttemptRecord, next: DeliveryUpdate) {
    if (this.leaseLost) return false;
    this.recorded.push({ attempt, next });
    return true;
  }
  async release(): Promise<void> {}
  sweptBefore: Date[] = [];
  async deleteSettledBefore(_s: unknown, cutoff: Date): Promise<number> {
    this.sweptBefore.push(cutoff);
    return 0;
  }
}

describe(WebhookDeliveryWorker.name, () => {
  let deliveries: FakeDeliveries;
  let sent: { headers: Record<string, string>; body: string }[];
  let answer: SendResult;
  let secretReads: number;
  let secretDown: boolean;
  let worker: WebhookDeliveryWorker;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    deliveries = new FakeDeliveries();
    sent = [];
    secretReads = 0;
    secretDown = false;
    answer = { result: { kind: 'response', status: 200 }, excerpt: null };
    const secrets = {
      read: async () => {
        secretReads += 1;
        if (secretDown) throw new Error('governance down');
        return SECRET;
      },
    } as unknown as WebhookSecretsStore;
    const sender = {
      post: async (_url: URL, headers: Record<string, string>, body: string) => {
        sent.push({ headers, body });
        return answer;
      },
    } as unknown as WebhookSender;
    worker = new WebhookDeliveryWorker(
      deliveries as unknown as WebhookDeliveriesRepository,
      secrets,
      sender,
      { intervalMs: 0, random: () => 0 },
      () => NOW,
    );
  });

  afterEach(() => worker.onModuleDestroy());

  it('should sign each delivery and read a subscription secret once per batch', async () => {
    deliveries.batches.push([claim(), claim({ id: 'd2', event: { ...claim().event, id: 'e2' } })]);
    await expect(worker.runOnce()).resolves.toMatchObject({ claimed: 2, succeeded: 2 });
    expect(secretReads).toBe(1);
    for (const s of sent) {
      expect(s.headers['webhook-timestamp']).toBe(String(NOW / 1000));
      expect(
        verifyWebhook(
          SECRET,
          {
            id: s.headers['webhook-id']!,
            timestamp: s.headers['webhook-timestamp']!,
            signature: s.headers['webhook-signature']!,
          },
          s.body,
        ),
      ).toBe(true);
    }
    expect(sent.map((s) => s.headers['webhook-id'])).toEqual(['e1', 'e2']);
    expect(deliveries.recorded.map((r) => r.next)).toEqual([
      { status: 'succeeded' },
      { status: 'succeeded' },
    ]);
  });

  it('should schedule a retry after a 503 and scrub the secret from the excerpt', async () => {
    answer = { result: { kind: 'response', status: 503 }, excerpt: `echo ${SECRET}` };
    deliveries.batches.push([claim()]);
    await expect(worker.runOnce()).resolves.toMatchObject({ retried: 1 });
    expect(deliveries.recorded[0]).toEqual({
      attempt: expect.objectContaining({
        statusCode: 503,
        error: 'http_503',
        responseExcerpt: 'echo [redacted]',
      }),
      next: { status: 'pending', nextAttemptAt: new Date(NOW + BASE_BACKOFF_MS / 2) },
    });
  });

  it('should fail a delivery of a disabled subscription without sending it', async () => {
    deliveries.batches.push([claim({ enabled: false })]);
    await expect(worker.runOnce()).resolves.toMatchObject({ failed: 1 });
    expect(sent).toEqual([]);
    expect(deliveries.recorded[0]!.attempt.error).toBe('subscription_disabled');
  });

  it('should retry later, sending nothing, when the signing secret cannot be read', async () => {
    secretDown = true;
    deliveries.batches.push([claim()]);
    await expect(worker.runOnce()).resolves.toMatchObject({ retried: 1 });
    expect(sent).toEqual([]);
    expect(deliveries.recorded[0]!.attempt.error).toBe('signing_secret_unavailable');
  });

  it('should count nothing when its lease was lost to another replica', async () => {
    deliveries.leaseLost = true;
    deliveries.batches.push([claim()]);
    await expect(worker.runOnce()).resolves.toEqual({ claimed: 1, succeeded: 0, retried: 0, failed: 0 });
  });

  it('should sweep what is past retention at most once an hour', async () => {
    await worker.runOnce();
    await worker.runOnce();
    expect(deliveries.sweptBefore).toEqual([new Date(NOW - RETENTION_MS)]);
  });

  it('should build the same Standard Webhooks body on every attempt', () => {
    expect(JSON.parse(payloadOf(claim().event, 'acme'))).toEqual({
      type: 'connection.deleted',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: {
        resource_uri: 'data:acme:analytics:db',
        org_id: 'acme',
        project_id: 'analytics',
        actor: 'alice',
      },
    });
    expect(payloadOf(claim().event, 'acme')).toBe(payloadOf(claim().event, 'acme'));
  });
});
