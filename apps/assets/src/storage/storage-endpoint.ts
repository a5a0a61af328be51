import type { StorageConnectionType } from '@app/storage';
import type { PinnedDestination } from '../verification/egress/egress-policy.js';

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

/**
 * The connection's config with a plain-HTTP endpoint rewritten to the address the egress policy
 * checked: OpenDAL resolves names itself, so a name could answer differently a moment later (DNS
 * rebinding) and reach an internal host. Such S3 endpoints switch to path-style requests, since a
 * bucket cannot be a subdomain of an address. HTTPS endpoints keep their name: the certificate
 * check fails on any other host, and the name is needed for it.
 */
export function pinnedStorageConfig(type: StorageConnectionType, config: Record<string, unknown>, pinned: PinnedDestination): Record<string, unknown> {
  const endpoint = typeof config.endpoint === 'string' ? new URL(config.endpoint) : undefined;
  if (!endpoint || endpoint.protocol !== 'http:') return config;
  endpoint.hostname = pinned.family === 6 ? `[${pinned.address}]` : pinned.address;
  endpoint.port = String(pinned.port);
  const pinnedEndpoint = endpoint.href.replace(/\/$/, '');
  return { ...config, endpoint: pinnedEndpoint, ...(type === 's3' || type === 'minio' ? { path_style: true } : {}) };
}
