import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';

/**
 * An in-memory Infisical (modelled on the October 2024 backend) speaking the REST calls our adapter
 * and @infisical/sdk 5 send: universal-auth login, the v3 raw secrets endpoints, v1 folders
 * (create, list, rename, delete), GET /api/v1/workspace/:id and GET /api/status.
 *
 * Server behaviour mirrors Infisical's backend, including the parts that hurt clients:
 * - values are trimmed (one trailing newline kept), `${...}` references are stored unchecked,
 *   creating a secret in a missing folder is a 404, creating an existing one a 400, folder creation
 *   is idempotent and creates missing parents, listing a missing folder (or an unknown environment)
 *   is empty, deleting a folder deletes the secrets in it, `recursive=true` lists the folders under
 *   it too (with `secretPath`); that build has no `viewSecretValue`, so values always come back;
 * - an unknown project: GET /api/v1/workspace/:id answers 500 "Something went wrong" with the error
 *   name "Failed to find project by id"; secret calls answer 404 ("Project not found during bot
 *   lookup"); an unknown client ID at login is 404, a wrong client secret 401;
 * - access tokens: the JWT expires after `accessTokenMaxTTL` (403 TokenError "Your token has
 *   expired. Please re-authenticate."); with a shorter `accessTokenTTL` the token row expires first
 *   (401 "Failed to renew MI access token due to TTL expiration") and is deleted, after which it is
 *   "No identity access token found" (401). Any `Authorization: Bearer` header is validated on
 *   every route, the login included, so a login that carries a stale bearer fails;
 * - rate limits: `secretsRateLimit` secret operations (secrets and folder writes) per minute per
 *   client IP. The October 2024 build answers over-limit calls with 500 "Something went wrong"
 *   (its RateLimitError was not mapped) but keeps @fastify/rate-limit's headers; `rateLimitStyle:
 *   '429'` answers like newer builds;
 * - update responses carry an empty `secretComment` when the request did not send one, although
 *   the stored comment is kept.
 *
 * Time is the fake's own clock (`advance()`), so tests control expiry and rate-limit windows.
 * `freeze()` holds requests without answering (a stopped process whose socket still accepts) and
 * processes them on `thaw()`, even when the client gave up: an abandoned write still lands.
 */
