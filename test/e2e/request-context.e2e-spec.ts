import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { AppException, createHttpApp, createLoggerModule, Public, RequestContext } from '@app/core';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

const ORG = 'acme';
const PROJECT = 'analytics-prod';

/** A fresh W3C trace: the id to look for, and the header that carries it. */
function newTrace(): { traceId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

type LogLine = Record<string, unknown> & { msg?: string };

@Public()
@Controller('probe')
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Post()
  async echo(@Body() body: { note: string }): Promise<{ note: string; request_id: string | undefined }> {
    await new Promise((resolve) => setImmediate(resolve));
    this.logger.log({ note: body.note }, 'probe handled');
    return { note: body.note, request_id: RequestContext.current()?.requestId };
  }

  @Get('fail')
  fail(): never {
    this.logger.warn('probe refusing');
    throw AppException.conflict('probe conflict');
  }
}

/**
 * The request context end to end: the HTTP entry (createHttpApp) opens it, the logger and the
 * error envelope read it, and Assets carries it to Governance, whose audit log records it.
 */
describe('Request context (e2e)', () => {
  describe('in one app: logs and the error envelope', () => {
    const lines: LogLine[] = [];
    let app: NestFastifyApplication;

    beforeAll(async () => {
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean))
            lines.push(JSON.parse(line) as LogLine);
          done();
        },
      });
      @Module({
        imports: [createLoggerModule({ service: 'probe', level: 'info', destination })],
        controllers: [ProbeController],
      })
      class ProbeModule {}
      app = await createHttpApp(ProbeModule, {
        service: 'probe',
        prefix: 'api',
        server: { defaultHost: 'localhost', description: 'Probe' },
        title: 'probe',
        description: 'probe',
      });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    });

    afterAll(async () => {
      await app?.close();
    });

    it('should put the request id and trace id on every line logged inside a request, body parsing included', async () => {
      const { traceId, traceparent } = newTrace();
      const requestId = `e2e-log-${randomUUID()}`;
      const res = await request(app.getHttpServer())
        .post('/api/probe')
        .set('x-request-id', requestId)
        .set('traceparent', traceparent)
        .send({ note: 'hello' })
        .expect(201);
      expect(res.body).toEqual({ note: 'hello', request_id: requestId });
      const handled = lines.filter((line) => line.msg === 'probe handled');
      expect(handled).toEqual([
        expect.objectContaining({ request_id: requestId, trace_id: traceId, note: 'hello' }),
      ]);
      const ofRequest = lines.filter((line) => (line.req as { id?: string } | undefined)?.id === requestId);
      expect(ofRequest.map((line) => line.msg)).toContain('request completed');
      for (const line of ofRequest) expect(line).toMatchObject({ request_id: requestId, trace_id: traceId });
    });

    it('should answer errors with the trace id its log lines carry, a new trace when the caller sent none', async () => {
      const res = await request(app.getHttpServer()).get('/api/probe/fail').expect(409);
      expect(res.body.error.trace_id).toMatch(/^[\da-f]{32}$/);
      const refusing = lines.filter((line) => line.msg === 'probe refusing');
      expect(refusing.at(-1)).toMatchObject({
        request_id: res.headers['x-request-id'],
        trace_id: res.body.error.trace_id,
      });
    });
  });

  describe('from Assets to Governance: the audit log', () => {
    let h: AssetsHarness;
    let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
    let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
    const alice = () => h.governance.bearer('alice', ORG);

    const eventsOf = async (action: string, resourceId: string) =>
      (
        await request(gov)
          .get(
            `/governance/audit?action=${action}&resource_id=${encodeURIComponent(resourceId)}&page_size=100`,
          )
          .set('authorization', alice())
          .expect(200)
      ).body.data as Array<{ request_id: string | null; trace_id: string | null; source_service: string }>;

    const create = (name: string, headers: Record<string, string>) =>
      request(http)
        .post('/assets/data')
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set(headers)
        .send({
          name,
          connection_type: 'postgres',
          database_config: { host: 'db.example.com', port: 5432, database: 'orders' },
          credentials: { username: 'reader', password: 'pw' },
        })
        .expect(201);

    beforeAll(async () => {
      h = await startAssetsHarness();
      http = h.app.getHttpServer();
      gov = h.governance.app.getHttpServer();
      await h.governance.createOrg(ORG, 'alice');
      await request(gov)
        .post('/governance/projects')
        .set('authorization', alice())
        .send({ id: PROJECT, name: PROJECT })
        .expect(201);
    });

    afterAll(async () => {
      await h?.close();
    });

    it('should record a connection create under the request id and trace sent to Assets, in Assets event and in Governance own', async () => {
      const { traceId, traceparent } = newTrace();
      const requestId = `e2e-create-${randomUUID()}`;
      const res = await create('Traced Orders', { 'x-request-id': requestId, traceparent });
      expect(res.headers['x-request-id']).toBe(requestId);
      const uri = res.body.resource_uri as string;

      // Assets' own event, delivered to Governance by the Assets service account.
      expect(await eventsOf('data_connection.create', uri)).toEqual([
        expect.objectContaining({ source_service: 'assets', request_id: requestId, trace_id: traceId }),
      ]);
      // The secret write Governance audited itself for the call Assets made on this request.
      expect(await eventsOf('data_connection.secret.write', `${uri}#credentials-v1`)).toEqual([
        expect.objectContaining({ source_service: 'governance', request_id: requestId, trace_id: traceId }),
      ]);
    });

    it('should record a secret read under the request id and trace sent to Assets', async () => {
      const uri = (await create('Read Orders', {})).body.resource_uri as string;
      const { traceId, traceparent } = newTrace();
      const requestId = `e2e-read-${randomUUID()}`;
      await request(http)
        .get(`/assets/data/${uri}/secret`)
        .set('authorization', alice())
        .set('x-project-id', PROJECT)
        .set('x-request-id', requestId)
        .set('traceparent', traceparent)
        .expect(200);

      const reads = (await eventsOf('data_connection.secret.read', `${uri}#credentials-v1`)).filter(
        (e) => e.request_id === requestId,
      );
      expect(reads).toEqual([expect.objectContaining({ source_service: 'governance', trace_id: traceId })]);
    });

    it('should carry the trace to Governance even when the caller sent no request id', async () => {
      const { traceId, traceparent } = newTrace();
      const res = await create('Trace Only', { traceparent });
      const [event] = await eventsOf(
        'data_connection.secret.write',
        `${res.body.resource_uri as string}#credentials-v1`,
      );
      expect(event).toMatchObject({ request_id: res.headers['x-request-id'], trace_id: traceId });
    });
  });
});
