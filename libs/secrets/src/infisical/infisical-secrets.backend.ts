import { InfisicalSDK, SecretType, type Secret as InfisicalSecret } from '@infisical/sdk';
import { AppException, DependencyUnavailableError } from '@app/core';
import type { SecretMetadata, SecretRef, SecretScope } from '../secrets-backend.js';
import { SecretsBackend } from '../secrets-backend.js';
import { assertSecretValue, normalizeDescription, normalizeRef, normalizeScope } from '../secret-ref.js';
import { decodeInfisicalValue, encodeInfisicalValue, infisicalFolderPath } from './infisical-paths.mapper.js';

export interface InfisicalSecretsBackendOptions {
  siteUrl: string;
  clientId: string;
  clientSecret: string;
  /** The one Infisical project holding every tenant's secrets. */
  projectId: string;
  environment: string;
  /** Deadline of the health probe. */
  healthTimeoutMs?: number;
}

const DEPENDENCY = 'infisical';

/** The SDK keeps the HTTP status only inside its message: `[StatusCode=404] ...`. */
export function infisicalStatusOf(err: unknown): number | null {
  const message = (err as { message?: unknown })?.message;
  const match = typeof message === 'string' ? /\[StatusCode=(\d{3})\]/.exec(message) : null;
  return match ? Number(match[1]) : null;
}

function messageOf(err: unknown): string {
  const message = (err as { message?: unknown })?.message;
  return typeof message === 'string' ? message : '';
}

function toMetadata(secret: InfisicalSecret): SecretMetadata {
  return {
    name: secret.secretKey,
    description: secret.secretComment ? secret.secretComment : null,
    created_at: new Date(secret.createdAt).toISOString(),
    updated_at: new Date(secret.updatedAt).toISOString(),
    version: Number(secret.version),
  };
}

/**
 * Secrets in one Infisical project and environment via @infisical/sdk (universal auth).
 * Tenancy maps to folders: `/<org>/<project|_org>[/resources/<uri>]`; the key is the secret name
 * and the description is the secret comment.
 */
export class InfisicalSecretsBackend extends SecretsBackend {
  readonly kind = 'infisical' as const;
  private readonly sdk: InfisicalSDK;
  private login: Promise<void> | null = null;

  constructor(private readonly options: InfisicalSecretsBackendOptions) {
    super();
    this.sdk = new InfisicalSDK({ siteUrl: options.siteUrl });
  }

  private ensureLoggedIn(force = false): Promise<void> {
    if (!this.login || force) {
      const attempt = this.sdk
        .auth()
        .universalAuth.login({ clientId: this.options.clientId, clientSecret: this.options.clientSecret })
        .then(() => undefined)
        .catch((err: unknown) => {
          if (this.login === attempt) this.login = null;
          throw new DependencyUnavailableError(DEPENDENCY, new Error(`Infisical login failed (status ${infisicalStatusOf(err) ?? 'none'})`));
        });
      this.login = attempt;
    }
    return this.login;
  }

  /** Runs an SDK call, logging in first and once more when the access token was rejected (expired). */
  private async call<T>(op: () => Promise<T>): Promise<T> {
    await this.ensureLoggedIn();
    try {
      return await op();
    } catch (err) {
      if (infisicalStatusOf(err) !== 401) throw err;
      await this.ensureLoggedIn(true);
      return op();
    }
  }

  /** Errors the caller did not handle: outages and auth problems are 503, the rest a bare status. */
  private fail(err: unknown): never {
    if (err instanceof AppException) throw err;
    const status = infisicalStatusOf(err);
    if (status === null || status >= 500 || status === 401 || status === 403 || status === 429) {
      throw new DependencyUnavailableError(DEPENDENCY, err);
    }
    throw new Error(`Infisical request failed with status ${status}`);
  }

  private base(path: string) {
    return { projectId: this.options.projectId, environment: this.options.environment, secretPath: path };
  }

  /** Folders must exist before secrets go into them; creating one is idempotent in Infisical. */
  private async ensureFolder(path: string): Promise<void> {
    const segments = path.split('/').filter(Boolean);
    let parent = '/';
    for (const name of segments) {
      try {
        await this.call(() =>
          this.sdk.folders().create({ name, path: parent, projectId: this.options.projectId, environment: this.options.environment }),
        );
      } catch (err) {
        // Older Infisical versions answer 400 for an existing folder instead of returning it.
        if (!(infisicalStatusOf(err) === 400 && /already exist/i.test(messageOf(err)))) this.fail(err);
      }
      parent = parent === '/' ? `/${name}` : `${parent}/${name}`;
    }
  }

