import { AppException, DependencyUnavailableError } from '@app/core';
import type { SqlQueryable } from './embedded/embedded-secrets.backend.js';

/** Where a secret lives. Tenancy is part of the identity: the same name in another scope is another secret. */
export interface SecretRef {
  orgId: string;
  /** null = org level. */
  projectId: string | null;
  /** Set = the secret belongs to a resource (e.g. a data connection's credentials). */
  resourceUri?: string | null;
  /** e.g. "credentials"; [A-Za-z0-9_.-]{1,128}. */
  name: string;
}

/** Everything about a secret except its value; safe to list and log. */
export interface SecretMetadata {
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export type SecretScope = Omit<SecretRef, 'name'>;

/**
 * One secret held under a resource path, as the secret-store sweep sees it: where it lives and
 * how old it is, never its value.
 */
export interface ResourceSecretEntry {
  /** The resource it belongs to; null when the backend's layout cannot tell (see resourceKey). */
  resourceUri: string | null;
  /**
   * The backend's stable id of the resource's scope within the org (e.g. Infisical's hashed
   * folder); equals `resourceKeyOf` of the scope. Lets a caller match entries whose URI the
   * backend cannot recover against the URIs it knows.
   */
  resourceKey: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface ResourceSecretPage {
  items: ResourceSecretEntry[];
  /** Opaque; null when this was the last page. */
  nextCursor: string | null;
}

/** One page of a listing: the cursor from the previous page (absent = start) and a size bound. */
export interface ResourceSecretPageRequest {
  cursor?: string | null;
  limit: number;
}

export type SecretsBackendKind = 'embedded' | 'infisical' | 'gcp';

/**
 * Per-call options. `signal` is the caller's deadline: a backend sends nothing once it has fired,
 * never retries past it, and abandons the request in flight (see SecretsDeadlineError). Backends
 * also bound every call by their own timeout when the caller gives none.
 */
export interface SecretsCallOptions {
  signal?: AbortSignal;
}

/**
 * The secrets port. Values are never cached, logged or put into error messages.
 * Adapters: EmbeddedSecretsBackend (envelope-encrypted rows in Postgres), InfisicalSecretsBackend,
 * GcpSecretsBackend. All run test/contracts/secrets-backend.contract.ts.
 * Unreachable backends throw DependencyUnavailableError.
 */
export abstract class SecretsBackend {
  abstract readonly kind: SecretsBackendKind;
  /** AppException.conflict if the secret exists. `description` undefined or null = none. */
  abstract create(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata>;
  /** AppException.notFound('Secret') if missing. `description` undefined = keep, null = clear. */
  abstract update(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata>;
  /**
   * Create or update; for idempotent saga steps. Here: update, create when missing, and update
   * again when a concurrent creator won the race. A backend with an atomic write overrides it.
   */
  async upsert(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    try {
      return await this.update(ref, value, description, options);
    } catch (err) {
      if (!(err instanceof AppException && err.status === 404)) throw err;
    }
    try {
      return await this.create(ref, value, description, options);
    } catch (err) {
      if (err instanceof AppException && err.status === 409)
        return this.update(ref, value, description, options);
      throw err;
    }
  }
  abstract get(
    ref: SecretRef,
    options?: SecretsCallOptions,
  ): Promise<{ value: string; metadata: SecretMetadata } | null>;
  /** Names and metadata only, never values; only that exact scope, sorted by name. */
  abstract list(scope: SecretScope, options?: SecretsCallOptions): Promise<SecretMetadata[]>;
  /** Idempotent; true if something was deleted. */
  abstract delete(ref: SecretRef, options?: SecretsCallOptions): Promise<boolean>;
  /**
   * Every secret held under a resource path of one org (any project, org level included), paged,
   * metadata only, in a stable order. An unknown or malformed cursor is a 400. Only that org:
   * the secrets of another org are never listed, whatever the cursor says.
   */
  abstract listResourceSecrets(
    orgId: string,
    page: ResourceSecretPageRequest,
    options?: SecretsCallOptions,
  ): Promise<ResourceSecretPage>;
  /** The `resourceKey` that entries of this resource scope carry; pure, no I/O. */
  abstract resourceKeyOf(scope: SecretScope): string;
  /**
   * Removes what the backend's own bookkeeping left behind in one org and nothing else (Infisical:
   * empty `<name>__rm_<random>` folders of an interrupted folder removal); returns how many.
   */
  removeLeftovers?(orgId: string, options?: SecretsCallOptions): Promise<number>;
  /** Deletes every secret of exactly that scope (e.g. all secrets of a resource); returns how many. */
  abstract deleteScope?(scope: SecretScope, options?: SecretsCallOptions): Promise<number>;
  /**
   * Backends whose secrets live in the caller's SQL database (embedded) return themselves bound to
   * `transaction`: every statement runs on it, so the change commits or rolls back with whatever
   * else the caller wrote there (its audit event). External backends leave this undefined; their
   * changes are compensated instead. Only valid for a transaction on the database the backend was
   * built with.
   */
  bindToTransaction?(transaction: SqlQueryable): SecretsBackend;
  /**
   * Readiness: can this backend serve a request as configured? Failures are
   * DependencyUnavailableError with `details.reason` naming the setting at fault (never its value)
   * and what the backend answered.
   */
  abstract healthCheck(options?: SecretsCallOptions): Promise<void>;
}

/**
 * The caller's deadline passed (or the backend's own timeout), or the connection broke mid-write.
 * `outcomeUnknown` is true when a write was in flight: the backend stopped waiting, but the server may still apply it, so the
 * caller must compensate (delete/restore) or reconcile. False when nothing was sent.
 */
export class SecretsDeadlineError extends DependencyUnavailableError {
  constructor(
    dependency: string,
    readonly outcomeUnknown: boolean,
    reason: 'deadline_exceeded' | 'connection_lost' = 'deadline_exceeded',
  ) {
    super(dependency, undefined, reason);
  }
}

/** Throws SecretsDeadlineError (nothing sent) when the signal has already fired. */
export function assertBeforeDeadline(dependency: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SecretsDeadlineError(dependency, false);
}
