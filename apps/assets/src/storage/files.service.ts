import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { AppException, offsetOf, type Principal, type SystemScope, type TenantScope } from '@app/core';
import { type ObjectStore, type StorageTenant, TenantKeyBuilder } from '@app/storage';
import type { FileEntity } from './persistence/file.entity.js';
import { FilesRepository } from './persistence/files.repository.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';
import { slugOf } from '../common/index.js';

/** Files live in the `files` solution: `<org>/<project>/files/<key>`. */
export const FILES_SOLUTION = 'files';
const URI_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** A derived name segment fits URI_NAME. */
const FILE_SLUG_MAX = 63;

export interface FileFields {
  key: string;
  name: string;
  resourceUri?: string;
  description?: string;
  tags: string[];
}

/** `file:{org}:{project}:{slug}`; the slug comes from the name unless the caller gave a URI. */
export function fileResourceUri(orgId: string, projectId: string, name: string): string {
  const slug = slugOf(name, FILE_SLUG_MAX);
  if (!slug)
    throw AppException.validation(
      'The name must contain at least one letter or digit to derive a resource URI',
      { fields: [{ field: 'name', message: 'must contain a letter or digit to derive a resource URI' }] },
    );
  return `file:${orgId}:${projectId}:${slug}`;
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
    private readonly files: FilesRepository,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  /**
   * Validates the fields and reserves the resource URI and the key with an `uploading` row, before
   * any byte is written: a concurrent upload of the same key gets 409 instead of overwriting.
   */
  async reserve(
    principal: Principal,
    projectId: string,
    fields: FileFields,
    upload: { contentType: string; connectionUri: string | null },
  ): Promise<FileEntity> {
    const tenant = { orgId: principal.orgId, projectId };
    const storageKey = TenantKeyBuilder.build(tenant, FILES_SOLUTION, fields.key);
    const resourceUri = fields.resourceUri ?? fileResourceUri(principal.orgId, projectId, fields.name);
    const [scheme, org, project, name] = resourceUri.split(':');
    if (
      scheme !== 'file' ||
      org !== principal.orgId ||
      project !== projectId ||
      !URI_NAME.test(name ?? '') ||
      resourceUri.split(':').length !== 4
    ) {
      throw AppException.validation(
        `resource_uri must be file:${principal.orgId}:${projectId}:<name> with name matching [a-z0-9-]`,
        {
          fields: [
            {
              field: 'resource_uri',
              message: `must be file:${principal.orgId}:${projectId}:<name> with name matching [a-z0-9-]`,
            },
          ],
        },
      );
    }
    return this.files.reserve(tenant, {
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
  }

  /**
   * Streams the bytes to the file's key. They become visible there only in `publishReserved`, under
   * the reservation's row lock, so bytes whose reservation was taken never reach the key.
   */
  async store(
    store: ObjectStore,
    file: FileEntity,
    body: Readable,
    signal: AbortSignal,
  ): Promise<StoredBytes> {
    return store.put(file.storageKey, body, {
      contentType: file.contentType,
      maxBytes: this.config.STORAGE_MAX_UPLOAD_BYTES,
      idleTimeoutMs: this.config.STORAGE_UPLOAD_IDLE_TIMEOUT_MS,
      signal,
      commit: (publish) => this.publishReserved(file, publish),
    });
  }

  /**
   * Locks the reservation and refreshes it, then publishes the bytes while holding the lock. The
   * janitor takes a row under the same lock, so either it sees a fresh row and skips it, or this
   * finds the row gone and nothing is published.
   */
  private async publishReserved<T>(file: FileEntity, publish: () => Promise<T>): Promise<T> {
    const held = await this.files.whileReserved(scopeOf(file), file.id, publish);
    if (!held) throw reservationLost(file);
    return held.value;
  }

  /** Turns the reservation into a `ready` file, unless the reservation was taken meanwhile (409). */
  async complete(file: FileEntity, stored: StoredBytes): Promise<FileEntity> {
    if (!(await this.files.markReady(scopeOf(file), file.id, stored))) throw reservationLost(file);
    return { ...file, status: 'ready', size: stored.size, etag: stored.etag };
  }

  /** The project's finished files, newest first; uploads in progress are not files yet. */
  async list(tenant: StorageTenant, page: number, limit: number): Promise<[FileEntity[], number]> {
    return this.files.listReady(tenant, offsetOf(page, limit), limit);
  }

  /** A finished file of the project, or 404: another project's or org's URI is simply not found. */
  async get(tenant: StorageTenant, resourceUri: string): Promise<FileEntity> {
    const file = await this.files.findByUri(tenant, resourceUri);
    if (!file) throw AppException.notFound('File');
    if (file.status !== 'ready')
      throw AppException.conflict('The file is still being uploaded', { resource_uri: resourceUri });
    return file;
  }

  /**
   * Deletes the row and the bytes under the row's lock, so they go together: if the store cannot
   * delete, the transaction rolls back and the file stays whole. A file deleted meanwhile is gone
   * already, and that is success. Its key is free for a new upload afterwards.
   */
  async remove(file: FileEntity, store: ObjectStore): Promise<void> {
    await this.files.deleteWith(scopeOf(file), file.id, { readyOnly: true }, () =>
      store.delete(file.storageKey),
    );
  }

  /** Refreshes the reservations of uploads in progress (any tenant's); returns the ids whose row still exists. */
  async refresh(system: SystemScope, ids: string[]): Promise<string[]> {
    return this.files.refresh(system, ids);
  }

  /**
   * Undoes a reservation at once: the row and the bytes at its key, which are this upload's for as
   * long as its row exists (the row is deleted and the bytes removed under one lock). A reservation
   * already taken (`lost`) leaves the key alone: it may belong to a newer upload. When the database
   * fails, the bytes still go unless the reservation was lost, and the row is left to the janitor.
   * Never throws, so that the caller reports the original error.
   */
  async abandon(store: ObjectStore, file: FileEntity, lost: boolean): Promise<void> {
    try {
      await this.files.deleteWith(scopeOf(file), file.id, { readyOnly: false }, () =>
        store.delete(file.storageKey),
      );
    } catch (error) {
      this.logger.warn(
        { file: file.id, err: (error as Error)?.name },
        'Abandoned upload left for the janitor',
      );
      if (!lost) await store.delete(file.storageKey).catch(() => undefined);
    }
  }

  /**
   * Reservations whose heartbeat stopped `idleMs` ago (the process died, or abandon() failed): the
   * row goes, and with it, under its lock, the bytes in the default store. A row refreshed or
   * completed meanwhile is skipped. Bytes in a storage connection stay (the janitor has no one's
   * credentials to reach it) and are logged by key. `stopping` is asked before each row: once
   * it says yes (the process is draining) no other row is taken.
   */
  async sweepAbandoned(
    system: SystemScope,
    defaultStore: ObjectStore,
    idleMs: number,
    stopping: () => boolean = () => false,
  ): Promise<number> {
    let removed = 0;
    for (const id of await this.files.staleReservations(system, idleMs, 100)) {
      if (stopping()) break;
      const taken = await this.files.deleteStale(system, id, idleMs, async (reservation) => {
        if (reservation.connectionUri === null) await defaultStore.delete(reservation.storageKey);
        else
          this.logger.warn(
            { file: id, connection: reservation.connectionUri, key: reservation.storageKey },
            'Abandoned upload in a storage connection; its bytes may remain',
          );
      });
      if (taken) removed++;
    }
    return removed;
  }
}

/** The upload's reservation was taken by the janitor (its heartbeat had stopped): nothing of it is kept. */
export function reservationLost(file: Pick<FileEntity, 'key'>): AppException {
  return AppException.conflict(
    'The upload lost its reservation of the key before it finished; upload the file again',
    { key: file.key },
  );
}

/** Keys under `<org>/<project>/files/` belong to the files API (a row per file holds its key, size and ETag). */
export function assertNotFileKey(tenant: StorageTenant, key: string): void {
  if (key.startsWith(TenantKeyBuilder.prefix(tenant, FILES_SOLUTION))) {
    throw AppException.conflict(
      'Objects under files/ are managed by the files API (POST /assets/files); they cannot be written or deleted here',
      { solution: FILES_SOLUTION },
    );
  }
}

/** A file's own tenant scope: the project it was uploaded to. */
const scopeOf = (file: Pick<FileEntity, 'orgId' | 'projectId'>): TenantScope => ({
  orgId: file.orgId,
  projectId: file.projectId,
});
