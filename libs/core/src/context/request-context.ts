import { randomFillSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { Span } from '@opentelemetry/api';
import type { Principal } from '../tenancy.js';

/** What one request carries, wherever its work runs: logs, audit events and calls to other services read it here. */
export interface RequestContextValues {
  /** The id `generateRequestId` gave the request, echoed in `X-Request-Id` and `error.request_id`. */
  readonly requestId: string;
  /** W3C trace id: the inbound `traceparent`'s when it is valid, else a new one (the SERVER span's when traced). */
  readonly traceId: string;
  /** This service's span in the trace: the parent id of every call it makes. */
  readonly spanId: string;
  /**
   * `01` when the trace is sampled. Untraced: the inbound flags, or `00` when this service
   * started the trace. Traced: the sampler's decision for the request's span.
   */
  readonly traceFlags: string;
  /** The request's SERVER span when tracing is on (its ids are traceId and spanId above). */
  readonly span?: Span;
  /** Set by the JWT guard once the token is verified. */
  principal?: Principal;
  /** Set by the project guard: the validated `X-Project-ID`, null at org level. */
  projectId?: string | null;
}

/** The inbound parts of a W3C `traceparent` header. */
export interface TraceParent {
  traceId: string;
  parentId: string;
  flags: string;
}

const TRACEPARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** A valid `traceparent` (version 00 layout; version ff and all-zero ids are invalid), else null. */
export function parseTraceparent(header: unknown): TraceParent | null {
  const match = typeof header === 'string' ? TRACEPARENT.exec(header) : null;
  if (!match || match[1] === 'ff' || match[2] === ZERO_TRACE || match[3] === ZERO_SPAN) return null;
  return { traceId: match[2], parentId: match[3], flags: match[4] };
}

// Ids come from a pool refilled in one call per 256 requests: a randomBytes call per id cost
// about 20 µs a request under load (bench/connections.bench.js).
const RANDOM_POOL = Buffer.allocUnsafe(24 * 256);
let poolOffset = RANDOM_POOL.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    poolOffset = 0;
  }
  const hex = RANDOM_POOL.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return hex;
}

/** The values of a new request: its id, and the caller's trace continued (or a new one started). */
export function newRequestContext(requestId: string, traceparent?: unknown): RequestContextValues {
  const inbound = parseTraceparent(traceparent);
  return {
    requestId,
    traceId: inbound?.traceId ?? randomHex(16),
    spanId: randomHex(8),
    traceFlags: inbound?.flags ?? '00',
  };
}

const VALUES = Symbol('request-context');

/**
 * The current request's context, in async-local storage (nestjs-cls): opened for every HTTP
 * request before anything else runs for it (createHttpApp), filled in by the auth guards, and
 * read where it is needed instead of being passed down as a parameter. Outside a request (boot,
 * the reconciler, the sweepers) every read is empty and every write is ignored; nothing throws.
 *
 * Services inject it; framework code that Nest does not build (the logger's mixin, param
 * decorators, clients made at boot) uses the static `current()`.
 */
@Injectable()
export class RequestContext {
  /** The current request's values, or undefined outside a request. */
  static current(): RequestContextValues | undefined {
    return ClsServiceManager.getClsService().get<RequestContextValues | undefined>(VALUES);
  }

  /** Runs `work` (and everything it starts) inside a context holding `values`. */
  static run<T>(values: RequestContextValues, work: () => T): T {
    return ClsServiceManager.getClsService().runWith({ [VALUES]: values }, work);
  }

  /** The `traceparent` for a call this request makes: its trace, with this service's span as the parent. */
  static traceparentOf(values: RequestContextValues): string {
    return `00-${values.traceId}-${values.spanId}-${values.traceFlags}`;
  }

  static setPrincipal(principal: Principal | undefined): void {
    const values = RequestContext.current();
    if (values) values.principal = principal;
  }

  static setProject(projectId: string | null | undefined): void {
    const values = RequestContext.current();
    if (values) values.projectId = projectId;
  }

  get requestId(): string | undefined {
    return RequestContext.current()?.requestId;
  }

  get traceId(): string | undefined {
    return RequestContext.current()?.traceId;
  }

  get principal(): Principal | undefined {
    return RequestContext.current()?.principal;
  }

  get projectId(): string | null | undefined {
    return RequestContext.current()?.projectId;
  }

  get traceparent(): string | undefined {
    const values = RequestContext.current();
    return values && RequestContext.traceparentOf(values);
  }
}
