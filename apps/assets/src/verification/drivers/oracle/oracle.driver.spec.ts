import net from 'node:net';
import { EgressPolicy } from '../../../egress/index.js';
import { loadVerificationConfig } from '../../verification.config.js';
import { VerificationService } from '../../verification.service.js';
import {
  buildOracleConnectString,
  buildOracleOptions,
  classifyOracleError,
  OracleDriver,
} from './oracle.driver.js';

const dest = { hostname: 'oracle.example.com', address: '10.0.0.9', family: 4 as const, port: 1521 };
const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'oracle' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: 'oracle.example.com', port: 1521, service_name: 'ORCLPDB1', ...config },
  credentials: { username: 'reader', password: 'Canary-oracle-pw', ...credentials },
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe(OracleDriver.name, () => {
  it('should build an EZConnect string to the pinned address, never the name', () => {
    expect(buildOracleConnectString({ serviceName: 'ORCLPDB1', ssl: false }, dest)).toBe(
      '10.0.0.9:1521/ORCLPDB1',
    );
    expect(
      buildOracleConnectString(
        { serviceName: 'svc.example', ssl: true },
        { ...dest, address: 'fd12::7', family: 6 },
      ),
    ).toBe('tcps://[fd12::7]:1521/svc.example');
  });

  it('should pass exactly these connection attributes (thin mode: no wallet, config dir or client library)', () => {
    const options = buildOracleOptions(
      {
        host: 'oracle.example.com',
        port: 1521,
        serviceName: 'ORCLPDB1',
        ssl: true,
        user: 'reader',
        password: 'pw',
      },
      dest,
      2500,
    );
    expect(options).toEqual({
      user: 'reader',
      password: 'pw',
      connectString: 'tcps://10.0.0.9:1521/ORCLPDB1',
      connectTimeout: 3,
      transportConnectTimeout: 3,
      retryCount: 0,
      expireTime: 0,
      sslServerDNMatch: true,
    });
  });

  it('should reject descriptors, aliases and fields it does not own', () => {
    const driver = new OracleDriver();
    expect(() =>
      driver.target(input({ service_name: '(DESCRIPTION=(ADDRESS=(HOST=169.254.169.254)))' })),
    ).toThrow('invalid format');
    expect(() => driver.target(input({ service_name: 'a/b?x=1' }))).toThrow('invalid format');
    expect(() => driver.target(input({ connect_string: 'tns_alias' }))).toThrow('not supported');
    expect(() => driver.target(input({}, { wallet_location: '/tmp' }))).toThrow('not supported');
    expect(() => driver.target(input({}, { username: 'a/b@c' }))).toThrow('invalid format');
    expect(driver.target(input())).toEqual({ host: 'oracle.example.com', port: 1521 });
  });

  it('should classify ORA and NJS codes and keep only the code name', () => {
    const ora = (code: string) =>
      Object.assign(new Error(`${code}: invalid credential Canary-oracle-pw`), {
        code,
        errorNum: Number(code.slice(4)),
      });
    expect(classifyOracleError(ora('ORA-01017'))).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(ORA-01017)'),
    });
    expect(classifyOracleError(ora('ORA-28000'))).toMatchObject({ code: 'auth_failed' });
    expect(classifyOracleError(ora('ORA-12514'))).toMatchObject({ code: 'not_found' });
    expect(classifyOracleError(ora('ORA-01045'))).toMatchObject({ code: 'permission_denied' });
    expect(classifyOracleError(Object.assign(new Error('x'), { code: 'NJS-508' }))).toMatchObject({
      code: 'tls_error',
    });
    expect(classifyOracleError(Object.assign(new Error('x'), { code: 'NJS-510' }))).toMatchObject({
      code: 'timeout',
    });
    expect(JSON.stringify(classifyOracleError(ora('ORA-01017')))).not.toContain('Canary');
  });

  it('should report real thin-mode failures: a refused port and a server that hangs up', async () => {
    const config = loadVerificationConfig({
      NODE_ENV: 'test',
      VERIFY_TIMEOUT_MS: '4000',
      VERIFY_STEP_TIMEOUT_MS: '2000',
    });
    const policy = new EgressPolicy({
      production: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const service = new VerificationService(config, policy);
    const refused = await service.verify(input({ host: 'oracle.pinned.invalid', port: await freePort() }), {
      orgId: 'o1',
    });
    expect(refused).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(refused.steps.find((s) => s.name === 'connect')?.status).toBe('failed');

    const hangUp = net.createServer((socket) => socket.destroy());
    await new Promise<void>((r) => hangUp.listen(0, '127.0.0.1', r));
    const closed = await service.verify(
      input({ host: '127.0.0.1', port: (hangUp.address() as net.AddressInfo).port }),
      { orgId: 'o1' },
    );
    expect(closed).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    await new Promise((r) => hangUp.close(r));
    expect(JSON.stringify([refused, closed])).not.toContain('Canary-oracle-pw');
  });
});
