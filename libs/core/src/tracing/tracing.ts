import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { newRequestContext, RequestContext, type RequestContextValues } from '../context/request-context.js';

/** Span attribute values we set: never a secret, a bound SQL value, a header or a query string. */
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

/** `client` for a call to another service (OpenFGA, Governance, a secrets manager, PostgreSQL); `internal` for in-process work. */
export type SpanKindName = 'client' | 'internal';

/** What tracing reads of a Fastify request and reply (structural: Nest ships its own Fastify copy). */
export interface TracedRequest {
  readonly id: unknown;
  readonly method: string;
  readonly url: string;
  readonly protocol: string;
  readonly headers: IncomingHttpHeaders;
  readonly routeOptions: { readonly url?: string };
  readonly raw: Pick<IncomingMessage, 'httpVersion'>;
}
export interface TracedReply {
  readonly raw: { readonly statusCode: number; once(event: 'close', listener: () => void): unknown };
}

/** A span this process started and must end; its `traceparent` goes on the outbound call it stands for. */
export interface TracedSpan {
  /** W3C `traceparent` naming this span as the parent (for the call's headers). */
  readonly traceparent: string;
  setAttribute(key: string, value: string | number | boolean): void;
  /** Marks the span failed with a low-cardinality `error.type` (a class name, an SQLSTATE, a status code). */
  fail(errorType: string): void;
  end(): void;
}

/**
 * The app's tracer, behind one small port so the request path pays nothing when tracing is off:
 * `NO_TRACING` never loads OpenTelemetry, and `startTracing` loads the SDK only when an OTLP
 * endpoint is configured. Spans are made only inside a traced request (background work, boot
 * and migrations are not traced), and each app has its own tracer: under `npm start` both apps
 * share a process, and each must report under its own `service.name`.
 */
export abstract class Tracing {
  abstract readonly enabled: boolean;

  /**
   * Opens the request's SERVER span, continuing an inbound `traceparent`, and returns the
   * request's context values: their trace and span ids are the span's, so logs, the error
   * envelope, audit events and the exported spans all name the same trace.
   */
  abstract startRequest(request: TracedRequest, reply: TracedReply): RequestContextValues;

  /** A leaf span (a query, an HTTP call) under the current span; null outside a traced request. */
  abstract startSpan(name: string, kind: SpanKindName, attributes?: SpanAttributes): TracedSpan | null;

  /** Runs `work` inside a span (spans it starts are its children); just runs it outside a traced request. */
  abstract inSpan<T>(
    name: string,
    kind: SpanKindName,
    attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T>;

  /**
   * Runs `work` inside a SERVER span continuing `traceparent`'s trace rather than the current
   * request's: one caller's item of a request that serves many (a batch). The span links to the
   * current span (the batch request's), and spans `work` starts are its children. Without a valid
   * `traceparent`, or outside a traced request, it just runs `work`.
   */
  abstract inRemoteSpan<T>(
    name: string,
    traceparent: string | undefined,
    attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T>;

  /**
   * The `traceparent` naming the innermost current span (an `inSpan`, else the request's SERVER
   * span), for clients that set headers themselves (OpenFGA); undefined outside a traced request.
   */
  abstract activeTraceparent(): string | undefined;

  /** Exports every ended span now (tests; shutdown). */
  abstract forceFlush(): Promise<void>;

  /** Flushes and stops the exporter, giving up after `timeoutMs` so shutdown stays bounded. */
  abstract shutdown(timeoutMs?: number): Promise<void>;
}

/** Tracing off: today's ids (the caller's trace continued, or a new one), and nothing else. */
class NoTracing extends Tracing {
  readonly enabled = false;

  startRequest(request: TracedRequest): RequestContextValues {
    return newRequestContext(String(request.id), request.headers.traceparent);
  }

  startSpan(): null {
    return null;
  }

  inSpan<T>(
    _name: string,
    _kind: SpanKindName,
    _attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T> {
    return work();
  }

  inRemoteSpan<T>(
    _name: string,
    _traceparent: string | undefined,
    _attributes: SpanAttributes,
    work: () => Promise<T>,
  ): Promise<T> {
    return work();
  }

  activeTraceparent(): undefined {
    return undefined;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export const NO_TRACING: Tracing = new NoTracing();

/**
 * A low-cardinality name for what went wrong: a driver's error code (SQLSTATE, ECONNREFUSED) or
 * the error's class, never its message (messages can quote values, hosts and credentials).
 */
export function errorTypeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[\w.-]{1,64}$/.test(code)) return code;
  return error instanceof Error ? error.constructor.name : typeof error;
}

/** Names the error a 5xx answer came from on the current request's SERVER span (no-op untraced). */
export function recordRequestError(error: unknown): void {
  RequestContext.current()?.span?.setAttribute('error.type', errorTypeOf(error));
}
