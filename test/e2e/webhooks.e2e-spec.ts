import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { AppMetrics } from '@app/core';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { CLOCK } from '../../apps/assets/src/common/index.js';
import {
  WEBHOOK_DELIVERY_OPTIONS,
  WebhookDeliveryWorker,
} from '../../apps/assets/src/notifications/index.js';
import { WebhookDeliveriesRepository } from '../../apps/assets/src/notifications/persistence/webhook-deliveries.repository.js';
import { WebhookSecretsStore } from '../../apps/assets/src/notifications/webhook-secrets.store.js';
import { WebhookSender } from '../../apps/assets/src/notifications/delivery/webhook-sender.js';

const ORG = 'acme';
const T0 = Date.parse('2026-01-01T00:00:00Z');

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback: answers each path from its queue of statuses (then 200). */
class Receiver {
  readonly received: Received[] = [];
  private readonly plans = new Map<string, number[]>();
  private server!: http.Server;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.plans.get(path)?.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? 'receiver down' : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  plan(path: string, ...statuses: number[]): void {
    this.plans.set(path, statuses);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The receiver's check, written from the Standard Webhooks spec with node:crypto only. */
function verifySignature(secret: string, r: Received): boolean {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const id = String(r.headers['webhook-id']);
  const timestamp = String(r.headers['webhook-timestamp']);
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${r.body}`).digest('base64');
  return String(r.headers['webhook-signature'])
    .split(' ')
    .some((s) => s === `v1,${expected}`);
}

describe('Webhooks (e2e)', () => {
  let h: AssetsHarness;
  let api: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  let worker: WebhookDeliveryWorker;
  const receiver = new Receiver();
  let now = T0;
  const as = (user: string, org = ORG) => h.governance.bearer(user, org);
  const secrets: string[] = [];

  const call = (
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    user = 'alice',
    project: string | null = null,
    org = ORG,
  ) => {
    const req = request(api)[method](path).set('authorization', as(user, org));
    return project ? req.set('x-project-id', project) : req;
  };

  const createWebhook = async (project: string | null, path: string, events = ['connection.deleted']) => {
    const res = await call('post', '/assets/webhooks', 'alice', project)
      .send({ url: receiver.url(path), events })
      .expect(201);
    secrets.push(res.body.signing_secret);
    return res.body as { id: string; signing_secret: string };
  };

  let connections = 0;
  const createAndDeleteConnection = async (project: string) => {
    const name = `conn-${++connections}`;
    const res = await call('post', '/assets/data', 'alice', project)
      .send({
        name,
        connection_type: 'postgres',
        database_config: { host: 'pg.example.com', port: 5432, database: 'db' },
        credentials: { username: 'u', password: 'p' },
      })
      .expect(201);
    await call('delete', `/assets/data/${res.body.resource_uri}`, 'alice', project).expect(204);
    return res.body.resource_uri as string;
  };

  beforeAll(async () => {
    await receiver.start();
    h = await startAssetsHarness({
      overrides: [
        { provide: CLOCK, useValue: () => now },
        { provide: WEBHOOK_DELIVERY_OPTIONS, useValue: { intervalMs: 0, random: () => 0 } },
      ],
    });
    api = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    worker = h.app.get(WebhookDeliveryWorker);
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    for (const id of ['signed', 'retried', 'raced', 'denied', 'perms']) {
      await request(gov)
        .post('/governance/projects')
        .set('authorization', as('alice'))
        .send({ id, name: id })
        .expect(201);
    }
    await request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: 'user:victor', relation: 'viewer', object: 'project:perms' })
      .expect(201);
  });

  afterAll(async () => {
    await h?.close();
    await receiver.close();
  });

  describe('authentication and tenancy', () => {
    const id = '8f14e45f-ceea-4e7a-9f6b-2d1c3b4a5e6f';
    it.each([
      ['post', '/assets/webhooks'],
      ['get', '/assets/webhooks'],
      ['get', `/assets/webhooks/${id}`],
      ['patch', `/assets/webhooks/${id}`],
      ['delete', `/assets/webhooks/${id}`],
      ['post', `/assets/webhooks/${id}/secret/rotate`],
      ['get', `/assets/webhooks/${id}/deliveries`],
    ] as const)('should answer 401 to %s %s without a token', async (method, path) => {
      const res = await request(api)[method](path).send({});
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBeDefined();
    });

    it("should hide another org's webhooks (404) and let a project viewer read but not create", async () => {
      const hook = await createWebhook('perms', '/perms');
      for (const path of [`/assets/webhooks/${hook.id}`, `/assets/webhooks/${hook.id}/deliveries`])
        await call('get', path, 'mallory', null, 'globex').expect(404);
      await call('get', `/assets/webhooks/${hook.id}`, 'mallory', 'perms', 'globex').expect(404);
      await call('delete', `/assets/webhooks/${hook.id}`, 'mallory', null, 'globex').expect(404);
      await call('patch', `/assets/webhooks/${hook.id}`, 'mallory', null, 'globex').send({}).expect(404);
      // A project webhook is not an org webhook: not found without its project.
      await call('get', `/assets/webhooks/${hook.id}`, 'alice').expect(404);

      await call('get', `/assets/webhooks/${hook.id}`, 'victor', 'perms').expect(200);
      const denied = await call('post', '/assets/webhooks', 'victor', 'perms')
        .send({ url: receiver.url('/victor'), events: ['connection.deleted'] })
        .expect(403);
      expect(denied.body.error.code).toBe('INSUFFICIENT_PERMISSIONS');
      await call('delete', `/assets/webhooks/${hook.id}`, 'victor', 'perms').expect(403);
      // An org member without a role in the project does not see it at all.
      await call('get', '/assets/webhooks', 'nobody', 'perms').expect(404);
      await call('delete', `/assets/webhooks/${hook.id}`, 'alice', 'perms').expect(204);
    });

    it('should validate the url and the event types', async () => {
      const post = (body: object) => call('post', '/assets/webhooks', 'alice', 'perms').send(body);
      const bad = [
        { url: 'ftp://hooks.example.com/x', events: ['connection.deleted'] },
        { url: 'https://user:pw@hooks.example.com/x', events: ['connection.deleted'] },
        { url: 'http://169.254.169.254/latest/meta-data', events: ['connection.deleted'] },
        { url: 'http://127.0.0.1:8002/assets/data', events: ['connection.deleted'] },
      ];
      for (const body of bad) {
        const res = await post(body);
        expect(res.status).toBe(422);
        expect(res.body.error.details.fields[0].field).toBe('url');
      }
      for (const events of [[], ['connection.created'], 'connection.deleted'])
        expect((await post({ url: 'https://hooks.example.com/x', events })).status).toBeGreaterThanOrEqual(
          400,
        );
      expect(
        (await post({ url: 'https://hooks.example.com/x', events: ['connection.deleted'], extra: 1 })).status,
      ).toBe(422);
    });
  });

  it('should deliver one signed event when a connection is deleted, and never show the secret again', async () => {
    const hook = await createWebhook('signed', '/signed');
    expect(hook.signing_secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const uri = await createAndDeleteConnection('signed');

    const summary = await worker.runOnce();
    expect(summary).toMatchObject({ succeeded: 1, failed: 0, retried: 0 });
    await worker.runOnce();
    const got = receiver.at('/signed');
    expect(got).toHaveLength(1);
    expect(verifySignature(hook.signing_secret, got[0]!)).toBe(true);
    expect(verifySignature(`whsec_${Buffer.alloc(32).toString('base64')}`, got[0]!)).toBe(false);
    expect(got[0]!.headers['webhook-timestamp']).toBe(String(Math.floor(now / 1000)));
    expect(JSON.parse(got[0]!.body)).toEqual({
      type: 'connection.deleted',
      timestamp: new Date(now).toISOString(),
      data: { resource_uri: uri, org_id: ORG, project_id: 'signed', actor: 'alice' },
    });

    const log = await call('get', `/assets/webhooks/${hook.id}/deliveries`, 'alice', 'signed').expect(200);
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      event_id: got[0]!.headers['webhook-id'],
      event_type: 'connection.deleted',
      resource_uri: uri,
      status: 'succeeded',
      attempts: 1,
      log: [{ attempt: 1, status_code: 200, error: null }],
    });
    const reads = [
      log,
      await call('get', `/assets/webhooks/${hook.id}`, 'alice', 'signed').expect(200),
      await call('get', '/assets/webhooks', 'alice', 'signed').expect(200),
    ];
    for (const res of reads) expect(JSON.stringify(res.body)).not.toContain(hook.signing_secret.slice(6));
    expect(reads[1]!.body).not.toHaveProperty('signing_secret');

    // The event is an audit event too, written by the service account with the request's actor.
    const audit = await request(gov)
      .get('/governance/audit')
      .query({ action: 'data_connection.event.deleted', resource_id: uri })
      .set('authorization', as('alice'))
      .expect(200);
    expect(audit.body.data).toHaveLength(1);
    expect(audit.body.data[0]).toMatchObject({ action: 'data_connection.event.deleted', resource_id: uri });
    expect(JSON.stringify(audit.body)).not.toContain(hook.signing_secret.slice(6));
  });

  it('should keep the signing secrets behind Governance routes no user and no other org can use', async () => {
    const hook = await createWebhook('signed', '/unused');
    const path = `/governance/internal/webhook-secrets/${encodeURIComponent(`webhook:${ORG}:signed:${hook.id}`)}`;
    await request(gov).get(path).set('authorization', as('alice')).expect(404);
    await request(gov).get(path).expect(401);
    const globex = await h.infra.serviceIdentity.credentialsFor('globex');
    await request(gov)
      .get(path)
      .set('authorization', `Bearer ${globex.token}`)
      .set('x-org-id', 'globex')
      .expect(404);
    const acme = await h.infra.serviceIdentity.credentialsFor(ORG);
    const own = await request(gov)
      .get(path)
      .set('authorization', `Bearer ${acme.token}`)
      .set('x-org-id', ORG)
      .expect(200);
    expect(own.body).toEqual({ value: hook.signing_secret });
    await call('delete', `/assets/webhooks/${hook.id}`, 'alice', 'signed').expect(204);
    // Deleting the webhook deleted its secret.
    await request(gov)
      .get(path)
      .set('authorization', `Bearer ${acme.token}`)
      .set('x-org-id', ORG)
      .expect(404);
  });

  it('should retry a 500 after its backoff, with the same webhook-id, and log both attempts', async () => {
    const hook = await createWebhook('retried', '/retried');
    receiver.plan('/retried', 500);
    await createAndDeleteConnection('retried');

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    // Not due yet: nothing is sent until the injected clock passes the backoff (15 s with random 0).
    now += 10_000;
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    now += 6_000;
    expect(await worker.runOnce()).toMatchObject({ succeeded: 1 });

    const got = receiver.at('/retried');
    expect(got).toHaveLength(2);
    expect(got[1]!.headers['webhook-id']).toBe(got[0]!.headers['webhook-id']);
    expect(got[1]!.body).toBe(got[0]!.body);
    for (const r of got) expect(verifySignature(hook.signing_secret, r)).toBe(true);
    const log = await call('get', `/assets/webhooks/${hook.id}/deliveries`, 'alice', 'retried').expect(200);
    expect(log.body.data[0]).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      last_status_code: 200,
      log: [
        { attempt: 1, status_code: 500, error: 'http_500', response_excerpt: 'receiver down' },
        { attempt: 2, status_code: 200, error: null },
      ],
    });
  });

  it('should never deliver one event twice when two workers race', async () => {
    const hook = await createWebhook('raced', '/raced');
    for (let i = 0; i < 6; i++) await createAndDeleteConnection('raced');
    // With E2E_REPLICAS=2 the other replica's worker (its own pool); else a second worker here.
    const replica = h.replicas[1]?.app.get(WebhookDeliveryWorker);
    const second =
      replica ??
      new WebhookDeliveryWorker(
        h.app.get(WebhookDeliveriesRepository),
        h.app.get(WebhookSecretsStore),
        h.app.get(WebhookSender),
        { intervalMs: 0, random: () => 0 },
        () => now,
        h.app.get(AppMetrics),
      );
    // The third call shares the first one's pass (one pass at a time per process).
    const results = await Promise.all([worker.runOnce(), second.runOnce(), worker.runOnce()]);
    expect(results[2]).toBe(results[0]);
    await Promise.all([worker.runOnce(), second.runOnce()]);
    if (!replica) await second.onModuleDestroy();

    const got = receiver.at('/raced');
    const ids = got.map((r) => String(r.headers['webhook-id']));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(results[0]!.succeeded + results[1]!.succeeded).toBe(6);
    for (const r of got) expect(verifySignature(hook.signing_secret, r)).toBe(true);
  });

  it('should fail a delivery to a destination the egress policy denies, without retrying', async () => {
    // A name passes the up-front check; it resolves to loopback on Assets' own port at delivery.
    const res = await call('post', '/assets/webhooks', 'alice', 'denied')
      .send({ url: 'http://localhost:8002/hook', events: ['connection.deleted'] })
      .expect(201);
    secrets.push(res.body.signing_secret);
    await createAndDeleteConnection('denied');
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    now += 24 * 3_600_000;
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    const log = await call('get', `/assets/webhooks/${res.body.id}/deliveries`, 'alice', 'denied').expect(
      200,
    );
    expect(log.body.data[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'egress_denied',
      log: [{ attempt: 1, status_code: null, error: 'egress_denied' }],
    });
  });

  it('should deliver every project event to an org webhook, and rotate its secret', async () => {
    const hook = await createWebhook(null, '/org');
    await createAndDeleteConnection('perms');
    await worker.runOnce();
    const first = receiver.at('/org');
    expect(first).toHaveLength(1);
    expect(verifySignature(hook.signing_secret, first[0]!)).toBe(true);

    const rotated = await call('post', `/assets/webhooks/${hook.id}/secret/rotate`).expect(200);
    secrets.push(rotated.body.signing_secret);
    expect(rotated.body.signing_secret).not.toBe(hook.signing_secret);
    await call('patch', `/assets/webhooks/${hook.id}`)
      .send({ events: ['connection.deleted'], enabled: true })
      .expect(200);
    await createAndDeleteConnection('perms');
    await worker.runOnce();
    const second = receiver.at('/org')[1]!;
    expect(verifySignature(rotated.body.signing_secret, second)).toBe(true);
    expect(verifySignature(hook.signing_secret, second)).toBe(false);

    await call('patch', `/assets/webhooks/${hook.id}`).send({ enabled: false }).expect(200);
    await createAndDeleteConnection('perms');
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    const list = await call('get', '/assets/webhooks').expect(200);
    expect(list.body.data.map((w: { id: string }) => w.id)).toEqual([hook.id]);
    expect(list.body.pagination).toMatchObject({ total_items: 1 });
    await call('delete', `/assets/webhooks/${hook.id}`).expect(204);
    await call('get', `/assets/webhooks/${hook.id}`).expect(404);
  });

  it('should keep every signing secret out of every read and log', async () => {
    const seen: string[] = [];
    for (const project of [null, 'signed', 'retried', 'raced', 'denied', 'perms']) {
      const list = await call('get', '/assets/webhooks', 'alice', project).expect(200);
      seen.push(JSON.stringify(list.body));
      for (const w of list.body.data as { id: string }[])
        seen.push(
          JSON.stringify((await call('get', `/assets/webhooks/${w.id}/deliveries`, 'alice', project)).body),
        );
    }
    const all = seen.join('\n');
    for (const secret of secrets) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(secret.slice('whsec_'.length));
    }
  });

  it('should drop events, deliveries and their log once past retention', async () => {
    const hooks = await call('get', '/assets/webhooks', 'alice', 'retried').expect(200);
    const id = (hooks.body.data as { id: string }[])[0]!.id;
    const before = await call('get', `/assets/webhooks/${id}/deliveries`, 'alice', 'retried').expect(200);
    expect(before.body.pagination.total_items).toBe(1);
    now += 31 * 24 * 3_600_000;
    await worker.runOnce();
    const after = await call('get', `/assets/webhooks/${id}/deliveries`, 'alice', 'retried').expect(200);
    expect(after.body).toMatchObject({ data: [], pagination: { total_items: 0 } });
  });
});
