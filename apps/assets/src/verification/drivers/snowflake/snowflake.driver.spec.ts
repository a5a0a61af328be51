import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { EgressPolicy } from '../../../egress/index.js';
import { loadVerificationConfig } from '../../verification.config.js';
import { VerificationService } from '../../verification.service.js';
import {
  buildSnowflakeOptions,
  classifySnowflakeError,
  readSnowflakeSettings,
  SnowflakeDriver,
} from './snowflake.driver.js';

// The SDK's own error factory, so classification is tested against the errors it really builds.
const require = createRequire(import.meta.url);
const SfErrors = require('snowflake-sdk/dist/lib/errors.js') as {
  createNetworkError(code: number, cause: unknown): Error;
  createOperationFailedError(code: unknown, data: unknown, message: string, sqlState?: string): Error;
  createRequestFailedError(code: number, response: unknown): Error;
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const encryptedPem = privateKey
  .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'open sesame' })
  .toString();
const plainPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const input = (
  auth: 'basic' | 'key_pair',
  config: Record<string, unknown> = {},
  credentials?: Record<string, unknown>,
) => ({
  type: 'snowflake' as const,
  auth_type: auth,
  config: {
    auth_type: auth,
    account: 'xy12345.eu-west-1',
    warehouse: 'COMPUTE_WH',
    database: 'ANALYTICS',
    db_schema: 'PUBLIC',
    role: 'REPORTING',
    ...config,
  },
  credentials:
    credentials ??
    (auth === 'basic'
      ? { username: 'svc', password: 'pw-123456' }
      : { username: 'SVC', private_key: encryptedPem, private_key_passphrase: 'open sesame' }),
});

