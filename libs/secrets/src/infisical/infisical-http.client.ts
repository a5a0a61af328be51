import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface InfisicalResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the text when it is not JSON. */
  body: unknown;
}

/**
 * The request got no HTTP answer. `sent` is false when no connection was made (nothing can have
 * reached Infisical); `timedOut` when the attempt's own timeout fired; `aborted` when the caller's
 * deadline did.
 */
export class InfisicalTransportError extends Error {
  constructor(
    readonly sent: boolean,
    readonly kind: 'network' | 'timeout' | 'aborted',
    readonly code: string | undefined,
  ) {
    super(`Infisical request failed (${kind}${code ? ` ${code}` : ''})`);
    this.name = 'InfisicalTransportError';
  }
}

export interface InfisicalRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Bearer token; omitted for the login, which must carry no Authorization header at all. */
  token?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * One HTTP exchange with Infisical, without retries: the backend decides what may be retried
 * within the caller's deadline. The attempt ends at `timeoutMs` or when `signal` fires; either way
 * the socket is destroyed and nothing more is sent.
 */
export function infisicalRequest(siteUrl: string, req: InfisicalRequest): Promise<InfisicalResponse> {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  const url = new URL(req.path.replace(/^\//, ''), base);
  for (const [key, value] of Object.entries(req.query ?? {}))
    if (value !== undefined) url.searchParams.append(key, value);
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body), 'utf8');
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  if (req.token) headers.authorization = `Bearer ${req.token}`;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<InfisicalResponse>((resolve, reject) => {
    if (req.signal?.aborted) {
      reject(new InfisicalTransportError(false, 'aborted', undefined));
      return;
    }
    let connected = false;
    let settled = false;
    const finish = (err: Error | null, res?: InfisicalResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(res!);
    };
    const request = send(url, { method: req.method, headers });
    const fail = (kind: InfisicalTransportError['kind'], code?: string) => {
      finish(new InfisicalTransportError(connected, kind, code));
      request.destroy();
    };
    const timer = setTimeout(() => fail('timeout'), Math.max(1, req.timeoutMs));
    const onAbort = () => fail('aborted');
    req.signal?.addEventListener('abort', onAbort, { once: true });
    request.once('socket', (socket) => {
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    request.on('error', (err: NodeJS.ErrnoException) => fail('network', err.code));
    request.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) fail('network', 'RESPONSE_TOO_LARGE');
        else chunks.push(chunk);
      });
      res.on('error', (err: NodeJS.ErrnoException) => fail('network', err.code));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        finish(null, { status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    request.end(payload);
  });
}
