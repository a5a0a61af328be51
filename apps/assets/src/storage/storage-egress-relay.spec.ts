import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { createObjectStoreFromSpec, objectStoreFromConnection } from '@app/storage';
import { EgressDeniedError, EgressPolicy } from '../egress/index.js';
import { type RelayAuth, type RelayHandle, StorageEgressRelay } from './storage-egress-relay.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  host?: string;
  securityToken?: string;
  headers: http.IncomingHttpHeaders;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data)
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** SHA-256 (HMAC-SHA-256 with a secret) in the checksum shape the AWS signer takes. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * The signature AWS computes for a request as received, from the AWS SDK's own signer (an
 * implementation independent of the relay's): same signed headers, date and payload hash.
 */
async function awsSignatureOf(
  seen: Seen,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): Promise<string> {
  const [, date, region, signedHeaders] =
    /Credential=[^/]+\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+),/.exec(
      seen.authorization ?? '',
    ) ?? [];
  const amzDate = String(seen.headers['x-amz-date']);
  const url = new URL(seen.url, 'http://relay.invalid');
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256: Sha256, uriEscapePath: true });
  const signed = await signer.sign(
    new HttpRequest({
      method: seen.method,
      protocol: 'http:',
      hostname: 'storage.example',
      path: url.pathname.split('/').map(decodeURIComponent).join('/'),
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(signedHeaders.split(';').map((name) => [name, String(seen.headers[name])])),
    }),
    {
      signingDate: new Date(
        `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13)}`,
      ),
    },
  );
  expect(date).toBe(amzDate.slice(0, 8));
  return /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))![1];
}

const TENANT_KEY = Buffer.from('the-tenant-azure-account-key').toString('base64');

