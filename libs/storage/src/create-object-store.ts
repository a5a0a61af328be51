import { AppException } from '@app/core';
import { ObjectStore } from './object-store.js';
import { OpenDalObjectStore } from './opendal-object-store.js';
import { type ObjectStoreSpec, toOpenDal } from './object-store-spec.js';
import { specFromConfig, type StorageConfig } from './storage.config.js';

/** Storage connection types (Assets data connections) this library can open. */
export type StorageConnectionType = 's3' | 'minio' | 'gcs' | 'azure_blob';
export const STORAGE_CONNECTION_TYPES: readonly StorageConnectionType[] = [
  's3',
  'minio',
  'gcs',
  'azure_blob',
];

/**
 * A registered connection: its validated config and credentials fetched for this call only. For
 * `gcs` the credentials are `{ access_token }`, obtained by the caller from the key file.
 */
export interface StorageConnection {
  type: StorageConnectionType;
  config: Record<string, unknown>;
  credentials: Record<string, unknown>;
}

export function createObjectStoreFromSpec(spec: ObjectStoreSpec): ObjectStore {
  return new OpenDalObjectStore(toOpenDal(spec));
}

/** The default store from OBSTORE_* settings. */
export function createObjectStore(config: StorageConfig): ObjectStore {
  return createObjectStoreFromSpec(specFromConfig(config));
}

function text(source: Record<string, unknown>, field: string, required: boolean): string | undefined {
  const value = source[field];
  if (value === undefined || value === null || value === '') {
    if (required)
      throw AppException.validation(`The storage connection is missing ${field}`, {
        fields: [{ field, message: 'is required' }],
      });
    return undefined;
  }
  if (typeof value !== 'string')
    throw AppException.validation(`The storage connection field ${field} must be a string`, {
      fields: [{ field, message: 'must be a string' }],
    });
  return value;
}

function bool(source: Record<string, unknown>, field: string, fallback: boolean): boolean {
  const value = source[field];
  if (value === undefined || value === null) return fallback;
  return value === true || value === 'true';
}

const BUILDERS: Record<StorageConnectionType, (c: StorageConnection) => ObjectStoreSpec> = {
  s3: (c) => s3Spec(c, false),
  minio: (c) => s3Spec(c, true),
  // Only a ready access token: the caller exchanges the key itself, through its egress policy.
  // With no key file, OpenDAL has nothing to sign and no token URL to call (and no metadata
  // server or env credentials to look at, since ambientCredentials is off).
  gcs: ({ config, credentials }) => ({
    backend: 'gcs',
    bucket: text(config, 'bucket', true)!,
    endpoint: text(config, 'endpoint', false),
    prefix: text(config, 'prefix', false),
    token: text(credentials, 'access_token', true),
    ambientCredentials: false,
  }),
  azure_blob: ({ config, credentials }) => ({
    backend: 'azure',
    accountName: text(config, 'account_name', true)!,
    container: text(config, 'container', true)!,
    endpoint: text(config, 'endpoint', false),
    prefix: text(config, 'prefix', false),
    accountKey: text(credentials, 'account_key', false),
    sasToken: text(credentials, 'sas_token', false),
  }),
};

function s3Spec({ config, credentials }: StorageConnection, minio: boolean): ObjectStoreSpec {
  return {
    backend: 's3',
    bucket: text(config, 'bucket', true)!,
    region: text(config, 'region', false) ?? 'us-east-1',
    endpoint: text(config, 'endpoint', minio),
    prefix: text(config, 'prefix', false),
    pathStyle: bool(config, 'path_style', minio),
    accessKey: text(credentials, 'access_key', false),
    secretKey: text(credentials, 'secret_key', false),
    sessionToken: text(credentials, 'session_token', false),
    // A customer's store must never fall back to the platform's own credentials.
    ambientCredentials: false,
  };
}

/**
 * A store for one call, from a registered connection. Build it per request with freshly fetched
 * credentials and drop it afterwards: nothing is cached, so rotated credentials apply at once.
 */
export function objectStoreFromConnection(connection: StorageConnection): ObjectStore {
  return createObjectStoreFromSpec(specFromConnection(connection));
}

/** The spec a connection's store is built from. */
export function specFromConnection(connection: StorageConnection): ObjectStoreSpec {
  const build = BUILDERS[connection.type];
  if (!build)
    throw AppException.validation('The connection is not a storage connection', {
      fields: [{ field: 'connection', message: 'must be a storage connection' }],
    });
  return build(connection);
}
