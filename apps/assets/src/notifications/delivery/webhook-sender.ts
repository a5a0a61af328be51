import http from 'node:http';
import https from 'node:https';
import { Injectable } from '@nestjs/common';
import {
  createPinnedAgent,
  EgressDeniedError,
  EgressPolicy,
  InvalidDestinationError,
  RedirectRefusedError,
} from '../../egress/index.js';
import { parseRetryAfter, type AttemptResult } from './delivery-policy.js';

/** Bounds on one attempt: the receiver must accept the connection, then answer, within these. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const RESPONSE_TIMEOUT_MS = 10_000;
/** What is kept of a receiver's answer: a short excerpt, never more (it could echo anything). */
const EXCERPT_CHARS = 120;
const MAX_READ_BYTES = 4096;

export interface SendResult {
  result: AttemptResult;
  excerpt: string | null;
}

class AttemptTimeout extends Error {
  constructor(readonly phase: 'connect' | 'response') {
    super(`${phase} timeout`);
  }
}

/** A fixed label for a failure, never its message. */
function labelOf(error: unknown): AttemptResult {
  if (error instanceof EgressDeniedError || (error as { code?: string })?.code === 'EGRESS_DENIED')
    return { kind: 'error', label: 'egress_denied', retryable: false };
  if (error instanceof InvalidDestinationError)
    return { kind: 'error', label: 'invalid_destination', retryable: false };
  if (error instanceof RedirectRefusedError)
    return { kind: 'error', label: 'redirect_refused', retryable: false };
  if (error instanceof AttemptTimeout)
    return { kind: 'error', label: `${error.phase}_timeout`, retryable: true };
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { kind: 'error', label: 'dns_error', retryable: true };
  if (code === 'ECONNREFUSED') return { kind: 'error', label: 'connection_refused', retryable: true };
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'EPROTO')
    return { kind: 'error', label: 'tls_error', retryable: true };
  return { kind: 'error', label: 'network_error', retryable: true };
}

/**
 * POSTs one webhook for a tenant through the egress policy: the host is resolved once, every
 * address checked, one pinned; no redirect is followed; connect and response are bounded.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly egress: EgressPolicy) {}

  async post(
    url: URL,
    headers: Record<string, string>,
    body: string,
    now: () => number,
  ): Promise<SendResult> {
    const secure = url.protocol === 'https:';
    try {
      const port = Number(url.port) || (secure ? 443 : 80);
      const destination = await this.egress.resolve(url.hostname.replace(/^\[|\]$/g, ''), port);
      const agent = createPinnedAgent(destination, { https: secure });
      try {
        return await this.exchange(url, secure, agent, headers, body, now);
      } finally {
        agent.destroyAll();
      }
    } catch (error) {
      return { result: labelOf(error), excerpt: null };
    }
  }

  private exchange(
    url: URL,
    secure: boolean,
    agent: http.Agent,
    headers: Record<string, string>,
    body: string,
    now: () => number,
  ): Promise<SendResult> {
    return new Promise<SendResult>((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const fail = (error: unknown) => {
        clearTimeout(connectTimer);
        clearTimeout(responseTimer);
        request.destroy();
        reject(error);
      };
      const connectTimer = setTimeout(() => fail(new AttemptTimeout('connect')), CONNECT_TIMEOUT_MS);
      const responseTimer = setTimeout(() => fail(new AttemptTimeout('response')), RESPONSE_TIMEOUT_MS);
      request.once('socket', (socket) => {
        const connected = () => clearTimeout(connectTimer);
        if (!socket.connecting) connected();
        else socket.once(secure ? 'secureConnect' : 'connect', connected);
      });
      request.on('error', fail);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_READ_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough for an excerpt: the rest is not read.
          if (size >= MAX_READ_BYTES) response.destroy();
        });
        const done = () => {
          clearTimeout(connectTimer);
          clearTimeout(responseTimer);
          const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS);
          const retryAfter = response.headers['retry-after'];
          resolve({
            result: {
              kind: 'response',
              status: response.statusCode ?? 0,
              retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, now()),
            },
            excerpt: text || null,
          });
        };
        response.once('end', done);
        response.once('close', done);
        response.once('error', done);
      });
      request.end(body);
    });
  }
}
