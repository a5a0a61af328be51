import { EventEmitter } from 'node:events';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ExportResultCode } from '@opentelemetry/core';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace';
import { RequestContext } from '../context/request-context.js';
import { createOtelTracing } from './otel-tracing.js';
import type { TracingSettings } from './tracing.config.js';
import { recordRequestError, type Tracing } from './tracing.js';
import { DependencyUnavailableError } from '../errors/app.exception.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

const settings = (overrides: Partial<TracingSettings> = {}): TracingSettings => ({
  serviceName: 'unit',
  tracesUrl: 'http://127.0.0.1:9/v1/traces',
  headers: {},
  resourceAttributes: {},
  sampler: 'parentbased_always_on',
  samplerRatio: 1,
  ...overrides,
});

/** What tracing reads of a Fastify request and reply; the reply's raw response emits 'close'. */
function exchange(headers: Record<string, string> = {}, route = '/assets/data/:resource_uri') {
  const raw = Object.assign(new EventEmitter(), { statusCode: 200 });
  const request = {
    id: 'req-1',
    method: 'GET',
    url: '/assets/data/pg-1?signature=s3cr3t-sig',
    protocol: 'http',
    headers,
    routeOptions: { url: route } as { url?: string },
    raw: { httpVersion: '1.1' },
  };
  return {
    request,
    reply: { raw },
    respond: (status: number) => ((raw.statusCode = status), raw.emit('close')),
  };
}

