import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer, loadAuthConfig } from '@app/auth';
import { createTestDatabase, FakeInfisicalServer, type TestDatabase } from '@app/testing';
import { BuiltAppProcess, buildApps, freePort } from '../support/built-app.js';
import { infisicalEnv } from '../support/infisical-env.js';

const ORG = 'acme';
const PROJECT = 'drain';
const SECRETS = '/governance/resources/projects/secrets';
const IN_FLIGHT = 6;

interface Reply {
  status: number;
  body: string;
}

/** One request; resolves with the answer, or rejects with the socket error (reset, refused). */
function call(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; keepAlive?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          connection: options.keepAlive ? 'keep-alive' : 'close',
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The built Governance (dist/apps/governance/src/main.js) as its own process on real PostgreSQL, its
 * secrets in a fake Infisical that holds secret reads until the test lets them through: requests
 * in flight for as long as the test wants, without sleeping.
 */
describe('Graceful drain of a built app process (SIGTERM)', () => {
  let fake: FakeInfisicalServer;
  let db: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let bearer: string;

  beforeAll(async () => {
    await buildApps();
    fake = await FakeInfisicalServer.start({ environments: ['prod'] });
    db = await createTestDatabase('drain', { forApp: true });
    dataDir = mkdtempSync(join(tmpdir(), 'drain-'));
    env = {
      ...infisicalEnv(fake, { INFISICAL_TIMEOUT_MS: '60000' }),
      ...(db.url ? { GOVERNANCE_DATABASE_URL: db.url } : {}),
      DATA_DIR: dataDir,
      AUTH_DATA_DIR: join(dataDir, 'auth'),
      EMBEDDED_OPENFGA_PORT: '0',
      GOVERNANCE_METRICS_PORT: '0',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    };
    await BuiltAppProcess.run('apps/governance/src/cli.js', env, ['org', 'create', ORG, '--owner', 'alice']);
  });

  afterAll(async () => {
    await db?.drop();
    await fake?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function startGovernance(
    shutdown: NodeJS.ProcessEnv,
  ): Promise<{ app: BuiltAppProcess; port: number }> {
    const port = await freePort();
    const appEnv = { ...env, GOVERNANCE_PORT: String(port), ...shutdown };
    const app = await BuiltAppProcess.start('apps/governance/src/main.js', appEnv);
    // The dev issuer's URL names the port: a token for this process.
    bearer = `Bearer ${DevTokenIssuer.fromConfig(loadAuthConfig(appEnv)).issue({ sub: 'alice', org: ORG })}`;
    await app.waitForLine('Nest application successfully started');
    expect((await call(port, '/health/ready')).status).toBe(200);
    return { app, port };
  }

  const as = (port: number, method: string, path: string, body?: unknown) =>
    call(port, path, {
      method,
      body,
      keepAlive: true,
      headers: { authorization: bearer, 'x-project-id': PROJECT },
    });

  /** Secret reads held inside Infisical: `IN_FLIGHT` requests the process is serving. */
  async function holdSecretReads(port: number): Promise<Array<Promise<Reply>>> {
    expect([201, 409]).toContain(
      (await as(port, 'POST', '/governance/projects', { id: PROJECT, name: 'Drain' })).status,
    );
    expect([201, 409]).toContain((await as(port, 'POST', SECRETS, { name: 'held', value: 'v1' })).status);
    fake.freeze((method, path) => method === 'GET' && path.startsWith('/api/v3/secrets/raw/'));
    const reads = Array.from({ length: IN_FLIGHT }, () => as(port, 'GET', `${SECRETS}/held`));
    for (const read of reads) read.catch(() => undefined); // inspected below
    while (fake.heldCount < IN_FLIGHT) await new Promise((resolve) => setTimeout(resolve, 5));
    return reads;
  }

  it('should turn readiness off first, finish every request in flight, then exit 0', async () => {
    const { app, port } = await startGovernance({ SHUTDOWN_DRAIN_DELAY_MS: '3000' });
    try {
      const reads = await holdSecretReads(port);

      const signalledAt = Date.now();
      app.signal('SIGTERM');
      await app.waitForLine('Draining: readiness is 503');
      // Readiness is off (our envelope, not Fastify's closing answer); liveness and the API still serve.
      const ready = await call(port, '/health/ready');
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({
        error: { code: 'SERVICE_UNAVAILABLE', message: 'Not ready: shutting down' },
      });
      expect((await call(port, '/health/live')).status).toBe(200);
      // A second signal changes nothing.
      app.signal('SIGTERM');
      await app.waitForLine('SIGTERM received while draining');

      // The delay is over and the listener closes while every read is still held inside Infisical.
      await app.waitForLine('Closing the listener');
      expect(fake.heldCount).toBe(IN_FLIGHT);
      // Refused, or reset when the connect raced the close on a loaded machine: either way not served.
      const refused = await call(port, '/health/live').then(
        () => 'served',
        (error: NodeJS.ErrnoException) => error.code,
      );
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);

      fake.thaw();
      const answers = await Promise.allSettled(reads);
      const served = answers.filter((a) => a.status === 'fulfilled' && a.value.status === 200);
      expect(served).toHaveLength(IN_FLIGHT);
      for (const answer of answers)
        expect(answer).toMatchObject({
          status: 'fulfilled',
          value: { body: expect.stringContaining('"v1"') },
        });

      const exit = await app.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      await app.waitForLine('Drained and closed');
      // For the report: how long the drain took, start to exit (the process's own deadline bounds it).
      process.stdout.write(
        `graceful-drain: ${IN_FLIGHT} requests in flight, all served; exit 0 ${Date.now() - signalledAt} ms after SIGTERM\n`,
      );
    } finally {
      fake.thaw();
      await app.stop();
    }
  });

  it('should cut what is still open at SHUTDOWN_TIMEOUT_MS, log it, and exit 1', async () => {
    const { app, port } = await startGovernance({
      SHUTDOWN_DRAIN_DELAY_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '1500',
    });
    try {
      const reads = await holdSecretReads(port);
      app.signal('SIGTERM');
      const exit = await app.exited;
      expect(exit).toEqual({ code: 1, signal: null });
      expect(app.lines.join('\n')).toMatch(
        /Shutdown deadline \(1500 ms\) passed while finishing requests in flight/,
      );
      for (const answer of await Promise.allSettled(reads)) expect(answer.status).toBe('rejected');
    } finally {
      fake.thaw();
      await app.stop();
    }
  });
});
