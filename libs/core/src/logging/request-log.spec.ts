import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createAppLogger } from './logger.module.js';
import { registerRequestLog } from './request-log.js';

type Line = Record<string, unknown> & { req?: Record<string, unknown> };

async function requestLines(level = 'info'): Promise<{ lines: Line[]; hooks: number }> {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  const fastify = Fastify();
  fastify.get('/assets/data', (_request, reply) => reply.send({ ok: true }));
  fastify.get('/assets/fail', (_request, reply) => reply.code(503).send());
  fastify.get('/health/live', (_request, reply) => reply.send({ status: 'ok' }));
  const app = { getHttpAdapter: () => ({ getInstance: () => fastify }) } as unknown as NestFastifyApplication;
  let hooks = 0;
  const addHook = fastify.addHook.bind(fastify);
  fastify.addHook = ((...args: Parameters<typeof addHook>) => {
    hooks += 1;
    return addHook(...args);
  }) as typeof fastify.addHook;
  registerRequestLog(app, createAppLogger({ service: 'assets', level, destination }).requests);
  await fastify.inject({
    url: '/assets/data?token=canary-query&api_key=canary-key',
    headers: {
      authorization: 'Bearer canary-bearer',
      cookie: 'session=canary-cookie',
      'x-api-key': 'canary-x',
    },
  });
  await fastify.inject({ url: '/assets/fail' });
  await fastify.inject({ url: '/health/live' });
  await fastify.close();
  return { lines, hooks };
}

describe('request log', () => {
  it('should write one line per request: method, path without query, status and duration, nothing else of the request', async () => {
    const { lines } = await requestLines();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'assets',
        msg: 'request completed',
        req: { method: 'GET', url: '/assets/data' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
      expect.objectContaining({ msg: 'request errored', res: { statusCode: 503 } }),
    ]);
    // The request lines skip the redaction pass: only the serializers keep headers and query out.
    expect(JSON.stringify(lines)).not.toContain('canary');
  });

  it('should not hook into requests at all when the level drops info lines', async () => {
    const { lines, hooks } = await requestLines('warn');
    expect(hooks).toBe(0);
    expect(lines).toEqual([]);
  });
});
