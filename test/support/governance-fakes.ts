import { AppException, deadlineExceeded } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import type { AuthzClient } from '@app/authz';
import {
  type ResourceSecretPage,
  type SecretMetadata,
  type SecretRef,
  SecretsBackend,
  type SecretScope,
  type SecretsCallOptions,
} from '@app/secrets';
import type { ChangeScope } from '../../apps/governance/src/audit/audited-changes.js';

const keyOf = (ref: SecretScope & { name?: string }) =>
  JSON.stringify([ref.orgId, ref.projectId, ref.resourceUri ?? null, ref.name ?? null]);

/** A secrets backend in a Map, outside any transaction (so AuditedChanges compensates it). */
export class InMemorySecretsBackend extends SecretsBackend {
  readonly kind = 'embedded' as const;
  readonly secrets = new Map<string, { value: string; metadata: SecretMetadata; scope: SecretScope }>();
  private clock = 0;

  private stamp(): string {
    return new Date(Date.UTC(2025, 0, 1, 0, 0, this.clock++)).toISOString();
  }

  async create(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadata> {
    if (this.secrets.has(keyOf(ref))) throw AppException.conflict(`Secret ${ref.name} already exists`);
    const at = this.stamp();
    const metadata = {
      name: ref.name,
      description: description ?? null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    this.secrets.set(keyOf(ref), {
      value,
      metadata,
      scope: { orgId: ref.orgId, projectId: ref.projectId, resourceUri: ref.resourceUri ?? null },
    });
    return { ...metadata };
  }

  async update(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadata> {
    const found = this.secrets.get(keyOf(ref));
    if (!found) throw AppException.notFound('Secret');
    found.value = value;
    found.metadata = {
      ...found.metadata,
      description: description === undefined ? found.metadata.description : description,
      updated_at: this.stamp(),
      version: found.metadata.version + 1,
    };
    return { ...found.metadata };
  }

  async get(ref: SecretRef): Promise<{ value: string; metadata: SecretMetadata } | null> {
    const found = this.secrets.get(keyOf(ref));
    return found ? { value: found.value, metadata: { ...found.metadata } } : null;
  }

  async list(scope: SecretScope): Promise<SecretMetadata[]> {
    const wanted = keyOf(scope);
    return [...this.secrets.values()]
      .filter((s) => keyOf(s.scope) === wanted)
      .map((s) => ({ ...s.metadata }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async delete(ref: SecretRef): Promise<boolean> {
    return this.secrets.delete(keyOf(ref));
  }

  async listResourceSecrets(): Promise<ResourceSecretPage> {
    return { items: [], nextCursor: null };
  }

  resourceKeyOf(scope: SecretScope): string {
    return keyOf(scope);
  }

  deleteScope = undefined;

  async healthCheck(): Promise<void> {}
}

/**
 * AuditedChanges without a database: runs the change on the given backend and tuple writer, and
 * keeps its event only when the change succeeds, as the real one commits them together. Honours
 * the caller's deadline like the real one (504 once the signal has fired).
 */
export class RecordingAuditedChanges {
  readonly events: AuditEventInput[] = [];

  constructor(
    private readonly secrets: SecretsBackend,
    private readonly authz: Pick<AuthzClient, 'writeTuples'>,
  ) {}

  async apply<T>(
    event: AuditEventInput,
    change: (scope: ChangeScope) => Promise<T>,
    options: { signal?: AbortSignal } = {},
  ): Promise<T> {
    if (options.signal?.aborted) throw deadlineExceeded('not_applied');
    const result = await change({ tx: undefined as never, secrets: this.secrets, tuples: this.authz });
    if (options.signal?.aborted) throw deadlineExceeded('not_applied');
    this.events.push(event);
    return result;
  }

  async record(event: AuditEventInput): Promise<void> {
    this.events.push(event);
  }
}

/** Call options whose deadline has already passed. */
export function expiredDeadline(): SecretsCallOptions {
  const controller = new AbortController();
  controller.abort();
  return { signal: controller.signal };
}
