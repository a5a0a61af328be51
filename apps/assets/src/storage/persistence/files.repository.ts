import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, type SystemScope, type TenantScope } from '@app/core';
import { isUniqueViolation, ScopedRepository, type TenantEntityTable, tenantColumns } from '@app/database';
import { FileEntity } from './file.entity.js';

/** Files always belong to a project; a project scope sees its project's files only. */
export const FILES: TenantEntityTable<FileEntity> = {
  ...tenantColumns('files', 'org_id', 'project_id'),
  entity: FileEntity,
  ownerOf: (row) => ({ orgId: row.orgId, projectId: row.projectId }),
};

/** A reservation (an `uploading` row) the janitor may take: its row was already deleted. */
export interface StaleReservation {
  storageKey: string;
  connectionUri: string | null;
}

/**
 * File records. Requests pass the file's project scope; the upload heartbeat and the storage
 * janitor, which work on every tenant's uploads in progress, pass their SystemScope.
 */
@Injectable()
export class FilesRepository extends ScopedRepository {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Inserts an `uploading` row; the unique key and resource URI of the project make a race a 409. */
  async reserve(scope: TenantScope, file: Omit<FileEntity, 'createdAt' | 'updatedAt'>): Promise<FileEntity> {
    const row = file as FileEntity;
    try {
      await this.insertInto(scope, FILES, [row]);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (isUniqueViolation(error, 'files_org_project_key'))
        throw AppException.conflict('A file with this key already exists', { key: file.key });
      throw AppException.conflict('A file with this resource URI already exists', {
        resource_uri: file.resourceUri,
      });
    }
    return row;
  }

  /**
   * Locks the reservation and refreshes it, and runs `work` while holding the lock; null (and
   * `work` never runs) once the reservation is gone.
   */
  async whileReserved<T>(
    scope: TenantScope,
    id: string,
    work: () => Promise<T>,
  ): Promise<{ value: T } | null> {
    return this.transaction(async (tx) => {
      const held = await this.sql(
        scope,
        (tenant) =>
          `UPDATE files f SET updated_at = now() WHERE ${tenant(FILES, 'f')} AND f.id = :id AND f.status = 'uploading' RETURNING f.id`,
        { id },
        tx,
      );
      return held.length === 0 ? null : { value: await work() };
    });
  }

  /** Turns the reservation into a `ready` file; false when the reservation was taken meanwhile. */
  async markReady(
    scope: TenantScope,
    id: string,
    stored: { size: number; etag: string | null },
  ): Promise<boolean> {
    const done = await this.sql(
      scope,
      (tenant) => `UPDATE files f SET status = 'ready', size = :size, etag = :etag, updated_at = now()
        WHERE ${tenant(FILES, 'f')} AND f.id = :id AND f.status = 'uploading' RETURNING f.id`,
      { id, size: stored.size, etag: stored.etag },
    );
    return done.length > 0;
  }

  /** The scope's finished files, newest first. */
  async listReady(scope: TenantScope, offset: number, limit: number): Promise<[FileEntity[], number]> {
    return this.selectFrom(scope, FILES, 'f', (q) => q.where(`f.status = 'ready'`))
      .orderBy('f.createdAt', 'DESC')
      .addOrderBy('f.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  /** The file with this resource URI in the scope, in any status. */
  async findByUri(scope: TenantScope, resourceUri: string): Promise<FileEntity | null> {
    return this.selectFrom(scope, FILES, 'f', (q) =>
      q.where('f.resourceUri = :resourceUri', { resourceUri }),
    ).getOne();
  }

  /**
   * Deletes the row (only a `ready` one with `readyOnly`) and runs `alsoRemove` in the same
   * transaction, so a failure of `alsoRemove` keeps the row. False when there was no row to delete.
   */
  async deleteWith(
    scope: TenantScope,
    id: string,
    options: { readyOnly: boolean },
    alsoRemove: () => Promise<void>,
  ): Promise<boolean> {
    return this.transaction(async (tx) => {
      const gone = await this.sql(
        scope,
        (tenant) =>
          `DELETE FROM files f WHERE ${tenant(FILES, 'f')} AND f.id = :id ${options.readyOnly ? `AND f.status = 'ready'` : ''} RETURNING f.id`,
        { id },
        tx,
      );
      if (gone.length === 0) return false;
      await alsoRemove();
      return true;
    });
  }

  /** Refreshes reservations; returns the ids whose row still exists. */
  async refresh(system: SystemScope, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql<{ id: string }>(
      system,
      (tenant) =>
        `UPDATE files f SET updated_at = now() WHERE ${tenant(FILES, 'f')} AND f.id = ANY(CAST(:ids AS uuid[])) RETURNING f.id`,
      { ids },
    );
    return rows.map((row) => String(row.id));
  }

  /** Up to `limit` reservations not refreshed for `idleMs`. */
  async staleReservations(system: SystemScope, idleMs: number, limit: number): Promise<string[]> {
    const rows = await this.selectFrom(system, FILES, 'f', (q) =>
      q
        .select(['f.id'])
        .where("f.status = 'uploading'")
        .andWhere('f.updated_at < now() - make_interval(secs => :seconds)', { seconds: idleMs / 1000 })
        .limit(limit),
    ).getMany();
    return rows.map((row) => row.id);
  }

  /**
   * Deletes a reservation still idle for `idleMs` and runs `alsoRemove` on it in the same
   * transaction (under the row's lock); false when it was refreshed, completed or gone meanwhile.
   */
  async deleteStale(
    system: SystemScope,
    id: string,
    idleMs: number,
    alsoRemove: (reservation: StaleReservation) => Promise<void>,
  ): Promise<boolean> {
    return this.transaction(async (tx) => {
      const [file] = await this.sql<{ storage_key: string; connection_uri: string | null }>(
        system,
        (tenant) => `DELETE FROM files f
          WHERE ${tenant(FILES, 'f')} AND f.id = :id AND f.status = 'uploading' AND f.updated_at < now() - make_interval(secs => :seconds)
          RETURNING f.id, f.storage_key, f.connection_uri`,
        { id, seconds: idleMs / 1000 },
        tx,
      );
      if (!file) return false;
      await alsoRemove({ storageKey: String(file.storage_key), connectionUri: file.connection_uri });
      return true;
    });
  }
}
