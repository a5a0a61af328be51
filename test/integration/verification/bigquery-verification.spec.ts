import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceAccountKey, startFakeBigquery } from '@app/testing';
import { DRIVERS } from '../../../apps/assets/src/verification/driver.registry.js';
import { BigqueryDriver } from '../../../apps/assets/src/verification/drivers/bigquery/bigquery.driver.js';
import {
  jwtBearerTokenSource,
  type GoogleTokenSource,
} from '../../../apps/assets/src/verification/drivers/shared/google-service-account.js';
import { EgressPolicy, type ResolvedAddress } from '../../../apps/assets/src/egress/egress-policy.js';
import { loadVerificationConfig } from '../../../apps/assets/src/verification/verification.config.js';
import {
  VerificationService,
  type VerificationLogger,
} from '../../../apps/assets/src/verification/verification.service.js';
import type { VerificationReport } from '../../../apps/assets/src/verification/verification.types.js';
import { captureLogs } from './verification-fixtures.js';

const PROJECT = 'verify-project';
const email = (name: string) => `${name}@${PROJECT}.iam.gserviceaccount.com`;
// Accounts: a project-level Metadata Viewer, one that may see every dataset but read only
// `sales` (dataset ACL), a WRITER of `sales`, one without any grant, one whose key is deleted.
const reader = createServiceAccountKey(email('reader'), PROJECT);
const scoped = createServiceAccountKey(email('scoped'), PROJECT);
const editor = createServiceAccountKey(email('editor'), PROJECT);
const nobody = createServiceAccountKey(email('nobody'), PROJECT);
const rotated = createServiceAccountKey(email('rotated'), PROJECT);
const ghost = createServiceAccountKey(email('ghost'), PROJECT);

const fake = await startFakeBigquery({
  maxPageSize: 2,
  projects: {
    [PROJECT]: {
      sales: {
        location: 'EU',
        tables: [
          { id: 'orders', type: 'TABLE' },
          { id: 'big_orders', type: 'VIEW' },
          { id: 'daily', type: 'MATERIALIZED_VIEW' },
        ],
        access: [
          { role: 'READER', userByEmail: email('scoped') },
          { role: 'WRITER', userByEmail: email('editor') },
        ],
      },
      raw: { location: 'US', tables: Array.from({ length: 5 }, (_, i) => ({ id: `events_${i}` })) },
      analytics: {
        location: 'EU',
        tables: [
          { id: 'ext', type: 'EXTERNAL' },
          { id: 'snap', type: 'SNAPSHOT' },
        ],
      },
    },
  },
  serviceAccounts: [
    {
      clientEmail: email('reader'),
      keys: { [reader.kid]: reader.publicKeyPem },
      roles: { [PROJECT]: ['roles/bigquery.metadataViewer'] },
    },
    {
      clientEmail: email('scoped'),
      keys: { [scoped.kid]: scoped.publicKeyPem },
      roles: { [PROJECT]: ['custom:bigquery.datasets.get'] },
    },
    { clientEmail: email('editor'), keys: { [editor.kid]: editor.publicKeyPem } },
    { clientEmail: email('nobody'), keys: { [nobody.kid]: nobody.publicKeyPem } },
    {
      clientEmail: email('rotated'),
      keys: { [rotated.kid]: rotated.publicKeyPem },
      roles: { [PROJECT]: ['roles/viewer'] },
    },
  ],
});

/** A second listener a redirect points at: whatever it sees was followed. */
const seenElsewhere: string[] = [];
const elsewhere: Server = createServer((req, res) => {
  seenElsewhere.push(`${req.method} ${req.url}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"stolen","datasets":[]}');
});
await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;

afterAll(async () => {
  elsewhere.closeAllConnections();
  await new Promise((resolve) => elsewhere.close(resolve));
  await fake.close();
});

const API_HOST = 'bigquery.verify.test';
const TOKEN_HOST = 'oauth2.verify.test';
/** Names looked up by the egress policy: both Google hosts must go through it. */
const lookups: string[] = [];
const loopback = async (name: string): Promise<ResolvedAddress[]> => {
  lookups.push(name);
  return [{ address: '127.0.0.1', family: 4 }];
};

interface ServiceSetup {
  resolver?: (name: string) => Promise<ResolvedAddress[]>;
  tokenSource?: GoogleTokenSource;
  tokenUrl?: string;
  apiOrigin?: string;
  logger?: VerificationLogger;
}

function service(setup: ServiceSetup = {}): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test', VERIFY_TIMEOUT_MS: '8000' });
  const policy = new EgressPolicy({
    production: false,
    protectedPorts: config.protectedPorts,
    resolver: setup.resolver ?? loopback,
  });
  const driver = new BigqueryDriver({
    tokenSource:
      setup.tokenSource ??
      jwtBearerTokenSource(setup.tokenUrl ?? `http://${TOKEN_HOST}:${fake.tokenPort}/token`),
    apiOrigin: setup.apiOrigin ?? `http://${API_HOST}:${fake.apiPort}`,
  });
  return new VerificationService(config, policy, { ...DRIVERS, bigquery: driver }, setup.logger);
}

