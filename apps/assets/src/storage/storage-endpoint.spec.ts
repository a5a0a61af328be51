import { AppException } from '@app/core';
import {
  relayAuthOf,
  relayedStorageConfig,
  relayedStorageCredentials,
  storageEndpointOf,
  storageUpstreamOf,
} from './storage-endpoint.js';

describe(storageUpstreamOf.name, () => {
  it('should dial the endpoint host path-style, with the Host header the server expects', () => {
    expect(storageUpstreamOf('minio', { bucket: 'lake', endpoint: 'http://lake.example.com:9000' })).toEqual({
      host: 'lake.example.com',
      port: 9000,
      tls: false,
      hostHeader: 'lake.example.com:9000',
      endpointPath: '',
    });
    expect(
      storageUpstreamOf('azure_blob', {
        account_name: 'acct',
        container: 'c',
        endpoint: 'https://azurite.example/acct/',
      }),
    ).toMatchObject({
      host: 'azurite.example',
      port: 443,
      tls: true,
      hostHeader: 'azurite.example',
      endpointPath: '/acct',
    });
  });

  it('should check the name really dialled for a virtual-hosted S3 bucket', () => {
    expect(storageUpstreamOf('s3', { bucket: 'lake', region: 'eu-west-1' })).toEqual({
      host: 'lake.s3.eu-west-1.amazonaws.com',
      port: 443,
      tls: true,
      hostHeader: 'lake.s3.eu-west-1.amazonaws.com',
      endpointPath: '',
      virtualHostBucket: 'lake',
    });
    expect(storageUpstreamOf('s3', { bucket: 'lake', endpoint: 'http://10.0.0.5:9000' })).toMatchObject({
      host: '10.0.0.5',
      hostHeader: '10.0.0.5:9000',
    });
    expect(
      storageUpstreamOf('s3', { bucket: 'lake', endpoint: 'https://s3.example.com', path_style: true }),
    ).toMatchObject({ host: 's3.example.com', hostHeader: 's3.example.com' });
  });
});

describe(relayedStorageConfig.name, () => {
  it('should hand OpenDAL the relay (path-style), keeping the endpoint path and the rest', () => {
    const config = {
      bucket: 'lake',
      endpoint: 'https://lake.example.com',
      path_style: false,
      prefix: 'raw/',
    };
    const plan = storageUpstreamOf('s3', config);
    expect(relayedStorageConfig('s3', config, 'http://127.0.0.1:4567', plan)).toEqual({
      bucket: 'lake',
      endpoint: 'http://127.0.0.1:4567',
      path_style: true,
      prefix: 'raw/',
    });
    const azure = { account_name: 'acct', container: 'c', endpoint: 'http://azurite.internal.example/acct' };
    expect(
      relayedStorageConfig(
        'azure_blob',
        azure,
        'http://127.0.0.1:4567',
        storageUpstreamOf('azure_blob', azure),
      ),
    ).toEqual({ ...azure, endpoint: 'http://127.0.0.1:4567/acct' });
  });
});

describe(relayAuthOf.name, () => {
  it("should give the relay the tenant's credentials, and OpenDAL only the relay's", async () => {
    expect(relayAuthOf('minio', {}, { access_key: 'AK', secret_key: 'SK', session_token: 'ST' })).toEqual({
      kind: 'sigv4',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      sessionToken: 'ST',
    });
    expect(relayAuthOf('s3', {}, {})).toEqual({
      kind: 'sigv4',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      sessionToken: undefined,
    });
    expect(relayAuthOf('azure_blob', { account_name: 'acct' }, { sas_token: '?sv=1&sig=x' })).toEqual({
      kind: 'azure_shared_key',
      accountName: 'acct',
      accountKey: undefined,
      sasToken: '?sv=1&sig=x',
    });
    const gcs = relayAuthOf('gcs', {}, { service_account_json: {} }, async () => 'tok');
    expect(gcs.kind === 'bearer' && (await gcs.token())).toBe('tok');
    expect(
      relayedStorageCredentials({ kind: 'sigv4', accessKeyId: 'AKRELAY', secretAccessKey: 'relay' }),
    ).toEqual({ access_key: 'AKRELAY', secret_key: 'relay' });
    expect(relayedStorageCredentials({ kind: 'bearer', token: 'relay' })).toEqual({ access_token: 'relay' });
    expect(relayedStorageCredentials({ kind: 'azure_shared_key', accountKey: 'cmVsYXk=' })).toEqual({
      account_key: 'cmVsYXk=',
    });
  });

  it('should refuse an Azure connection with neither an account key nor a SAS token (400)', () => {
    expect(() => relayAuthOf('azure_blob', { account_name: 'acct' }, { account_key: '' })).toThrow(
      AppException,
    );
  });
});

describe(storageEndpointOf.name, () => {
  it('should name the host and port each request goes to', () => {
    expect(storageEndpointOf('minio', { endpoint: 'http://minio:9000' })).toEqual({
      host: 'minio',
      port: 9000,
    });
    expect(storageEndpointOf('s3', { endpoint: 'http://[::1]/x' })).toEqual({ host: '::1', port: 80 });
    expect(storageEndpointOf('s3', { region: 'eu-west-1' })).toEqual({
      host: 's3.eu-west-1.amazonaws.com',
      port: 443,
    });
    expect(storageEndpointOf('gcs', {})).toEqual({ host: 'storage.googleapis.com', port: 443 });
    expect(storageEndpointOf('azure_blob', { account_name: 'acct' })).toEqual({
      host: 'acct.blob.core.windows.net',
      port: 443,
    });
  });
});
