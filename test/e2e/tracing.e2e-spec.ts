import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Controller, Get, Logger, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  AppException,
  createHttpApp,
  createLoggerModule,
  Public,
  startTracing,
  type Tracing,
} from '@app/core';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';
/** The connection's password: it must never reach a span. */
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;

/** OTLP span kinds as exported (SpanKind + 1). */
const KIND = { INTERNAL: 1, SERVER: 2, CLIENT: 3 } as const;

interface ExportedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  status: { code?: number };
  /** Span ids this span links to (a batch's item links to the batch request's span). */
  links: string[];
}

type OtlpValue = {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
};
type OtlpAttribute = { key: string; value: OtlpValue };
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      spans: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes: OtlpAttribute[];
        status: { code?: number };
        links?: Array<{ traceId: string; spanId: string }>;
      }>;
    }>;
  }>;
}

const valueOf = (value: OtlpValue): unknown =>
  value.stringValue ??
  (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
  value.doubleValue ??
  value.boolValue;
const attributesOf = (attributes: OtlpAttribute[]) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));

/**
 * An OTLP/HTTP receiver in process, as a collector would be: it decodes exactly what the apps'
 * exporter POSTs to `/v1/traces` (OTLP JSON, gzipped when OTEL_EXPORTER_OTLP_COMPRESSION says so)
 * and keeps the raw bodies too, to search them for anything that must never be exported.
 */
