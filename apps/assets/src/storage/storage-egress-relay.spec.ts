import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StorageEgressRelay } from './storage-egress-relay.js';

describe(StorageEgressRelay.name, () => {
  let upstream: http.Server;
  let port: number;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    port = (upstream.address() as AddressInfo).port;
  });

  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const open = (bearer: () => Promise<string>) =>
    new StorageEgressRelay().open({ dest: { hostname: '127.0.0.1', address: '127.0.0.1', family: 4, port }, tls: false, hostHeader: `127.0.0.1:${port}`, bearer });

  it('should put the current bearer token on every upstream request, whatever OpenDAL sent', async () => {
    seen.length = 0;
    let n = 0;
    const relay = await open(async () => `token-${++n}`);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${relay.origin}/storage/v1/b/lake/o`, { headers: { authorization: 'Bearer built-with-this-one' } });
      expect(res.status).toBe(200);
    }
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('should answer 502 and send nothing upstream when no token can be had, keeping the reason for the caller', async () => {
    seen.length = 0;
    const failure = new Error('token endpoint down');
    const relay = await open(() => Promise.reject(failure));
    const res = await fetch(`${relay.origin}/storage/v1/b/lake/o`);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-relay-error')).toBe('token_unavailable');
    expect(relay.bearerFailure()).toBe(failure);
    expect(seen).toEqual([]);
  });
});
