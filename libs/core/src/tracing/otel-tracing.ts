import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  type ReadableSpan,
  type Sampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVICE_NAME,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import { parseTraceparent, RequestContext, type RequestContextValues } from '../context/request-context.js';
import type { TracingSettings } from './tracing.config.js';
import {
  errorTypeOf,
  type SpanAttributes,
  type SpanKindName,
  type TracedReply,
  type TracedRequest,
  type TracedSpan,
  Tracing,
} from './tracing.js';

/**
 * Loaded only when tracing is configured (startTracing imports it on demand): the OpenTelemetry
 * SDK is never in memory otherwise. One TracerProvider per app, not registered globally, so two
 * apps in one process each export under their own `service.name`. Spans find their parent in
 * this tracer's own async-local slot (the innermost `inSpan`) or else in the request's context
 * (its SERVER span), never in the global OpenTelemetry context.
 */
class OtelTracing extends Tracing {
  readonly enabled = true;
  private readonly tracer;
  private readonly active = new AsyncLocalStorage<Span>();
  /** `GET /assets/data/{resource_uri}` and its route per method and Fastify route, built once. */
  private readonly serverSpanNames = new Map<string, { name: string; route?: string }>();

  constructor(private readonly provider: TracerProvider) {
    super();
    this.tracer = provider.getTracer('@app/core');
  }

  startRequest(request: TracedRequest, reply: TracedReply): RequestContextValues {
    const inbound = parseTraceparent(request.headers.traceparent);
    const parent = inbound
      ? trace.setSpanContext(ROOT_CONTEXT, {
          traceId: inbound.traceId,
          spanId: inbound.parentId,
          traceFlags: Number.parseInt(inbound.flags, 16),
          isRemote: true,
        })
      : ROOT_CONTEXT;
    const { name, route } = this.serverSpanNameOf(request.method, request.routeOptions.url);
    const span = this.tracer.startSpan(
      name,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          // The path only: a query string can carry signatures and tokens (as in the logs).
          [ATTR_URL_PATH]: request.url.split('?', 1)[0],
          [ATTR_URL_SCHEME]: request.protocol,
          [ATTR_NETWORK_PROTOCOL_VERSION]: request.raw.httpVersion,
          [ATTR_HTTP_ROUTE]: route,
        },
      },
      parent,
    );
    // 'close' comes after the response is sent and also when the client goes away first.
    reply.raw.once('close', () => {
      const status = reply.raw.statusCode;
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) {
        // The error filter named the error's class already; else the status code stands for it.
        if ((span as Partial<ReadableSpan>).attributes?.[ATTR_ERROR_TYPE] === undefined)
          span.setAttribute(ATTR_ERROR_TYPE, String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    });
    const ids = span.spanContext();
    return {
      requestId: String(request.id),
      traceId: ids.traceId,
      spanId: ids.spanId,
      traceFlags: ids.traceFlags & TraceFlags.SAMPLED ? '01' : '00',
      span,
    };
  }

  startSpan(name: string, kind: SpanKindName, attributes?: SpanAttributes): TracedSpan | null {
    const parent = this.parent();
    if (!parent) return null;
    return new OtelSpan(this.open(parent, name, kind, attributes));
  }

  async inSpan<T>(
    name: string,
    kind: SpanKindName,
    attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T> {
    const parent = this.parent();
    if (!parent) return work();
    return this.within(this.open(parent, name, kind, attributes), work);
  }

  inRemoteSpan<T>(
    name: string,
    traceparent: string | undefined,
    attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T> {
    const current = this.parent();
    const remote = parseTraceparent(traceparent);
    if (!current || !remote) return work();
    const span = this.tracer.startSpan(
      name,
      { kind: SpanKind.SERVER, attributes, links: [{ context: current.spanContext() }] },
      trace.setSpanContext(ROOT_CONTEXT, {
        traceId: remote.traceId,
        spanId: remote.parentId,
        traceFlags: Number.parseInt(remote.flags, 16),
        isRemote: true,
      }),
    );
    return this.within(span, work);
  }

  /** Runs `work` with `span` as the parent of the spans it starts, and ends it. */
  private async within<T>(span: Span, work: () => Promise<T>): Promise<T> {
    try {
      return await this.active.run(span, work);
    } catch (error) {
      failSpan(span, errorTypeOf(error));
      throw error;
    } finally {
      span.end();
    }
  }

  activeTraceparent(): string | undefined {
    const span = this.parent();
    return span && traceparentOf(span);
  }

  forceFlush(): Promise<void> {
    return this.provider.forceFlush();
  }

  async shutdown(timeoutMs = 3000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    // An unreachable receiver must not hold shutdown up: spans not sent by then are dropped.
    await Promise.race([this.provider.shutdown().catch(() => undefined), gaveUp]);
    clearTimeout(timer);
  }

  private parent(): Span | undefined {
    return this.active.getStore() ?? RequestContext.current()?.span;
  }

  private open(parent: Span, name: string, kind: SpanKindName, attributes?: SpanAttributes): Span {
    return this.tracer.startSpan(
      name,
      { kind: kind === 'client' ? SpanKind.CLIENT : SpanKind.INTERNAL, attributes },
      trace.setSpan(ROOT_CONTEXT, parent),
    );
  }

  private serverSpanNameOf(
    method: string,
    fastifyRoute: string | undefined,
  ): { name: string; route?: string } {
    const key = `${method} ${fastifyRoute ?? ''}`;
    let named = this.serverSpanNames.get(key);
    if (named === undefined) {
      // Requests no route matched are named by their method alone (never by the URL sent).
      const route = fastifyRoute ? templated(fastifyRoute) : undefined;
      named = { name: route ? `${method} ${route}` : method, route };
      if (this.serverSpanNames.size < 1000) this.serverSpanNames.set(key, named);
    }
    return named;
  }
}

class OtelSpan implements TracedSpan {
  constructor(private readonly span: Span) {}

  get traceparent(): string {
    return traceparentOf(this.span);
  }

  setAttribute(key: string, value: string | number | boolean): void {
    this.span.setAttribute(key, value);
  }

  fail(errorType: string): void {
    failSpan(this.span, errorType);
  }

  end(): void {
    this.span.end();
  }
}

function traceparentOf(span: Span): string {
  const ids = span.spanContext();
  return `00-${ids.traceId}-${ids.spanId}-${ids.traceFlags & TraceFlags.SAMPLED ? '01' : '00'}`;
}

function failSpan(span: Span, errorType: string): void {
  span.setAttribute(ATTR_ERROR_TYPE, errorType);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Fastify's `/assets/data/:resource_uri` as the API documents it: `/assets/data/{resource_uri}`. */
function templated(route: string): string {
  return route.replace(/:([A-Za-z_]\w*)/g, '{$1}');
}

function samplerOf(settings: TracingSettings): Sampler {
  switch (settings.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(settings.samplerRatio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.samplerRatio) });
    default: {
      const unreachable: never = settings.sampler;
      throw new Error(`Unknown sampler ${String(unreachable)}`);
    }
  }
}

