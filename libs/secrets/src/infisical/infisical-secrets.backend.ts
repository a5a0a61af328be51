import { randomBytes } from 'node:crypto';
import { AppException, DependencyRateLimitedError, DependencyUnavailableError } from '@app/core';
import type {
  ResourceSecretEntry,
  ResourceSecretPage,
  ResourceSecretPageRequest,
  SecretMetadata,
  SecretRef,
  SecretScope,
  SecretsCallOptions,
} from '../secrets-backend.js';
import { SecretsBackend, SecretsDeadlineError, assertBeforeDeadline } from '../secrets-backend.js';
import {
  assertPageLimit,
  assertSecretValue,
  decodeListCursor,
  encodeListCursor,
  normalizeDescription,
  normalizeRef,
  normalizeScope,
  type NormalizedScope,
} from '../secret-ref.js';
import {
  decodeInfisicalValue,
  encodeInfisicalValue,
  folderSegment,
  infisicalFolderPath,
  ORG_LEVEL_SEGMENT,
  projectIdFromSegment,
  resourceUriFromSegment,
} from './infisical-paths.mapper.js';
import {
  infisicalRequest,
  InfisicalTransportError,
  type InfisicalRequest,
  type InfisicalResponse,
} from './infisical-http.client.js';

export interface InfisicalSecretsBackendOptions {
  siteUrl: string;
  clientId: string;
  clientSecret: string;
  /** The one Infisical project holding every tenant's secrets. */
  projectId: string;
  environment: string;
  /** Deadline of the health probe. */
  healthTimeoutMs?: number;
  /** Deadline of one call when the caller gives none, retries and waits included (INFISICAL_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Bound of one read attempt; a read that times out is retried while the deadline allows. */
  attemptTimeoutMs?: number;
  /** Clock for token renewal and deadlines; tests pass the fake server's. */
  now?: () => number;
  /** How to wait out a rate limit; tests advance the fake server's clock instead of sleeping. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const DEPENDENCY = 'infisical';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;
/** Renew this long before the token's end (at most a fifth of its life). */
const RENEW_MARGIN_MS = 5 * 60_000;
/** Marks a resource folder that is being removed; cannot occur in a folderSegment (at most one '_'). */
const TOMBSTONE_MARK = '__rm_';

/** An HTTP error answer from Infisical. Its message never contains values we sent. */
export class InfisicalHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly serverMessage: string,
  ) {
    super(`Infisical answered ${status} ${errorName}`);
    this.name = 'InfisicalHttpError';
  }
}

/** The HTTP status of an Infisical error answer, or null. */
export function infisicalStatusOf(err: unknown): number | null {
  return err instanceof InfisicalHttpError ? err.status : null;
}

interface InfisicalSecret {
  secretKey: string;
  secretValue: string;
  secretComment?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  type?: string;
  /** Set on recursive listings: the folder the secret is in. */
  secretPath?: string;
}

function toMetadata(secret: InfisicalSecret, description?: string | null): SecretMetadata {
  return {
    name: secret.secretKey,
    description: description !== undefined ? description : secret.secretComment ? secret.secretComment : null,
    created_at: new Date(secret.createdAt).toISOString(),
    updated_at: new Date(secret.updatedAt).toISOString(),
    version: Number(secret.version),
  };
}

