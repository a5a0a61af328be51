import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { PinnedDestination } from '../egress/index.js';
import { isRedirect, RedirectRefusedError } from '../egress/index.js';

/**
 * The tenant's credentials. Only the relay holds them; OpenDAL gets `RelayCredentials` instead.
 * - `sigv4` (s3, minio): the access key pair (and session token) the relay signs upstream with;
 *   without a secret key, upstream requests go unsigned (anonymous access).
 * - `bearer` (gcs): the current OAuth access token, asked for on every upstream request, so a
 *   request made late in a long upload still carries a fresh one.
 * - `azure_shared_key` (azure_blob): the account key the relay signs upstream with (SharedKey),
 *   or the SAS token it appends to every upstream request.
 */
export type RelayAuth =
  | { kind: 'sigv4'; accessKeyId?: string; secretAccessKey?: string; sessionToken?: string }
  | { kind: 'bearer'; token: () => Promise<string> }
  | { kind: 'azure_shared_key'; accountName: string; accountKey?: string; sasToken?: string };

/**
 * What OpenDAL authenticates to the relay with: made at random for one relay, valid there only,
 * never sent anywhere else. The relay refuses (403) every request not authenticated with it.
 */
export type RelayCredentials =
  | { kind: 'sigv4'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'azure_shared_key'; accountKey: string };

/** Where the relay sends a tenant store's requests, and how. */
export interface RelayUpstream {
  /** The egress-checked, pinned destination: the relay dials `address:port` and nothing else. */
  dest: PinnedDestination;
  /** Upstream TLS; the certificate is checked against `dest.hostname`. */
  tls: boolean;
  /** `Host` sent upstream: the name the tenant configured (with its port when not the default). */
  hostHeader: string;
  /** S3 virtual-hosted style: OpenDAL sends path-style `/<bucket>/<key>`, upstream gets `/<key>`. */
  virtualHostBucket?: string;
  auth: RelayAuth;
}

/**
 * Keeps other tenants' destinations off a relay's port while it is open (the egress policy's
 * `protectPort`): the returned function releases the port once the relay has closed.
 */
export interface RelayPortGuard {
  protectPort(port: number): () => void;
}

export interface RelayHandle {
  /** `http://127.0.0.1:<port>`: give it to OpenDAL as the endpoint origin. */
  origin: string;
  /** Give these, and nothing of the tenant's, to the one OpenDAL operator this relay serves. */
  credentials: RelayCredentials;
  /** The first redirect the upstream answered with (the request got a 502 instead). */
  refusedRedirect(): RedirectRefusedError | undefined;
  /** The first TLS handshake with the upstream that failed (the request got a 502 instead). */
  tlsFailure(): RelayTlsFailure | undefined;
  /** The first failure to get a bearer token (the request got a 502 instead). */
  bearerFailure(): unknown;
  /** Closes the listener now (it also closes by itself once idle), and releases its port. */
  close(): Promise<void>;
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
const CERTIFICATE_ERROR =
  /^(?:ERR_TLS_CERT_ALTNAME_INVALID|[A-Z_]*(?:CERT|ISSUER|SIGNATURE|CHAIN|CRL|PATH_LENGTH|PURPOSE)[A-Z_]*)$/;

function tlsFailureOf(error: unknown): RelayTlsFailure {
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' && /^[A-Z0-9_]{1,64}$/.test(raw) ? raw : undefined;
  return {
    reason: code && CERTIFICATE_ERROR.test(code) ? 'tls_certificate_rejected' : 'tls_handshake_failed',
    ...(code ? { code } : {}),
  };
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
 *
 * The relay is a capability of the one OpenDAL operator it was opened for. It alone holds the
 * tenant's credentials; OpenDAL gets credentials made at random for this relay (an S3 key pair, an
 * Azure account key, a GCS token), and the relay forwards a request only when it proves them: a
 * SigV4 or SharedKey signature it verifies, or the exact bearer token, compared in constant time.
 * It then signs again (or puts the token on) with the tenant's. Anything else that reaches the
 * port (another process, a page's DNS-rebound request, another tenant's connection aimed at
 * 127.0.0.1) gets a 403 and nothing is sent upstream. Requests must also name the relay itself in
 * `Host`, and while the relay is open its port is denied to every tenant destination.
 */
export class StorageEgressRelay {
  constructor(private readonly ports: RelayPortGuard) {}

