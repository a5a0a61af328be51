import type { SecretManagerServiceClient } from '@google-cloud/secret-manager';
import { createRequire } from 'node:module';
import { AppException, DependencyUnavailableError, fieldProblem } from '@app/core';
import type {
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
import { gcpLabelValue, gcpScopeLabel, gcpSecretId } from './gcp-secret-id.mapper.js';

export interface GcpSecretsBackendOptions {
  projectId: string;
  /** REST endpoint override (emulators, tests). */
  endpoint?: { apiEndpoint: string; port: number; protocol: 'http' | 'https' };
  keyFilename?: string;
  /** Anything google-gax accepts as an auth client (`getRequestHeaders` + `fetch`); skips Google login. */
  authClient?: unknown;
  /** Per-call deadline; calls are not retried so an outage surfaces quickly. */
  timeoutMs?: number;
}

/**
 * The SDK (with google-gax, gRPC and protobufjs: about 35 MiB resident) loads when a backend is
 * built, i.e. only under SECRETS_BACKEND=gcp, never because @app/secrets was imported.
 */
function loadSecretManagerClient(): typeof SecretManagerServiceClient {
  const sdk = createRequire(import.meta.url)('@google-cloud/secret-manager') as {
    SecretManagerServiceClient: typeof SecretManagerServiceClient;
  };
  return sdk.SecretManagerServiceClient;
}

const DEPENDENCY = 'gcp-secret-manager';
/** gRPC status codes as google-gax reports them. */
const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const ALREADY_EXISTS = 6;
const FAILED_PRECONDITION = 9;
const UNAVAILABLE_CODES = new Set([1, 2, 4, 7, 8, 13, 14, 16]);

const A = {
  name: 'secret-name',
  org: 'org-id',
  project: 'project-id',
  resource: 'resource-uri',
  description: 'description',
  version: 'version',
  updatedAt: 'updated-at',
} as const;

interface Timestamp {
  seconds?: string | number | { toString(): string } | null;
  nanos?: number | null;
}
interface GcpSecret {
  name?: string | null;
  createTime?: Timestamp | null;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
}

/**
 * One backend call's deadline: the caller's signal and the backend's timeout. Each client request
 * gets the time that is left and none starts once it is gone (requests are never retried).
 */
class GcpCall {
  private readonly deadlineAt: number;
  constructor(
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    assertBeforeDeadline(DEPENDENCY, signal);
    this.deadlineAt = Date.now() + timeoutMs;
  }

  opts(): { timeout: number; retry: null } {
    const remaining = this.deadlineAt - Date.now();
    if (this.signal?.aborted || remaining <= 0) throw new SecretsDeadlineError(DEPENDENCY, false);
    return { timeout: remaining, retry: null };
  }
}

function codeOf(err: unknown): number | null {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'number' ? code : null;
}

function isoOf(ts: Timestamp | null | undefined): string {
  const seconds = Number(ts?.seconds?.toString() ?? 0);
  return new Date(seconds * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6)).toISOString();
}

function versionOf(versionName: string | null | undefined): number {
  const match = /\/versions\/(\d+)$/.exec(versionName ?? '');
  return match ? Number(match[1]) : 0;
}

/**
 * GCP Secret Manager over its REST transport. One GCP secret per ref (deterministic id); labels
 * carry the scope for listing, annotations the name, description, version and update time.
 * A value is a secret version; reads access `versions/latest`.
 */
export class GcpSecretsBackend extends SecretsBackend {
  readonly kind = 'gcp' as const;
  private readonly client: SecretManagerServiceClient;
  private readonly timeoutMs: number;

