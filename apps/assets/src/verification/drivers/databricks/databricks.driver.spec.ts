import { DBSQLClient } from '@databricks/sql';
import http from 'node:http';
import { EgressPolicy } from '../../../egress/index.js';
import { loadVerificationConfig } from '../../verification.config.js';
import { VerificationService } from '../../verification.service.js';
import {
  buildDatabricksOptions,
  classifyDatabricksError,
  DatabricksDriver,
  httpErrorBody,
  pinDatabricksClient,
} from './databricks.driver.js';

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'databricks' as const,
  auth_type: 'token',
  config: {
    auth_type: 'token',
    host: 'dbc-a1b2.cloud.databricks.com',
    http_path: '/sql/1.0/warehouses/abc123',
    catalog: 'main',
    db_schema: 'default',
    ...config,
  },
  credentials: { token: 'dapiCanary0123456789', ...credentials },
});
const dest = {
  hostname: 'dbc-a1b2.cloud.databricks.com',
  address: '10.0.0.5',
  family: 4 as const,
  port: 443,
};

describe(DatabricksDriver.name, () => {
  it('should map to token auth over verified HTTPS with telemetry off and no proxy', () => {
    const options = buildDatabricksOptions(
      {
        host: 'dbc-a1b2.cloud.databricks.com',
        httpPath: '/sql/1.0/warehouses/abc123',
        token: 't0k',
        catalog: 'main',
      },
      dest,
      3000,
    );
    expect(options).toEqual({
      host: 'dbc-a1b2.cloud.databricks.com',
      port: 443,
      path: '/sql/1.0/warehouses/abc123',
      authType: 'access-token',
      token: 't0k',
      socketTimeout: 3000,
      checkServerCertificate: true,
      telemetryEnabled: false,
      retryMaxAttempts: 1,
      retriesTimeout: 3000,
    });
  });

  it('should validate the http path and refuse fields it does not own', () => {
    const driver = new DatabricksDriver();
    expect(driver.target(input({ http_path: 'sql/protocolv1/o/123/0123-abc' }))).toEqual({
      host: 'dbc-a1b2.cloud.databricks.com',
      port: 443,
    });
    expect(() => driver.target(input({ http_path: '/sql/../../admin' }))).toThrow('invalid format');
    expect(() => driver.target(input({ http_path: '/sql/1.0/warehouses/x?o=1' }))).toThrow('invalid format');
    expect(() => driver.target(input({ host: 'https://dbc.example.com' }))).toThrow('invalid format');
    expect(() => driver.target(input({ proxy: { host: 'p' } }))).toThrow('not supported');
    expect(() => driver.target(input({}, { oauthClientSecret: 'x' }))).toThrow('not supported');
  });

  it('should hand the pinned agent to every connection the client makes', async () => {
    const agent = new http.Agent();
    const client = new DBSQLClient({ logger: { log: () => undefined } as never });
    pinDatabricksClient(client, agent);
    const provider = (
      client as unknown as { createConnectionProvider(o: unknown): { getAgent(): Promise<http.Agent> } }
    ).createConnectionProvider({
      host: 'h',
      path: '/sql/x',
      token: 't',
    });
    await expect(provider.getAgent()).resolves.toBe(agent);
    agent.destroy();
  });

  it('should classify transport statuses, error classes and retry exhaustion', () => {
    expect(
      classifyDatabricksError(
        Object.assign(new Error('Received a response with a bad HTTP status code: 401'), { statusCode: 401 }),
      ),
    ).toMatchObject({ code: 'auth_failed' });
    expect(
      classifyDatabricksError(Object.assign(new Error('bad status'), { statusCode: 403 })),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      classifyDatabricksError(
        Object.assign(new Error('bad status'), { statusCode: 403 }),
        'Invalid access token.',
      ),
    ).toMatchObject({ code: 'auth_failed', message: expect.stringContaining('(HTTP_403)') });
    expect(
      classifyDatabricksError(Object.assign(new Error('bad status'), { statusCode: 404 })),
    ).toMatchObject({ code: 'not_found' });
    expect(
      classifyDatabricksError(
        Object.assign(new Error('[SCHEMA_NOT_FOUND] The schema `x` cannot be found.'), {
          name: 'Status Error',
        }),
      ),
    ).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('(SCHEMA_NOT_FOUND)'),
    });
    expect(
      classifyDatabricksError(
        Object.assign(new Error('[INSUFFICIENT_PERMISSIONS] User does not have USE CATALOG'), {}),
      ),
    ).toMatchObject({ code: 'permission_denied' });
    expect(
      classifyDatabricksError(
        Object.assign(new Error('Retry timeout exceeded'), {
          name: 'RetryError',
          errorCode: 'TIMEOUT_EXCEEDED',
        }),
      ),
    ).toMatchObject({ code: 'timeout' });
  });

  it('should read the start of a failed response body, and nothing from other errors', async () => {
    const response = { text: async () => `Invalid access token.${'x'.repeat(2000)}` };
    await expect(httpErrorBody(Object.assign(new Error('bad status'), { response }))).resolves.toHaveLength(
      512,
    );
    await expect(httpErrorBody(new Error('ECONNRESET'))).resolves.toBe('');
    const failing = { text: async () => Promise.reject(new Error('premature close')) };
    await expect(httpErrorBody({ response: failing })).resolves.toBe('');
  });

  it('should open the session only through the pinned address (a name DNS does not know)', async () => {
    const config = loadVerificationConfig({ NODE_ENV: 'test', VERIFY_TIMEOUT_MS: '4000' });
    const policy = new EgressPolicy({
      production: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const report = await new VerificationService(config, policy).verify(
      input({ host: 'dbc-pinned.invalid' }),
      { orgId: 'o1' },
    );
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(report.message).toContain('ECONNREFUSED');
    expect(JSON.stringify(report)).not.toContain('dapiCanary');
  });
});
