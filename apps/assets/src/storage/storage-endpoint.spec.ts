import { pinnedStorageConfig, storageEndpointOf } from './storage-endpoint.js';

const pinned = (address: string, port: number, family: 4 | 6 = 4) => ({ hostname: 'lake.example.com', address, family, port });

describe(pinnedStorageConfig.name, () => {
  it('should send a plain-HTTP endpoint to the checked address, path-style, keeping the rest', () => {
    const config = { bucket: 'lake', endpoint: 'http://lake.example.com:9000', path_style: false, prefix: 'raw/' };
    expect(pinnedStorageConfig('s3', config, pinned('203.0.113.7', 9000))).toEqual({ bucket: 'lake', endpoint: 'http://203.0.113.7:9000', path_style: true, prefix: 'raw/' });
    expect(config.endpoint).toBe('http://lake.example.com:9000');
  });

  it('should keep a path and bracket an IPv6 address', () => {
    const config = { account_name: 'acct', container: 'c', endpoint: 'http://azurite.internal.example/acct' };
    expect(pinnedStorageConfig('azure_blob', config, pinned('2001:db8::5', 80, 6))).toEqual({ ...config, endpoint: 'http://[2001:db8::5]/acct' });
  });

  it('should leave HTTPS endpoints and cloud defaults alone: certificates bind them to their name', () => {
    const https = { bucket: 'lake', endpoint: 'https://s3.eu.example.com' };
    expect(pinnedStorageConfig('s3', https, pinned('198.51.100.1', 443))).toBe(https);
    const cloud = { bucket: 'lake', region: 'eu-west-1' };
    expect(pinnedStorageConfig('s3', cloud, pinned('198.51.100.1', 443))).toBe(cloud);
  });
});

describe(storageEndpointOf.name, () => {
  it('should name the host and port each request goes to', () => {
    expect(storageEndpointOf('minio', { endpoint: 'http://minio:9000' })).toEqual({ host: 'minio', port: 9000 });
    expect(storageEndpointOf('s3', { endpoint: 'http://[::1]/x' })).toEqual({ host: '::1', port: 80 });
    expect(storageEndpointOf('s3', { region: 'eu-west-1' })).toEqual({ host: 's3.eu-west-1.amazonaws.com', port: 443 });
    expect(storageEndpointOf('gcs', {})).toEqual({ host: 'storage.googleapis.com', port: 443 });
    expect(storageEndpointOf('azure_blob', { account_name: 'acct' })).toEqual({ host: 'acct.blob.core.windows.net', port: 443 });
  });
});
