import http from 'node:http';
import https from 'node:https';
import {
  createPinnedAgent,
  isRedirect,
  RedirectRefusedError,
  describeDestination,
} from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { VerificationStepName } from '../../verification.types.js';

export type PinnedAgent = ReturnType<typeof createPinnedAgent>;

/**
 * The connect → tls → authenticate phases of an HTTP API client: one agent pinned to the checked
 * address, whose first socket marks `connect` (and `tls`) done. A failure of the first call is
 * blamed on whichever phase it had reached.
 */
export class PinnedHttpPhases {
  readonly agent: PinnedAgent;
  private phase: VerificationStepName = 'connect';
  private startedAt: number;
  private settled = false;

  constructor(
    private readonly ctx: ProbeContext,
    readonly https: boolean,
    options: { ca?: string; plainHttpWarning?: string } = {},
  ) {
    const dest = ctx.destination;
    let connected = false;
    let secured = false;
    this.startedAt = ctx.begin('connect');
    this.agent = createPinnedAgent(dest, {
      https,
      ca: options.ca,
      onRedirectRefused: ctx.redirectRefused,
      onSocket: (socket) => {
        socket.once('connect', () => {
          if (connected) return;
          connected = true;
          this.advance(https ? 'tls' : 'authenticate', `connected to ${describeDestination(dest)}`);
        });
        socket.once('secureConnect', () => {
          if (secured) return;
          secured = true;
          this.advance('authenticate', 'TLS negotiated, certificate verified');
        });
      },
    });
    ctx.onAbort(() => this.agent.destroyAll());
    if (!https) {
      ctx.skip('tls', 'plain HTTP endpoint');
      ctx.warn(
        options.plainHttpWarning ??
          'the endpoint uses plain HTTP: requests, including credentials, are not encrypted',
      );
    }
  }

  private advance(next: VerificationStepName, message: string): void {
    if (this.settled) return;
    this.ctx.record(this.phase, 'ok', this.startedAt, message);
    this.phase = next;
    this.startedAt = this.ctx.begin(next);
  }

  /** The step the first call has reached; what a failure before `authenticate` is blamed on. */
  get current(): VerificationStepName {
    return this.phase;
  }

  /** Runs the first authenticated call under the step timeout and records `authenticate`. */
  async authenticate<T>(
    fn: (signal: AbortSignal) => Promise<T>,
    message: string | ((value: T) => string),
  ): Promise<T> {
    let value: T;
    try {
      value = await this.ctx.withTimeout(this.phase, fn);
    } catch (error) {
      this.settled = true;
      throw this.ctx.failStep(this.phase, error, this.startedAt);
    }
    this.settled = true;
    this.ctx.record(
      'authenticate',
      'ok',
      this.startedAt,
      typeof message === 'function' ? message(value) : message,
    );
    return value;
  }

  /** Fails the current phase with an error found outside `authenticate` (e.g. a token exchange). */
  fail(error: unknown) {
    this.settled = true;
    return this.ctx.failStep(this.phase, error, this.startedAt);
  }

  close(): void {
    this.agent.destroyAll();
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/** Responses larger than this are cut off: discovery pages are far smaller. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * One HTTP request through the pinned agent, the response bounded in size. Returns the parsed JSON
 * body (or `undefined` when it is not JSON) for any status but a redirect, which fails the request
 * (RedirectRefusedError) whatever agent is used.
 */
export function requestJson(
  agent: http.Agent,
  url: URL,
  options: { method?: string; headers?: Record<string, string>; body?: string; signal: AbortSignal },
): Promise<JsonResponse> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<JsonResponse>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: options.method ?? 'GET',
        agent,
        headers: { accept: 'application/json', ...options.headers },
        signal: options.signal,
      },
      (res) => {
        if (isRedirect(res.statusCode, res.headers.location)) {
          res.resume();
          reject(new RedirectRefusedError(res.statusCode ?? 0));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            res.destroy(Object.assign(new Error('response too large'), { code: 'ERESPONSE_TOO_LARGE' }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