describe(SnowflakeDriver.name, () => {
  const agent = new https.Agent();
  afterAll(() => agent.destroy());

  it('should map basic auth to exactly these options, with the fixed authenticator and the pinned agent', () => {
    const options = buildSnowflakeOptions(readSnowflakeSettings(input('basic')), agent, 5000);
    expect(options).toEqual({
      account: 'xy12345.eu-west-1',
      accessUrl: 'https://xy12345.eu-west-1.snowflakecomputing.com',
      host: 'xy12345.eu-west-1.snowflakecomputing.com',
      username: 'svc',
      authenticator: 'SNOWFLAKE',
      password: 'pw-123456',
      warehouse: 'COMPUTE_WH',
      database: 'ANALYTICS',
      schema: 'PUBLIC',
      role: 'REPORTING',
      timeout: 5000,
      sfRetryMaxLoginRetries: 0,
      clientSessionKeepAlive: false,
      clientStoreTemporaryCredential: false,
      clientRequestMFAToken: false,
      disableConsoleLogin: true,
      validateDefaultParameters: true,
      agentClass: expect.any(Function),
    });
    expect(options.agentClass()).toBe(agent);
  });

  it('should hand the SDK the pinned agent for the account host only, and a refusing one for anything else', async () => {
    const options = buildSnowflakeOptions(readSnowflakeSettings(input('basic')), agent, 5000);
    const host = 'xy12345.eu-west-1.snowflakecomputing.com';
    expect(options.agentClass({ protocol: 'https:', hostname: host.toUpperCase() })).toBe(agent);
    const plain = options.agentClass({ protocol: 'http:', hostname: host });
    const stage = options.agentClass({ protocol: 'https:', hostname: 'sfc-stage.s3.amazonaws.com' });
    // The SDK uses a supplied agent only when its protocol matches the URL's.
    const protocolOf = (a: http.Agent) => (a as { protocol?: string }).protocol;
    expect([protocolOf(plain), protocolOf(stage)]).toEqual(['http:', 'https:']);
    for (const refusing of [plain, stage]) {
      expect(refusing).not.toBe(agent);
      const failure = await new Promise<Error>((resolve) => {
        const transport = protocolOf(refusing) === 'https:' ? https : http;
        const req = transport.request({ host: '127.0.0.1', port: 9, agent: refusing });
        req.on('error', resolve);
        req.end();
      });
      expect(failure).toMatchObject({ code: 'ERR_CANCELED' });
    }
    const chunk = SfErrors.createNetworkError(
      402001,
      Object.assign(new Error('destination denied by egress policy (not the account host)'), {
        code: 'ERR_CANCELED',
      }),
    );
    expect(classifySnowflakeError(chunk)).toMatchObject({ code: 'egress_denied' });
  });

  it('should decrypt a passphrase-protected key and pass key material, never a path or the passphrase', () => {
    const options = buildSnowflakeOptions(readSnowflakeSettings(input('key_pair')), agent, 5000);
    expect(options.authenticator).toBe('SNOWFLAKE_JWT');
    expect(options.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(options.privateKey).not.toContain('ENCRYPTED');
    expect(options).not.toHaveProperty('password');
    const text = JSON.stringify(options);
    expect(text).not.toContain('privateKeyPath');
    expect(text).not.toContain('privateKeyPass');
    expect(text).not.toContain('open sesame');
    expect(
      buildSnowflakeOptions(
        readSnowflakeSettings(input('key_pair', {}, { username: 'SVC', private_key: plainPem })),
        agent,
        5000,
      ).privateKey,
    ).toBe(plainPem);
  });

  it('should reject a wrong passphrase, a non-RSA key and every field it does not own', () => {
    expect(() =>
      readSnowflakeSettings(
        input('key_pair', {}, { username: 'SVC', private_key: encryptedPem, private_key_passphrase: 'nope' }),
      ),
    ).toThrow('the private key could not be read');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => readSnowflakeSettings(input('key_pair', {}, { username: 'SVC', private_key: ec }))).toThrow(
      'RSA',
    );
    expect(() => readSnowflakeSettings(input('basic', { authenticator: 'EXTERNALBROWSER' }))).toThrow(
      'not supported',
    );
    expect(() => readSnowflakeSettings(input('basic', { accessUrl: 'https://evil.example' }))).toThrow(
      'not supported',
    );
    expect(() =>
      readSnowflakeSettings(
        input('key_pair', {}, { username: 'SVC', private_key: plainPem, privateKeyPath: '/etc/passwd' }),
      ),
    ).toThrow('not supported');
    expect(() => readSnowflakeSettings(input('basic', { account: 'x.snowflakecomputing.com' }))).toThrow(
      'invalid format',
    );
    expect(() => readSnowflakeSettings({ ...input('basic'), auth_type: 'oauth' })).toThrow(
      'auth_type must be basic or key_pair',
    );
  });

  it('should address an account with underscores by a valid host name', () => {
    expect(new SnowflakeDriver().target(input('basic', { account: 'myorg-my_account' }))).toEqual({
      host: 'myorg-my-account.snowflakecomputing.com',
      port: 443,
    });
  });

  it('should classify snowflake-sdk errors by their codes, never by their text', () => {
    const login = (code: string) =>
      SfErrors.createOperationFailedError(
        code,
        { nextAction: null },
        'Incorrect username or password was specified: pw-123456',
      );
    expect(classifySnowflakeError(login('390100'))).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(390100)'),
    });
    expect(classifySnowflakeError(login('390144'))).toMatchObject({ code: 'auth_failed' });
    expect(classifySnowflakeError(login('390189'))).toMatchObject({ code: 'permission_denied' });
    expect(classifySnowflakeError(login('390201'))).toMatchObject({ code: 'not_found' });
    expect(
      classifySnowflakeError(SfErrors.createOperationFailedError('2003', {}, 'does not exist', '02000')),
    ).toMatchObject({ code: 'not_found', message: expect.stringContaining('(002003)') });
    expect(
      classifySnowflakeError(
        SfErrors.createOperationFailedError('3001', {}, 'Insufficient privileges', '42501'),
      ),
    ).toMatchObject({ code: 'permission_denied' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifySnowflakeError(SfErrors.createNetworkError(401001, refused))).toBe(refused);
    expect(
      classifySnowflakeError(SfErrors.createRequestFailedError(401002, { statusCode: 403 })),
    ).toMatchObject({ code: 'permission_denied' });
    expect(JSON.stringify(classifySnowflakeError(login('390100')))).not.toContain('pw-123456');
  });

  it('should send the login only to the pinned address (a name DNS does not know)', async () => {
    // Nothing listens on 127.0.0.1:443 here: a refused connection proves the SDK used the pinned
    // agent, since its own agent would have asked DNS for the name and failed with ENOTFOUND.
    const config = loadVerificationConfig({ NODE_ENV: 'test', VERIFY_TIMEOUT_MS: '5000' });
    const policy = new EgressPolicy({
      production: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const service = new VerificationService(config, policy);
    const report = await service.verify(input('basic', { account: 'pinned-check.invalid-region' }), {
      orgId: 'o1',
    });
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(report.message).toContain('ECONNREFUSED');
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('failed');
    expect(JSON.stringify(report)).not.toContain('pw-123456');
  });
});
