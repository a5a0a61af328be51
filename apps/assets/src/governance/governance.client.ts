import http from 'node:http';
import https from 'node:https';
import {
  AppException,
  DependencyUnavailableError,
  errorTypeOf,
  NO_TRACING,
  type Principal,
  REQUEST_TIMEOUT_HEADER,
  RequestContext,
  type TracedSpan,
  type Tracing,
} from '@app/core';
import type { ServiceCredentials } from './service-identity.js';

export interface GovernanceResponse {
  status: number;
  body: unknown;
}

/** A user's own token (Governance decides as that user) or the Assets service account. */
export type GovernanceCaller = Principal | ServiceCredentials;

const isPrincipal = (caller: GovernanceCaller): caller is Principal => 'userId' in caller;
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * HTTP client for Governance. User calls forward the caller's bearer token so Governance makes
 * its own permission decisions; service calls act in one org via X-Org-Id. Network failures
 * and 5xx become 503s, never 500s; bodies are never logged. Plain node:http with a keep-alive
 * pool: on the secret route this hop is most of the cost, and fetch costs several times more.
 */
export class GovernanceClient {
  private readonly agent: http.Agent;
  /** Governance's address on every span of a call to it, worked out once. */
  private readonly peer: { 'server.address': string; 'server.port': number; 'peer.service': string };

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly tracing: Tracing = NO_TRACING,
  ) {
    this.agent = baseUrl.startsWith('https:')
      ? new https.Agent({ keepAlive: true, maxSockets: 64 })
      : new http.Agent({ keepAlive: true, maxSockets: 64 });
    const url = new URL(baseUrl);
    this.peer = {
      'server.address': url.hostname,
      'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      'peer.service': 'governance',
    };
  }

  /**
   * `options.forManyRequests`: the call serves several of Assets' requests at once (a batch), so
   * it carries none's request id or trace; each item names its own (`startItemSpan`).
   * `options.maxResponseBytes`: a bigger bound than the default 1 MiB, for such a call.
   */
  async request(
    caller: GovernanceCaller,
    method: string,
    path: string,
    body?: unknown,
    options: { forManyRequests?: boolean; maxResponseBytes?: number } = {},
  ): Promise<GovernanceResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await this.send(
      method,
      `/governance/${path.replace(/^\//, '')}`,
      {
        authorization: `Bearer ${caller.token}`,
        accept: 'application/json',
        ...(isPrincipal(caller) ? {} : { 'x-org-id': caller.orgId }),
        ...(payload === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
      },
      payload,
      this.timeoutMs,
      options.forManyRequests ? undefined : RequestContext.current(),
      options.maxResponseBytes,
    );
    // The body is read for its error code only when it is an error: a batch of secrets is parsed once.
    if (isUnavailable(response.status)) throw new GovernanceUnavailableError(errorCodeOf(response.text));
    try {
      return { status: response.status, body: response.text ? (JSON.parse(response.text) as unknown) : null };
    } catch (error) {
      throw new DependencyUnavailableError('governance', error);
    }
  }

  /**
   * A CLIENT span for one caller's item of a call made for many requests, in the caller's trace:
   * its `traceparent` goes in the item, so Governance's span of the item is its child. Null when
   * tracing is off or outside a request.
   */
  startItemSpan(operation: string): TracedSpan | null {
    return this.tracing.startSpan(operation, 'client', this.peer);
  }

  /**
   * Governance's readiness for what Assets' requests need, as status and body (network errors
   * throw): as the service account on the internal route, which also proves Governance accepts
   * and trusts that account, or, without credentials, the public /health/ready.
   */
  async readiness(caller: ServiceCredentials | null, timeoutMs: number): Promise<GovernanceResponse> {
    const response = caller
      ? await this.send(
          'GET',
          '/governance/internal/ready',
          { authorization: `Bearer ${caller.token}`, accept: 'application/json' },
          undefined,
          timeoutMs,
        )
      : await this.send('GET', '/health/ready', { accept: 'application/json' }, undefined, timeoutMs);
    let body: unknown = null;
    try {
      body = response.text ? (JSON.parse(response.text) as unknown) : null;
    } catch {
      // a body that is not JSON is reported by status alone
    }
    return { status: response.status, body };
  }

  /**
   * One call with one deadline, `timeoutMs` from now: Governance is told the time left
   * (X-Request-Timeout-Ms, measured when a pooled socket is ready, so time queued here counts) and
   * this side aborts at the same moment. A call whose time ran out before it got a socket is never
   * sent. Governance bounds the value by its own GOVERNANCE_REQUEST_TIMEOUT_MS. Inside a request,
   * its id and trace go along (X-Request-Id, traceparent), so Governance's records of the call
   * (audit events, logs) carry the ids of the Assets request that made it. Traced, the call is a
   * CLIENT span and `traceparent` names it, so Governance's SERVER span is its child.
   */
  private send(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload?: string,
    timeoutMs = this.timeoutMs,
    context = RequestContext.current(),
    maxResponseBytes = MAX_RESPONSE_BYTES,
  ): Promise<{ status: number; text: string }> {
    const url = new URL(path, this.baseUrl);
    // A call for many requests belongs to none of their traces (each item has its own span).
    const span =
      context &&
      this.tracing.startSpan(method, 'client', {
        'http.request.method': method,
        // Origin and path only: the query is not recorded.
        'url.full': `${url.origin}${url.pathname}`,
        ...this.peer,
      });
    const sent = context
      ? {
          ...headers,
          'x-request-id': context.requestId,
          traceparent: span?.traceparent ?? RequestContext.traceparentOf(context),
        }
      : headers;
    const exchange = this.exchange(url, method, sent, payload, timeoutMs, maxResponseBytes);
    if (!span) return exchange;
    return exchange.then(
      (response) => {
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) span.fail(String(response.status));
        span.end();
        return response;
      },
      (error: unknown) => {
        span.fail(errorTypeOf((error as { cause?: unknown }).cause ?? error));
        span.end();
        throw error;
      },
    );
  }

  private exchange(
    url: URL,
    method: string,
    sent: Record<string, string>,
    payload: string | undefined,
    timeoutMs: number,
    maxResponseBytes: number,
  ): Promise<{ status: number; text: string }> {
    const transport = url.protocol === 'https:' ? https : http;
    const deadlineAt = Date.now() + timeoutMs;
    // A timer cleared on settling, not AbortSignal.timeout: that one fires for every call, long
    // after it finished, and builds a DOMException each time (bench/profile-assets.js).
    let timer: NodeJS.Timeout | undefined;
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      timer = setTimeout(
        () => request.destroy(new DependencyUnavailableError('governance (timed out)')),
        timeoutMs,
      );
      const request = transport.request(url, { method, headers: sent, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) {
            response.destroy();
            reject(new DependencyUnavailableError('governance (response too large)'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', (error) => reject(new DependencyUnavailableError('governance', error)));
      });
      request.on('error', (error) => reject(new DependencyUnavailableError('governance', error)));
      request.once('socket', () => {
        const remaining = deadlineAt - Date.now();
        if (remaining <= 0) {
          request.destroy(new Error('deadline passed before the request was sent'));
          return;
        }
        request.setHeader(REQUEST_TIMEOUT_HEADER, String(remaining));
        request.end(payload);
      });
    }).finally(() => clearTimeout(timer));
  }
}

