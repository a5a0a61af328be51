import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Controller, Get, Injectable, Logger, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createHttpApp, createLoggerModule, Public, ServiceLogger } from '@app/core';

type LogLine = Record<string, unknown> & { msg?: string; req?: { id?: string } };

function capture(): { destination: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { destination, lines };
}

/** A service logging through the injected ServiceLogger, as VerificationLog does. */
@Injectable()
class ProbeLog {
  constructor(private readonly pino: ServiceLogger) {
    pino.setContext('ProbeLog');
  }

  note(): void {
    this.pino.info({ step: 'injected' }, 'probe noted');
  }
}

/** An app like Assets or Governance as far as logging goes: its service, level and destination. */
function probeModule(service: string, level: string, destination: Writable) {
  @Public()
  @Controller('probe')
  class ProbeController {
    private readonly logger = new Logger('Probe');

    constructor(private readonly log: ProbeLog) {}

    @Get()
    probe(): { service: string } {
      this.logger.log('probe handled');
      this.logger.debug('probe detail');
      this.log.note();
      return { service };
    }
  }

  @Module({
    imports: [createLoggerModule({ service, level, destination })],
    controllers: [ProbeController],
    providers: [ProbeLog],
  })
  class ProbeModule {}
  return ProbeModule;
}

/**
 * `npm start` runs Assets and Governance in one process: every line, request lines included,
 * must go to its own app's destination with its own service and level.
 */
describe('App logs, two apps in one process (e2e)', () => {
  const assetsLog = capture();
  const governanceLog = capture();
  const apps: NestFastifyApplication[] = [];

  const boot = async (service: string, level: string, destination: Writable) => {
    const app = await createHttpApp(probeModule(service, level, destination), {
      service,
      // Not the real apps' prefixes: the contract check would look these routes up in their documents.
      prefix: `${service}-probe`,
      server: { defaultHost: 'localhost', description: service },
      title: service,
      description: service,
    });
    apps.push(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  };

  let assets: NestFastifyApplication;
  let governance: NestFastifyApplication;

  beforeAll(async () => {
    // Governance first, as in start-all.
    governance = await boot('governance', 'debug', governanceLog.destination);
    assets = await boot('assets', 'info', assetsLog.destination);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  const call = async (app: NestFastifyApplication, path: string) => {
    const requestId = `e2e-logs-${randomUUID()}`;
    await request(app.getHttpServer()).get(path).set('x-request-id', requestId).expect(200);
    return requestId;
  };

  it("should write each app's request line to its own destination, with its service and the request's id", async () => {
    const assetsId = await call(assets, '/assets-probe/probe');
    const governanceId = await call(governance, '/governance-probe/probe');

    const requestLine = (lines: LogLine[], id: string) =>
      lines.find((line) => line.msg === 'request completed' && line.req?.id === id);
    expect(requestLine(assetsLog.lines, assetsId)).toMatchObject({
      service: 'assets',
      name: 'assets',
      level: 30,
      request_id: assetsId,
      trace_id: expect.stringMatching(/^[\da-f]{32}$/),
      req: { id: assetsId, method: 'GET', url: '/assets-probe/probe' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(requestLine(governanceLog.lines, governanceId)).toMatchObject({
      service: 'governance',
      request_id: governanceId,
      req: { id: governanceId, method: 'GET', url: '/governance-probe/probe' },
      res: { statusCode: 200 },
    });
    // Nothing crossed over.
    expect(assetsLog.lines.filter((line) => line.request_id === governanceId)).toEqual([]);
    expect(governanceLog.lines.filter((line) => line.request_id === assetsId)).toEqual([]);
    expect(assetsLog.lines.every((line) => line.service === 'assets')).toBe(true);
    expect(governanceLog.lines.every((line) => line.service === 'governance')).toBe(true);
  });

  it("should write each app's service lines (Nest Logger and injected ServiceLogger) at its own level", async () => {
    const assetsId = await call(assets, '/assets-probe/probe');
    const governanceId = await call(governance, '/governance-probe/probe');

    const ofRequest = (lines: LogLine[], id: string) =>
      lines.filter((line) => line.request_id === id).map((line) => line.msg);
    // Assets logs at info: its debug line is dropped; Governance logs at debug.
    expect(ofRequest(assetsLog.lines, assetsId)).toEqual([
      'probe handled',
      'probe noted',
      'request completed',
    ]);
    expect(ofRequest(governanceLog.lines, governanceId)).toEqual([
      'probe handled',
      'probe detail',
      'probe noted',
      'request completed',
    ]);
    expect(assetsLog.lines.find((line) => line.request_id === assetsId)).toMatchObject({
      service: 'assets',
      context: 'Probe',
    });
    expect(
      governanceLog.lines.find((line) => line.request_id === governanceId && line.msg === 'probe noted'),
    ).toMatchObject({ service: 'governance', context: 'ProbeLog', step: 'injected' });
  });
});
