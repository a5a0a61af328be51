import type { StorageConnectionType } from '@app/storage';

/** Where a storage connection's requests go: its endpoint, or the cloud's default host. */
export function storageEndpointOf(type: StorageConnectionType, config: Record<string, unknown>): { host: string; port: number } {
  const endpoint = typeof config.endpoint === 'string' ? config.endpoint : undefined;
  if (endpoint) {
    const url = new URL(endpoint);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) || (url.protocol === 'http:' ? 80 : 443) };
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
export function storageUpstreamOf(type: StorageConnectionType, config: Record<string, unknown>): StorageUpstreamPlan {
  const { host, port } = storageEndpointOf(type, config);
  const endpoint = typeof config.endpoint === 'string' ? new URL(config.endpoint) : undefined;
  const tls = endpoint ? endpoint.protocol === 'https:' : true;
  const defaultPort = tls ? 443 : 80;
  const authority = (name: string) => (port === defaultPort ? name : `${name}:${port}`);
  const hostName = endpoint ? endpoint.hostname : host;
  const endpointPath = endpoint ? endpoint.pathname.replace(/\/+$/, '') : '';
  const s3 = type === 's3' || type === 'minio';
  const pathStyle = config.path_style === true || config.path_style === 'true' || (config.path_style === undefined && type === 'minio');
  if (s3 && !pathStyle && typeof config.bucket === 'string' && !/^\[|^\d+\.\d+\.\d+\.\d+$/.test(hostName)) {
    const vhost = `${config.bucket}.${host}`;
    return { host: vhost, port, tls, hostHeader: authority(vhost), endpointPath, virtualHostBucket: config.bucket };
  }
  return { host, port, tls, hostHeader: authority(hostName), endpointPath };
}

/**
 * The connection's config as OpenDAL gets it: the endpoint is the relay (plain HTTP on loopback,
 * path-style for S3), which alone talks to the pinned address. OpenDAL never resolves a tenant's
 * name, never opens a socket to it, and never sees a redirect.
 */
export function relayedStorageConfig(type: StorageConnectionType, config: Record<string, unknown>, relayOrigin: string, plan: StorageUpstreamPlan): Record<string, unknown> {
  const s3 = type === 's3' || type === 'minio';
  return { ...config, endpoint: `${relayOrigin}${plan.endpointPath}`, ...(s3 ? { path_style: true } : {}) };
}
