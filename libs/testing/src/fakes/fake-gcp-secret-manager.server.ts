import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * An in-memory Secret Manager v1 speaking the HTTP/JSON calls that
 * @google-cloud/secret-manager sends with `fallback: true` (google-gax REST transport: the
 * google.api.http bindings from the bundled protos, `$alt=json;enum-encoding=int`, proto3 JSON
 * bodies with base64 bytes, errors as `{error:{code,message,status}}`). Covers create/get/patch/
 * delete/list secrets, addVersion and versions/{n|latest}:access.
 */
export interface FakeGcpSecretManagerOptions {
  projectId?: string;
  /** The bearer token callers must present. */
  token?: string;
}

interface StoredVersion {
  n: number;
  data: Buffer;
  createTime: string;
  state: 1 | 2 | 3; // ENABLED, DISABLED, DESTROYED
}

interface StoredSecret {
  id: string;
  createTime: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  replication: unknown;
  etag: number;
  versions: StoredVersion[];
}

const STATUS_BY_HTTP: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  503: 'UNAVAILABLE',
};
const SECRET_ID = /^[A-Za-z0-9_-]{1,255}$/;
const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
const ANNOTATION_KEY = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;
const MAX_PAYLOAD_BYTES = 65536;
const MAX_ANNOTATIONS_BYTES = 16384;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly grpcStatus = STATUS_BY_HTTP[status] ?? 'UNKNOWN',
  ) {
    super(message);
  }
}

export class FakeGcpSecretManagerServer {
  readonly projectId: string;
  readonly token: string;
  /** Method, path and query of every request (never bodies), for wire assertions. */
  readonly requests: { method: string; path: string; query: string }[] = [];
  /** When set, every request answers 503 UNAVAILABLE. */
  unavailable = false;
  url = '';
  private offsetMs = 0;