describe('OtelTracing', () => {
  let exporter: InMemorySpanExporter;
  let tracing: Tracing;
  const spans = async (): Promise<ReadableSpan[]> => {
    await tracing.forceFlush();
    return exporter.getFinishedSpans();
  };

  beforeEach(() => {
    exporter = new InMemorySpanExporter();
    tracing = createOtelTracing(settings(), { exporter });
  });
  afterEach(async () => {
    await tracing.shutdown(100);
  });

  it("should open a SERVER span continuing the caller's trace, whose ids become the request's", async () => {
    const { request, reply, respond } = exchange({ traceparent: `00-${TRACE}-${PARENT}-01` });
    const values = tracing.startRequest(request, reply);
    respond(200);
    const [server] = await spans();
    expect(server.name).toBe('GET /assets/data/{resource_uri}');
    expect(server.kind).toBe(SpanKind.SERVER);
    expect(server.spanContext().traceId).toBe(TRACE);
    expect(server.parentSpanContext?.spanId).toBe(PARENT);
    expect(values).toMatchObject({
      requestId: 'req-1',
      traceId: TRACE,
      spanId: server.spanContext().spanId,
      traceFlags: '01',
    });
    expect(server.attributes).toEqual({
      'http.request.method': 'GET',
      'url.path': '/assets/data/pg-1',
      'url.scheme': 'http',
      'network.protocol.version': '1.1',
      'http.route': '/assets/data/{resource_uri}',
      'http.response.status_code': 200,
    });
  });

  it('should start a sampled trace of its own without a (valid) traceparent, and mark a 5xx failed', async () => {
    const { request, reply, respond } = exchange({ traceparent: 'garbage' });
    const values = tracing.startRequest(request, reply);
    respond(503);
    const [server] = await spans();
    expect(values.traceId).toMatch(/^[\da-f]{32}$/);
    expect(values.traceId).toBe(server.spanContext().traceId);
    expect(values.traceFlags).toBe('01');
    expect(server.parentSpanContext).toBeUndefined();
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(server.attributes['error.type']).toBe('503');
  });

  it('should name the error a 5xx came from (its code or class, never its message) on the SERVER span', async () => {
    const { request, reply, respond } = exchange();
    const values = tracing.startRequest(request, reply);
    RequestContext.run(values, () =>
      recordRequestError(new DependencyUnavailableError('governance', new Error('token=s3cr3t'))),
    );
    respond(503);
    const [server] = await spans();
    expect(server.attributes['error.type']).toBe('SERVICE_UNAVAILABLE');
    expect(server.status.code).toBe(SpanStatusCode.ERROR);
    expect(JSON.stringify(server.attributes)).not.toContain('s3cr3t');
  });

  it('should name a request no route matched by its method alone', async () => {
    const { request, reply, respond } = exchange({}, undefined as unknown as string);
    request.routeOptions = {};
    tracing.startRequest(request, reply);
    respond(404);
    expect((await spans())[0].name).toBe('GET');
  });

  it('should hang client spans under the request span, and nest those started inside inSpan', async () => {
    const { request, reply, respond } = exchange();
    const values = tracing.startRequest(request, reply);
    let traceparent = '';
    let activeInRequest: string | undefined;
    let activeInSpan: string | undefined;
    await RequestContext.run(values, async () => {
      activeInRequest = tracing.activeTraceparent();
      await tracing.inSpan('secrets get', 'internal', { 'secrets.backend': 'embedded' }, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        activeInSpan = tracing.activeTraceparent();
        const query = tracing.startSpan('SELECT secrets', 'client', { 'db.system.name': 'postgresql' });
        query?.end();
      });
      const call = tracing.startSpan('GET', 'client');
      traceparent = call!.traceparent;
      call!.end();
    });
    respond(200);
    const byName = new Map((await spans()).map((span) => [span.name, span]));
    const server = byName.get('GET /assets/data/{resource_uri}')!;
    const secrets = byName.get('secrets get')!;
    const query = byName.get('SELECT secrets')!;
    const call = byName.get('GET')!;
    expect(secrets.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(secrets.kind).toBe(SpanKind.INTERNAL);
    expect(query.parentSpanContext?.spanId).toBe(secrets.spanContext().spanId);
    expect(query.kind).toBe(SpanKind.CLIENT);
    expect(call.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
    expect(traceparent).toBe(`00-${values.traceId}-${call.spanContext().spanId}-01`);
    expect(activeInRequest).toBe(`00-${values.traceId}-${server.spanContext().spanId}-01`);
    expect(activeInSpan).toBe(`00-${values.traceId}-${secrets.spanContext().spanId}-01`);
    expect(tracing.activeTraceparent()).toBeUndefined();
    expect(new Set([server, secrets, query, call].map((span) => span.spanContext().traceId)).size).toBe(1);
  });

  it('should record a failed inSpan by error type only, never its message, and rethrow', async () => {
    const { request, reply } = exchange();
    const values = tracing.startRequest(request, reply);
    const failure = Object.assign(new Error('password authentication failed for "reader" pw=hunter2'), {
      code: '28P01',
    });
    await expect(
      RequestContext.run(values, () =>
        tracing.inSpan('openfga check', 'client', {}, () => Promise.reject(failure)),
      ),
    ).rejects.toBe(failure);
    const [span] = await spans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('28P01');
    expect(JSON.stringify([span.attributes, span.events, span.status])).not.toContain('hunter2');
  });

  it('should make no span outside a traced request (boot, background work), and still run the work', async () => {
    expect(tracing.startSpan('SELECT migrations', 'client')).toBeNull();
    await expect(tracing.inSpan('secrets get', 'internal', {}, async () => 42)).resolves.toBe(42);
    expect(await spans()).toEqual([]);
  });

  it("should log a failing receiver by its origin and the error's code, at most once a minute", async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      await tracing.shutdown(100);
      const failing: SpanExporter = {
        export: (_spans, done) =>
          done({
            code: ExportResultCode.FAILED,
            error: Object.assign(new Error('connect ECONNREFUSED, header x-api-key=k3y'), {
              code: 'ECONNREFUSED',
            }),
          }),
        shutdown: async () => undefined,
      };
      tracing = createOtelTracing(settings({ tracesUrl: 'http://user:pw@collector:4318/v1/traces' }), {
        exporter: failing,
      });
      for (let i = 0; i < 2; i++) {
        const { request, reply, respond } = exchange();
        tracing.startRequest(request, reply);
        respond(200);
        // The flush reports the failed export too.
        await expect(tracing.forceFlush()).rejects.toBeDefined();
      }
      expect(warn.mock.calls).toEqual([
        ['Trace export to http://collector:4318 failed (ECONNREFUSED); 1 spans dropped'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('should keep ids valid and flags unsampled when the sampler drops the trace', async () => {
    await tracing.shutdown(100);
    exporter = new InMemorySpanExporter();
    tracing = createOtelTracing(settings({ sampler: 'always_off' }), { exporter });
    const { request, reply, respond } = exchange({ traceparent: `00-${TRACE}-${PARENT}-01` });
    const values = tracing.startRequest(request, reply);
    respond(200);
    expect(values.traceId).toBe(TRACE);
    expect(values.spanId).toMatch(/^[\da-f]{16}$/);
    expect(values.traceFlags).toBe('00');
    expect(await spans()).toEqual([]);
  });
});
