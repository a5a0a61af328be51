import type { FastifyRequest } from 'fastify';
import type { Principal } from '@app/core';
import type { ObjectStore, StorageConfig } from '@app/storage';

/** The validated `storage` env namespace (OBSTORE_*, STORAGE_*). */
export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');
/** The platform's default ObjectStore, built once from STORAGE_CONFIG. */
export const DEFAULT_OBJECT_STORE = Symbol('DEFAULT_OBJECT_STORE');

/** Google's OAuth token endpoint (GCS connections); a fake's in tests. */
export const GOOGLE_TOKEN_ENDPOINT = Symbol('GOOGLE_TOKEN_ENDPOINT');

export type { StorageConfig };

/** Route config flag: this route reads its body as a raw stream, whatever its content type. */
export const RAW_BODY_ROUTE = { storageRawBody: true } as const;

/** What a request does with the store; recorded in the audit event of a connection use. */
export type StorageOperation = 'put' | 'get' | 'head' | 'list' | 'delete' | 'upload';

export interface StoreContext {
  principal: Principal;
  projectId: string;
  request: FastifyRequest;
  operation: StorageOperation;
  /** The storage connection to use instead of the request's `?connection=` (a file names its own). */
  connection?: string | null;
}

export type { ObjectStore };
