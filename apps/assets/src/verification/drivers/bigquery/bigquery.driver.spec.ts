import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DRIVERS } from '../../driver.registry.js';
import { EgressPolicy } from '../../../egress/index.js';
import { loadVerificationConfig } from '../../verification.config.js';
import { VerificationService } from '../../verification.service.js';
import { BigqueryDriver } from './bigquery.driver.js';

const TOKEN = 'ya29.fake-bigquery-token';
const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const DATASETS: Record<string, { location: string; tables: Array<[string, string]> }> = {
  sales: {
    location: 'EU',
    tables: [
      ['orders', 'TABLE'],
      ['big_orders', 'VIEW'],
      ['daily', 'MATERIALIZED_VIEW'],
    ],
  },
  raw: {
    location: 'EU',
    tables: Array.from({ length: 5 }, (_, i): [string, string] => [`events_${i}`, 'TABLE']),
  },
};
const seen: string[] = [];

// The three REST calls the driver makes, answered the way BigQuery does (pages of 2 to exercise paging).
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${TOKEN}`)
      return json(401, {
        error: { code: 401, status: 'UNAUTHENTICATED', errors: [{ reason: 'authError' }] },
      });
    const m = /^\/bigquery\/v2\/projects\/([^/]+)(?:\/datasets(?:\/([^/]+)(\/tables)?)?)?$/.exec(
      url.pathname,
    );
    if (!m) return json(404, { error: { code: 404, errors: [{ reason: 'notFound' }] } });
    if (m[1] === 'forbidden-project')
      return json(403, {
        error: { code: 403, status: 'PERMISSION_DENIED', errors: [{ reason: 'accessDenied' }] },
      });
    const page = <T>(items: T[]) => {
      const start = Number(url.searchParams.get('pageToken') ?? 0);
      const size = Math.min(2, Number(url.searchParams.get('maxResults') ?? 2));
      return {
        slice: items.slice(start, start + size),
        next: start + size < items.length ? String(start + size) : undefined,
      };
    };
    if (!m[2]) {
      const { slice, next } = page(Object.keys(DATASETS));
      return json(200, {
        datasets: slice.map((d) => ({ datasetReference: { projectId: m[1], datasetId: d } })),
        nextPageToken: next,
      });
    }
    const dataset = DATASETS[decodeURIComponent(m[2])];
    if (!dataset)
      return json(404, { error: { code: 404, status: 'NOT_FOUND', errors: [{ reason: 'notFound' }] } });
    if (!m[3]) return json(200, { id: `${m[1]}:${m[2]}`, location: dataset.location });
    const { slice, next } = page(dataset.tables);
    return json(200, {
      tables: slice.map(([t, type]) => ({ tableReference: { datasetId: m[2], tableId: t }, type })),
      nextPageToken: next,
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function service(token = TOKEN): VerificationService {
  const config = loadVerificationConfig({ NODE_ENV: 'test' });
  const driver = new BigqueryDriver({
    apiOrigin: origin,
    tokenSource: async (key, scope) => (
      expect(scope).toContain('bigquery.readonly'),
      expect(key.clientEmail).toBe('bq@verify-project.iam.gserviceaccount.com'),
      token
    ),
  });
  return new VerificationService(config, new EgressPolicy({ production: false }), {
    ...DRIVERS,
    bigquery: driver,
  });
}

const input = (config: Record<string, unknown> = {}) => ({
  type: 'bigquery' as const,
  auth_type: 'service_account',
  config: { auth_type: 'service_account', project_id: 'verify-project', ...config },
  credentials: {
    service_account_json: {
      type: 'service_account',
      project_id: 'verify-project',
      private_key: privateKey,
      client_email: 'bq@verify-project.iam.gserviceaccount.com',
    },
  },
});

describe(BigqueryDriver.name, () => {
  it('should target the BigQuery API by default and check every field', () => {
    const driver = new BigqueryDriver();
    expect(driver.target(input())).toEqual({ host: 'bigquery.googleapis.com', port: 443 });
    expect(() => driver.target(input({ dataset: 'a.b' }))).toThrow('invalid format');
    expect(() => driver.target(input({ apiEndpoint: 'http://evil' }))).toThrow('not supported');
    expect(() =>
      driver.target({ ...input(), credentials: { service_account_json: '/path/to/key.json' } }),
    ).toThrow('must be the key file as an object');
  });

  it('should list every dataset and its tables across pages, with types', async () => {
    const report = await service().verify(input(), { orgId: 'o1' });
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
      { name: 'raw', tables: Array.from({ length: 5 }, (_, i) => ({ name: `events_${i}`, type: 'table' })) },
    ]);
    expect(report.details.truncated).toBe(false);
  });

  it('should verify one dataset, warn about a location mismatch, filter and truncate', async () => {
    const one = await service().verify(input({ dataset: 'sales', location: 'US' }), {
      orgId: 'o1',
      exclude: ['sales.daily'],
    });
    expect(one.details.schemas).toEqual([
      {
        name: 'sales',
        tables: [
          { name: 'orders', type: 'table' },
          { name: 'big_orders', type: 'view' },
        ],
      },
    ]);
    expect(one.details.warnings).toContain('dataset sales is in EU, not in the configured location US');
    const bounded = await service().verify(input({ dataset: 'raw' }), { orgId: 'o1', maxObjects: 3 });
    expect(bounded.details).toMatchObject({
      truncated: true,
      schemas: [{ name: 'raw', tables: [{ name: 'events_0' }, { name: 'events_1' }, { name: 'events_2' }] }],
    });
  });

  it('should classify 401, 403 and a missing dataset', async () => {
    const badToken = await service('ya29.wrong').verify(input(), { orgId: 'o1' });
    expect(badToken).toMatchObject({ success: false, details: { error_code: 'auth_failed' } });
    expect(badToken.steps.find((s) => s.name === 'authenticate')?.status).toBe('failed');
    const forbidden = await service().verify(input({ project_id: 'forbidden-project' }), { orgId: 'o1' });
    expect(forbidden).toMatchObject({ success: false, details: { error_code: 'permission_denied' } });
    expect(forbidden.message).toContain('(accessDenied)');
    const missing = await service().verify(input({ dataset: 'nope' }), { orgId: 'o1' });
    expect(missing).toMatchObject({ success: false, details: { error_code: 'not_found' } });
  });
});