/**
 * Governance answered 5xx (or refused our own credentials). `governanceCode` is its error code,
 * for callers that must tell "nothing was changed" (AUDIT_UNAVAILABLE: the audit event is written
 * before anything else) from an outcome in doubt; the caller's answer stays a plain 503.
 */
export class GovernanceUnavailableError extends DependencyUnavailableError {
  constructor(readonly governanceCode: string | null) {
    super('governance');
  }
}

const isUnavailable = (status: number): boolean => status >= 500 || status === 401;

/** 5xx, or 401: that means our own credentials (or the token we forwarded) were refused, a dependency problem. */
export function throwIfUnavailable(status: number, governanceCode: string | null): void {
  if (isUnavailable(status)) throw new GovernanceUnavailableError(governanceCode);
}

function errorCodeOf(text: string): string | null {
  try {
    const code = (JSON.parse(text) as { error?: { code?: unknown } } | null)?.error?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

/** Maps Governance's answer for a caller-scoped call: 403/404 pass through, anything else odd is a 503. */
export function expectStatus(response: GovernanceResponse, ...ok: number[]): GovernanceResponse {
  if (ok.includes(response.status)) return response;
  if (response.status === 404) throw AppException.notFound('Data connection');
  if (response.status === 403) throw AppException.forbidden();
  throw new DependencyUnavailableError('governance');
}