  async open(upstream: RelayUpstream): Promise<RelayHandle> {
    let refused: RedirectRefusedError | undefined;
    let tlsFailed: RelayTlsFailure | undefined;
    let bearerFailed: unknown;
    let inFlight = 0;
    let idleTimer: NodeJS.Timeout | undefined;
    const credentials = relayCredentialsFor(upstream.auth);
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
      this.forward(upstream, credentials, origin, req, res, {
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
    const { port } = server.address() as net.AddressInfo;
    server.once('close', this.ports.protectPort(port));
    server.unref();
    armIdle();
    const origin = `http://127.0.0.1:${port}`;
    const close = () =>
      new Promise<void>((resolve) => {
        clearTimeout(idleTimer);
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    return {
      origin,
      credentials,
      refusedRedirect: () => refused,
      tlsFailure: () => tlsFailed,
      bearerFailure: () => bearerFailed,
      close,
    };
  }

  private forward(
    upstream: RelayUpstream,
    credentials: RelayCredentials,
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
    const refuse = (status: number, code: string) => {
      fail(status, code);
      req.resume();
    };
    let path = req.url ?? '/';
    if (!path.startsWith('/')) {
      refuse(400, 'absolute_form_refused');
      return;
    }
    // A DNS-rebound name (or any other) pointing at the port is not this relay.
    if (req.headers.host !== relayOrigin.slice('http://'.length)) {
      refuse(403, 'foreign_host_refused');
      return;
    }
    const method = req.method ?? 'GET';
    const { auth } = upstream;
    if (!provesRelayCredentials(method, path, req.headers, auth, credentials)) {
      refuse(403, 'relay_credentials_refused');
      return;
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    if (upstream.virtualHostBucket) {
      const prefix = `/${upstream.virtualHostBucket}`;
      if (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))
        path = path.slice(prefix.length) || '/';
      if (!path.startsWith('/')) path = `/${path}`;
    }
    headers.host = upstream.hostHeader;
    switch (auth.kind) {
      case 'sigv4':
        signSigV4Upstream(method, path, headers, auth);
        break;
      case 'azure_shared_key':
        path = signSharedKeyUpstream(method, path, headers, auth);
        break;
      case 'bearer':
        auth.token().then(
          (token) => {
            if (res.destroyed) return;
            headers.authorization = `Bearer ${token}`;
            this.send(upstream, relayOrigin, req, res, path, headers, report, fail);
          },
          (error: unknown) => {
            report.onBearerFailure(error);
            refuse(502, 'token_unavailable');
          },
        );
        return;
      default: {
        const unknownAuth: never = auth;
        throw new Error(`no upstream signing for ${String(unknownAuth)}`);
      }
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
      ...(upstream.tls
        ? {
            servername,
            secureContext: trustedContext(),
            checkServerIdentity: (_host: string, cert: tls.PeerCertificate) =>
              tls.checkServerIdentity(dest.hostname, cert),
          }
        : {}),
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
function sameOriginLocation(
  location: string,
  upstream: RelayUpstream,
  relayOrigin: string,
): string | undefined {
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

type AnyHeaders = http.IncomingHttpHeaders | http.OutgoingHttpHeaders;

function headerText(headers: AnyHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
}

/** Equal strings, compared in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Credentials for one relay, from 256 random bits each; the tenant's are never among them. */
function relayCredentialsFor(auth: RelayAuth): RelayCredentials {
  switch (auth.kind) {
    case 'sigv4':
      return {
        kind: 'sigv4',
        accessKeyId: `AKRELAY${randomBytes(8).toString('hex').toUpperCase()}`,
        secretAccessKey: randomBytes(32).toString('base64url'),
      };
    case 'bearer':
      return { kind: 'bearer', token: `relay.${randomBytes(32).toString('base64url')}` };
    case 'azure_shared_key':
      return { kind: 'azure_shared_key', accountKey: randomBytes(64).toString('base64') };
    default: {
      const unknownAuth: never = auth;
      throw new Error(`no relay credentials for ${String(unknownAuth)}`);
    }
  }
}

/** Whether the request is authenticated with this relay's credentials (and so comes from its OpenDAL). */
function provesRelayCredentials(
  method: string,
  pathAndQuery: string,
  headers: http.IncomingHttpHeaders,
  auth: RelayAuth,
  credentials: RelayCredentials,
): boolean {
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return false;
  if (credentials.kind === 'bearer')
    return auth.kind === 'bearer' && sameSecret(authorization, `Bearer ${credentials.token}`);
  if (credentials.kind === 'sigv4') {
    const signed = parseSigV4(authorization);
    // The signature must cover the Host (checked to be the relay's) and the date.
    if (
      !signed ||
      signed.accessKeyId !== credentials.accessKeyId ||
      !signed.signedHeaders.includes('host') ||
      !signed.signedHeaders.includes('x-amz-date')
    )
      return false;
    const expected = sigV4Signature(method, pathAndQuery, headers, credentials.secretAccessKey, signed);
    return expected !== undefined && sameSecret(signed.signature, expected);
  }
  if (auth.kind !== 'azure_shared_key') return false;
  const prefix = `SharedKey ${auth.accountName}:`;
  if (!authorization.startsWith(prefix)) return false;
  const expected = sharedKeySignature(
    method,
    pathAndQuery,
    headers,
    auth.accountName,
    credentials.accountKey,
  );
  return sameSecret(authorization.slice(prefix.length), expected);
}

interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const SIGV4_AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([^/\s]+)\/([^/\s]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function parseSigV4(authorization: string): SigV4Authorization | undefined {
  const match = SIGV4_AUTHORIZATION.exec(authorization);
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * The AWS Signature V4 signature of the request as it stands (method, path and query, the signed
 * headers with their current values, the payload hash it declares), with `secretAccessKey` and the
 * credential scope of `signed`. Undefined when the request lacks the date or payload hash headers.
 */
function sigV4Signature(
  method: string,
  pathAndQuery: string,
  headers: AnyHeaders,
  secretAccessKey: string,
  signed: SigV4Authorization,
): string | undefined {
  const amzDate = headers['x-amz-date'];
  const payloadHash = headers['x-amz-content-sha256'];
  if (typeof amzDate !== 'string' || typeof payloadHash !== 'string') return undefined;
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
  const canonicalHeaders = signed.signedHeaders
    .map((name) => `${name}:${headerText(headers, name).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const signedHeaderList = signed.signedHeaders.join(';');
  // Each path segment, decoded and encoded again as AWS does (RFC 3986 unreserved characters only).
  const canonicalPath = rawPath
    .split('/')
    .map((segment) => AWS_ENCODE(safeDecode(segment)))
    .join('/');
  const canonicalRequest = [
    method,
    canonicalPath,
    query,
    canonicalHeaders,
    signedHeaderList,
    payloadHash,
  ].join('\n');
  const scope = `${signed.date}/${signed.region}/${signed.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(signed.date).digest();
  for (const part of [signed.region, signed.service, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/**
 * Signs the (already verified) request again, AWS Signature V4, for the `host` it now carries and
 * with the tenant's key, keeping the credential scope, signed headers and payload hash OpenDAL
 * chose; adds the tenant's session token. Without a tenant key pair the request goes unsigned.
 */
function signSigV4Upstream(
  method: string,
  pathAndQuery: string,
  headers: http.OutgoingHttpHeaders,
  auth: Extract<RelayAuth, { kind: 'sigv4' }>,
): void {
  const signed = parseSigV4(String(headers.authorization));
  delete headers.authorization;
  if (!signed || !auth.accessKeyId || !auth.secretAccessKey) return; // anonymous access
  if (auth.sessionToken) {
    headers['x-amz-security-token'] = auth.sessionToken;
    if (!signed.signedHeaders.includes('x-amz-security-token'))
      signed.signedHeaders = [...signed.signedHeaders, 'x-amz-security-token'].sort();
  }
  const signature = sigV4Signature(method, pathAndQuery, headers, auth.secretAccessKey, signed);
  if (signature === undefined) return;
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${auth.accessKeyId}/${signed.date}/${signed.region}/${signed.service}/aws4_request, SignedHeaders=${signed.signedHeaders.join(';')}, Signature=${signature}`;
}

/** Headers that Azure Shared Key signs by value, in order (`Content-Length` 0 signs as empty). */
const SHARED_KEY_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
];

/**
 * Azure Storage Shared Key (Blob service, version 2009-09-19 and later): HMAC-SHA256, under the
 * base64-decoded account key, of the verb, the standard headers, the `x-ms-*` headers and the
 * canonicalized resource (`/<account><path>` and the query parameters, lowercased names, decoded
 * values). The `Host` is not signed, so the relay's address and the tenant's name sign alike.
 */
function sharedKeySignature(
  method: string,
  pathAndQuery: string,
  headers: AnyHeaders,
  accountName: string,
  accountKey: string,
): string {
  const standard = SHARED_KEY_HEADERS.map((name) => {
    const value = headerText(headers, name);
    return name === 'content-length' && value === '0' ? '' : value;
  });
  const msHeaders = Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-ms-'))
    .sort()
    .map((name) => `${name}:${headerText(headers, name).trimStart()}\n`)
    .join('');
  const [rawPath, rawQuery = ''] = splitOnce(pathAndQuery, '?');
  const params = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const [k, v = ''] = splitOnce(pair, '=');
    const name = safeDecode(k.replace(/\+/g, '%20')).toLowerCase();
    params.set(name, [...(params.get(name) ?? []), safeDecode(v.replace(/\+/g, '%20'))]);
  }
  const resource =
    `/${accountName}${rawPath}` +
    [...params.keys()]
      .sort()
      .map((name) => `\n${name}:${params.get(name)!.sort().join(',')}`)
      .join('');
  const stringToSign = `${[method.toUpperCase(), ...standard].join('\n')}\n${msHeaders}${resource}`;
  return createHmac('sha256', Buffer.from(accountKey, 'base64'))
    .update(stringToSign, 'utf8')
    .digest('base64');
}

/**
 * Signs the (already verified) request again with the tenant's account key, or sends it with the
 * tenant's SAS token in its query instead of a signature. Returns the path and query to send.
 */
function signSharedKeyUpstream(
  method: string,
  pathAndQuery: string,
  headers: http.OutgoingHttpHeaders,
  auth: Extract<RelayAuth, { kind: 'azure_shared_key' }>,
): string {
  delete headers.authorization;
  if (auth.accountKey) {
    headers.authorization = `SharedKey ${auth.accountName}:${sharedKeySignature(method, pathAndQuery, headers, auth.accountName, auth.accountKey)}`;
    return pathAndQuery;
  }
  const sas = (auth.sasToken ?? '').replace(/^\?/, '');
  if (!sas) return pathAndQuery;
  return `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}${sas}`;
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