const input = (key: { json: Record<string, unknown> }, config: Record<string, unknown> = {}) => ({
  type: 'bigquery' as const,
  auth_type: 'service_account',
  config: { auth_type: 'service_account', project_id: PROJECT, ...config },
  credentials: { service_account_json: key.json },
});

/** Warnings besides the plain-HTTP one every loopback fake earns. */
const warnings = (report: VerificationReport) =>
  (report.details.warnings ?? []).filter((w) => !w.includes('plain HTTP'));

const step = (report: VerificationReport, name: string) => report.steps.find((s) => s.name === name)?.status;

/** Private key lines (PEM body) and every token the fake issued must be absent from `text`. */
function expectNoSecrets(text: string, ...keys: Array<{ json: { private_key: string } }>) {
  for (const key of keys) {
    for (const line of key.json.private_key.split('\n').filter((l) => l.length > 20)) {
      expect(text).not.toContain(line);
    }
  }
  for (const token of fake.issuedTokens) expect(text).not.toContain(token);
  expect(text).not.toContain('ya29.');
}

describe(`${VerificationService.name} (bigquery, fake BigQuery REST v2 + Google token endpoint)`, () => {
  beforeEach(() => {
    fake.rateLimitNext(0);
    fake.redirect('api', undefined);
    fake.redirect('token', undefined);
  });

  afterEach(() => expect(fake.unhandled).toEqual([]));

  it('should exchange a signed JWT, then list every dataset and its tables across pages', async () => {
    lookups.length = 0;
    const tokensBefore = fake.tokenRequests.length;
    const apiBefore = fake.apiRequests.length;
    const report = await service().verify(input(reader), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'ok'],
      ['connect', 'ok'],
      ['tls', 'skipped'],
      ['authenticate', 'ok'],
      ['discover', 'ok'],
    ]);
    expect(report.details.schemas).toEqual([
      {
        name: 'analytics',
        tables: [
          { name: 'ext', type: 'external_table' },
          { name: 'snap', type: 'snapshot' },
        ],
      },
      { name: 'raw', tables: Array.from({ length: 5 }, (_, i) => ({ name: `events_${i}`, type: 'table' })) },
      {
        name: 'sales',
        tables: [
          { name: 'orders', type: 'table' },
          { name: 'big_orders', type: 'view' },
          { name: 'daily', type: 'materialized_view' },
        ],
      },
    ]);
    expect(report.details.truncated).toBe(false);
    expect(warnings(report)).toEqual([]);
    // One exchange, signed by the key with its kid, for the read-only BigQuery scope.
    expect(fake.tokenRequests.slice(tokensBefore)).toEqual([
      {
        grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        iss: email('reader'),
        kid: reader.kid,
        scope: 'https://www.googleapis.com/auth/bigquery.readonly',
        outcome: 'issued',
      },
    ]);
    // The server pages by 2: the driver followed its opaque pageTokens.
    const calls = fake.apiRequests.slice(apiBefore);
    expect(calls.filter((c) => /\/datasets\?.*pageToken=/.test(c)).length).toBe(1);
    expect(calls.filter((c) => /\/datasets\/raw\/tables\?.*pageToken=/.test(c)).length).toBe(2);
    expect(calls.every((c) => c.endsWith(' 200'))).toBe(true);
    // Both Google hosts went through the egress policy's resolver.
    expect(lookups).toEqual(expect.arrayContaining([API_HOST, TOKEN_HOST]));
  });

  it('should bound discovery by max_objects and apply include/exclude', async () => {
    const bounded = await service().verify(input(reader), { orgId: 'o1', maxObjects: 4 });
    expect(bounded.success).toBe(true);
    expect(bounded.details.truncated).toBe(true);
    expect(bounded.details.schemas).toEqual([
      {
        name: 'analytics',
        tables: [
          { name: 'ext', type: 'external_table' },
          { name: 'snap', type: 'snapshot' },
        ],
      },
      {
        name: 'raw',
        tables: [
          { name: 'events_0', type: 'table' },
          { name: 'events_1', type: 'table' },
        ],
      },
    ]);
    const filtered = await service().verify(input(reader), {
      orgId: 'o1',
      include: ['sales.*', 'raw.events_3'],
      exclude: ['sales.daily'],
    });
    expect(filtered.details).toMatchObject({
      truncated: false,
      schemas: [
        { name: 'raw', tables: [{ name: 'events_3', type: 'table' }] },
        {
          name: 'sales',
          tables: [
            { name: 'orders', type: 'table' },
            { name: 'big_orders', type: 'view' },
          ],
        },
      ],
    });
  });

  it('should verify a configured dataset, warn about its location, and report a missing one', async () => {
    const one = await service().verify(input(reader, { dataset: 'sales', location: 'US' }), { orgId: 'o1' });
    expect(one.success).toBe(true);
    expect(one.details.schemas).toEqual([
      {
        name: 'sales',
        tables: [
          { name: 'orders', type: 'table' },
          { name: 'big_orders', type: 'view' },
          { name: 'daily', type: 'materialized_view' },
        ],
      },
    ]);
    expect(one.details.warnings).toContain('dataset sales is in EU, not in the configured location US');
    // With project-level datasets.get, BigQuery says 404 notFound.
    const missing = await service().verify(input(reader, { dataset: 'nope' }), { orgId: 'o1' });
    expect(missing).toMatchObject({ success: false, details: { error_code: 'not_found' } });
    expect(missing.message).toContain('(notFound)');
    expect(step(missing, 'authenticate')).toBe('failed');
    const noProject = await service().verify(input(reader, { project_id: 'other-project' }), { orgId: 'o1' });
    expect(noProject).toMatchObject({ success: false, details: { error_code: 'not_found' } });
  });

  it('should refuse a key whose signature Google cannot verify (invalid_grant) before connecting', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const forged = { json: { ...reader.json, private_key: other } };
    const apiBefore = fake.apiRequests.length;
    const report = await service().verify(input(forged), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(invalid_grant)');
    expect(fake.tokenRequests.at(-1)?.outcome).toBe('invalid_grant: Invalid JWT Signature.');
    expect(step(report, 'authenticate')).toBe('failed');
    expect(step(report, 'connect') ?? 'skipped').toBe('skipped');
    expect(fake.apiRequests.length).toBe(apiBefore);
    expectNoSecrets(JSON.stringify(report), forged, reader);
  });

  it('should refuse a deleted key and an unknown service account as Google does', async () => {
    const before = await service().verify(input(rotated), { orgId: 'o1' });
    expect(before.success).toBe(true);
    fake.deleteKey(email('rotated'), rotated.kid);
    const revoked = await service().verify(input(rotated), { orgId: 'o1' });
    expect(revoked).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(fake.tokenRequests.at(-1)?.outcome).toBe('invalid_grant: Invalid JWT Signature.');
    const unknown = await service().verify(input(ghost), { orgId: 'o1' });
    expect(unknown).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(unknown.message).toContain('(invalid_grant)');
    expect(fake.tokenRequests.at(-1)).toMatchObject({
      iss: email('ghost'),
      outcome: 'invalid_grant: Invalid grant: account not found',
    });
    expectNoSecrets(JSON.stringify([revoked, unknown]), rotated, ghost);
  });

  it('should exchange the key again, once, when a token expires mid-verification', async () => {
    const tokensBefore = fake.tokenRequests.length;
    const apiBefore = fake.apiRequests.length;
    fake.expireTokensAfter(2);
    const report = await service().verify(input(reader), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.schemas).toHaveLength(3);
    const calls = fake.apiRequests.slice(apiBefore);
    expect(calls.filter((c) => c.endsWith(' 401'))).toHaveLength(1);
    expect(fake.tokenRequests.slice(tokensBefore).map((r) => r.outcome)).toEqual(['issued', 'issued']);
  });

  it('should not retry a token BigQuery never accepted (401 authError)', async () => {
    const apiBefore = fake.apiRequests.length;
    const report = await service({ tokenSource: async () => 'ya29.never-issued' }).verify(input(reader), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(report.message).toContain('(authError)');
    expect(step(report, 'connect')).toBe('ok');
    expect(step(report, 'authenticate')).toBe('failed');
    expect(fake.apiRequests.slice(apiBefore)).toEqual([
      'GET /bigquery/v2/projects/verify-project/datasets?maxResults=1 401',
    ]);
  });

  it('should report a token without a BigQuery scope as permission_denied (insufficientPermissions)', async () => {
    const exchange = jwtBearerTokenSource(`http://${TOKEN_HOST}:${fake.tokenPort}/token`);
    const report = await service({
      tokenSource: (key, _scope, signal, resolve) =>
        exchange(key, 'https://www.googleapis.com/auth/devstorage.read_only', signal, resolve),
    }).verify(input(reader), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(report.message).toContain('(insufficientPermissions)');
  });

  it('should discover only what a least-privileged account may read, and warn about the rest', async () => {
    const report = await service().verify(input(scoped), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.schemas).toEqual([
      {
        name: 'sales',
        tables: [
          { name: 'orders', type: 'table' },
          { name: 'big_orders', type: 'view' },
          { name: 'daily', type: 'materialized_view' },
        ],
      },
    ]);
    expect(warnings(report)).toEqual([
      'the tables of dataset analytics cannot be listed with this service account',
      'the tables of dataset raw cannot be listed with this service account',
    ]);
    // A dataset it cannot read at all: 403 accessDenied (BigQuery does not say whether it exists).
    const denied = await service().verify(input(scoped, { dataset: 'raw' }), { orgId: 'o1' });
    expect(denied).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(denied.message).toContain('(accessDenied)');
    // No grant anywhere: the list is empty, which is worth a warning rather than a success in silence.
    const none = await service().verify(input(nobody), { orgId: 'o1' });
    expect(none.success).toBe(true);
    expect(none.details.schemas).toEqual([]);
    expect(warnings(none)[0]).toContain('no dataset of the project is visible');
    const noneOne = await service().verify(input(nobody, { dataset: 'sales' }), { orgId: 'o1' });
    expect(noneOne.details.error_code).toBe('permission_denied');
  });

  it('should warn when the account can write to the configured dataset', async () => {
    const report = await service().verify(input(editor, { dataset: 'sales' }), { orgId: 'o1' });
    expect(report.success).toBe(true);
    expect(report.details.warnings).toContainEqual(expect.stringContaining('is WRITER of dataset sales'));
    const readOnly = await service().verify(input(scoped, { dataset: 'sales' }), { orgId: 'o1' });
    expect(warnings(readOnly)).toEqual([]);
  });

  it('should retry a rate limit briefly, then report it as unreachable (rateLimitExceeded)', async () => {
    fake.rateLimitNext(1, 403);
    const apiBefore = fake.apiRequests.length;
    const retried = await service().verify(input(reader, { dataset: 'sales' }), { orgId: 'o1' });
    expect(retried.success).toBe(true);
    expect(fake.apiRequests.slice(apiBefore).filter((c) => c.endsWith(' 403'))).toHaveLength(1);
    fake.rateLimitNext(10, 429);
    const limited = await service().verify(input(reader, { dataset: 'sales' }), { orgId: 'o1' });
    expect(limited).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(limited.message).toContain('(rateLimitExceeded)');
    fake.rateLimitNext(10, 403);
    const limited403 = await service().verify(input(reader, { dataset: 'sales' }), { orgId: 'o1' });
    expect(limited403).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
  });

  it('should classify an unreachable token endpoint and an unreachable API', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const noToken = await service({ tokenUrl: `http://${TOKEN_HOST}:${port}/token` }).verify(input(reader), {
      orgId: 'o1',
    });
    expect(noToken).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(step(noToken, 'authenticate')).toBe('failed');
    const noApi = await service({ apiOrigin: `http://${API_HOST}:${port}` }).verify(input(reader), {
      orgId: 'o1',
    });
    expect(noApi).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(step(noApi, 'connect')).toBe('failed');
  });

  it('should check and pin the token endpoint with the egress policy', async () => {
    const tokensBefore = fake.tokenRequests.length;
    const resolver = async (name: string): Promise<ResolvedAddress[]> =>
      name === TOKEN_HOST
        ? [{ address: '169.254.169.254', family: 4 }]
        : [{ address: '127.0.0.1', family: 4 }];
    const report = await service({ resolver }).verify(input(reader), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
    expect(step(report, 'authenticate')).toBe('failed');
    expect(fake.tokenRequests.length).toBe(tokensBefore);
  });

  it.each(['api', 'token'] as const)('should never follow a redirect from the %s host', async (target) => {
    seenElsewhere.length = 0;
    fake.redirect(target, `${elsewhereUrl}/bigquery/v2/projects/${PROJECT}/datasets`, 307);
    const report = await service().verify(input(reader), { orgId: 'o1' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
    expect(report.message).toContain('redirect (HTTP 307)');
    expect(seenElsewhere).toEqual([]);
  });

  it('should keep the private key and every access token out of reports and logs', async () => {
    const logs = captureLogs();
    const reports: VerificationReport[] = [];
    try {
      const logged = service({ logger: logs.logger });
      fake.expireTokensAfter(1);
      reports.push(await logged.verify(input(reader), { orgId: 'o1' }));
      reports.push(
        await logged.verify(input({ json: { ...reader.json, private_key: scoped.json.private_key } }), {
          orgId: 'o1',
        }),
      );
      reports.push(await logged.verify(input(scoped, { dataset: 'raw' }), { orgId: 'o1' }));
      reports.push(await logged.verify(input(ghost), { orgId: 'o1' }));
    } finally {
      logs.restore();
    }
    expect(reports.map((r) => r.success)).toEqual([true, false, false, false]);
    expect(logs.lines.length).toBeGreaterThan(0);
    expectNoSecrets(JSON.stringify(reports) + logs.lines.join('\n'), reader, scoped, ghost);
  });
});
