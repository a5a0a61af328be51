import type { FastifyRequest } from 'fastify';
import type { Principal } from '@app/core';
import type { ObjectStore, StorageConfig } from '@app/storage';

/** The validated `storage` env namespace (OBSTORE_*, STORAGE_*). */
export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');
/** The platform's default ObjectStore, built once from STORAGE_CONFIG. */
export const DEFAULT_OBJECT_STORE = Symbol('DEFAULT_OBJECT_STORE');

export type { StorageConfig };

/** Route config flag: this route reads its body as a raw stream, whatever its content type. */
export const RAW_BODY_ROUTE = { storageRawBody: true } as const;

export interface StoreContext {
  principal: Principal;
  projectId: string;
  request: FastifyRequest;
}

export type { ObjectStore };