describe(StorageEgressRelay.name, () => {
  let upstream: http.Server;
  let port: number;
  const seen: Seen[] = [];
  const relays: RelayHandle[] = [];
  const egress = new EgressPolicy({ production: false, localAddresses: [] });

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen.push({
        method: req.method!,
        url: req.url!,
        authorization: req.headers.authorization,
        host: req.headers.host,
        securityToken: req.headers['x-amz-security-token'] as string | undefined,
        headers: req.headers,
      });
      req.resume();
      res.writeHead(404, { 'content-length': '0' }).end();
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    port = (upstream.address() as AddressInfo).port;
  });

  beforeEach(() => {
    seen.length = 0;
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.close()));
  });

  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const open = async (auth: RelayAuth) => {
    const relay = await new StorageEgressRelay(egress).open({
      dest: { hostname: '127.0.0.1', address: '127.0.0.1', family: 4, port },
      tls: false,
      hostHeader: `storage.example:${port}`,
      auth,
    });
    relays.push(relay);
    return relay;
  };
  const tokenOf = (relay: RelayHandle) =>
    relay.credentials.kind === 'bearer' ? relay.credentials.token : '';
  /** A raw request: any Host, any headers. */
  const send = (relay: RelayHandle, path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; error?: string }>((resolve, reject) => {
      const { hostname, port: relayPort } = new URL(relay.origin);
      const req = http.request(
        { host: hostname, port: relayPort, path, method, headers, agent: false },
        (res) => {
          res.resume();
          res.once('end', () =>
            resolve({ status: res.statusCode!, error: res.headers['x-relay-error'] as string | undefined }),
          );
        },
      );
      req.once('error', reject);
      req.end();
    });

  describe('GCS bearer', () => {
    it("should put the current bearer token on every upstream request, in place of the relay's own", async () => {
      let n = 0;
      const relay = await open({ kind: 'bearer', token: async () => `token-${++n}` });
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${relay.origin}/storage/v1/b/lake/o`, {
          headers: { authorization: `Bearer ${tokenOf(relay)}` },
        });
        expect(res.status).toBe(404);
      }
      expect(seen.map((s) => s.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
      expect(seen.map((s) => s.host)).toEqual([`storage.example:${port}`, `storage.example:${port}`]);
    });

    it('should answer 502 and send nothing upstream when no token can be had, keeping the reason for the caller', async () => {
      const failure = new Error('token endpoint down');
      const relay = await open({ kind: 'bearer', token: () => Promise.reject(failure) });
      const res = await fetch(`${relay.origin}/storage/v1/b/lake/o`, {
        headers: { authorization: `Bearer ${tokenOf(relay)}` },
      });
      expect(res.status).toBe(502);
      expect(res.headers.get('x-relay-error')).toBe('token_unavailable');
      expect(relay.bearerFailure()).toBe(failure);
      expect(seen).toEqual([]);
    });

    it("should refuse (403) and forward nothing without exactly the relay's token: none, a guess, the tenant's own, another relay's", async () => {
      const relay = await open({ kind: 'bearer', token: async () => 'tenant-token' });
      const other = await open({ kind: 'bearer', token: async () => 'tenant-token' });
      const token = tokenOf(relay);
      for (const authorization of [
        undefined,
        'Bearer guess',
        'Bearer tenant-token',
        `Bearer ${tokenOf(other)}`,
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        token,
        `bearer ${token}`,
      ]) {
        const res = await send(
          relay,
          '/storage/v1/b/lake/o',
          authorization === undefined ? {} : { authorization },
        );
        expect(res).toEqual({ status: 403, error: 'relay_credentials_refused' });
      }
      expect(seen).toEqual([]);
    });

    it('should refuse (403) a request whose Host is not the relay itself, even with its token (DNS rebinding)', async () => {
      const relay = await open({ kind: 'bearer', token: async () => 'tenant-token' });
      const relayPort = new URL(relay.origin).port;
      for (const host of [
        'attacker.example',
        `attacker.example:${relayPort}`,
        `localhost:${relayPort}`,
        '127.0.0.1',
        `127.0.0.1:${port}`,
      ]) {
        const res = await send(relay, '/storage/v1/b/lake/o', {
          host,
          authorization: `Bearer ${tokenOf(relay)}`,
        });
        expect(res).toEqual({ status: 403, error: 'foreign_host_refused' });
      }
      expect(seen).toEqual([]);
    });
  });

  const s3Through = (relay: RelayHandle, accessKey: string, secretKey: string) =>
    createObjectStoreFromSpec({
      backend: 's3',
      bucket: 'lake',
      region: 'us-east-1',
      endpoint: relay.origin,
      accessKey,
      secretKey,
      pathStyle: true,
      ambientCredentials: false,
    });

  describe('S3 SigV4', () => {
    it("should accept OpenDAL's signature made with the relay's key and sign again with the tenant's, adding its session token", async () => {
      const relay = await open({
        kind: 'sigv4',
        accessKeyId: 'AKIDTENANT',
        secretAccessKey: 'tenant-secret',
        sessionToken: 'tenant-session',
      });
      expect(relay.credentials.kind).toBe('sigv4');
      if (relay.credentials.kind !== 'sigv4') return;
      expect(relay.credentials.accessKeyId).not.toBe('AKIDTENANT');
      expect(relay.credentials.secretAccessKey).not.toBe('tenant-secret');
      await expect(
        s3Through(relay, relay.credentials.accessKeyId, relay.credentials.secretAccessKey).head('docs/a.txt'),
      ).rejects.toMatchObject({ status: 404 });
      expect(seen).toHaveLength(1);
      expect(seen[0].authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDTENANT\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*\bx-amz-security-token\b[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
      );
      expect(seen[0].authorization).toContain('SignedHeaders=host;');
      expect(seen[0].securityToken).toBe('tenant-session');
    });

    it("should sign upstream exactly as AWS does with the tenant's key (checked with the AWS SDK's signer), odd keys and queries included", async () => {
      const tenant = {
        accessKeyId: 'AKIDTENANT',
        secretAccessKey: 'tenant-secret',
        sessionToken: 'tenant-session',
      };
      const relay = await open({ kind: 'sigv4', ...tenant });
      if (relay.credentials.kind !== 'sigv4') throw new Error('sigv4 expected');
      const store = s3Through(relay, relay.credentials.accessKeyId, relay.credentials.secretAccessKey);
      const odd = "docs/q1 report+final (ü) ~!*'=&;,$@.txt";
      await store.head(odd).catch(() => undefined);
      await store.list({ prefix: 'docs/a b+c=ü&d/', limit: 7 }).catch(() => undefined);
      await store
        .put('docs/small.txt', Buffer.from('small'), { contentType: 'text/plain' })
        .catch(() => undefined);
      await store.delete(odd).catch(() => undefined);
      expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET', 'PUT', 'DELETE']);
      for (const request of seen) {
        expect(request.host).toBe(`storage.example:${port}`);
        expect(/Signature=([0-9a-f]{64})/.exec(request.authorization ?? '')?.[1]).toBe(
          await awsSignatureOf(request, tenant),
        );
      }
    });

    it('should send requests unsigned when the tenant has no key (anonymous), still only from its own OpenDAL', async () => {
      const relay = await open({ kind: 'sigv4' });
      if (relay.credentials.kind !== 'sigv4') throw new Error('sigv4 expected');
      await expect(
        s3Through(relay, relay.credentials.accessKeyId, relay.credentials.secretAccessKey).head('docs/a.txt'),
      ).rejects.toMatchObject({ status: 404 });
      expect(seen).toEqual([expect.objectContaining({ method: 'HEAD', authorization: undefined })]);
      expect((await send(relay, '/lake/docs/a.txt')).status).toBe(403);
      expect(seen).toHaveLength(1);
    });

    it("should refuse (403) and forward nothing unsigned, forged, signed with the tenant's own key or another relay's", async () => {
      const relay = await open({
        kind: 'sigv4',
        accessKeyId: 'AKIDTENANT',
        secretAccessKey: 'tenant-secret',
      });
      const other = await open({
        kind: 'sigv4',
        accessKeyId: 'AKIDTENANT',
        secretAccessKey: 'tenant-secret',
      });
      if (relay.credentials.kind !== 'sigv4' || other.credentials.kind !== 'sigv4')
        throw new Error('sigv4 expected');
      const forged = (keyId: string) => ({
        'x-amz-date': '20300101T000000Z',
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        authorization: `AWS4-HMAC-SHA256 Credential=${keyId}/20300101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'a'.repeat(64)}`,
      });
      expect(await send(relay, '/lake/docs/a.txt')).toEqual({
        status: 403,
        error: 'relay_credentials_refused',
      });
      expect(await send(relay, '/lake/docs/a.txt', forged(relay.credentials.accessKeyId))).toEqual({
        status: 403,
        error: 'relay_credentials_refused',
      });
      expect(await send(relay, '/lake/docs/a.txt', forged('AKIDTENANT'))).toEqual({
        status: 403,
        error: 'relay_credentials_refused',
      });
      // Real signatures, with the wrong keys: the tenant's (which OpenDAL never had) and another relay's.
      await expect(s3Through(relay, 'AKIDTENANT', 'tenant-secret').head('docs/a.txt')).rejects.toBeDefined();
      await expect(
        s3Through(relay, relay.credentials.accessKeyId, 'tenant-secret').head('docs/a.txt'),
      ).rejects.toBeDefined();
      await expect(
        s3Through(relay, other.credentials.accessKeyId, other.credentials.secretAccessKey).head('docs/a.txt'),
      ).rejects.toBeDefined();
      expect(seen).toEqual([]);
    });
  });

  describe('Azure Shared Key', () => {
    const azureThrough = (relay: RelayHandle, accountKey: string, accountName = 'acct') =>
      objectStoreFromConnection({
        type: 'azure_blob',
        config: { account_name: accountName, container: 'landing', endpoint: `${relay.origin}/acct` },
        credentials: { account_key: accountKey },
      });

    it("should accept OpenDAL's signature made with the relay's key and sign again with the tenant's, or send the tenant's SAS instead", async () => {
      const keyed = await open({ kind: 'azure_shared_key', accountName: 'acct', accountKey: TENANT_KEY });
      if (keyed.credentials.kind !== 'azure_shared_key') throw new Error('azure expected');
      expect(keyed.credentials.accountKey).not.toBe(TENANT_KEY);
      await expect(
        azureThrough(keyed, keyed.credentials.accountKey).head('docs/a.txt'),
      ).rejects.toMatchObject({ status: 404 });
      const sas = await open({
        kind: 'azure_shared_key',
        accountName: 'acct',
        sasToken: '?sv=2019-12-12&sig=tenant%2Fsig',
      });
      if (sas.credentials.kind !== 'azure_shared_key') throw new Error('azure expected');
      await expect(azureThrough(sas, sas.credentials.accountKey).head('docs/a.txt')).rejects.toMatchObject({
        status: 404,
      });
      expect(seen).toHaveLength(2);
      expect(seen[0]).toMatchObject({
        url: '/acct/landing/docs/a.txt',
        authorization: expect.stringMatching(/^SharedKey acct:[A-Za-z0-9+/]{43}=$/),
      });
      expect(seen[1]).toMatchObject({
        url: '/acct/landing/docs/a.txt?sv=2019-12-12&sig=tenant%2Fsig',
        authorization: undefined,
      });
    });

    it("should refuse (403) and forward nothing unsigned, forged, signed with the tenant's key, another relay's, or for another account", async () => {
      const relay = await open({ kind: 'azure_shared_key', accountName: 'acct', accountKey: TENANT_KEY });
      const other = await open({ kind: 'azure_shared_key', accountName: 'acct', accountKey: TENANT_KEY });
      if (relay.credentials.kind !== 'azure_shared_key' || other.credentials.kind !== 'azure_shared_key')
        throw new Error('azure expected');
      expect(await send(relay, '/acct/landing?restype=container&comp=list')).toEqual({
        status: 403,
        error: 'relay_credentials_refused',
      });
      expect(
        await send(relay, '/acct/landing?restype=container&comp=list', {
          'x-ms-date': new Date().toUTCString(),
          authorization: `SharedKey acct:${Buffer.alloc(32).toString('base64')}`,
        }),
      ).toEqual({
        status: 403,
        error: 'relay_credentials_refused',
      });
      await expect(azureThrough(relay, TENANT_KEY).head('docs/a.txt')).rejects.toBeDefined();
      await expect(
        azureThrough(relay, other.credentials.accountKey).head('docs/a.txt'),
      ).rejects.toBeDefined();
      await expect(
        azureThrough(relay, relay.credentials.accountKey, 'otheracct').head('docs/a.txt'),
      ).rejects.toBeDefined();
      expect(seen).toEqual([]);
    });
  });

  it.each(['sigv4', 'azure_shared_key'] as const)(
    'should verify %s signatures over keys and queries that need encoding',
    async (kind) => {
      const relay = await open(
        kind === 'sigv4'
          ? { kind, accessKeyId: 'AKIDTENANT', secretAccessKey: 'tenant-secret' }
          : { kind, accountName: 'acct', accountKey: TENANT_KEY },
      );
      const store =
        relay.credentials.kind === 'sigv4'
          ? s3Through(relay, relay.credentials.accessKeyId, relay.credentials.secretAccessKey)
          : objectStoreFromConnection({
              type: 'azure_blob',
              config: { account_name: 'acct', container: 'landing', endpoint: `${relay.origin}/acct` },
              credentials: {
                account_key:
                  relay.credentials.kind === 'azure_shared_key' ? relay.credentials.accountKey : '',
              },
            });
      const odd = "docs/q1 report+final (ü) ~!*'=&;,$@.txt";
      await expect(store.head(odd)).rejects.toMatchObject({ status: 404 });
      await store.list({ prefix: 'docs/a b+c=ü&d/', limit: 7 }).catch(() => undefined);
      await store.delete(odd).catch(() => undefined);
      expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET', 'DELETE']);
    },
  );

  describe('its port', () => {
    it('should listen on 127.0.0.1 only, and be denied to every tenant destination until it closes', async () => {
      const relay = await open({ kind: 'bearer', token: async () => 'tenant-token' });
      const { hostname, port: relayPort } = new URL(relay.origin);
      expect(hostname).toBe('127.0.0.1');
      await expect(egress.resolve('127.0.0.1', Number(relayPort))).rejects.toMatchObject({
        reason: 'own_service_port',
      });
      await expect(egress.resolve('127.0.0.2', Number(relayPort))).rejects.toBeInstanceOf(EgressDeniedError);
      await expect(egress.resolve('::1', Number(relayPort))).rejects.toBeInstanceOf(EgressDeniedError);
      await relay.close();
      await expect(egress.resolve('127.0.0.1', Number(relayPort))).resolves.toMatchObject({
        port: Number(relayPort),
      });
    });
  });
});
