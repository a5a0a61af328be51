import { AppException } from '@app/core';
import type { StorageConnectionType } from '@app/storage';
import type { RelayAuth, RelayCredentials } from './storage-egress-relay.js';

/** Where a storage connection's requests go: its endpoint, or the cloud's default host. */
export function storageEndpointOf(
  type: StorageConnectionType,
  config: Record<string, unknown>,
): { host: string; port: number } {
  const endpoint = typeof config.endpoint === 'string' ? config.endpoint : undefined;
  if (endpoint) {
    const url = new URL(endpoint);
    return {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443),
    };
  }
  switch (type) {
    case 's3':
    case 'minio':
      return { host: `s3.${String(config.region ?? 'us-east-1')}.amazonaws.com`, port: 443 };
    case 'gcs':
      return { host: 'storage.googleapis.com', port: 443 };
    case 'azure_blob':
      return { host: `${String(config.account_name)}.blob.core.windows.net`, port: 443 };
    default: {
      const unknownType: never = type;
      throw new Error(`no endpoint for ${String(unknownType)}`);
    }
  }
}

/** How a storage connection's requests reach its server through the egress relay. */
export interface StorageUpstreamPlan {
  /** The name (or address) the egress policy resolves, checks and pins: the host really dialled. */
  host: string;
  port: number;
  tls: boolean;
  /** `Host` header the server expects (virtual-hosted S3 buckets included). */
  hostHeader: string;
  /** Path of a custom endpoint (`http://azurite:10000/devstoreaccount1`), kept after the relay origin. */
  endpointPath: string;
  virtualHostBucket?: string;
}

/**
 * Where a storage connection's requests go. OpenDAL is handed the relay as a path-style endpoint;
 * the relay sends each request to `host` (pinned) with `hostHeader`, so an S3 bucket addressed
 * virtual-hosted style is checked under the name that is really dialled (`<bucket>.<endpoint>`).
 */
export function storageUpstreamOf(
  type: StorageConnectionType,
  config: Record<string, unknown>,
): StorageUpstreamPlan {
  const { host, port } = storageEndpointOf(type, config);
  const endpoint = typeof config.endpoint === 'string' ? new URL(config.endpoint) : undefined;
  const tls = endpoint ? endpoint.protocol === 'https:' : true;
  const defaultPort = tls ? 443 : 80;
  const authority = (name: string) => (port === defaultPort ? name : `${name}:${port}`);
  const hostName = endpoint ? endpoint.hostname : host;
  const endpointPath = endpoint ? endpoint.pathname.replace(/\/+$/, '') : '';
  const s3 = type === 's3' || type === 'minio';
  const pathStyle =
    config.path_style === true ||
    config.path_style === 'true' ||
    (config.path_style === undefined && type === 'minio');
  if (s3 && !pathStyle && typeof config.bucket === 'string' && !/^\[|^\d+\.\d+\.\d+\.\d+$/.test(hostName)) {
    const vhost = `${config.bucket}.${host}`;
    return {
      host: vhost,
      port,
      tls,
      hostHeader: authority(vhost),
      endpointPath,
      virtualHostBucket: config.bucket,
    };
  }
  return { host, port, tls, hostHeader: authority(hostName), endpointPath };
}

/**
 * The connection's config as OpenDAL gets it: the endpoint is the relay (plain HTTP on loopback,
 * path-style for S3), which alone talks to the pinned address. OpenDAL never resolves a tenant's
 * name, never opens a socket to it, and never sees a redirect.
 */
export function relayedStorageConfig(
  type: StorageConnectionType,
  config: Record<string, unknown>,
  relayOrigin: string,
  plan: StorageUpstreamPlan,
): Record<string, unknown> {
  const s3 = type === 's3' || type === 'minio';
  return { ...config, endpoint: `${relayOrigin}${plan.endpointPath}`, ...(s3 ? { path_style: true } : {}) };
}

function secretText(credentials: Record<string, unknown>, field: string): string | undefined {
  const value = credentials[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The tenant's credentials as the relay holds them. `currentToken` (gcs) gives the access token
 * obtained from the key file, fresh for each upstream request.
 */
export function relayAuthOf(
  type: StorageConnectionType,
  config: Record<string, unknown>,
  credentials: Record<string, unknown>,
  currentToken?: () => Promise<string>,
): RelayAuth {
  switch (type) {
    case 's3':
    case 'minio':
      return {
        kind: 'sigv4',
        accessKeyId: secretText(credentials, 'access_key'),
        secretAccessKey: secretText(credentials, 'secret_key'),
        sessionToken: secretText(credentials, 'session_token'),
      };
    case 'gcs':
      if (!currentToken) throw new Error('a gcs relay needs its access token source');
      return { kind: 'bearer', token: currentToken };
    case 'azure_blob': {
      const accountKey = secretText(credentials, 'account_key');
      const sasToken = secretText(credentials, 'sas_token');
      if (!accountKey && !sasToken)
        throw AppException.invalidRequest('An Azure storage connection needs account_key or sas_token');
      return { kind: 'azure_shared_key', accountName: String(config.account_name), accountKey, sasToken };
    }
    default: {
      const unknownType: never = type;
      throw new Error(`no relay credentials for ${String(unknownType)}`);
    }
  }
}

/** The credentials OpenDAL is built with: the relay's own, valid at that relay only. */
export function relayedStorageCredentials(credentials: RelayCredentials): Record<string, string> {
  switch (credentials.kind) {
    case 'sigv4':
      return { access_key: credentials.accessKeyId, secret_key: credentials.secretAccessKey };
    case 'bearer':
      return { access_token: credentials.token };
    case 'azure_shared_key':
      return { account_key: credentials.accountKey };
    default: {
      const unknownKind: never = credentials;
      throw new Error(`no OpenDAL credentials for ${String(unknownKind)}`);
    }
  }
}
