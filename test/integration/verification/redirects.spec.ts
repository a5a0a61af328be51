import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DRIVERS } from '../../../apps/assets/src/verification/driver.registry.js';
import { BigqueryDriver } from '../../../apps/assets/src/verification/drivers/bigquery/bigquery.driver.js';
import { GcsDriver } from '../../../apps/assets/src/verification/drivers/gcs/gcs.driver.js';
import { jwtBearerTokenSource } from '../../../apps/assets/src/verification/drivers/shared/google-service-account.js';
import { EgressPolicy, type ResolvedAddress } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';

interface Listener {
  server: Server;
  port: number;
  url: string;
  seen: string[];
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.once('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, url: `http://127.0.0.1:${port}`, seen };
}

const STATUSES = [301, 302, 303, 307, 308];
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

let next = { status: 307, location: '' };
/** Any path on the second listener answers 200 with a body a follower would happily parse. */
const second = await listen((_req, res) => {
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ access_token: 'stolen', items: [], prefixes: [] }));
});
const redirector = await listen((_req, res) => {
  res.writeHead(next.status, { location: next.location, 'content-length': '0' }).end();
});
/** A well-behaved token endpoint, so GCS and BigQuery reach the tenant's endpoint. */
const tokenEndpoint = await listen((_req, res) => {
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ access_token: 'ya29.ok', expires_in: 3600 }));
});

afterAll(async () => {
  for (const l of [second, redirector, tokenEndpoint]) {
    l.server.closeAllConnections();
    await new Promise((resolve) => l.server.close(resolve));
  }
});

/** Every name (BigQuery's API host included) resolves to loopback unless a test says otherwise. */
const loopback = async (): Promise<ResolvedAddress[]> => [{ address: '127.0.0.1', family: 4 }];

function service(
  tokenUrl: string,
  resolver: (name: string) => Promise<ResolvedAddress[]> = loopback,
): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test', VERIFY_TIMEOUT_MS: '5000' });
  const policy = new EgressPolicy({ production: false, protectedPorts: config.protectedPorts, resolver });
  const tokenSource = jwtBearerTokenSource(tokenUrl);
  return new VerificationService(config, policy, {
    ...DRIVERS,
    gcs: new GcsDriver({ tokenSource }),
    bigquery: new BigqueryDriver({ tokenSource }),
  });
}

const serviceAccount = {
  type: 'service_account',
  project_id: 'verify-project',
  private_key_id: 'abc123',
  private_key: privatePem,
  client_email: 'reader@verify-project.iam.gserviceaccount.com',
};

const inputs = {
  minio: () => ({
    type: 'minio' as const,
    auth_type: 'access_key',
    config: { auth_type: 'access_key', bucket: 'lake', endpoint: redirector.url },
    credentials: { access_key: 'AKIDREDIRECT', secret_key: 'redirect-secret-9f2c' },
  }),
  azure_blob: () => ({
    type: 'azure_blob' as const,
    auth_type: 'shared_key',
    config: {
      auth_type: 'shared_key',
      account_name: 'devstoreaccount1',
      container: 'landing',
      endpoint: `${redirector.url}/devstoreaccount1`,
    },
    credentials: { account_key: Buffer.from('azure-redirect-key-0123456789').toString('base64') },
  }),
  gcs: () => ({
    type: 'gcs' as const,
    auth_type: 'service_account',
    config: { auth_type: 'service_account', bucket: 'landing', endpoint: redirector.url },
    credentials: { service_account_json: serviceAccount },
  }),
};

/**
 * Every HTTP client a verification uses for a tenant turns a redirect into a failed step: the SDKs
 * (AWS, Azure) and our own GCS/BigQuery/token requests. The second listener must see nothing.
 */
describe(`${VerificationService.name} never follows a redirect`, () => {
  const targets: Array<[string, () => string]> = [
    ['a second listener', () => `${second.url}/lake?list-type=2`],
    ['a relative path', () => '/elsewhere'],
  ];

  describe.each(Object.keys(inputs) as Array<keyof typeof inputs>)('%s', (type) => {
    describe.each(targets)('to %s', (_label, target) => {
      it.each(STATUSES)('should fail with egress_denied on a %i and send nothing further', async (status) => {
        next = { status, location: target() };
        second.seen.length = 0;
        redirector.seen.length = 0;
        const report = await service(`${tokenEndpoint.url}/token`).verify(inputs[type](), { orgId: 'o1' });
        expect(report.success).toBe(false);
        expect(report.details.error_code).toBe('egress_denied');
        expect(report.message).toContain(`redirect (HTTP ${status})`);
        expect(JSON.stringify(report)).not.toContain(String(second.port));
        expect(second.seen).toEqual([]);
        expect(redirector.seen.filter((line) => line.includes('elsewhere'))).toEqual([]);
      });
    });
  });

  it.each(STATUSES)(
    "should refuse a %i from Google's token endpoint (GCS and BigQuery sign-in)",
    async (status) => {
      next = { status, location: `${second.url}/token` };
      second.seen.length = 0;
      for (const input of [
        inputs.gcs(),
        {
          type: 'bigquery' as const,
          auth_type: 'service_account',
          config: { auth_type: 'service_account', project_id: 'verify-project' },
          credentials: { service_account_json: serviceAccount },
        },
      ]) {
        const report = await service(`${redirector.url}/token`).verify(input, { orgId: 'o1' });
        expect(report.success).toBe(false);
        expect(report.details.error_code).toBe('egress_denied');
      }
      expect(second.seen).toEqual([]);
    },
  );

  it("should check and pin Google's token endpoint with the egress policy like any destination", async () => {
    // The token host resolves to cloud metadata: denied before any byte is sent to it.
    const resolver = async (name: string): Promise<ResolvedAddress[]> =>
      name === 'oauth2.googleapis.com'
        ? [{ address: '169.254.169.254', family: 4 }]
        : [{ address: '127.0.0.1', family: 4 }];
    next = { status: 200, location: '' };
    const report = await service('https://oauth2.googleapis.com/token', resolver).verify(inputs.gcs(), {
      orgId: 'o1',
    });
    expect(report.success).toBe(false);
    expect(report.details.error_code).toBe('egress_denied');
    expect(report.steps.find((s) => s.name === 'authenticate')).toMatchObject({ status: 'failed' });
  });
});