  async create(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description) ?? null;
    const path = infisicalFolderPath(r);
    const send = () =>
      this.call(() =>
        this.sdk.secrets().createSecret(r.name, {
          ...this.base(path),
          secretValue: encodeInfisicalValue(value),
          secretComment: desc ?? undefined,
          type: SecretType.Shared,
        }),
      );
    try {
      let res;
      try {
        res = await send();
      } catch (err) {
        if (infisicalStatusOf(err) !== 404) throw err;
        await this.ensureFolder(path);
        res = await send();
      }
      return toMetadata(res.secret);
    } catch (err) {
      if (infisicalStatusOf(err) === 400 && /already exist/i.test(messageOf(err))) {
        throw AppException.conflict(`Secret '${r.name}' already exists`, { name: r.name });
      }
      this.fail(err);
    }
  }

  async update(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadata> {
    const r = normalizeRef(ref);
    assertSecretValue(value);
    const desc = normalizeDescription(description);
    try {
      const res = await this.call(() =>
        this.sdk.secrets().updateSecret(r.name, {
          ...this.base(infisicalFolderPath(r)),
          secretValue: encodeInfisicalValue(value),
          // Infisical clears a comment with '' and keeps it when the field is absent.
          secretComment: desc === undefined ? undefined : (desc ?? ''),
          type: SecretType.Shared,
        }),
      );
      return toMetadata(res.secret);
    } catch (err) {
      if (infisicalStatusOf(err) === 404) throw AppException.notFound('Secret');
      this.fail(err);
    }
  }

  async upsert(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadata> {
    try {
      return await this.update(ref, value, description);
    } catch (err) {
      if (!(err instanceof AppException && err.status === 404)) throw err;
    }
    try {
      return await this.create(ref, value, description);
    } catch (err) {
      // Lost a race with a concurrent creator: the secret exists now.
      if (err instanceof AppException && err.status === 409) return this.update(ref, value, description);
      throw err;
    }
  }

  async get(ref: SecretRef): Promise<{ value: string; metadata: SecretMetadata } | null> {
    const r = normalizeRef(ref);
    try {
      const secret = await this.call(() =>
        this.sdk.secrets().getSecret({
          ...this.base(infisicalFolderPath(r)),
          secretName: r.name,
          type: SecretType.Shared,
          expandSecretReferences: false,
          includeImports: false,
          viewSecretValue: true,
        }),
      );
      return { value: decodeInfisicalValue(secret.secretValue), metadata: toMetadata(secret) };
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return null;
      this.fail(err);
    }
  }

  async list(scope: SecretScope): Promise<SecretMetadata[]> {
    const s = normalizeScope(scope);
    try {
      const res = await this.call(() =>
        this.sdk.secrets().listSecrets({
          ...this.base(infisicalFolderPath(s)),
          expandSecretReferences: false,
          includeImports: false,
          recursive: false,
          viewSecretValue: false,
        }),
      );
      return res.secrets
        .filter((secret) => secret.type === undefined || secret.type === SecretType.Shared)
        .map(toMetadata)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return [];
      this.fail(err);
    }
  }

  async delete(ref: SecretRef): Promise<boolean> {
    const r = normalizeRef(ref);
    try {
      await this.call(() =>
        this.sdk.secrets().deleteSecret(r.name, { ...this.base(infisicalFolderPath(r)), type: SecretType.Shared }),
      );
      return true;
    } catch (err) {
      if (infisicalStatusOf(err) === 404) return false;
      this.fail(err);
    }
  }

  async deleteScope(scope: SecretScope): Promise<number> {
    let deleted = 0;
    for (const secret of await this.list(scope)) {
      if (await this.delete({ ...scope, name: secret.name })) deleted++;
    }
    return deleted;
  }

  async healthCheck(): Promise<void> {
    const url = new URL('api/status', this.options.siteUrl.endsWith('/') ? this.options.siteUrl : `${this.options.siteUrl}/`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.options.healthTimeoutMs ?? 5_000) });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`status ${res.status}`);
    } catch (err) {
      throw new DependencyUnavailableError(DEPENDENCY, err);
    }
    await this.ensureLoggedIn();
  }
}
