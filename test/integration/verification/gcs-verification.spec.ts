import { generateKeyPairSync } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify, importSPKI } from 'jose';
import { startFakeGcs } from '@app/testing';
import { DRIVERS } from '../../../apps/assets/src/verification/driver.registry.js';
import { GcsDriver } from '../../../apps/assets/src/verification/drivers/gcs/gcs.driver.js';
import {
  jwtBearerTokenSource,
  type GoogleTokenSource,
} from '../../../apps/assets/src/verification/drivers/shared/google-service-account.js';
import { EgressPolicy } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';

const BUCKET = 'landing-exports';
const fake = await startFakeGcs({ bucket: BUCKET });
for (const name of ['raw/2024/a.csv', 'raw/2025/b.csv', 'curated/x.parquet', 'tmp/y', 'top.txt']) {
  const res = await fetch(
    `${fake.url}/upload/storage/v1/b/${BUCKET}/o?uploadType=media&name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'text/plain' },
      body: 'x',
    },
  );
  expect(res.status).toBe(200);
}

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; port: number; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, server };
}

// The fake knows one bucket; in front of it, answer an unknown bucket as GCS does (404 notFound
// once the token is accepted) and pass everything else through.
const front = await listen((req, res) => {
  const other = /^\/storage\/v1\/b\/([^/]+)\//.exec(req.url ?? '');
  if (other && other[1] !== BUCKET && req.headers.authorization === `Bearer ${fake.token}`) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        error: {
          code: 404,
          message: 'The specified bucket does not exist.',
          errors: [{ reason: 'notFound' }],
        },
      }),
    );
    return;
  }
  const target = new URL(fake.url);
  const upstream = request(
    { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  req.pipe(upstream);
});

// A token endpoint that checks the RS256 assertion like Google's and answers with the fake's token.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const verifyKey = await importSPKI(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'RS256');
const tokenCalls: string[] = [];
const tokenEndpoint = await listen((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    const form = new URLSearchParams(body);
    tokenCalls.push(form.get('grant_type') ?? '');
    jwtVerify(form.get('assertion') ?? '', verifyKey, { audience: 'https://oauth2.googleapis.com/token' })
      .then(({ payload }) => {
        if (payload.iss !== 'reader@verify-project.iam.gserviceaccount.com') throw new Error('issuer');
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: fake.token, expires_in: 3600 }));
      })
      .catch(() => {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
      });
  });
});

afterAll(async () => {
  for (const s of [front.server, tokenEndpoint.server]) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
  await fake.close();
});

function serviceWith(tokenSource: GoogleTokenSource): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test' });
  const policy = new EgressPolicy({ production: false, protectedPorts: config.protectedPorts });
  return new VerificationService(config, policy, { ...DRIVERS, gcs: new GcsDriver({ tokenSource }) });
}

const key = (overrides: Record<string, unknown> = {}) => ({
  type: 'service_account',
  project_id: 'verify-project',
  private_key_id: 'abc123',
  private_key: privatePem,
  client_email: 'reader@verify-project.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
  ...overrides,
});
const input = (config: Record<string, unknown> = {}, keyOverrides: Record<string, unknown> = {}) => ({
  type: 'gcs' as const,
  auth_type: 'service_account',
  config: { auth_type: 'service_account', bucket: BUCKET, endpoint: front.url, ...config },
  credentials: { service_account_json: key(keyOverrides) },
});

describe(`${VerificationService.name} (gcs, fake GCS JSON API)`, () => {
  const exchange = serviceWith(jwtBearerTokenSource(`${tokenEndpoint.url}/token`));

  it('should exchange a signed JWT for a token, then verify the bucket and list prefixes', async () => {
    const report = await exchange.verify(input(), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(tokenCalls).toContain('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(report.details.prefixes).toEqual(['curated/', 'raw/', 'tmp/']);
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'ok'],
      ['connect', 'ok'],
      ['tls', 'skipped'],
      ['authenticate', 'ok'],
      ['discover', 'ok'],
    ]);
    expect(fake.unhandled).toEqual([]);
  });

  it('should discover under a prefix, filter and truncate', async () => {
    const under = await exchange.verify(input({ prefix: 'raw/' }), { orgId: 'o1' });
    expect(under.details.prefixes).toEqual(['raw/2024/', 'raw/2025/']);
    const bounded = await exchange.verify(input(), { orgId: 'o1', exclude: ['curated/'], maxObjects: 1 });
    expect(bounded.details).toMatchObject({ prefixes: ['raw/'], truncated: true });
  });

  it('should classify a rejected token exchange as auth_failed before connecting, without echoing the key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const report = await exchange.verify(input({}, { private_key: other }), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(invalid_grant)');
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('skipped');
    const text = JSON.stringify(report);
    for (const line of other.split('\n').filter((l) => l.length > 20)) expect(text).not.toContain(line);
  });

  it('should classify an unreachable token endpoint as unreachable', async () => {
    const closed = await listen(() => undefined);
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    const report = await serviceWith(jwtBearerTokenSource(`http://127.0.0.1:${port}/token`)).verify(input(), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
  });

  it('should classify a token GCS rejects (401) as auth_failed', async () => {
    const report = await serviceWith(async () => 'ya29.not-a-valid-token').verify(input(), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('ok');
  });

  it('should classify a missing bucket (404) as not_found', async () => {
    const report = await serviceWith(async () => fake.token).verify(input({ bucket: 'no-such-bucket' }), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(report.message).toContain('(notFound)');
  });

  it('should connect only to the pinned address and refuse plain http to a non-loopback host', async () => {
    const config = loadVerificationConfig({ NODE_ENV: 'test' });
    const policy = new EgressPolicy({
      production: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const pinned = new VerificationService(config, policy, {
      ...DRIVERS,
      gcs: new GcsDriver({ tokenSource: async () => fake.token }),
    });
    const ok = await pinned.verify(input({ endpoint: `http://localhost:${front.port}` }), { orgId: 'o1' });
    expect(ok.success).toBe(true);
    const plain = await pinned.verify(input({ endpoint: `http://gcs.verify.test:${front.port}` }), {
      orgId: 'o1',
    });
    expect(plain.details.error_code).toBe('invalid_config');
  });

  it('should reject a key file whose token_uri is not Google', async () => {
    const report = await exchange.verify(input({}, { token_uri: `${tokenEndpoint.url}/token` }), {
      orgId: 'o1',
    });
    expect(report.details.error_code).toBe('invalid_config');
    expect(report.steps.find((s) => s.name === 'connect')?.status ?? 'skipped').toBe('skipped');
  });
});
