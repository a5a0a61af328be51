import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { newRequestContext, RequestContext } from '../context/request-context.js';
import { createPrettyDestination, resolveLogFormat } from './log-format.js';
import { createAppLogger, loggerSettings, type LoggingOptions } from './logger.module.js';
import { registerRequestLog } from './request-log.js';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** The app's logger exactly as createLoggerModule builds it. */
function appLogger(options: Omit<LoggingOptions, 'service'>) {
  return createAppLogger({ service: 'assets', ...options }).pino;
}

describe('LOG_FORMAT', () => {
  it('should be pretty on a terminal and JSON anywhere else when not set', () => {
    expect(resolveLogFormat(undefined, true)).toBe('pretty');
    expect(resolveLogFormat(undefined, false)).toBe('json');
    expect(resolveLogFormat('', true)).toBe('pretty');
    expect(resolveLogFormat('', false)).toBe('json');
  });

  it('should follow an explicit value whatever stdout is', () => {
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('should reject an unknown value naming the variable and the allowed values', () => {
    expect(() => resolveLogFormat('yaml', false)).toThrow('LOG_FORMAT must be one of: pretty, json');
    expect(() => resolveLogFormat('PRETTY', true)).toThrow(/LOG_FORMAT/);
    expect(() => loggerSettings({ service: 'assets', format: 'text' })).toThrow(/LOG_FORMAT/);
  });

  it('should keep writing JSON to a given destination unless pretty is asked for', () => {
    const out = sink();
    appLogger({ destination: out.stream }).info({ type: 'postgres' }, 'verification finished');
    expect(JSON.parse(out.text())).toMatchObject({
      level: 30,
      name: 'assets',
      service: 'assets',
      msg: 'verification finished',
      type: 'postgres',
    });
    expect(loggerSettings({ service: 'assets', destination: out.stream, format: 'json' }).destination).toBe(
      out.stream,
    );
  });

  it('should write JSON to stdout through one non-blocking stream per process, and nothing when silent', () => {
    const assets = loggerSettings({ service: 'assets', format: 'json' }).destination;
    const governance = loggerSettings({ service: 'governance', format: 'json' }).destination;
    expect(assets).toBeDefined();
    expect(governance).toBe(assets);
    expect(assets).toMatchObject({ fd: 1, sync: false });
    expect(loggerSettings({ service: 'assets', format: 'json', quiet: true }).destination).toBeUndefined();
  });
});

describe('pretty logs', () => {
  it('should write human-readable lines: time, level name, service and message, not JSON', () => {
    const out = sink();
    appLogger({ format: 'pretty', destination: out.stream }).warn({ type: 'postgres' }, 'verification slow');
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN \(assets\): verification slow\n/);
    expect(text).toContain('type: "postgres"');
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text).not.toContain('"level"');
    // No colour codes when not writing to a colour terminal.
    expect(text).not.toContain('\u001b[');
  });

  it("should keep the request's ids on the line", () => {
    const out = sink();
    const logger = appLogger({ format: 'pretty', destination: out.stream });
    const context = newRequestContext('req-7f3a', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    RequestContext.run(context, () => logger.info('inside a request'));
    logger.info('outside any request');
    const [inside, outside] = out.text().split('\n');
    expect(inside).toMatch(
      /INFO \(assets\): inside a request request_id=req-7f3a trace_id=4bf92f3577b34da6a3ce929d0e0e4736$/,
    );
    expect(outside).toMatch(/INFO \(assets\): outside any request$/);
  });

  it('should put a request on one line: method, path without query, status and duration', async () => {
    const out = sink();
    const fastify = Fastify();
    fastify.get('/assets/connections', (_request, reply) => reply.code(204).send());
    const app = { getHttpAdapter: () => ({ getInstance: () => fastify }) };
    const logger = createAppLogger({ service: 'assets', format: 'pretty', destination: out.stream });
    registerRequestLog(app as unknown as NestFastifyApplication, logger.requests);
    const response = await fastify.inject({
      url: '/assets/connections?token=canary-q',
      headers: { authorization: 'Bearer canary-header' },
    });
    await fastify.close();
    expect(response.statusCode).toBe(204);
    const line = out.text();
    // pino-pretty's `{if}` reads a 0 ms duration as absent: a request that fast shows none.
    expect(line).toMatch(/INFO \(assets\): request completed GET \/assets\/connections 204( \(\d+ ms\))?\n$/);
    expect(line).not.toContain('canary');
  });

  it('should redact the same credentials as JSON logs', () => {
    const out = sink();
    appLogger({ format: 'pretty', destination: out.stream }).info(
      {
        req: { headers: { authorization: 'Bearer canary-token-123' } },
        body: { password: 'canary-pw-1', credentials: { secret_key: 'canary-key-0' } },
        credentials: { password: 'canary-pw-2' },
        secret: 'canary-secret-3',
        value: 'canary-value-4',
        config: { client_secret: 'canary-client-5', private_key: 'canary-pk-6', token: 'canary-tok-7' },
        authorization: 'Basic canary-basic-8',
      },
      'hello',
    );
    const text = out.text();
    for (const canary of [
      'canary-token-123',
      'canary-key-0',
      'canary-pw-1',
      'canary-pw-2',
      'canary-secret-3',
      'canary-value-4',
      'canary-client-5',
      'canary-pk-6',
      'canary-tok-7',
      'canary-basic-8',
    ]) {
      expect(text).not.toContain(canary);
    }
    expect(text).toContain('INFO (assets): hello');
    expect(text).toContain('secret: "[REDACTED]"');
    expect(text).toContain('"client_secret": "[REDACTED]"');
  });

  it('should write each line before log() returns, so nothing is lost on exit', () => {
    const writes: string[] = [];
    const destination = createPrettyDestination({ write: (line: string) => void writes.push(line) });
    destination.write(`${JSON.stringify({ level: 50, time: 0, msg: 'shutting down' })}\n`);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('ERROR: shutting down');
  });
});
