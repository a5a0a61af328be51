import type { AuthzClient, TupleKey } from '@app/authz';
import {
  type ResourceSecretPage,
  type ResourceSecretPageRequest,
  type SecretMetadata,
  type SecretRef,
  SecretsBackend,
  SecretsDeadlineError,
  type SecretScope,
  type SecretsCallOptions,
} from '@app/secrets';

/** Undo steps of changes made outside the Governance database, run newest first. */
export class UndoLog {
  private readonly steps: Array<{ name: string; run: () => Promise<unknown> }> = [];

  push(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Newest first; reports each step that failed and keeps going. True when every step succeeded. */
  async runAll(onFailure: (step: string, error: unknown) => void): Promise<boolean> {
    let clean = true;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (error) {
        clean = false;
        onFailure(step.name, error);
      }
    }
    return clean;
  }
}

/**
 * A secrets backend outside the Governance database (Infisical, GCP) that remembers how to undo
 * each change it makes: create → delete; update/upsert → the previous value and description (or
 * delete, if there was none); delete → re-create. The previous value is held in memory only for
 * the duration of the request and never logged. Reads pass through. The caller's deadline
 * (`options.signal`) bounds the forward steps only: an undo runs after it has passed, on the
 * backend's own timeout. A write whose outcome is unknown is undone too.
 */
export class CompensatingSecretsBackend extends SecretsBackend {
  readonly kind: SecretsBackend['kind'];
  /** Not offered: a bulk delete cannot be undone one secret at a time here. */
  deleteScope?(scope: SecretScope): Promise<number>;

  constructor(
    private readonly inner: SecretsBackend,
    private readonly undo: UndoLog,
  ) {
    super();
    this.kind = inner.kind;
  }

  async create(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const undo = () => this.inner.delete(ref);
    const created = await this.undoIfUnknown('secret.create', undo, () =>
      this.inner.create(ref, value, description, options),
    );
    this.undo.push('secret.create', undo);
    return created;
  }

  async update(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const before = await this.inner.get(ref, options);
    const undo = () =>
      before ? this.inner.update(ref, before.value, before.metadata.description) : Promise.resolve();
    const updated = await this.undoIfUnknown('secret.update', undo, () =>
      this.inner.update(ref, value, description, options),
    );
    if (before) this.undo.push('secret.update', undo);
    return updated;
  }

  /** The inner backend's own upsert, undone as one step (not as the port's update-then-create). */
  override async upsert(
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadata> {
    const before = await this.inner.get(ref, options);
    const undo = () =>
      before ? this.inner.update(ref, before.value, before.metadata.description) : this.inner.delete(ref);
    const written = await this.undoIfUnknown('secret.upsert', undo, () =>
      this.inner.upsert(ref, value, description, options),
    );
    this.undo.push('secret.upsert', undo);
    return written;
  }

  async delete(ref: SecretRef, options?: SecretsCallOptions): Promise<boolean> {
    const before = await this.inner.get(ref, options);
    // If the delete did not apply after all, the re-create finds the secret and fails harmlessly.
    const undo = () =>
      before ? this.inner.create(ref, before.value, before.metadata.description) : Promise.resolve();
    const deleted = await this.undoIfUnknown('secret.delete', undo, () => this.inner.delete(ref, options));
    if (deleted && before) this.undo.push('secret.delete', undo);
    return deleted;
  }

  /**
   * A write whose outcome is unknown (the deadline passed or the connection broke while it was in
   * flight) may still be applied by the backend: it is undone like one that succeeded, so it
   * cannot land unaudited or after the caller gave up.
   */
  private async undoIfUnknown<T>(
    name: string,
    undo: () => Promise<unknown>,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof SecretsDeadlineError && error.outcomeUnknown) this.undo.push(name, undo);
      throw error;
    }
  }

  get(
    ref: SecretRef,
    options?: SecretsCallOptions,
  ): Promise<{ value: string; metadata: SecretMetadata } | null> {
    return this.inner.get(ref, options);
  }

  list(scope: SecretScope, options?: SecretsCallOptions): Promise<SecretMetadata[]> {
    return this.inner.list(scope, options);
  }

  listResourceSecrets(
    orgId: string,
    page: ResourceSecretPageRequest,
    options?: SecretsCallOptions,
  ): Promise<ResourceSecretPage> {
    return this.inner.listResourceSecrets(orgId, page, options);
  }

  resourceKeyOf(scope: SecretScope): string {
    return this.inner.resourceKeyOf(scope);
  }

  healthCheck(options?: SecretsCallOptions): Promise<void> {
    return this.inner.healthCheck(options);
  }
}

/** Tuple writes to a remote OpenFGA that remember how to undo themselves (only what they changed). */
export class CompensatingTupleWriter {
  constructor(
    private readonly authz: AuthzClient,
    private readonly undo: UndoLog,
  ) {}

  async writeTuples(writes: TupleKey[], deletes: TupleKey[] = []): Promise<void> {
    const exists = async (t: TupleKey) =>
      (await this.authz.readTuples({ object: t.object, relation: t.relation, user: t.user })).length > 0;
    const added: TupleKey[] = [];
    const removed: TupleKey[] = [];
    for (const t of writes) if (!(await exists(t))) added.push(t);
    for (const t of deletes) if (await exists(t)) removed.push(t);
    await this.authz.writeTuples(writes, deletes);
    if (added.length > 0 || removed.length > 0)
      this.undo.push('tuples.write', () => this.authz.writeTuples(removed, added));
  }
}