function header(res: InfisicalResponse, name: string): string | undefined {
  const value = res.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Seconds to wait when Infisical is throttling us, else null. Newer builds answer 429; the
 * October 2024 build answers 500 "Something went wrong" but keeps @fastify/rate-limit's headers.
 */
function rateLimitWaitSeconds(res: InfisicalResponse): number | null {
  const limited =
    res.status === 429 ||
    (res.status === 500 &&
      (header(res, 'x-ratelimit-remaining') === '0' || header(res, 'retry-after') !== undefined));
  if (!limited) return null;
  const seconds = Number(header(res, 'retry-after') ?? header(res, 'x-ratelimit-reset'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 1;
}

/** A rejected or expired access token: 401, or 403 TokenError (the JWT's own expiry). */
function isTokenRejected(res: InfisicalResponse): boolean {
  if (res.status === 401) return true;
  const error = (res.body as { error?: unknown } | undefined)?.error;
  return res.status === 403 && error === 'TokenError';
}

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** One backend call: its deadline, and whether a write of it may have reached Infisical. */
class Call {
  readonly signal: AbortSignal;
  writeSent = false;

  constructor(
    readonly deadlineAt: number,
    private readonly now: () => number,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ) {
    const own = AbortSignal.timeout(timeoutMs);
    this.signal = callerSignal ? AbortSignal.any([callerSignal, own]) : own;
  }

  remaining(): number {
    return this.signal.aborted ? 0 : Math.max(0, this.deadlineAt - this.now());
  }

  expired(): SecretsDeadlineError {
    return new SecretsDeadlineError(DEPENDENCY, this.writeSent);
  }
}

interface Token {
  value: string;
  renewAt: number;
}

/**
 * Secrets in one Infisical project and environment over Infisical's REST API (universal auth,
 * v3 raw secrets, v1 folders), with our own HTTP calls rather than @infisical/sdk: the SDK retries
 * every failure four times with 10 s attempts that no caller can bound, and re-logs in with the
 * stale bearer still attached. Here every call has a deadline (the caller's signal and
 * `timeoutMs`), nothing is sent once it has passed, writes are never resent after they may have
 * reached the server, and the only retries are a fresh login after a rejected token and waiting
 * out a rate limit while the deadline allows.
 *
 * Tenancy maps to folders: `/<org>/<project|_org>[/resources/<uri>]`; the key is the secret name
 * and the description is the secret comment.
 */
export class InfisicalSecretsBackend extends SecretsBackend {
  readonly kind = 'infisical' as const;
  private token: Token | null = null;
  private login: Promise<Token> | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly timeoutMs: number;
  private readonly attemptTimeoutMs: number;

  constructor(private readonly options: InfisicalSecretsBackendOptions) {
    super();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  }

  private begin(options: SecretsCallOptions | undefined, timeoutMs = this.timeoutMs): Call {
    assertBeforeDeadline(DEPENDENCY, options?.signal);
    return new Call(this.now() + timeoutMs, this.now, timeoutMs, options?.signal);
  }

  /** One exchange bounded by the call's deadline; transport failures become our errors. */
  private async exchange(
    call: Call,
    req: Omit<InfisicalRequest, 'timeoutMs' | 'signal'>,
    write: boolean,
  ): Promise<InfisicalResponse> {
    for (;;) {
      const remaining = call.remaining();
      if (remaining <= 0) throw call.expired();
      try {
        return await infisicalRequest(this.options.siteUrl, {
          ...req,
          signal: call.signal,
          // A write gets one attempt for the whole remaining time: resending it could apply it twice.
          timeoutMs: write ? remaining : Math.min(remaining, this.attemptTimeoutMs),
        });
      } catch (err) {
        if (!(err instanceof InfisicalTransportError)) throw err;
        if (write && err.sent) call.writeSent = true;
        if (err.kind === 'aborted' || call.remaining() <= 0) throw call.expired();
        if (err.kind === 'timeout' && !write) continue; // a slow read: try again within the deadline
        if (err.kind === 'timeout') throw call.expired();
        if (write && err.sent) throw new SecretsDeadlineError(DEPENDENCY, true, 'connection_lost');
        throw new DependencyUnavailableError(
          DEPENDENCY,
          err,
          `INFISICAL_SITE_URL: cannot reach Infisical (${err.code ?? 'network error'})`,
        );
      }
    }
  }

  /** Waits out a rate limit if the deadline allows; otherwise tells the caller when to come back. */
  private async backOff(call: Call, seconds: number): Promise<void> {
    const waitMs = seconds * 1000;
    if (waitMs >= call.remaining()) throw new DependencyRateLimitedError(DEPENDENCY, seconds);
    try {
      await this.sleep(waitMs, call.signal);
    } catch {
      throw new DependencyRateLimitedError(DEPENDENCY, seconds);
    }
  }

  /** A fresh universal-auth login: its own request, never carrying the old bearer. */
  private async freshLogin(call: Call): Promise<Token> {
    for (;;) {
      const issuedAt = this.now();
      const res = await this.exchange(
        call,
        {
          method: 'POST',
          path: '/api/v1/auth/universal-auth/login',
          body: { clientId: this.options.clientId, clientSecret: this.options.clientSecret },
        },
        false,
      );
      const wait = rateLimitWaitSeconds(res);
      if (wait !== null) {
        await this.backOff(call, wait);
        continue;
      }
      const body = res.body as
        { accessToken?: unknown; expiresIn?: unknown; accessTokenMaxTTL?: unknown } | undefined;
      if (res.status !== 200 || typeof body?.accessToken !== 'string') {
        const answer = this.answerOf(res);
        throw new DependencyUnavailableError(
          DEPENDENCY,
          answer,
          `INFISICAL_CLIENT_ID/INFISICAL_CLIENT_SECRET: Infisical rejected the universal-auth login (${answer.status} ${answer.errorName})`,
        );
      }
      const lifetimes = [Number(body.expiresIn), Number(body.accessTokenMaxTTL)]
        .filter((s) => Number.isFinite(s) && s > 0)
        .map((s) => s * 1000);
      const lifetime = lifetimes.length ? Math.min(...lifetimes) : Number.POSITIVE_INFINITY;
      return {
        value: body.accessToken,
        renewAt: issuedAt + lifetime - Math.min(RENEW_MARGIN_MS, lifetime / 5),
      };
    }
  }

  /** The current token, renewed before it expires; concurrent callers share one login. */
  private async currentToken(call: Call): Promise<Token> {
    if (this.token && this.now() < this.token.renewAt) return this.token;
    if (!this.login) {
      // The login gets its own deadline: one impatient caller must not abort it for everyone.
      const attempt = this.freshLogin(
        new Call(this.now() + this.timeoutMs, this.now, this.timeoutMs, undefined),
      ).then((token) => {
        this.token = token;
        return token;
      });
      this.login = attempt;
      void attempt.then(
        () => (this.login === attempt ? (this.login = null) : undefined),
        () => (this.login === attempt ? (this.login = null) : undefined),
      );
    }
    const login = this.login;
    return new Promise<Token>((resolve, reject) => {
      const onAbort = () => reject(call.expired());
      if (call.signal.aborted) return onAbort();
      call.signal.addEventListener('abort', onAbort, { once: true });
      login.then(resolve, reject).finally(() => call.signal.removeEventListener('abort', onAbort));
    });
  }

  private answerOf(res: InfisicalResponse): InfisicalHttpError {
    const body = (res.body ?? {}) as { error?: unknown; message?: unknown };
    return new InfisicalHttpError(
      res.status,
      typeof body.error === 'string' ? body.error : 'Error',
      typeof body.message === 'string' ? body.message : '',
    );
  }

  /**
   * An authenticated request: logs in when needed, once more with a fresh login when the token is
   * rejected (expired), and waits out rate limits within the deadline. Non-2xx answers throw
   * InfisicalHttpError.
   */
  private async send<T>(
    call: Call,
    req: Omit<InfisicalRequest, 'timeoutMs' | 'signal' | 'token'>,
    write = req.method !== 'GET',
  ): Promise<T> {
    let relogged = false;
    for (;;) {
      const token = await this.currentToken(call);
      const res = await this.exchange(call, { ...req, token: token.value }, write);
      if (res.status >= 200 && res.status < 300) {
        if (write) call.writeSent = true;
        return res.body as T;
      }
      if (isTokenRejected(res) && !relogged) {
        relogged = true;
        if (this.token === token) this.token = null;
        continue;
      }
      const wait = rateLimitWaitSeconds(res);
      if (wait !== null) {
        await this.backOff(call, wait);
        continue;
      }
      throw this.answerOf(res);
    }
  }

  /**
   * Errors the caller did not handle: outages, auth problems and a 404 where none was expected (a
   * wrong INFISICAL_PROJECT_ID or INFISICAL_ENVIRONMENT, which readiness names) are 503; the rest a
   * bare status (our bug: 500).
   */
  private fail(err: unknown): never {
    if (err instanceof AppException) throw err;
    const status = infisicalStatusOf(err);
    if (
      status === null ||
      status >= 500 ||
      status === 401 ||
      status === 403 ||
      status === 404 ||
      status === 429
    ) {
      throw new DependencyUnavailableError(DEPENDENCY, err);
    }
    throw new Error(`Infisical request failed with status ${status}`);
  }

  private base(path: string) {
    return { workspaceId: this.options.projectId, environment: this.options.environment, secretPath: path };
  }

  private secretPath(name: string): string {
    return `/api/v3/secrets/raw/${encodeURIComponent(name)}`;
  }

  /** Folders must exist before secrets go into them; creating one is idempotent in Infisical. */
  private async ensureFolder(call: Call, path: string): Promise<void> {
    const segments = path.split('/').filter(Boolean);
    let parent = '/';
    for (const name of segments) {
      try {
        await this.send(
          call,
          {
            method: 'POST',
            path: '/api/v1/folders',
            body: {
              workspaceId: this.options.projectId,
              environment: this.options.environment,
              name,
              path: parent,
            },
          },
          false,
        );
      } catch (err) {
        // Older Infisical versions answer 400 for an existing folder instead of returning it.
        if (!(
          err instanceof InfisicalHttpError &&
          err.status === 400 &&
          /already exist/i.test(err.serverMessage)
        ))
          throw err;
      }
      parent = parent === '/' ? `/${name}` : `${parent}/${name}`;
    }
  }

  async create(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description) ?? null;
    const path = infisicalFolderPath(r);
    const call = this.begin(options);
    const send = () =>
      this.send<{ secret: InfisicalSecret }>(call, {
        method: 'POST',
        path: this.secretPath(r.name),
        body: {
          ...this.base(path),
          secretValue: encodeInfisicalValue(value),
          secretComment: desc ?? undefined,
          type: 'shared',
        },
      });
    try {
      let res;
      try {
        res = await send();
      } catch (err) {
        if (infisicalStatusOf(err) !== 404) throw err;
        await this.ensureFolder(call, path);
        res = await send();
      }
      return toMetadata(res.secret, desc);
    } catch (err) {
      if (
        err instanceof InfisicalHttpError &&
        err.status === 400 &&
        /already exist/i.test(err.serverMessage)
      ) {
        throw AppException.conflict(`Secret '${r.name}' already exists`, { name: r.name });
      }
      this.fail(err);
    }
  }

  async update(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description);
    const call = this.begin(options);
    try {
      // The update answer's secretComment cannot be trusted (it comes back empty when the comment
      // was kept), so the description we report is the one we sent or the one we read before.
      const kept = desc === undefined ? await this.read(call, r, false) : undefined;
      if (kept === null) throw AppException.notFound('Secret');
      const res = await this.send<{ secret: InfisicalSecret }>(call, {
        method: 'PATCH',
        path: this.secretPath(r.name),
        body: {
          ...this.base(infisicalFolderPath(r)),
          secretValue: encodeInfisicalValue(value),
          // Infisical clears a comment with '' and keeps it when the field is absent.
          secretComment: desc === undefined ? undefined : (desc ?? ''),
          type: 'shared',
        },
      });
      return toMetadata(res.secret, desc === undefined ? (kept?.metadata.description ?? null) : desc);
    } catch (err) {
      if (infisicalStatusOf(err) === 404) throw AppException.notFound('Secret');
      this.fail(err);
    }
  }

  private async read(
    call: Call,
    r: NormalizedScope & { name: string },
    withValue: boolean,
  ): Promise<{ value: string; metadata: SecretMetadata } | null> {
    try {
      const res = await this.send<{ secret: InfisicalSecret }>(call, {
        method: 'GET',
        path: this.secretPath(r.name),
        query: {
          workspaceId: this.options.projectId,
          environment: this.options.environment,
          secretPath: infisicalFolderPath(r),
          type: 'shared',
          expandSecretReferences: 'false',
          include_imports: 'false',
          viewSecretValue: String(withValue),
        },
      });
      return {
        value: withValue ? decodeInfisicalValue(res.secret.secretValue) : '',
        metadata: toMetadata(res.secret),
      };
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return null;
      throw err;
    }
  }

  async get(
    ref: SecretRef,
    options?: SecretsCallOptions,
  ): Promise<{ value: string; metadata: SecretMetadata } | null> {
    const r = normalizeRef(ref);
    const call = this.begin(options);
    try {
      return await this.read(call, r, true);
    } catch (err) {
      this.fail(err);
    }
  }

  private async listIn(
    call: Call,
    path: string,
    withValues = false,
    recursive = false,
  ): Promise<InfisicalSecret[]> {
    try {
      const res = await this.send<{ secrets: InfisicalSecret[] }>(call, {
        method: 'GET',
        path: '/api/v3/secrets/raw',
        query: {
          workspaceId: this.options.projectId,
          environment: this.options.environment,
          secretPath: path,
          expandSecretReferences: 'false',
          include_imports: 'false',
          recursive: String(recursive),
          viewSecretValue: String(withValues),
        },
      });
      return res.secrets.filter((secret) => secret.type === undefined || secret.type === 'shared');
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return [];
      throw err;
    }
  }

  async list(scope: SecretScope, options?: SecretsCallOptions): Promise<SecretMetadata[]> {
    const s = normalizeScope(scope);
    const call = this.begin(options);
    try {
      return (await this.listIn(call, infisicalFolderPath(s)))
        .map((secret) => toMetadata(secret))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * The org's resource secrets from one recursive listing of its folder (one request however many
   * resources there are, which matters under Infisical's rate limit), sorted by project folder,
   * resource folder and name, and paged after the cursor. Secrets inside removal tombstones are
   * not listed: they are invisible to reads, and removeLeftovers deals with the folders.
   */
  async listResourceSecrets(
    orgId: string,
    page: ResourceSecretPageRequest,
    options?: SecretsCallOptions,
  ): Promise<ResourceSecretPage> {
    const { orgId: org } = normalizeScope({ orgId, projectId: null });
    const limit = assertPageLimit(page.limit);
    const after = decodeListCursor(page.cursor, 3);
    const orgPath = `/${folderSegment(org)}`;
    const call = this.begin(options);
    let secrets: InfisicalSecret[];
    try {
      secrets = await this.listIn(call, orgPath, false, true);
    } catch (err) {
      this.fail(err);
    }
    const rows: Array<{ key: [string, string, string]; entry: ResourceSecretEntry }> = [];
    for (const secret of secrets) {
      const parts = (secret.secretPath ?? '').split('/').filter(Boolean);
      // `/<org>/<project>/resources/<resource>`, nothing deeper, no tombstone.
      if (
        parts.length !== 4 ||
        parts[0] !== orgPath.slice(1) ||
        parts[2] !== 'resources' ||
        parts[3].includes(TOMBSTONE_MARK)
      )
        continue;
      const [, projectSegment, , resourceSegment] = parts;
      const projectId = projectIdFromSegment(projectSegment);
      const resourceUri =
        projectId === undefined ? null : resourceUriFromSegment(resourceSegment, org, projectId);
      const meta = toMetadata(secret);
      rows.push({
        key: [projectSegment, resourceSegment, secret.secretKey],
        entry: {
          resourceUri,
          resourceKey: `${projectSegment}/${resourceSegment}`,
          name: secret.secretKey,
          created_at: meta.created_at,
          updated_at: meta.updated_at,
        },
      });
    }
    const compare = (a: readonly string[], b: readonly string[]) => {
      for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    };
    rows.sort((a, b) => compare(a.key, b.key));
    const rest = after ? rows.filter((row) => compare(row.key, after) > 0) : rows;
    const pageRows = rest.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => row.entry),
      nextCursor: rest.length > limit && last ? encodeListCursor(last.key) : null,
    };
  }

  resourceKeyOf(scope: SecretScope): string {
    const s = normalizeScope(scope);
    return `${s.projectId === null ? ORG_LEVEL_SEGMENT : folderSegment(s.projectId)}/${folderSegment(s.resourceUri ?? '')}`;
  }

  /**
   * Removes the org's empty removal tombstones (`<resource>__rm_<random>`), which a folder removal
   * leaves when it is interrupted between its rename and its delete. A tombstone that holds a
   * secret is kept: a concurrent write landed there and its removal is putting it back.
   */
  override async removeLeftovers(orgId: string, options?: SecretsCallOptions): Promise<number> {
    const { orgId: org } = normalizeScope({ orgId, projectId: null });
    const orgPath = `/${folderSegment(org)}`;
    const folderQuery = { workspaceId: this.options.projectId, environment: this.options.environment };
    const call = this.begin(options);
    let removed = 0;
    try {
      const { folders: projects } = await this.send<{ folders: Array<{ id: string; name: string }> }>(call, {
        method: 'GET',
        path: '/api/v1/folders',
        query: { ...folderQuery, path: orgPath },
      });
      for (const project of projects) {
        const parent = `${orgPath}/${project.name}/resources`;
        const { folders } = await this.send<{ folders: Array<{ id: string; name: string }> }>(call, {
          method: 'GET',
          path: '/api/v1/folders',
          query: { ...folderQuery, path: parent },
        });
        for (const tombstone of folders.filter((f) => f.name.includes(TOMBSTONE_MARK))) {
          if ((await this.listIn(call, `${parent}/${tombstone.name}`)).length > 0) continue;
          try {
            await this.send(call, {
              method: 'DELETE',
              path: `/api/v1/folders/${encodeURIComponent(tombstone.id)}`,
              body: { ...folderQuery, path: parent },
            });
            removed++;
          } catch (err) {
            if (infisicalStatusOf(err) !== 404) throw err; // already gone (its own removal finished)
          }
        }
      }
    } catch (err) {
      this.fail(err);
    }
    return removed;
  }

  private async deleteOne(call: Call, r: NormalizedScope & { name: string }): Promise<boolean> {
    try {
      await this.send(call, {
        method: 'DELETE',
        path: this.secretPath(r.name),
        body: { ...this.base(infisicalFolderPath(r)), type: 'shared' },
      });
      return true;
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return false;
      throw err;
    }
  }

  async delete(ref: SecretRef, options?: SecretsCallOptions): Promise<boolean> {
    const r = normalizeRef(ref);
    const call = this.begin(options);
    let deleted: boolean;
    try {
      deleted = await this.deleteOne(call, r);
    } catch (err) {
      this.fail(err);
    }
    if (deleted && r.resourceUri !== null) await this.removeFolderIfEmpty(r);
    return deleted;
  }

  async deleteScope(scope: SecretScope, options?: SecretsCallOptions): Promise<number> {
    const s = normalizeScope(scope);
    const call = this.begin(options);
    let deleted = 0;
    try {
      for (const secret of await this.listIn(call, infisicalFolderPath(s))) {
        if (await this.deleteOne(call, { ...s, name: secret.secretKey })) deleted++;
      }
    } catch (err) {
      this.fail(err);
    }
    if (s.resourceUri !== null) await this.removeFolderIfEmpty(s);
    return deleted;
  }

  /**
   * Removes a resource's folder once its last secret is gone, without losing a secret another
   * writer (another replica) puts there meanwhile. Infisical has no "delete if empty" and deleting
   * a folder deletes the secrets in it, so the folder is first renamed to a tombstone: from then on
   * writers addressing the resource path get 404 and re-create the folder, so nothing new can land
   * in the tombstone after it has been found empty. Anything that landed before the rename is
   * found in the tombstone and put back. Best effort: the secret is already deleted, so failures
   * here (an outage, a rate limit) only leave the empty folder behind.
   */
  private async removeFolderIfEmpty(scope: NormalizedScope): Promise<void> {
    const path = infisicalFolderPath(scope);
    const cut = path.lastIndexOf('/');
    const parent = path.slice(0, cut);
    const name = path.slice(cut + 1);
    const folderBody = { workspaceId: this.options.projectId, environment: this.options.environment };
    const call = this.begin(undefined);
    try {
      if ((await this.listIn(call, path)).length > 0) return;
      const { folders } = await this.send<{ folders: Array<{ id: string; name: string }> }>(call, {
        method: 'GET',
        path: '/api/v1/folders',
        query: { ...folderBody, path: parent },
      });
      const folder = folders.find((f) => f.name === name);
      if (!folder) return;
      const tombstone = `${name}${TOMBSTONE_MARK}${randomBytes(6).toString('hex')}`;
      await this.send(call, {
        method: 'PATCH',
        path: `/api/v1/folders/${encodeURIComponent(folder.id)}`,
        body: { ...folderBody, name: tombstone, path: parent },
      });
      const landed = await this.listIn(call, `${parent}/${tombstone}`, true);
      if (landed.length > 0) await this.restore(call, folder.id, name, parent, landed);
      else
        await this.send(call, {
          method: 'DELETE',
          path: `/api/v1/folders/${encodeURIComponent(folder.id)}`,
          body: { ...folderBody, path: parent },
        });
    } catch {
      // Best effort (see above); the folder stays.
    }
  }

  /** Puts back a tombstone that a concurrent write landed in: rename it back, or move its secrets. */
  private async restore(
    call: Call,
    folderId: string,
    name: string,
    parent: string,
    landed: InfisicalSecret[],
  ): Promise<void> {
    const folderBody = { workspaceId: this.options.projectId, environment: this.options.environment };
    try {
      await this.send(call, {
        method: 'PATCH',
        path: `/api/v1/folders/${encodeURIComponent(folderId)}`,
        body: { ...folderBody, name, path: parent },
      });
      return;
    } catch (err) {
      if (!(err instanceof InfisicalHttpError && err.status === 400)) throw err;
    }
    // A writer re-created the resource folder meanwhile: move the secrets over; the newer wins.
    const path = `${parent}/${name}`;
    for (const secret of landed) {
      try {
        await this.send(call, {
          method: 'POST',
          path: this.secretPath(secret.secretKey),
          body: {
            ...this.base(path),
            secretValue: secret.secretValue,
            secretComment: secret.secretComment ?? undefined,
            type: 'shared',
          },
        });
      } catch (err) {
        if (!(
          err instanceof InfisicalHttpError &&
          err.status === 400 &&
          /already exist/i.test(err.serverMessage)
        ))
          throw err;
      }
    }
    await this.send(call, {
      method: 'DELETE',
      path: `/api/v1/folders/${encodeURIComponent(folderId)}`,
      body: { ...folderBody, path: parent },
    });
  }

  /**
   * Readiness checks what a request needs: Infisical answers, the login works, the project exists
   * and has the environment. A failure names the setting at fault and Infisical's answer (status
   * and error name), never a value.
   */
  async healthCheck(options?: SecretsCallOptions): Promise<void> {
    const call = this.begin(options, this.options.healthTimeoutMs ?? 5_000);
    const status = await this.exchange(call, { method: 'GET', path: '/api/status' }, false);
    if (status.status !== 200) {
      throw new DependencyUnavailableError(
        DEPENDENCY,
        undefined,
        `INFISICAL_SITE_URL: Infisical answered ${status.status} to GET /api/status`,
      );
    }
    let workspace: { environments?: Array<{ slug?: unknown }> } | undefined;
    try {
      ({ workspace } = await this.send<{ workspace: { environments?: Array<{ slug?: unknown }> } }>(call, {
        method: 'GET',
        path: `/api/v1/workspace/${encodeURIComponent(this.options.projectId)}`,
      }));
    } catch (err) {
      // A missing project is a 4xx on newer builds; the October 2024 build answers 500 with the
      // error name "Failed to find project by id" (any ID, well-formed or not).
      if (
        err instanceof InfisicalHttpError &&
        ((err.status >= 400 && err.status < 500) ||
          /\bproject\b/i.test(`${err.errorName} ${err.serverMessage}`))
      ) {
        throw new DependencyUnavailableError(
          DEPENDENCY,
          err,
          `INFISICAL_PROJECT_ID: Infisical answered ${err.status} ${err.errorName} for the project (does it exist, and is the identity a member?)`,
        );
      }
      if (err instanceof InfisicalHttpError)
        throw new DependencyUnavailableError(
          DEPENDENCY,
          err,
          `Infisical answered ${err.status} ${err.errorName}`,
        );
      throw err;
    }
    const environments = workspace?.environments ?? [];
    if (!environments.some((env) => env.slug === this.options.environment)) {
      throw new DependencyUnavailableError(
        DEPENDENCY,
        undefined,
        `INFISICAL_ENVIRONMENT: the Infisical project has no environment with that slug (Infisical answered 200 listing ${environments.length} others)`,
      );
    }
  }
}