/** How often a receiver that keeps failing is reported. */
const EXPORT_FAILURE_LOG_INTERVAL_MS = 60_000;

/**
 * The exporter, with failed exports logged (at most once a minute): the SDK drops those spans
 * silently otherwise. The log names the receiver's origin and the error's code or class only.
 */
function reportingFailures(exporter: SpanExporter, receiver: string): SpanExporter {
  const logger = new Logger('Tracing');
  let lastLoggedAt = -Infinity;
  let failedSinceLog = 0;
  return {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.error !== undefined || result.code !== 0) {
          failedSinceLog += spans.length;
          const now = Date.now();
          if (now - lastLoggedAt >= EXPORT_FAILURE_LOG_INTERVAL_MS) {
            logger.warn(
              `Trace export to ${receiver} failed (${errorTypeOf(result.error)}); ${failedSinceLog} spans dropped`,
            );
            lastLoggedAt = now;
            failedSinceLog = 0;
          }
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/**
 * The app's tracer over a batching OTLP/HTTP (JSON) exporter; `exporter` replaces it (tests use
 * an in-memory one).
 */
export function createOtelTracing(
  settings: TracingSettings,
  options: { exporter?: SpanExporter } = {},
): Tracing {
  const exporter = reportingFailures(
    options.exporter ?? new OTLPTraceExporter({ url: settings.tracesUrl, headers: settings.headers }),
    new URL(settings.tracesUrl).origin,
  );
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ ...settings.resourceAttributes, [ATTR_SERVICE_NAME]: settings.serviceName }),
    ),
    sampler: samplerOf(settings),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  return new OtelTracing(provider);
}
