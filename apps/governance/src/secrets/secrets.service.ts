import { Injectable } from '@nestjs/common';
import { AppException, type Page, pageOf, offsetOf } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { SecretsBackend, type SecretRef, type SecretScope } from '@app/secrets';
import { SecretMetadataDto, type SecretValueDto } from './secret.dto.js';
import { AuditedChanges } from '../audit/audited-changes.js';

/**
 * Thin on purpose: permission checks happen in guards. Reads are audited by the interceptor
 * (released only after their event is written); every write commits together with its audit
 * event through AuditedChanges, or does not happen.
 */
@Injectable()
export class SecretsService {
  constructor(
    private readonly backend: SecretsBackend,
    private readonly changes: AuditedChanges,
  ) {}

  async create(audit: AuditEventInput, ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.changes.apply(audit, ({ secrets }) => secrets.create(ref, value, description ?? null)));
  }

  async update(audit: AuditEventInput, ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.changes.apply(audit, ({ secrets }) => secrets.update(ref, value, description)));
  }

  async put(audit: AuditEventInput, ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.changes.apply(audit, ({ secrets }) => secrets.upsert(ref, value, description)));
  }

  async read(ref: SecretRef): Promise<SecretValueDto> {
    const found = await this.backend.get(ref);
    if (!found) throw AppException.notFound('Secret');
    return { ...SecretMetadataDto.from(found.metadata), value: found.value };
  }

  async list(scope: SecretScope, page: number, limit: number): Promise<Page<SecretMetadataDto>> {
    const all = (await this.backend.list(scope)).sort((a, b) => a.name.localeCompare(b.name));
    const start = offsetOf(page, limit);
    return pageOf(all.slice(start, start + limit).map(SecretMetadataDto.from), all.length, page, limit);
  }

  async delete(audit: AuditEventInput, ref: SecretRef): Promise<void> {
    await this.changes.apply(audit, async ({ secrets }) => {
      if (!(await secrets.delete(ref))) throw AppException.notFound('Secret');
    });
  }

  /** Idempotent, for owners removing a resource: deleting nothing is fine (and still audited). */
  async deleteIfPresent(audit: AuditEventInput, ref: SecretRef): Promise<void> {
    await this.changes.apply(audit, ({ secrets }) => secrets.delete(ref));
  }
}
