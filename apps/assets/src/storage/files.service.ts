import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppException, type Principal } from '@app/core';
import { type ObjectStore, TenantKeyBuilder } from '@app/storage';
import { FileEntity } from './file.entity.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

/** Files live in the `files` solution: `<org>/<project>/files/<key>`. */
export const FILES_SOLUTION = 'files';
const URI_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface FileFields {
  key: string;
  name: string;
  resourceUri?: string;
  description?: string;
  tags: string[];
}

/** `file:{org}:{project}:{slug}`; the slug comes from the name unless the caller gave a URI. */
export function fileResourceUri(orgId: string, projectId: string, name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
  if (!slug) throw AppException.validation('The name must contain at least one letter or digit to derive a resource URI', { field: 'name' });
  return `file:${orgId}:${projectId}:${slug}`;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** What a finished `put` reports. */
export interface StoredBytes {
  size: number;
  etag: string | null;
}

@Injectable()
export class FilesService {
  private readonly logger = new Logger(FilesService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /**
   * Validates the fields and reserves the resource URI and the key with an `uploading` row, before
   * any byte is written: a concurrent upload of the same key gets 409 instead of overwriting.
   */
  async reserve(principal: Principal, projectId: string, fields: FileFields, upload: { contentType: string; connectionUri: string | null }): Promise<FileEntity> {
    const tenant = { orgId: principal.orgId, projectId };
    const storageKey = TenantKeyBuilder.build(tenant, FILES_SOLUTION, fields.key);
    const resourceUri = fields.resourceUri ?? fileResourceUri(principal.orgId, projectId, fields.name);
    const [scheme, org, project, name] = resourceUri.split(':');
    if (scheme !== 'file' || org !== principal.orgId || project !== projectId || !URI_NAME.test(name ?? '') || resourceUri.split(':').length !== 4) {
      throw AppException.validation(`resource_uri must be file:${principal.orgId}:${projectId}:<name> with name matching [a-z0-9-]`, { field: 'resource_uri' });
    }
    const repo = this.dataSource.getRepository(FileEntity);
    const file = repo.create({
      id: randomUUID(),
      orgId: principal.orgId,
      projectId,
      resourceUri,
      name: fields.name,
      key: fields.key,
      storageKey,
      description: fields.description ?? null,
      tags: fields.tags,
      contentType: upload.contentType,
      size: 0,
      etag: null,
      status: 'uploading',
      connectionUri: upload.connectionUri,
      createdBy: principal.userId,
    });
    try {
      await repo.insert(file);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (uniqueConstraintOf(error) === 'files_org_project_key') throw AppException.conflict('A file with this key already exists', { key: fields.key });
      throw AppException.conflict('A file with this resource URI already exists', { resource_uri: resourceUri });
    }
    return file;
  }

  async store(store: ObjectStore, file: FileEntity, body: Readable): Promise<StoredBytes> {
    return store.put(file.storageKey, body, { contentType: file.contentType, maxBytes: this.config.STORAGE_MAX_UPLOAD_BYTES });
  }

  async complete(file: FileEntity, stored: StoredBytes): Promise<FileEntity> {
    await this.dataSource.getRepository(FileEntity).update({ id: file.id }, { status: 'ready', size: stored.size, etag: stored.etag });
    return { ...file, status: 'ready', size: stored.size, etag: stored.etag };
  }

  /**
   * Undoes a reservation: the bytes (when some were written) and the row. Best effort: what fails
   * here is left to sweepAbandoned, so the caller still sees the original error.
   */
  async abandon(store: ObjectStore, file: FileEntity, bytesWritten: boolean): Promise<void> {
    try {
      if (bytesWritten) await store.delete(file.storageKey);
      await this.dataSource.getRepository(FileEntity).delete({ id: file.id, status: 'uploading' });
    } catch (error) {
      this.logger.warn({ file: file.id, err: (error as Error)?.name }, 'Abandoned upload left for the janitor');
    }
  }

  /**
   * Uploads still `uploading` after `idleMs` (the process died, or abandon() failed): their bytes
   * go from the default store and their rows are deleted. Bytes in a storage connection stay (the
   * janitor has no one's credentials to reach it) and are logged by key.
   */
  async sweepAbandoned(defaultStore: ObjectStore, idleMs: number): Promise<number> {
    const repo = this.dataSource.getRepository(FileEntity);
    const stale = await repo
      .createQueryBuilder('f')
      .where("f.status = 'uploading'")
      .andWhere('f.updated_at < now() - make_interval(secs => :seconds)', { seconds: idleMs / 1000 })
      .limit(100)
      .getMany();
    for (const file of stale) {
      if (file.connectionUri === null) await defaultStore.delete(file.storageKey);
      else this.logger.warn({ file: file.id, connection: file.connectionUri, key: file.storageKey }, 'Abandoned upload in a storage connection; its bytes may remain');
      await repo.delete({ id: file.id, status: 'uploading' });
    }
    return stale.length;
  }
}

function uniqueConstraintOf(error: unknown): string | undefined {
  return ((error as QueryFailedError).driverError as { constraint?: string } | undefined)?.constraint;
}