  /** The fake's clock (create and version times): real time plus whatever `advance()` added. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the fake's clock forward, so tests control how old a secret is without sleeping. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  private readonly secrets = new Map<string, StoredSecret>();
  private server!: Server;

  private constructor(options: FakeGcpSecretManagerOptions) {
    this.projectId = options.projectId ?? `fake-project-${randomBytes(3).toString('hex')}`;
    this.token = options.token ?? randomBytes(16).toString('hex');
  }

  static async start(options: FakeGcpSecretManagerOptions = {}): Promise<FakeGcpSecretManagerServer> {
    const fake = new FakeGcpSecretManagerServer(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  secretIds(): string[] {
    return [...this.secrets.keys()].sort();
  }

  /** Labels and annotations of a stored secret, for wire assertions. */
  secretMetadata(
    id: string,
  ): { labels: Record<string, string>; annotations: Record<string, string>; versions: number } | undefined {
    const s = this.secrets.get(id);
    return s && { labels: { ...s.labels }, annotations: { ...s.annotations }, versions: s.versions.length };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: url.search });
    try {
      if (this.unavailable) throw new HttpError(503, 'The service is currently unavailable.');
      if (req.headers.authorization !== `Bearer ${this.token}`) {
        throw new HttpError(
          401,
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        );
      }
      const body = await readJson(req);
      send(res, 200, this.route(method, decodeURIComponent(url.pathname), url.searchParams, body));
    } catch (err) {
      const e =
        err instanceof HttpError ? err : new HttpError(500, 'Internal error encountered.', 'INTERNAL');
      send(res, e.status, { error: { code: e.status, message: e.message, status: e.grpcStatus } });
    }
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): unknown {
    let m = /^\/v1\/projects\/([^/]+)\/secrets$/.exec(path);
    if (m) {
      this.checkProject(m[1]);
      if (method === 'POST') return this.createSecret(query.get('secretId'), body);
      if (method === 'GET') return this.listSecrets(query);
    }
    m = /^\/v1\/projects\/([^/]+)\/secrets\/([^/:]+):addVersion$/.exec(path);
    if (m && method === 'POST') {
      this.checkProject(m[1]);
      return this.addVersion(m[2], body);
    }
    m = /^\/v1\/projects\/([^/]+)\/secrets\/([^/:]+)\/versions\/([^/:]+):access$/.exec(path);
    if (m && method === 'GET') {
      this.checkProject(m[1]);
      return this.access(m[2], m[3]);
    }
    m = /^\/v1\/projects\/([^/]+)\/secrets\/([^/:]+)$/.exec(path);
    if (m) {
      this.checkProject(m[1]);
      if (method === 'GET') return this.view(this.find(m[2]));
      if (method === 'PATCH') return this.patch(m[2], query.get('updateMask'), body);
      if (method === 'DELETE') {
        this.find(m[2]);
        this.secrets.delete(m[2]);
        return {};
      }
    }
    throw new HttpError(404, `The requested URL ${path} was not found on this server.`);
  }

  private checkProject(project: string): void {
    if (project !== this.projectId)
      throw new HttpError(403, `Permission denied on resource project ${project}.`);
  }

  private name(id: string): string {
    return `projects/${this.projectId}/secrets/${id}`;
  }

  private find(id: string): StoredSecret {
    const secret = this.secrets.get(id);
    if (!secret) throw new HttpError(404, `Secret [${this.name(id)}] not found or has no versions.`);
    return secret;
  }

  private view(s: StoredSecret): unknown {
    return {
      name: this.name(s.id),
      replication: s.replication,
      createTime: s.createTime,
      labels: s.labels,
      annotations: s.annotations,
      etag: `"${s.etag.toString(16)}"`,
    };
  }

  private validateMetadata(
    labels: unknown,
    annotations: unknown,
  ): { labels: Record<string, string>; annotations: Record<string, string> } {
    const l = (labels ?? {}) as Record<string, string>;
    const a = (annotations ?? {}) as Record<string, string>;
    if (Object.keys(l).length > 64) throw new HttpError(400, 'Too many labels.');
    for (const [k, v] of Object.entries(l)) {
      if (!LABEL_KEY.test(k) || typeof v !== 'string' || !LABEL_VALUE.test(v))
        throw new HttpError(400, `Invalid label: ${k}`);
    }
    let size = 0;
    for (const [k, v] of Object.entries(a)) {
      if (!ANNOTATION_KEY.test(k) || typeof v !== 'string')
        throw new HttpError(400, `Invalid annotation key: ${k}`);
      size += Buffer.byteLength(k) + Buffer.byteLength(v);
    }
    if (size > MAX_ANNOTATIONS_BYTES) throw new HttpError(400, 'Annotations exceed the maximum total size.');
    return { labels: { ...l }, annotations: { ...a } };
  }

  private createSecret(secretId: string | null, body: Record<string, unknown>): unknown {
    if (!secretId || !SECRET_ID.test(secretId)) throw new HttpError(400, 'Invalid secret id.');
    if (!body.replication) throw new HttpError(400, 'Secret.replication is required.');
    if (this.secrets.has(secretId))
      throw new HttpError(409, `Secret [${this.name(secretId)}] already exists.`);
    const { labels, annotations } = this.validateMetadata(body.labels, body.annotations);
    const secret: StoredSecret = {
      id: secretId,
      createTime: new Date(this.now()).toISOString(),
      labels,
      annotations,
      replication: body.replication,
      etag: 1,
      versions: [],
    };
    this.secrets.set(secretId, secret);
    return this.view(secret);
  }

  private patch(id: string, updateMask: string | null, body: Record<string, unknown>): unknown {
    const secret = this.find(id);
    if (!updateMask) throw new HttpError(400, 'update_mask is required.');
    for (const field of updateMask.split(',')) {
      if (field === 'annotations')
        secret.annotations = this.validateMetadata(secret.labels, body.annotations).annotations;
      else if (field === 'labels')
        secret.labels = this.validateMetadata(body.labels, secret.annotations).labels;
      else throw new HttpError(400, `Unsupported update_mask path: ${field}`);
    }
    secret.etag++;
    return this.view(secret);
  }

  private listSecrets(query: URLSearchParams): unknown {
    const clauses = (query.get('filter') ?? '').split(/\s+(?:AND\s+)?/).filter(Boolean);
    const predicates = clauses.map((clause) => {
      const m = /^labels\.([a-z0-9_-]+)[=:]"?([^"]*)"?$/.exec(clause);
      if (!m) throw new HttpError(400, `Unsupported filter: ${clause}`);
      return (s: StoredSecret) => s.labels[m[1]] === m[2];
    });
    const all = [...this.secrets.values()]
      .filter((s) => predicates.every((p) => p(s)))
      .sort((a, b) => a.id.localeCompare(b.id));
    const pageSize = Math.min(Number(query.get('pageSize') ?? 25_000) || 25_000, 25_000);
    const token = query.get('pageToken');
    // Secret Manager refuses a page token it did not issue.
    if (token && !/^[1-9][0-9]*$/.test(token)) throw new HttpError(400, 'Invalid page token.');
    const start = Number(token ?? 0) || 0;
    const page = all.slice(start, start + pageSize);
    const next = start + pageSize < all.length ? String(start + pageSize) : undefined;
    return {
      secrets: page.map((s) => this.view(s)),
      ...(next ? { nextPageToken: next } : {}),
      totalSize: all.length,
    };
  }

  private addVersion(id: string, body: Record<string, unknown>): unknown {
    const secret = this.find(id);
    const data = (body.payload as { data?: unknown } | undefined)?.data;
    if (typeof data !== 'string') throw new HttpError(400, 'Payload is required.');
    const bytes = Buffer.from(data, 'base64');
    if (bytes.length > MAX_PAYLOAD_BYTES)
      throw new HttpError(400, `Secret Payload cannot exceed ${MAX_PAYLOAD_BYTES} bytes.`);
    const version: StoredVersion = {
      n: secret.versions.length + 1,
      data: bytes,
      createTime: new Date(this.now()).toISOString(),
      state: 1,
    };
    secret.versions.push(version);
    return this.versionView(secret, version);
  }

  private versionView(secret: StoredSecret, v: StoredVersion): unknown {
    return {
      name: `${this.name(secret.id)}/versions/${v.n}`,
      createTime: v.createTime,
      state: v.state,
      etag: `"${v.n}"`,
      replicationStatus: { automatic: {} },
      clientSpecifiedPayloadChecksum: false,
    };
  }

  private access(id: string, version: string): unknown {
    const secret = this.find(id);
    const v =
      version === 'latest'
        ? secret.versions.filter((x) => x.state === 1).at(-1)
        : secret.versions[Number(version) - 1];
    if (!v) throw new HttpError(404, `Secret Version [${this.name(id)}/versions/${version}] not found.`);
    if (v.state !== 1)
      throw new HttpError(412, `Secret Version [${this.name(id)}/versions/${v.n}] is in DISABLED state.`);
    return { name: `${this.name(id)}/versions/${v.n}`, payload: { data: v.data.toString('base64') } };
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'Invalid JSON payload received.');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