  constructor(private readonly options: GcpSecretsBackendOptions) {
    super();
    const SecretManagerServiceClient = loadSecretManagerClient();
    this.client = new SecretManagerServiceClient({
      fallback: true,
      projectId: options.projectId,
      ...(options.endpoint ?? {}),
      ...(options.authClient
        ? { authClient: options.authClient as never }
        : options.keyFilename
          ? { keyFilename: options.keyFilename }
          : {}),
    });
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private begin(options: SecretsCallOptions | undefined): GcpCall {
    return new GcpCall(this.timeoutMs, options?.signal);
  }

  private get parent(): string {
    return `projects/${this.options.projectId}`;
  }

  private secretName(ref: NormalizedScope & { name: string }): string {
    return `${this.parent}/secrets/${gcpSecretId(ref)}`;
  }

  private fail(err: unknown): never {
    if (err instanceof AppException) throw err;
    const code = codeOf(err);
    if (code === null || UNAVAILABLE_CODES.has(code)) throw new DependencyUnavailableError(DEPENDENCY, err);
    throw new Error(`GCP Secret Manager request failed (code ${code})`);
  }

  private toMetadata(secret: GcpSecret): SecretMetadata {
    const a = secret.annotations ?? {};
    const created = isoOf(secret.createTime);
    return {
      name: a[A.name] ?? '',
      description: a[A.description] ? a[A.description] : null,
      created_at: created,
      updated_at: a[A.updatedAt] ?? created,
      version: Number(a[A.version] ?? 0),
    };
  }

  /** Adds the value as a new version and records it in the annotations (the list view reads those). */
  private async writeValue(
    c: GcpCall,
    name: string,
    annotations: Record<string, string>,
    value: string,
    description: string | null | undefined,
  ): Promise<SecretMetadata> {
    const [version] = await this.client.addSecretVersion(
      { parent: name, payload: { data: Buffer.from(value, 'utf8') } },
      c.opts(),
    );
    const next: Record<string, string> = {
      ...annotations,
      [A.version]: String(versionOf(version.name)),
      [A.updatedAt]: isoOf(version.createTime),
    };
    if (description !== undefined) {
      if (description === null) delete next[A.description];
      else next[A.description] = description;
    }
    const [updated] = await this.client.updateSecret(
      { secret: { name, annotations: next }, updateMask: { paths: ['annotations'] } },
      c.opts(),
    );
    return this.toMetadata(updated as GcpSecret);
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
    const annotations: Record<string, string> = {
      [A.name]: r.name,
      [A.org]: r.orgId,
      [A.version]: '0',
      ...(r.projectId !== null ? { [A.project]: r.projectId } : {}),
      ...(r.resourceUri !== null ? { [A.resource]: r.resourceUri } : {}),
      ...(desc !== null ? { [A.description]: desc } : {}),
    };
    const labels: Record<string, string> = {
      'managed-by': 'assets-platform',
      scope: gcpScopeLabel(r),
      org: gcpLabelValue(r.orgId),
      project: gcpLabelValue(r.projectId ?? '_org'),
      level: r.resourceUri !== null ? 'resource' : r.projectId !== null ? 'project' : 'org',
    };
    const name = this.secretName(r);
    const c = this.begin(options);
    try {
      try {
        await this.client.createSecret(
          {
            parent: this.parent,
            secretId: gcpSecretId(r),
            secret: { replication: { automatic: {} }, labels, annotations },
          },
          c.opts(),
        );
      } catch (err) {
        if (codeOf(err) !== ALREADY_EXISTS) throw err;
        // A create that failed after createSecret left a secret without versions: finish it.
        const [existing] = await this.client.getSecret({ name }, c.opts());
        if ((existing.annotations ?? {})[A.version] !== '0') {
          throw AppException.conflict(`Secret '${r.name}' already exists`, { name: r.name });
        }
      }
      return await this.writeValue(c, name, annotations, value, desc);
    } catch (err) {
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
    const name = this.secretName(r);
    const c = this.begin(options);
    try {
      const [existing] = await this.client.getSecret({ name }, c.opts());
      if ((existing.annotations ?? {})[A.version] === '0') throw AppException.notFound('Secret');
      return await this.writeValue(c, name, existing.annotations ?? {}, value, desc);
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) throw AppException.notFound('Secret');
      this.fail(err);
    }
  }

  async get(
    ref: SecretRef,
    options?: SecretsCallOptions,
  ): Promise<{ value: string; metadata: SecretMetadata } | null> {
    const r = normalizeRef(ref);
    const name = this.secretName(r);
    const c = this.begin(options);
    try {
      const [[secret], [access]] = await Promise.all([
        this.client.getSecret({ name }, c.opts()),
        this.client.accessSecretVersion({ name: `${name}/versions/latest` }, c.opts()),
      ]);
      const data = access.payload?.data;
      const value =
        typeof data === 'string'
          ? Buffer.from(data, 'base64').toString('utf8')
          : Buffer.from(data ?? []).toString('utf8');
      const metadata = this.toMetadata(secret as GcpSecret);
      return { value, metadata: { ...metadata, version: versionOf(access.name) || metadata.version } };
    } catch (err) {
      const code = codeOf(err);
      if (code === NOT_FOUND || code === FAILED_PRECONDITION) return null;
      this.fail(err);
    }
  }

  private async listScope(c: GcpCall, s: NormalizedScope): Promise<GcpSecret[]> {
    const [secrets] = await this.client.listSecrets(
      { parent: this.parent, filter: `labels.scope=${gcpScopeLabel(s)}` },
      { ...c.opts(), autoPaginate: true },
    );
    // The label is a hash; the annotations are the exact scope.
    return (secrets as GcpSecret[]).filter((secret) => {
      const a = secret.annotations ?? {};
      return (
        a[A.org] === s.orgId &&
        (a[A.project] ?? null) === s.projectId &&
        (a[A.resource] ?? null) === s.resourceUri
      );
    });
  }

  async list(scope: SecretScope, options?: SecretsCallOptions): Promise<SecretMetadata[]> {
    const s = normalizeScope(scope);
    const c = this.begin(options);
    try {
      return (await this.listScope(c, s))
        .filter((secret) => (secret.annotations ?? {})[A.version] !== '0')
        .map((secret) => this.toMetadata(secret))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * GCP's own paging over the org's resource-level secrets (labels narrow, the annotations are the
   * exact org: a page may hold fewer items than asked). Shells of an unfinished create (no version
   * yet) are listed too: they are secrets a sweep may have to remove.
   */
  async listResourceSecrets(
    orgId: string,
    page: ResourceSecretPageRequest,
    options?: SecretsCallOptions,
  ): Promise<ResourceSecretPage> {
    const { orgId: org } = normalizeScope({ orgId, projectId: null });
    const limit = assertPageLimit(page.limit);
    const token = decodeListCursor(page.cursor, 1)?.[0];
    const c = this.begin(options);
    try {
      const [secrets, next] = await this.client.listSecrets(
        {
          parent: this.parent,
          filter: `labels.org=${gcpLabelValue(org)} AND labels.level=resource`,
          pageSize: limit,
          ...(token ? { pageToken: token } : {}),
        },
        { ...c.opts(), autoPaginate: false },
      );
      const items = (secrets as GcpSecret[])
        .filter((secret) => {
          const a = secret.annotations ?? {};
          return a[A.org] === org && typeof a[A.resource] === 'string' && typeof a[A.name] === 'string';
        })
        .map((secret) => {
          const a = secret.annotations ?? {};
          const created = isoOf(secret.createTime);
          return {
            resourceUri: a[A.resource]!,
            resourceKey: a[A.resource]!,
            name: a[A.name]!,
            created_at: created,
            updated_at: a[A.updatedAt] ?? created,
          };
        });
      const nextToken = (next as { pageToken?: string | null } | null | undefined)?.pageToken;
      return { items, nextCursor: nextToken ? encodeListCursor([nextToken]) : null };
    } catch (err) {
      // A page token Secret Manager did not issue (or issued for another filter): the caller's cursor.
      if (token && codeOf(err) === INVALID_ARGUMENT)
        throw AppException.invalidRequest(
          'Invalid cursor',
          fieldProblem('cursor', 'must be the next_cursor of a previous page'),
        );
      this.fail(err);
    }
  }

  resourceKeyOf(scope: SecretScope): string {
    return normalizeScope(scope).resourceUri ?? '';
  }

  async delete(ref: SecretRef, options?: SecretsCallOptions): Promise<boolean> {
    const r = normalizeRef(ref);
    const c = this.begin(options);
    try {
      await this.client.deleteSecret({ name: this.secretName(r) }, c.opts());
      return true;
    } catch (err) {
      if (codeOf(err) === NOT_FOUND) return false;
      this.fail(err);
    }
  }

  async deleteScope(scope: SecretScope, options?: SecretsCallOptions): Promise<number> {
    const s = normalizeScope(scope);
    const c = this.begin(options);
    let deleted = 0;
    try {
      for (const secret of await this.listScope(c, s)) {
        try {
          await this.client.deleteSecret({ name: secret.name ?? '' }, c.opts());
          deleted++;
        } catch (err) {
          if (codeOf(err) !== NOT_FOUND) throw err;
        }
      }
    } catch (err) {
      this.fail(err);
    }
    return deleted;
  }

  async healthCheck(options?: SecretsCallOptions): Promise<void> {
    const c = this.begin(options);
    try {
      await this.client.listSecrets(
        { parent: this.parent, pageSize: 1 },
        { ...c.opts(), autoPaginate: false },
      );
    } catch (err) {
      throw new DependencyUnavailableError(DEPENDENCY, err);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
