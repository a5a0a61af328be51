import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * An in-memory Infisical speaking exactly the REST calls @infisical/sdk 5 sends (read from
 * node_modules/@infisical/sdk/lib/esm/index.mjs): universal-auth login, the v3 raw secrets
 * endpoints and v1 folders, plus GET /api/status. Server behaviour mirrors Infisical's backend:
 * values are trimmed (one trailing newline kept), `${...}` references must resolve, creating a
 * secret in a missing folder is a 404, creating an existing one a 400, folder creation is
 * idempotent and creates missing parents, listing a missing folder is empty.
 */
export interface FakeInfisicalOptions {
  clientId?: string;
  clientSecret?: string;
  projectId?: string;
  environments?: string[];
  tokenTtlSeconds?: number;
}

interface StoredSecret {
  id: string;
  key: string;
  value: string;
  comment: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  folderId: string;
}

interface StoredFolder {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  createdAt: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ERROR_NAMES: Record<number, string> = { 400: 'BadRequest', 401: 'UnauthorizedError', 403: 'PermissionDenied', 404: 'NotFound', 422: 'ValidationFailure', 503: 'ServiceUnavailable' };
const FOLDER_NAME = /^[a-zA-Z0-9-_]+$/;
const HIDDEN_VALUE = '<hidden-by-infisical>';

function normalizePath(raw: unknown): string {
  const path = typeof raw === 'string' && raw.trim() ? raw.trim() : '/';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function trimValue(value: string): string {
  return value.at(-1) === '\n' ? `${value.trim()}\n` : value.trim();
}

export class FakeInfisicalServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly projectId: string;
  readonly environments: string[];
  /** Method and path of every request (never bodies), for wire assertions. */
  readonly requests: { method: string; path: string }[] = [];
  /** When set, every request except login answers 503. */
  unavailable = false;

  private readonly tokens = new Map<string, number>();
  private readonly folders = new Map<string, Map<string, StoredFolder>>(); // env -> path -> folder
  private readonly secrets = new Map<string, StoredSecret>(); // `${env}\0${path}\0${key}`
  private readonly tokenTtlSeconds: number;
  private server!: Server;
  url = '';

  private constructor(options: FakeInfisicalOptions) {
    this.clientId = options.clientId ?? randomUUID();
    this.clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
    this.projectId = options.projectId ?? randomUUID();
    this.environments = options.environments ?? ['dev', 'staging', 'prod'];
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 7200;
    const now = new Date().toISOString();
    for (const env of this.environments) {
      this.folders.set(env, new Map([['/', { id: randomUUID(), name: 'root', parentId: null, path: '/', createdAt: now }]]));
    }
  }

  static async start(options: FakeInfisicalOptions = {}): Promise<FakeInfisicalServer> {
    const fake = new FakeInfisicalServer(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Makes every issued access token invalid, as when they expire. */
  expireAllTokens(): void {
    this.tokens.clear();
  }

  /** The stored (server-side) value, for asserting what actually went over the wire. */
  storedValue(environment: string, secretPath: string, key: string): string | undefined {
    return this.secrets.get(`${environment}\0${normalizePath(secretPath)}\0${key}`)?.value;
  }

  folderPaths(environment: string): string[] {
    return [...(this.folders.get(environment)?.keys() ?? [])].sort();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname });
    try {
      const body = await readBody(req);
      const result = this.route(method, url, req.headers, body);
      send(res, 200, result);
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      const message = err instanceof HttpError ? err.message : 'Something went wrong';
      send(res, status, { reqId: `req-${randomBytes(6).toString('hex')}`, statusCode: status, message, error: ERROR_NAMES[status] ?? 'InternalServerError' });
    }
  }

  private route(method: string, url: URL, headers: IncomingMessage['headers'], body: Record<string, unknown>): unknown {
    const path = url.pathname;
    if (method === 'GET' && path === '/api/status') {
      if (this.unavailable) throw new HttpError(503, 'Service unavailable');
      return { date: new Date().toISOString(), message: 'Ok' };
    }
    if (method === 'POST' && path === '/api/v1/auth/universal-auth/login') return this.login(body);
    if (this.unavailable) throw new HttpError(503, 'Service unavailable');
    this.authenticate(headers.authorization);
    const query = Object.fromEntries(url.searchParams);
    if (path === '/api/v1/folders') {
      if (method === 'POST') return this.createFolder(body);
      if (method === 'GET') return this.listFolders(query);
    }
    if (method === 'GET' && path === '/api/v3/secrets/raw') return this.listSecrets(query);
    const match = /^\/api\/v3\/secrets\/raw\/([^/]+)$/.exec(path);
    if (match) {
      const key = decodeURIComponent(match[1]);
      switch (method) {
        case 'GET':
          return this.getSecret(key, query);
        case 'POST':
          return this.createSecret(key, body);
        case 'PATCH':
          return this.updateSecret(key, body);
        case 'DELETE':
          return this.deleteSecret(key, body);
      }
    }
    throw new HttpError(404, `Route ${method}:${path} not found`);
  }

  private login(body: Record<string, unknown>): unknown {
    if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string') throw new HttpError(422, 'clientId and clientSecret are required');
    if (body.clientId !== this.clientId || body.clientSecret !== this.clientSecret) throw new HttpError(401, 'Invalid credentials');
    const accessToken = randomBytes(32).toString('hex');
    this.tokens.set(accessToken, Date.now() + this.tokenTtlSeconds * 1000);
    return { accessToken, expiresIn: this.tokenTtlSeconds, accessTokenMaxTTL: this.tokenTtlSeconds, tokenType: 'Bearer' };
  }

  private authenticate(header: string | undefined): void {
    if (!header) throw new HttpError(401, 'Missing Authorization Header in the request header.');
    const match = /^Bearer (.+)$/.exec(header);
    const expiresAt = match ? this.tokens.get(match[1]) : undefined;
    if (expiresAt === undefined) throw new HttpError(401, 'Invalid token');
    if (expiresAt < Date.now()) throw new HttpError(401, 'Token expired');
  }

  private env(workspaceId: unknown, environment: unknown): Map<string, StoredFolder> {
    if (typeof workspaceId !== 'string' || typeof environment !== 'string' || !workspaceId || !environment) {
      throw new HttpError(400, 'Missing workspace id or environment');
    }
    if (workspaceId !== this.projectId) throw new HttpError(404, `Project with ID '${workspaceId}' not found`);
    const folders = this.folders.get(environment);
    if (!folders) throw new HttpError(404, `Environment with slug '${environment}' in project with ID '${workspaceId}' not found`);
    return folders;
  }

  private folderOf(body: Record<string, unknown>, op: string): { env: string; path: string; folder: StoredFolder } {
    const folders = this.env(body.workspaceId, body.environment);
    const path = normalizePath(body.secretPath);
    const folder = folders.get(path);
    if (!folder) throw new HttpError(404, `Folder with path '${path}' in environment with slug '${String(body.environment)}' not found (${op})`);
    return { env: String(body.environment), path, folder };
  }

  private createFolder(body: Record<string, unknown>): unknown {
    const folders = this.env(body.workspaceId, body.environment);
    if (typeof body.name !== 'string' || !FOLDER_NAME.test(body.name)) throw new HttpError(422, 'Folder name can only contain alphanumeric, dash and underscore characters');
    const parentPath = normalizePath(body.path);
    const segments = [...parentPath.split('/').filter(Boolean), body.name];
    let current = folders.get('/')!;
    for (const segment of segments) {
      const path = current.path === '/' ? `/${segment}` : `${current.path}/${segment}`;
      let next = folders.get(path);
      if (!next) {
        next = { id: randomUUID(), name: segment, parentId: current.id, path, createdAt: new Date().toISOString() };
        folders.set(path, next);
      }
      current = next;
    }
    return { folder: this.folderView(current, typeof body.description === 'string' ? body.description : undefined) };
  }

  private listFolders(query: Record<string, string>): unknown {
    const folders = this.env(query.workspaceId, query.environment);
    const parent = folders.get(normalizePath(query.path));
    if (!parent) return { folders: [] };
    return { folders: [...folders.values()].filter((f) => f.parentId === parent.id).map((f) => this.folderView(f)) };
  }

  private folderView(folder: StoredFolder, description?: string): unknown {
    return { id: folder.id, name: folder.name, envId: 'env', description: description ?? null, createdAt: folder.createdAt, updatedAt: folder.createdAt, parentId: folder.parentId, isReserved: false, version: 1, path: folder.path };
  }

  private secretView(env: string, path: string, s: StoredSecret, showValue = true): unknown {
    return {
      id: s.id,
      _id: s.id,
      workspace: this.projectId,
      workspaceId: this.projectId,
      environment: env,
      secretKey: s.key,
      secretValue: showValue ? s.value : HIDDEN_VALUE,
      secretValueHidden: !showValue,
      secretComment: s.comment,
      secretReminderNote: null,
      secretReminderRepeatDays: null,
      skipMultilineEncoding: false,
      type: 'shared',
      version: s.version,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      tags: [],
      secretMetadata: [],
      secretPath: path,
      folderId: s.folderId,
      isRotatedSecret: false,
      rotationId: null,
      actor: null,
    };
  }

  private validateReferences(env: string, path: string, value: string): void {
    const missing: string[] = [];
    for (const [, ref] of value.matchAll(/\$\{([^}]+)\}/g)) {
      const parts = ref.trim().split('.');
      const key = parts.at(-1)!;
      const refEnv = parts.length > 1 ? parts[0] : env;
      const refPath = parts.length > 1 ? `/${parts.slice(1, -1).join('/')}` : path;
      if (!this.secrets.has(`${refEnv}\0${normalizePath(refPath)}\0${key}`)) missing.push(key);
    }
    if (missing.length) throw new HttpError(400, `Referenced secret(s) not found: ${missing.join(',')}`);
  }

