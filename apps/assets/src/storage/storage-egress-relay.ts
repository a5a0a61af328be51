import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { PinnedDestination } from '../verification/egress/egress-policy.js';
import { isRedirect, RedirectRefusedError } from '../verification/egress/pinned-connection.js';

/** Where the relay sends a tenant store's requests, and how. */
export interface RelayUpstream {
  /** The egress-checked, pinned destination: the relay dials `address:port` and nothing else. */
  dest: PinnedDestination;
  /** Upstream TLS; the certificate is checked against `dest.hostname`. */
  tls: boolean;
  /** `Host` sent upstream: the name the tenant configured (with its port when not the default). */
  hostHeader: string;
  /** Set for S3: OpenDAL signs for the relay's address, so the relay signs again for `hostHeader`. */
  sigV4?: { secretAccessKey: string };
  /** S3 virtual-hosted style: OpenDAL sends path-style `/<bucket>/<key>`, upstream gets `/<key>`. */
  virtualHostBucket?: string;
  /**
   * Set for GCS: the current OAuth access token, asked for on every upstream request, so a request
   * made late in a long upload still carries a fresh token (OpenDAL keeps the one it was built with).
   */
  bearer?: () => Promise<string>;
}

export interface RelayHandle {
  /** `http://127.0.0.1:<port>`: give it to OpenDAL as the endpoint origin. */
  origin: string;
  /** The first redirect the upstream answered with (the request got a 502 instead). */
  refusedRedirect(): RedirectRefusedError | undefined;
  /** The first TLS handshake with the upstream that failed (the request got a 502 instead). */
  tlsFailure(): RelayTlsFailure | undefined;
  /** The first failure to get a bearer token (the request got a 502 instead). */
  bearerFailure(): unknown;
}

/** Why TLS to the upstream failed: its certificate was refused, or the handshake itself. */
export interface RelayTlsFailure {
  reason: 'tls_certificate_rejected' | 'tls_handshake_failed';
  /** Node/OpenSSL's code (`ERR_TLS_CERT_ALTNAME_INVALID`, `CERT_HAS_EXPIRED`…), when it is one. */
  code?: string;
}

interface RelayReport {
  onRefused: (error: RedirectRefusedError) => void;
  onTlsFailure: (failure: RelayTlsFailure) => void;
  onBearerFailure: (error: unknown) => void;
}

/** OpenSSL's certificate verification results, and Node's own hostname check. */
const CERTIFICATE_ERROR = /^(?:ERR_TLS_CERT_ALTNAME_INVALID|[A-Z_]*(?:CERT|ISSUER|SIGNATURE|CHAIN|CRL|PATH_LENGTH|PURPOSE)[A-Z_]*)$/;

function tlsFailureOf(error: unknown): RelayTlsFailure {
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' && /^[A-Z0-9_]{1,64}$/.test(raw) ? raw : undefined;
  return { reason: code && CERTIFICATE_ERROR.test(code) ? 'tls_certificate_rejected' : 'tls_handshake_failed', ...(code ? { code } : {}) };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);
/** The listener closes once no request has been in flight for this long. */
const IDLE_CLOSE_MS = 30_000;

let trusted: tls.SecureContext | undefined;

/**
 * What the relay trusts for `https` endpoints: Node's default store (its bundled roots, plus
 * NODE_EXTRA_CA_CERTS read at process start) and the system store, which OpenDAL's rustls with
 * native roots trusted before the relay. Built once, on first use, as one TLS context for every
 * request (a `ca` list per request would parse the whole bundle each time).
 */
function trustedContext(): tls.SecureContext {
  if (!trusted) {
    let ca: string[] | undefined;
    try {
      ca = [...new Set([...tls.getCACertificates('default'), ...tls.getCACertificates('system')])];
    } catch {
      ca = undefined; // Node's defaults, then
    }
    trusted = tls.createSecureContext(ca ? { ca } : {});
  }
  return trusted;
}

