import { Inject, Injectable } from '@nestjs/common';
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

@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /** Checks everything that can fail without I/O on the object store, and the duplicates. */
  async prepare(principal: Principal, projectId: string, fields: FileFields): Promise<{ storageKey: string; resourceUri: string }> {
    const tenant = { orgId: principal.orgId, projectId };
    const storageKey = TenantKeyBuilder.build(tenant, FILES_SOLUTION, fields.key);
    const resourceUri = fields.resourceUri ?? fileResourceUri(principal.orgId, projectId, fields.name);
    const [scheme, org, project, name] = resourceUri.split(':');
    if (scheme !== 'file' || org !== principal.orgId || project !== projectId || !URI_NAME.test(name ?? '') || resourceUri.split(':').length !== 4) {
      throw AppException.validation(`resource_uri must be file:${principal.orgId}:${projectId}:<name> with name matching [a-z0-9-]`, { field: 'resource_uri' });
    }
    const repo = this.dataSource.getRepository(FileEntity);
    if (await repo.exists({ where: { orgId: principal.orgId, projectId, resourceUri } })) {
      throw AppException.conflict('A file with this resource URI already exists', { resource_uri: resourceUri });
    }
    if (await repo.exists({ where: { orgId: principal.orgId, projectId, key: fields.key } })) {
      throw AppException.conflict('A file with this key already exists', { key: fields.key });
    }
    return { storageKey, resourceUri };
  }

  async store(store: ObjectStore, storageKey: string, file: Readable, contentType: string) {
    return store.put(storageKey, file, { contentType, maxBytes: this.config.STORAGE_MAX_UPLOAD_BYTES });
  }

  /** Records the upload; on a concurrent duplicate the stored bytes are removed again. */
  async record(store: ObjectStore, principal: Principal, projectId: string, fields: FileFields, stored: { storageKey: string; resourceUri: string; size: number; etag: string | null; contentType: string }): Promise<FileEntity> {
    const entity = this.dataSource.getRepository(FileEntity).create({
      id: randomUUID(),
      orgId: principal.orgId,
      projectId,
      resourceUri: stored.resourceUri,
      name: fields.name,
      key: fields.key,
      storageKey: stored.storageKey,
      description: fields.description ?? null,
      tags: fields.tags,
      contentType: stored.contentType,
      size: stored.size,
      etag: stored.etag,
      createdBy: principal.userId,
    });
    try {
      return await this.dataSource.getRepository(FileEntity).save(entity);
    } catch (error) {
      if (isUniqueViolation(error)) {
        await store.delete(stored.storageKey).catch(() => undefined);
        throw AppException.conflict('A file with this resource URI or key already exists', { resource_uri: stored.resourceUri });
      }
      throw error;
    }
  }
}
