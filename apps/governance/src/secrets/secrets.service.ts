import { Injectable } from '@nestjs/common';
import { AppException, type Page, pageOf, offsetOf } from '@app/core';
import { SecretsBackend, type SecretRef, type SecretScope } from '@app/secrets';
import { SecretMetadataDto, type SecretValueDto } from './secret.dto.js';

/** Thin on purpose: permission checks happen in guards, audit in the interceptor. */
@Injectable()
export class SecretsService {
  constructor(private readonly backend: SecretsBackend) {}

  async create(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.backend.create(ref, value, description ?? null));
  }

  async update(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.backend.update(ref, value, description));
  }

  async put(ref: SecretRef, value: string, description?: string | null): Promise<SecretMetadataDto> {
    return SecretMetadataDto.from(await this.backend.upsert(ref, value, description));
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

  async delete(ref: SecretRef): Promise<void> {
    if (!(await this.backend.delete(ref))) throw AppException.notFound('Secret');
  }

  /** Idempotent, for owners removing a resource: deleting nothing is fine. */
  async deleteIfPresent(ref: SecretRef): Promise<void> {
    await this.backend.delete(ref);
  }
}