/**
 * OpenDAL's HTTP client (Rust reqwest) follows redirects and resolves names itself, and the Node
 * binding offers no way to change either. So a tenant store never talks to the network: its
 * endpoint is a loopback listener owned by this process, one per store, speaking plain HTTP.
 * The relay sends every request to the one address the egress policy checked (TLS to it with the
 * certificate checked against the tenant's hostname), and answers OpenDAL with a 502 whenever the
 * upstream answers with a redirect or names another origin in `Location`, so nothing the tenant's
 * server says can send this process anywhere else.
 */
export class StorageEgressRelay {
  async open(upstream: RelayUpstream): Promise<RelayHandle> {
    let refused: RedirectRefusedError | undefined;
    let tlsFailed: RelayTlsFailure | undefined;
    let bearerFailed: unknown;
    let inFlight = 0;
    let idleTimer: NodeJS.Timeout | undefined;
    const server = http.createServer();
    const armIdle = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        if (inFlight > 0) return;
        server.close();
        server.closeIdleConnections();
      }, IDLE_CLOSE_MS);
      idleTimer.unref();
    };
    // OpenDAL keeps connections to the relay alive; they must not hold the process open.
    server.on('connection', (socket: net.Socket) => socket.unref());
    server.on('request', (req, res) => {
      inFlight++;
      clearTimeout(idleTimer);
      res.once('close', () => {
        inFlight--;
        if (inFlight === 0) armIdle();
      });
      this.forward(upstream, origin, req, res, {
        onRefused: (error) => {
          refused ??= error;
        },
        onTlsFailure: (failure) => {
          tlsFailed ??= failure;
        },
        onBearerFailure: (error) => {
          bearerFailed ??= error;
        },
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.unref();
    armIdle();
    const origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    return { origin, refusedRedirect: () => refused, tlsFailure: () => tlsFailed, bearerFailure: () => bearerFailed };
  }

  private forward(
    upstream: RelayUpstream,
    relayOrigin: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    report: RelayReport,
  ): void {
    const fail = (status: number, code: string) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, { 'content-type': 'text/plain', 'x-relay-error': code, connection: 'close' });
      res.end(code);
    };
    let path = req.url ?? '/';
    if (!path.startsWith('/')) {
      fail(400, 'absolute_form_refused');
      req.resume();
      return;
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    if (upstream.virtualHostBucket) {
      const prefix = `/${upstream.virtualHostBucket}`;
      if (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`)) path = path.slice(prefix.length) || '/';
      if (!path.startsWith('/')) path = `/${path}`;
    }
    headers.host = upstream.hostHeader;
    if (upstream.sigV4) {
      const signed = resignSigV4(req.method ?? 'GET', path, headers, upstream.sigV4.secretAccessKey);
      if (!signed) {
        fail(400, 'unsigned_request_refused');
        req.resume();
        return;
      }
    }
    if (upstream.bearer) {
      upstream.bearer().then(
        (token) => {
          if (res.destroyed) return;
          headers.authorization = `Bearer ${token}`;
          this.send(upstream, relayOrigin, req, res, path, headers, report, fail);
        },
        (error: unknown) => {
          report.onBearerFailure(error);
          fail(502, 'token_unavailable');
          req.resume();
        },
      );
      return;
    }
    this.send(upstream, relayOrigin, req, res, path, headers, report, fail);
  }

  private send(
    upstream: RelayUpstream,
    relayOrigin: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    path: string,
    headers: http.OutgoingHttpHeaders,
    report: RelayReport,
    fail: (status: number, code: string) => void,
  ): void {
    const { onRefused } = report;
    if (req.headers['transfer-encoding']) headers['transfer-encoding'] = req.headers['transfer-encoding'];
    const { dest } = upstream;
    const servername = net.isIP(dest.hostname) ? undefined : dest.hostname;
    const options: https.RequestOptions = {
      host: dest.address,
      family: dest.family,
      port: dest.port,
      method: req.method,
      path,
      headers,
      agent: false,
      ...(upstream.tls ? { servername, secureContext: trustedContext(), checkServerIdentity: (_host: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(dest.hostname, cert) } : {}),
    };
    const outgoing = (upstream.tls ? https : http).request(options, (upstreamRes) => {
      const status = upstreamRes.statusCode ?? 502;
      if (isRedirect(status, upstreamRes.headers.location)) {
        onRefused(new RedirectRefusedError(status));
        upstreamRes.resume();
        outgoing.destroy();
        fail(502, 'redirect_refused');
        return;
      }
      const out: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(upstreamRes.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
      }
      if (typeof upstreamRes.headers.location === 'string') {
        const rewritten = sameOriginLocation(upstreamRes.headers.location, upstream, relayOrigin);
        if (rewritten === undefined) {
          onRefused(new RedirectRefusedError(status));
          upstreamRes.resume();
          outgoing.destroy();
          fail(502, 'foreign_location_refused');
          return;
        }
        out.location = rewritten;
      }
      res.writeHead(status, out);
      upstreamRes.pipe(res);
      upstreamRes.once('error', () => res.destroy());
    });
    // An error once TCP connected but before the TLS handshake completed: the certificate (or the
    // handshake) was refused, and not one byte of the request left this process.
    let connected = false;
    let secured = !upstream.tls;
    outgoing.once('socket', (socket: net.Socket) => {
      socket.once('connect', () => (connected = true));
      socket.once('secureConnect', () => (secured = true));
    });
    outgoing.once('error', (error) => {
      if (connected && !secured) {
        report.onTlsFailure(tlsFailureOf(error));
        fail(502, 'upstream_tls_failed');
        return;
      }
      fail(502, 'upstream_unreachable');
    });
    res.once('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    req.pipe(outgoing);
  }
}

/**
 * A `Location` in a non-redirect answer (a GCS resumable-upload session, say) is followed by
 * OpenDAL too: it may only name the upstream itself, and is rewritten to the relay.
 */
function sameOriginLocation(location: string, upstream: RelayUpstream, relayOrigin: string): string | undefined {
  const upstreamOrigin = `${upstream.tls ? 'https' : 'http'}://${upstream.hostHeader}`;
  let url: URL;
  try {
    url = new URL(location, upstreamOrigin);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(upstreamOrigin).origin) return undefined;
  return `${relayOrigin}${url.pathname}${url.search}`;
}

const AWS_ENCODE = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Signs the request again (AWS Signature V4) for the `host` header it now carries, with the same
 * credential scope, signed headers and payload hash OpenDAL chose. Returns false when the request
 * carries no V4 signature (anonymous requests pass unchanged only when unsigned; see caller).
 */
export function resignSigV4(method: string, pathAndQuery: string, headers: http.OutgoingHttpHeaders, secretAccessKey: string): boolean {
  const authorization = headers.authorization;
  if (authorization === undefined) return true; // anonymous access: nothing to sign
  if (typeof authorization !== 'string') return false;
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]+$/.exec(authorization);
  const amzDate = headers['x-amz-date'];
  const payloadHash = headers['x-amz-content-sha256'];
  if (!match || typeof amzDate !== 'string' || typeof payloadHash !== 'string') return false;
  const [, accessKey, date, region, service, signedHeaderList] = match;
  const [rawPath, rawQuery = ''] = splitOnce(pathAndQuery, '?');
  const query = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const [k, v = ''] = splitOnce(pair, '=');
      return [AWS_ENCODE(safeDecode(k)), AWS_ENCODE(safeDecode(v))] as const;
    })
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = signedHeaderList.split(';');
  const canonicalHeaders = names
    .map((name) => {
      const value = headers[name];
      const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalRequest = [method, rawPath, query, canonicalHeaders, signedHeaderList, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  for (const part of [region, service, 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKey}/${scope}, SignedHeaders=${signedHeaderList}, Signature=${signature}`;
  return true;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