export interface FakeInfisicalOptions {
  clientId?: string;
  clientSecret?: string;
  projectId?: string;
  environments?: string[];
  /** Seconds an access token stays valid in the database; default 2592000 (Infisical's default). */
  accessTokenTTL?: number;
  /** Seconds until the JWT itself expires; default = accessTokenTTL (Infisical's default). */
  accessTokenMaxTTL?: number;
  /** @deprecated alias of accessTokenTTL. */
  tokenTtlSeconds?: number;
  /** Secret operations per minute per client IP; default unlimited (Infisical's default is 40). */
  secretsRateLimit?: number;
  rateLimitStyle?: '500' | '429';
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

interface StoredToken {
  createdAt: number;
  ttl: number;
  maxTtl: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorName?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const ERROR_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'UnauthorizedError',
  403: 'PermissionDenied',
  404: 'NotFound',
  422: 'ValidationFailure',
  429: 'RateLimitExceeded',
  503: 'ServiceUnavailable',
};
const FOLDER_NAME = /^[a-zA-Z0-9-_]+$/;
const DEFAULT_TTL = 2_592_000;

function normalizePath(raw: unknown): string {
  const path = typeof raw === 'string' && raw.trim() ? raw.trim() : '/';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function trimValue(value: string): string {
  return value.at(-1) === '\n' ? `${value.trim()}\n` : value.trim();
}

function joinPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

export class FakeInfisicalServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly projectId: string;
  readonly environments: string[];
  /** Method and path of every request (never bodies), with the fake clock's time, for wire assertions. */
  readonly requests: { method: string; path: string; at: number; status?: number; authorized?: boolean }[] =
    [];
  /** When set, every request except login answers 503. */
  unavailable = false;
  /** Runs before each request is routed: lets a test interleave another client's write deterministically. */
  beforeRoute: ((method: string, path: string) => void) | null = null;
  accessTokenTTL: number;
  accessTokenMaxTTL: number;
  secretsRateLimit: number;
  rateLimitStyle: '500' | '429';

  private readonly tokens = new Map<string, StoredToken>();
  private readonly folders = new Map<string, Map<string, StoredFolder>>(); // env -> path -> folder
  private readonly secrets = new Map<string, StoredSecret>(); // `${env}\0${path}\0${key}`
  private readonly rateWindows = new Map<string, { start: number; count: number }>();
  private held: Array<() => void> | null = null;
  private holdOnly: ((method: string, path: string) => boolean) | null = null;
  private offsetMs = 0;
  private server!: Server;
  url = '';

  private constructor(options: FakeInfisicalOptions) {
    this.clientId = options.clientId ?? randomUUID();
    this.clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
    this.projectId = options.projectId ?? randomUUID();
    this.environments = options.environments ?? ['dev', 'staging', 'prod'];
    this.accessTokenTTL = options.accessTokenTTL ?? options.tokenTtlSeconds ?? DEFAULT_TTL;
    this.accessTokenMaxTTL = options.accessTokenMaxTTL ?? this.accessTokenTTL;
    this.secretsRateLimit = options.secretsRateLimit ?? Number.POSITIVE_INFINITY;
    this.rateLimitStyle = options.rateLimitStyle ?? '500';
    const now = new Date(this.now()).toISOString();
    for (const env of this.environments) {
      this.folders.set(
        env,
        new Map([['/', { id: randomUUID(), name: 'root', parentId: null, path: '/', createdAt: now }]]),
      );
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
    this.thaw();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }

  /** The fake's clock (ms); starts at the wall clock. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the fake's clock forward: tokens expire and rate-limit windows roll over without sleeping. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Makes every issued access token unknown to the server, as after a revocation or TTL expiry. */
  expireAllTokens(): void {
    this.tokens.clear();
  }

  /**
   * Holds every request unanswered (a frozen process) until thaw(). With `only`, holds just the
   * requests it matches and serves the rest: one write stuck inside Infisical (waiting on a lock,
   * say) while later calls, an undo included, go through.
   */
  freeze(only?: (method: string, path: string) => boolean): void {
    this.held ??= [];
    this.holdOnly = only ?? null;
  }

  /** Processes the held requests, even those whose client has gone. */
  thaw(): void {
    const held = this.held ?? [];
    this.held = null;
    this.holdOnly = null;
    for (const run of held) run();
  }

  /** How many requests are held right now. */
  get heldCount(): number {
    return this.held?.length ?? 0;
  }

  get frozen(): boolean {
    return this.held !== null;
  }

  /** The stored (server-side) value, for asserting what actually went over the wire. */
  storedValue(environment: string, secretPath: string, key: string): string | undefined {
    return this.secrets.get(`${environment}\0${normalizePath(secretPath)}\0${key}`)?.value;
  }

  storedComment(environment: string, secretPath: string, key: string): string | undefined {
    return this.secrets.get(`${environment}\0${normalizePath(secretPath)}\0${key}`)?.comment;
  }

  folderPaths(environment: string): string[] {
    return [...(this.folders.get(environment)?.keys() ?? [])].sort();
  }

  /** Plants a secret directly (as another client would), creating its folders. */
  plantSecret(environment: string, secretPath: string, key: string, value: string): void {
    const path = normalizePath(secretPath);
    const segments = path.split('/').filter(Boolean);
    if (segments.length)
      this.createFolder({
        workspaceId: this.projectId,
        environment,
        name: segments.at(-1),
        path: `/${segments.slice(0, -1).join('/')}`,
      });
    this.createSecret(key, {
      workspaceId: this.projectId,
      environment,
      secretPath: path,
      secretValue: value,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const entry: FakeInfisicalServer['requests'][number] = { method, path: url.pathname, at: this.now() };
    this.requests.push(entry);
    let body: Record<string, unknown>;
    try {
      body = await readBody(req);
    } catch (err) {
      this.reply(res, entry, err);
      return;
    }
    const run = () => {
      try {
        this.reply(res, entry, null, this.route(method, url, req, body, entry));
      } catch (err) {
        this.reply(res, entry, err);
      }
    };
    if (this.held && (!this.holdOnly || this.holdOnly(method, url.pathname))) this.held.push(run);
    else run();
  }

  private reply(res: ServerResponse, entry: { status?: number }, err: unknown, result?: unknown): void {
    if (!err) {
      entry.status = 200;
      send(res, 200, result);
      return;
    }
    const status = err instanceof HttpError ? err.status : 500;
    const message = err instanceof HttpError ? err.message : 'Something went wrong';
    entry.status = status;
    const error =
      (err instanceof HttpError && err.errorName) || (ERROR_NAMES[status] ?? 'InternalServerError');
    send(
      res,
      status,
      { reqId: `req-${randomBytes(6).toString('hex')}`, statusCode: status, message, error },
      err instanceof HttpError ? err.headers : {},
    );
  }

  private route(
    method: string,
    url: URL,
    req: IncomingMessage,
    body: Record<string, unknown>,
    entry: { authorized?: boolean },
  ): unknown {
    const path = url.pathname;
    this.beforeRoute?.(method, path);
    // Infisical's inject-identity hook validates any bearer header, on every route.
    const bearer = req.headers.authorization;
    if (bearer !== undefined) this.authenticate(bearer);
    entry.authorized = bearer !== undefined;
    if (method === 'GET' && path === '/api/status') {
      if (this.unavailable) throw new HttpError(503, 'Service unavailable');
      return { date: new Date(this.now()).toISOString(), message: 'Ok' };
    }
    if (method === 'POST' && path === '/api/v1/auth/universal-auth/login') return this.login(body);
    if (this.unavailable) throw new HttpError(503, 'Service unavailable');
    if (bearer === undefined) throw new HttpError(401, 'Token missing');
    const query = Object.fromEntries(url.searchParams);
    const workspace = /^\/api\/v1\/workspace\/([^/]+)$/.exec(path);
    if (method === 'GET' && workspace) return this.getWorkspace(decodeURIComponent(workspace[1]));
    if (path === '/api/v1/folders') {
      if (method === 'POST') return this.limited(req, () => this.createFolder(body));
      if (method === 'GET') return this.listFolders(query);
    }
    const folder = /^\/api\/v1\/folders\/([^/]+)$/.exec(path);
    if (folder && method === 'PATCH')
      return this.limited(req, () => this.renameFolder(decodeURIComponent(folder[1]), body));
    if (folder && method === 'DELETE')
      return this.limited(req, () => this.deleteFolder(decodeURIComponent(folder[1]), body));
    if (method === 'GET' && path === '/api/v3/secrets/raw')
      return this.limited(req, () => this.listSecrets(query));
    const match = /^\/api\/v3\/secrets\/raw\/([^/]+)$/.exec(path);
    if (match) {
      const key = decodeURIComponent(match[1]);
      switch (method) {
        case 'GET':
          return this.limited(req, () => this.getSecret(key, query));
        case 'POST':
          return this.limited(req, () => this.createSecret(key, body));
        case 'PATCH':
          return this.limited(req, () => this.updateSecret(key, body));
        case 'DELETE':
          return this.limited(req, () => this.deleteSecret(key, body));
      }
    }
    throw new HttpError(404, `Route ${method}:${path} not found`);
  }

  /** @fastify/rate-limit in preValidation: over the limit, nothing runs. */
  private limited<T>(req: IncomingMessage, op: () => T): T {
    const ip = req.socket.remoteAddress ?? 'unknown';
    const now = this.now();
    let window = this.rateWindows.get(ip);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      this.rateWindows.set(ip, window);
    }
    window.count++;
    if (window.count > this.secretsRateLimit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000));
      const headers = {
        'x-ratelimit-limit': String(this.secretsRateLimit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(retryAfter),
        'retry-after': String(retryAfter),
      };
      if (this.rateLimitStyle === '429') {
        throw new HttpError(
          429,
          `Rate limit exceeded. Please try again in ${retryAfter} seconds`,
          'RateLimitExceeded',
          headers,
        );
      }
      throw new HttpError(500, 'Something went wrong', 'InternalServerError', headers);
    }
    return op();
  }

  private login(body: Record<string, unknown>): unknown {
    if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string')
      throw new HttpError(422, 'clientId and clientSecret are required');
    if (body.clientId !== this.clientId)
      throw new HttpError(404, 'No identity with specified client ID was found', 'NotFound');
    if (body.clientSecret !== this.clientSecret) throw new HttpError(401, 'Invalid credentials');
    const accessToken = randomBytes(32).toString('hex');
    this.tokens.set(accessToken, {
      createdAt: this.now(),
      ttl: this.accessTokenTTL,
      maxTtl: this.accessTokenMaxTTL,
    });
    return {
      accessToken,
      expiresIn: this.accessTokenTTL,
      accessTokenMaxTTL: this.accessTokenMaxTTL,
      tokenType: 'Bearer',
    };
  }

  private authenticate(header: string): void {
    const match = /^Bearer (.+)$/.exec(header);
    if (!match) throw new HttpError(401, 'Missing Authorization Header in the request header.');
    const token = this.tokens.get(match[1]);
    if (!token) throw new HttpError(401, 'No identity access token found');
    const age = this.now() - token.createdAt;
    // The JWT carries exp = maxTTL; jwt.verify fails first and the error handler makes it a 403.
    if (token.maxTtl > 0 && age > token.maxTtl * 1000)
      throw new HttpError(403, 'Your token has expired. Please re-authenticate.', 'TokenError');
    if (token.ttl > 0 && age > token.ttl * 1000) {
      this.tokens.delete(match[1]);
      throw new HttpError(401, 'Failed to renew MI access token due to TTL expiration');
    }
  }

  private getWorkspace(id: string): unknown {
    // The 2024 build's project lookup wraps its NotFoundError in a DatabaseError: a 500.
    if (id !== this.projectId)
      throw new HttpError(500, 'Something went wrong', 'Failed to find project by id');
    return {
      workspace: {
        id: this.projectId,
        name: 'fake',
        environments: this.environments.map((slug) => ({ id: slug, name: slug, slug })),
      },
    };
  }

  private env(workspaceId: unknown, environment: unknown): Map<string, StoredFolder> {
    if (typeof workspaceId !== 'string' || typeof environment !== 'string' || !workspaceId || !environment) {
      throw new HttpError(400, 'Missing workspace id or environment');
    }
    if (workspaceId !== this.projectId)
      throw new HttpError(
        404,
        'Project not found during bot lookup. Are you sure you are using the correct project ID?',
        'NotFound',
      );
    const folders = this.folders.get(environment);
    if (!folders)
      throw new HttpError(
        404,
        `Environment with slug '${environment}' in project with ID '${workspaceId}' not found`,
      );
    return folders;
  }

  private folderOf(
    body: Record<string, unknown>,
    op: string,
  ): { env: string; path: string; folder: StoredFolder } {
    const folders = this.env(body.workspaceId, body.environment);
    const path = normalizePath(body.secretPath);
    const folder = folders.get(path);
    if (!folder)
      throw new HttpError(
        404,
        `Folder with path '${path}' in environment with slug '${String(body.environment)}' not found (${op})`,
      );
    return { env: String(body.environment), path, folder };
  }

  private createFolder(body: Record<string, unknown>): unknown {
    const folders = this.env(body.workspaceId, body.environment);
    if (typeof body.name !== 'string' || !FOLDER_NAME.test(body.name))
      throw new HttpError(422, 'Folder name can only contain alphanumeric, dash and underscore characters');
    const parentPath = normalizePath(body.path);
    const segments = [...parentPath.split('/').filter(Boolean), body.name];
    let current = folders.get('/')!;
    for (const segment of segments) {
      const path = joinPath(current.path, segment);
      let next = folders.get(path);
      if (!next) {
        next = {
          id: randomUUID(),
          name: segment,
          parentId: current.id,
          path,
          createdAt: new Date(this.now()).toISOString(),
        };
        folders.set(path, next);
      }
      current = next;
    }
    return { folder: this.folderView(current) };
  }

  private listFolders(query: Record<string, string>): unknown {
    const folders = this.env(query.workspaceId, query.environment);
    const parent = folders.get(normalizePath(query.path));
    if (!parent) return { folders: [] };
    return {
      folders: [...folders.values()].filter((f) => f.parentId === parent.id).map((f) => this.folderView(f)),
    };
  }

  /** Moves a folder and everything under it to a new name (same parent). */
  private renameFolder(id: string, body: Record<string, unknown>): unknown {
    const folders = this.env(body.workspaceId, body.environment);
    if (typeof body.name !== 'string' || !FOLDER_NAME.test(body.name))
      throw new HttpError(422, 'Invalid folder name');
    const parent = folders.get(normalizePath(body.path));
    const folder = [...folders.values()].find((f) => f.id === id && f.parentId === parent?.id);
    if (!parent || !folder) throw new HttpError(404, `Folder with ID '${id}' not found`);
    const target = joinPath(parent.path, body.name);
    if (folders.has(target)) throw new HttpError(400, 'Folder with specified name already exists');
    this.movePrefix(String(body.environment), folders, folder.path, target);
    folder.name = body.name;
    return { folder: this.folderView(folder) };
  }

  private movePrefix(env: string, folders: Map<string, StoredFolder>, from: string, to: string): void {
    const under = (p: string) => p === from || p.startsWith(`${from}/`);
    for (const [path, f] of [...folders.entries()].filter(([p]) => under(p))) {
      folders.delete(path);
      f.path = to + path.slice(from.length);
      folders.set(f.path, f);
    }
    for (const [key, s] of [...this.secrets.entries()]) {
      const [e, path, name] = key.split('\0');
      if (e === env && under(path)) {
        this.secrets.delete(key);
        this.secrets.set(`${e}\0${to + path.slice(from.length)}\0${name}`, s);
      }
    }
  }

  /** Deletes a folder, its sub-folders and every secret in them. */
  private deleteFolder(idOrName: string, body: Record<string, unknown>): unknown {
    const folders = this.env(body.workspaceId, body.environment);
    const parent = folders.get(normalizePath(body.path));
    const folder = [...folders.values()].find(
      (f) => (f.id === idOrName || f.name === idOrName) && f.parentId === parent?.id,
    );
    if (!parent || !folder) throw new HttpError(404, `Folder with ID '${idOrName}' not found`);
    const under = (p: string) => p === folder.path || p.startsWith(`${folder.path}/`);
    for (const path of [...folders.keys()].filter(under)) folders.delete(path);
    for (const key of [...this.secrets.keys()]) {
      const [e, path] = key.split('\0');
      if (e === body.environment && under(path)) this.secrets.delete(key);
    }
    return { folder: this.folderView(folder) };
  }

  /** A folder as the October 2024 build returns it: no path, no description. */
  private folderView(folder: StoredFolder): unknown {
    return {
      id: folder.id,
      name: folder.name,
      version: 1,
      createdAt: folder.createdAt,
      updatedAt: folder.createdAt,
      envId: 'env',
      parentId: folder.parentId,
      isReserved: false,
    };
  }

  /** A secret as the October 2024 build returns it (no `viewSecretValue`: the value always comes back). */
  private secretView(env: string, path: string, s: StoredSecret, comment = s.comment): unknown {
    return {
      id: s.id,
      _id: s.id,
      workspace: this.projectId,
      environment: env,
      version: s.version,
      type: 'shared',
      secretKey: s.key,
      secretValue: s.value,
      secretComment: comment,
      secretReminderNote: null,
      secretReminderRepeatDays: null,
      skipMultilineEncoding: false,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      tags: [],
      metadata: null,
      secretPath: path,
    };
  }

  private listSecrets(query: Record<string, string>): unknown {
    if (query.workspaceId === this.projectId && !this.folders.has(query.environment))
      return { secrets: [], imports: [] };
    const folders = this.env(query.workspaceId, query.environment);
    const path = normalizePath(query.secretPath);
    if (!folders.has(path)) return { secrets: [], imports: [] };
    // recursive=true (as Infisical): the folder and every folder under it, each secret with its secretPath.
    const recursive = query.recursive === 'true';
    const inScope = (p: string) => p === path || (recursive && (path === '/' || p.startsWith(`${path}/`)));
    const secrets = [...this.secrets.entries()]
      .map(([k, s]) => ({ parts: k.split('\0'), s }))
      .filter(({ parts }) => parts[0] === query.environment && inScope(parts[1]))
      .map(({ parts, s }) => this.secretView(query.environment, parts[1], s));
    return { secrets, imports: [] };
  }

  private getSecret(key: string, query: Record<string, string>): unknown {
    const { env, path } = this.folderOf(query, 'GetSecret');
    const secret = this.secrets.get(`${env}\0${path}\0${key}`);
    if (!secret) throw new HttpError(404, `Secret with name '${key}' not found`);
    return { secret: this.secretView(env, path, secret) };
  }

  private createSecret(key: string, body: Record<string, unknown>): unknown {
    const { env, path, folder } = this.folderOf(body, 'CreateSecret');
    if (typeof body.secretValue !== 'string') throw new HttpError(422, 'secretValue is required');
    const id = `${env}\0${path}\0${key.trim()}`;
    if (this.secrets.has(id)) throw new HttpError(400, 'Secret already exist');
    const value = trimValue(body.secretValue);
    const now = new Date(this.now()).toISOString();
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
      secret.value = value;
    }
    const commentSent = typeof body.secretComment === 'string';
    if (commentSent) secret.comment = (body.secretComment as string).trim();
    secret.version += 1;
    secret.updatedAt = new Date(Math.max(this.now(), Date.parse(secret.updatedAt) + 1)).toISOString();
    // The real server answers an empty comment when none was sent, although it kept the stored one.
    return { secret: this.secretView(env, path, secret, commentSent ? secret.comment : '') };
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
  if (type.startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
