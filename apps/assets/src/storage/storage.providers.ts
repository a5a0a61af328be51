import type { Provider, Type } from '@nestjs/common';
import { createObjectStore, type ObjectStore, type StorageConfig } from '@app/storage';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { FileEntity } from './file.entity.js';
import { CreateFiles1764000000300 } from './1764000000300-CreateFiles.js';
import { AddFileUploadState1764000000301 } from './1764000000301-AddFileUploadState.js';
import { ObjectStoreResolver } from './object-store.resolver.js';
import { StorageController } from './storage.controller.js';
import { StorageHttpSetup } from './storage-http.setup.js';
import { StorageJanitor } from './storage.janitor.js';
import { UploadHeartbeat } from './upload-heartbeat.js';
import { UploadSlots } from './upload-slots.js';
import { DEFAULT_OBJECT_STORE, STORAGE_CONFIG } from './storage.tokens.js';

/**
 * What AssetsModule adds for shared storage. The controllers need the AuthzClient and DataSource
 * that AssetsModule provides, so they are listed there rather than in a child module:
 *
 *   controllers: [..., ...STORAGE_CONTROLLERS],
 *   providers:   [..., ...storageProviders(infra.storageConfig)],
 */
export const STORAGE_CONTROLLERS: Type<unknown>[] = [StorageController, FilesController];

export function storageProviders(config: StorageConfig, store: ObjectStore = createObjectStore(config)): Provider[] {
  return [
    { provide: STORAGE_CONFIG, useValue: config },
    { provide: DEFAULT_OBJECT_STORE, useValue: store },
    ObjectStoreResolver,
    FilesService,
    StorageHttpSetup,
    StorageJanitor,
    UploadHeartbeat,
    UploadSlots,
  ];
}

/** For `apps/assets/src/database/assets-migrations.ts`. */
export const STORAGE_ENTITIES = [FileEntity];
export const STORAGE_MIGRATIONS = [CreateFiles1764000000300, AddFileUploadState1764000000301];
