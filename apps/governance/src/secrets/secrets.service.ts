import { Injectable } from '@nestjs/common';
import { AppException, deadlineExceeded, type Page, pageOf, offsetOf } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { SecretsBackend, type SecretRef, type SecretScope, type SecretsCallOptions } from '@app/secrets';
import { SecretMetadataDto, type SecretValueDto } from './secret.dto.js';
import { AuditedChanges } from '../audit/index.js';

/**
 * Thin on purpose: permission checks happen in guards. The routes hand reads to the AuditRecorder
 * (released only after their event is written); every write commits together with its audit
 * event through AuditedChanges, or does not happen. `options.signal` is the caller's deadline: it
 * bounds every backend call of the operation (each backend also applies its own timeout, e.g.
 * INFISICAL_TIMEOUT_MS); undo steps after a failure run on the backend's timeout, not on it. Once
 * it has fired the answer is 504 DEADLINE_EXCEEDED, and a write is never committed (AuditedChanges).
 */
/** A read that ran out of the caller's time answers 504, not the backend's 503. */
async function withinDeadline<T>(
  options: SecretsCallOptions | undefined,
  read: () => Promise<T>,
): Promise<T> {
  if (options?.signal?.aborted) throw deadlineExceeded('not_applied');
  try {
    return await read();
  } catch (error) {
    if (options?.signal?.aborted) throw deadlineExceeded('not_applied');
    throw error;
  }
}

@Injectable()
export class SecretsService {
  constructor(
    private readonly backend: SecretsBackend,
    private readonly changes: AuditedChanges,
  ) {}

  async create(
    audit: AuditEventInput,
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(
      await this.changes.apply(
        audit,
        ({ secrets }) => secrets.create(ref, value, description ?? null, options),
        { signal: options?.signal },
      ),
    );
  }

  async update(
    audit: AuditEventInput,
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(
      await this.changes.apply(audit, ({ secrets }) => secrets.update(ref, value, description, options), {
        signal: options?.signal,
      }),
    );
  }

  async put(
    audit: AuditEventInput,
    ref: SecretRef,
    value: string,
    description?: string | null,
    options?: SecretsCallOptions,
  ): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(
      await this.changes.apply(audit, ({ secrets }) => secrets.upsert(ref, value, description, options), {
        signal: options?.signal,
      }),
    );
  }

  async read(ref: SecretRef, options?: SecretsCallOptions): Promise<SecretValueDto> {
    const found = await withinDeadline(options, () => this.backend.get(ref, options));
    if (!found) throw AppException.notFound('Secret');
    return { ...SecretMetadataDto.from(found.metadata), value: found.value };
  }

  async list(
    scope: SecretScope,
    page: number,
    limit: number,
    options?: SecretsCallOptions,
  ): Promise<Page<SecretMetadataDto>> {
    const all = (await withinDeadline(options, () => this.backend.list(scope, options))).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const start = offsetOf(page, limit);
    return pageOf(all.slice(start, start + limit).map(SecretMetadataDto.from), all.length, page, limit);
  }

  async delete(audit: AuditEventInput, ref: SecretRef, options?: SecretsCallOptions): Promise<void> {
    await this.changes.apply(
      audit,
      async ({ secrets }) => {
        if (!(await secrets.delete(ref, options))) throw AppException.notFound('Secret');
      },
      { signal: options?.signal },
    );
  }

  /** Idempotent, for owners removing a resource: deleting nothing is fine (and still audited). */
  async deleteIfPresent(audit: AuditEventInput, ref: SecretRef, options?: SecretsCallOptions): Promise<void> {
    await this.changes.apply(audit, ({ secrets }) => secrets.delete(ref, options), {
      signal: options?.signal,
    });
  }
}
