import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig } from '@app/auth';
import { GovernanceClient } from './governance.client.js';
import { GovernanceReadiness } from './governance-readiness.js';
import { ServiceIdentity } from './service-identity.js';

describe(GovernanceReadiness.name, () => {
  let server: Server;
  let url: string;
  let dir: string;
  let status = 200;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ? 'bearer' : 'anonymous'}`);
      const body =
        status === 200
          ? { status: 'ok' }
          : {
              error: {
                code: 'SERVICE_UNAVAILABLE',
                message: 'governance is not ready: secrets',
                details: { failing: [{ name: 'secrets', message: 'INFISICAL_PROJECT_ID names no project' }] },
              },
            };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'readiness-'));
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    seen.length = 0;
    status = 200;
  });

  function readiness(now: () => number) {
    const identity = new ServiceIdentity(loadAuthConfig({ AUTH_DATA_DIR: dir }), {});
    return new GovernanceReadiness(new GovernanceClient(url, 5000), identity, { cacheMs: 2000, now });
  }

  it('should ask Governance once per cache period, as the service account, whatever the number of probes', async () => {
    let clock = 1_000_000;
    const r = readiness(() => clock);
    const [serviceAccount, governance] = r.probes();
    await Promise.all([
      serviceAccount!.check(),
      governance!.check(),
      serviceAccount!.check(),
      governance!.check(),
    ]);
    expect(seen).toEqual(['/governance/internal/ready bearer']);
    clock += 1999;
    await governance!.check();
    expect(seen).toHaveLength(1);
    clock += 1;
    await governance!.check();
    expect(seen).toHaveLength(2);
  });

  it("should report Governance's failing dependency and recover once the cache expires", async () => {
    let clock = 5_000_000;
    const r = readiness(() => clock);
    const [serviceAccount, governance] = r.probes();
    status = 503;
    await expect(governance!.check()).rejects.toThrow(
      'governance is not ready (HTTP 503): secrets (INFISICAL_PROJECT_ID names no project)',
    );
    await expect(serviceAccount!.check()).resolves.toBeUndefined();
    status = 200;
    await expect(governance!.check()).rejects.toThrow(/not ready/);
    clock += 2000;
    await expect(governance!.check()).resolves.toBeUndefined();
  });

  it('should name GOVERNANCE_URL when Governance does not answer', async () => {
    const identity = new ServiceIdentity(loadAuthConfig({ AUTH_DATA_DIR: dir }), {});
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [, governance] = new GovernanceReadiness(
      new GovernanceClient(`http://127.0.0.1:${port}`, 5000),
      identity,
      { cacheMs: 0 },
    ).probes();
    await expect(governance!.check()).rejects.toThrow(
      /governance \(GOVERNANCE_URL\) did not answer within 1500 ms or refused the connection/,
    );
  });
});