  private listSecrets(query: Record<string, string>): unknown {
    const folders = this.env(query.workspaceId, query.environment);
    const path = normalizePath(query.secretPath);
    if (!folders.has(path)) return { secrets: [], imports: [] };
    const show = query.viewSecretValue !== 'false';
    const prefix = `${query.environment}\0${path}\0`;
    const secrets = [...this.secrets.entries()].filter(([k]) => k.startsWith(prefix)).map(([, s]) => this.secretView(query.environment, path, s, show));
    return { secrets, imports: [] };
  }

  private getSecret(key: string, query: Record<string, string>): unknown {
    const { env, path } = this.folderOf(query, 'GetSecret');
    const secret = this.secrets.get(`${env}\0${path}\0${key}`);
    if (!secret) throw new HttpError(404, `Secret with name '${key}' not found`);
    return { secret: this.secretView(env, path, secret, query.viewSecretValue !== 'false') };
  }

  private createSecret(key: string, body: Record<string, unknown>): unknown {
    const { env, path, folder } = this.folderOf(body, 'CreateSecret');
    if (typeof body.secretValue !== 'string') throw new HttpError(422, 'secretValue is required');
    const id = `${env}\0${path}\0${key.trim()}`;
    if (this.secrets.has(id)) throw new HttpError(400, 'Secret already exist');
    const value = trimValue(body.secretValue);
    this.validateReferences(env, path, value);
    const now = new Date().toISOString();
    const secret: StoredSecret = {
      id: randomUUID(),
      key: key.trim(),
      value,
      comment: typeof body.secretComment === 'string' ? body.secretComment.trim() : '',
      version: 1,
      createdAt: now,
      updatedAt: now,
      folderId: folder.id,
    };
    this.secrets.set(id, secret);
    return { secret: this.secretView(env, path, secret) };
  }

  private updateSecret(key: string, body: Record<string, unknown>): unknown {
    const { env, path } = this.folderOf(body, 'UpdateSecret');
    const secret = this.secrets.get(`${env}\0${path}\0${key}`);
    if (!secret) throw new HttpError(404, `Secret with name ${key} not found`);
    if (typeof body.secretValue === 'string') {
      const value = trimValue(body.secretValue);
      this.validateReferences(env, path, value);
      secret.value = value;
    }
    if (typeof body.secretComment === 'string') secret.comment = body.secretComment.trim();
    secret.version += 1;
    secret.updatedAt = new Date(Math.max(Date.now(), Date.parse(secret.updatedAt) + 1)).toISOString();
    return { secret: this.secretView(env, path, secret) };
  }

  private deleteSecret(key: string, body: Record<string, unknown>): unknown {
    const { env, path } = this.folderOf(body, 'DeleteSecret');
    const id = `${env}\0${path}\0${key}`;
    const secret = this.secrets.get(id);
    if (!secret) throw new HttpError(404, 'Secret not found');
    this.secrets.delete(id);
    return { secret: this.secretView(env, path, secret) };
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