class OtlpReceiver {
  readonly spans: ExportedSpan[] = [];
  readonly bodies: string[] = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      if (
        req.url !== '/v1/traces' ||
        req.method !== 'POST' ||
        !/json/.test(req.headers['content-type'] ?? '')
      ) {
        res.writeHead(404).end();
        return;
      }
      const text = body.toString('utf8');
      this.bodies.push(text);
      for (const { resource, scopeSpans } of (JSON.parse(text) as OtlpExport).resourceSpans) {
        const service = String(attributesOf(resource.attributes)['service.name']);
        for (const scope of scopeSpans)
          for (const span of scope.spans)
            this.spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
              status: span.status ?? {},
              links: (span.links ?? []).map((link) => link.spanId),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/traces`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  trace(traceId: string): ExportedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }
}

/** The ancestors of a span within its trace, nearest first. */
function ancestorsOf(span: ExportedSpan, trace: ExportedSpan[]): ExportedSpan[] {
  const byId = new Map(trace.map((s) => [s.spanId, s]));
  const chain: ExportedSpan[] = [];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? ''))
    chain.push(parent);
  return chain;
}

const newTrace = () => {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { traceId, parentId, traceparent: `00-${traceId}-${parentId}-01` };
};

describe('Tracing (e2e)', () => {
  const receiver = new OtlpReceiver();

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });

  // One app with its own log destination, so its lines can be read back.
  describe('in one app: the error envelope, the log lines and the exported span agree', () => {
    const lines: Array<Record<string, unknown>> = [];
    let app: NestFastifyApplication;
    let tracing: Tracing;

    @Public()
    @Controller('probe')
    class ProbeController {
      private readonly logger = new Logger('Probe');

      @Get('fail')
      fail(): never {
        this.logger.warn('probe refusing');
        throw AppException.conflict('probe conflict');
      }
    }

    beforeAll(async () => {
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      });
      @Module({
        imports: [createLoggerModule({ service: 'probe', level: 'info', destination })],
        controllers: [ProbeController],
      })
      class ProbeModule {}
      tracing = await startTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url }, 'probe');
      app = await createHttpApp(ProbeModule, {
        service: 'probe',
        prefix: 'api',
        server: { defaultHost: 'localhost', description: 'Probe' },
        title: 'probe',
        description: 'probe',
        tracing,
      });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });

    let closed = false;
    afterAll(async () => {
      if (!closed) await app?.close();
    });

    it('should carry one trace id in the envelope, on every log line of the request and on its SERVER span', async () => {
      const res = await request(app.getHttpServer()).get('/api/probe/fail').expect(409);
      await tracing.forceFlush();
      const traceId = res.body.error.trace_id as string;
      expect(traceId).toMatch(/^[\da-f]{32}$/);
      const ofRequest = lines.filter((line) => line.request_id === res.headers['x-request-id']);
      expect(ofRequest.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['probe refusing', 'request completed']),
      );
      for (const line of ofRequest) expect(line.trace_id).toBe(traceId);
      expect(receiver.trace(traceId)).toEqual([
        expect.objectContaining({
          service: 'probe',
          name: 'GET /api/probe/fail',
          kind: KIND.SERVER,
          parentSpanId: undefined,
          attributes: expect.objectContaining({ 'http.response.status_code': 409 }),
        }),
      ]);
    });

    it('should flush what is queued when the app closes', async () => {
      const res = await request(app.getHttpServer()).get('/api/probe/fail').expect(409);
      closed = true;
      await app.close();
      expect(receiver.trace(res.body.error.trace_id as string)).toHaveLength(1);
    });
  });

  describe('Assets and Governance exporting to an OTLP receiver', () => {
    let h: AssetsHarness;
    let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
    let uri: string;
    let bearer: string;
    const tracers = (): Tracing[] => [
      (h.infra as unknown as { tracing: Tracing }).tracing,
      h.governance.infra.tracing,
    ];
    /** Every span both apps ended so far, exported: no timer is waited for. */
    const flush = () => Promise.all(tracers().map((tracing) => tracing.forceFlush()));

    const readSecret = (headers: Record<string, string> = {}) =>
      request(http)
        .get(`/assets/data/${uri}/secret`)
        .set('authorization', bearer)
        .set('x-project-id', PROJECT)
        .set(headers);

    beforeAll(async () => {
      const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url };
      // One app per service: the spans asserted here are one request's, on the replica that served it.
      h = await startAssetsHarness({ env, governanceEnv: env, replicas: 1 });
      http = h.app.getHttpServer();
      bearer = h.governance.bearer('alice', ORG);
      await h.governance.createOrg(ORG, 'alice');
      await request(h.governance.app.getHttpServer())
        .post('/governance/projects')
        .set('authorization', bearer)
        .send({ id: PROJECT, name: PROJECT })
        .expect(201);
      uri = (
        await request(http)
          .post('/assets/data')
          .set('authorization', bearer)
          .set('x-project-id', PROJECT)
          .send({
            name: 'Traced Orders',
            connection_type: 'postgres',
            database_config: { host: 'db.example.com', port: 5432, database: 'orders' },
            credentials: { username: 'reader', password: PASSWORD },
          })
          .expect(201)
      ).body.resource_uri as string;
    });

    afterAll(async () => {
      await h?.close();
    });

    it('should show a secret read as one trace: Assets SERVER → CLIENT → Governance SERVER → PostgreSQL, with OpenFGA and secrets spans', async () => {
      const res = await readSecret().expect(200);
      expect(res.body).toMatchObject({ credentials: { password: PASSWORD } });
      await flush();

      const [root] = receiver.spans.filter(
        (span) =>
          span.service === 'assets' &&
          span.name === 'GET /assets/data/{resource_uri}/secret' &&
          span.attributes['url.path'] === `/assets/data/${uri}/secret`,
      );
      expect(root).toMatchObject({
        kind: KIND.SERVER,
        parentSpanId: undefined,
        attributes: expect.objectContaining({
          'http.request.method': 'GET',
          'http.route': '/assets/data/{resource_uri}/secret',
          'http.response.status_code': 200,
        }),
      });
      const trace = receiver.trace(root.traceId);
      // One trace: every span but the root has its parent in it, and every span descends from the root.
      for (const span of trace.filter((s) => s !== root)) expect(ancestorsOf(span, trace).at(-1)).toBe(root);

      // Assets calls Governance as a CLIENT span, and Governance's SERVER span is its child.
      const calls = trace.filter(
        (s) =>
          s.service === 'assets' && s.kind === KIND.CLIENT && s.attributes['peer.service'] === 'governance',
      );
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) expect(call.parentSpanId).toBe(root.spanId);
      const governed = trace.filter((s) => s.service === 'governance' && s.kind === KIND.SERVER);
      expect(governed.length).toBeGreaterThan(0);
      for (const server of governed) expect(calls.map((c) => c.spanId)).toContain(server.parentSpanId);
      // A user's read travels in a call Assets makes for many reads (ForwardedSecretReads): the
      // read has its own SERVER span in Governance, in this trace, linked to that call's span.
      const secretRead = governed.find((s) => s.name === 'forwarded secret read');
      expect(secretRead).toBeDefined();
      const batch = receiver.spans.find(
        (s) =>
          s.service === 'governance' &&
          s.kind === KIND.SERVER &&
          s.attributes['http.route'] === '/governance/internal/forwarded-secret-reads',
      );
      expect(batch).toBeDefined();
      expect(secretRead!.links).toEqual([batch!.spanId]);

      // Below Governance's SERVER span: the embedded secrets backend, its queries, and PostgreSQL spans.
      const below = (ancestor: ExportedSpan) => trace.filter((s) => ancestorsOf(s, trace).includes(ancestor));
      const underRead = below(secretRead!);
      const secrets = underRead.find((s) => s.name === 'secrets get');
      expect(secrets).toMatchObject({ kind: KIND.INTERNAL, attributes: { 'secrets.backend': 'embedded' } });
      const queries = underRead.filter((s) => s.attributes['db.system.name'] === 'postgresql');
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) {
        expect(query.kind).toBe(KIND.CLIENT);
        expect(query.name).toBe(query.attributes['db.query.summary']);
        expect(query.attributes).not.toHaveProperty('db.query.text');
      }
      expect(below(secrets!).some((s) => s.attributes['db.system.name'] === 'postgresql')).toBe(true);

      // Governance audited the read under the same trace (and the Assets request's id).
      const audited = (
        await request(h.governance.app.getHttpServer())
          .get(
            `/governance/audit?action=data_connection.secret.read&resource_id=${encodeURIComponent(`${uri}#credentials-v1`)}&page_size=100`,
          )
          .set('authorization', bearer)
          .expect(200)
      ).body.data as Array<{ request_id: string; trace_id: string }>;
      expect(audited.filter((event) => event.request_id === res.headers['x-request-id'])).toEqual([
        expect.objectContaining({ trace_id: root.traceId }),
      ]);

      // Assets' own permission check went to OpenFGA, and its own queries are spans too.
      expect(trace).toContainEqual(
        expect.objectContaining({
          service: 'assets',
          kind: KIND.CLIENT,
          name: expect.stringMatching(/^openfga /),
        }),
      );
      expect(trace).toContainEqual(
        expect.objectContaining({
          service: 'assets',
          kind: KIND.CLIENT,
          parentSpanId: root.spanId,
          attributes: expect.objectContaining({ 'db.system.name': 'postgresql' }),
        }),
      );
    });

    it("should continue the caller's trace: its traceparent is the Assets SERVER span's parent", async () => {
      const { traceId, parentId, traceparent } = newTrace();
      await readSecret({ traceparent }).expect(200);
      await flush();
      const trace = receiver.trace(traceId);
      const root = trace.find((s) => s.service === 'assets' && s.kind === KIND.SERVER);
      expect(root?.parentSpanId).toBe(parentId);
      expect(trace.some((s) => s.service === 'governance' && s.kind === KIND.SERVER)).toBe(true);
    });

    it('should answer an error with the trace id of its exported SERVER span, in both apps', async () => {
      const { traceId, traceparent } = newTrace();
      const missing = await request(http)
        .get('/assets/data/00000000-0000-4000-8000-000000000000/secret')
        .set('authorization', bearer)
        .set('x-project-id', PROJECT)
        .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
      const unauthenticated = await request(h.governance.app.getHttpServer())
        .get('/governance/projects')
        .set('traceparent', traceparent)
        .expect(401);
      await flush();

      const assetsTrace = missing.body.error.trace_id as string;
      expect(assetsTrace).toMatch(/^[\da-f]{32}$/);
      expect(receiver.trace(assetsTrace)).toContainEqual(
        expect.objectContaining({
          service: 'assets',
          kind: KIND.SERVER,
          attributes: expect.objectContaining({ 'http.response.status_code': missing.status }),
        }),
      );
      expect(unauthenticated.body.error.trace_id).toBe(traceId);
      expect(receiver.trace(traceId)).toContainEqual(
        expect.objectContaining({
          service: 'governance',
          kind: KIND.SERVER,
          name: 'GET /governance/projects',
          attributes: expect.objectContaining({ 'http.response.status_code': 401 }),
        }),
      );
    });

    it('should never export a secret, a token or a bound value', async () => {
      await readSecret().expect(200);
      await flush();
      const exported = receiver.bodies.join('\n');
      expect(exported.length).toBeGreaterThan(0);
      for (const forbidden of [
        PASSWORD,
        bearer.slice('Bearer '.length),
        'Bearer ',
        'eyJ', // any JWT (user or service account)
        'test-openfga-token',
        'reader', // the connection's username, a bound value of its INSERT
        'db.example.com',
      ])
        expect(exported).not.toContain(forbidden);
    });
  });
});
