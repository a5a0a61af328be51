import { MongoClient, MongoNetworkError, MongoNetworkTimeoutError, MongoServerError } from 'mongodb';
import net from 'node:net';
import { EgressPolicy } from '../../../egress/index.js';
import { loadVerificationConfig } from '../../verification.config.js';
import { VerificationService } from '../../verification.service.js';
import {
  buildMongoOptions,
  buildMongoUri,
  classifyMongoError,
  MongodbDriver,
  type MongoSettings,
} from './mongodb.driver.js';

const settings: MongoSettings = {
  host: 'mongo-0.example.com',
  port: 27017,
  database: 'events',
  authSource: 'admin',
  tls: true,
  replicaSet: 'rs0',
  username: 'reader',
  password: 'p@ss:/?#[]word',
};
const dest = { hostname: 'mongo-0.example.com', address: '10.0.0.7', family: 4 as const, port: 27017 };

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'mongodb' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: '127.0.0.1', port: 27017, database: 'events', tls: false, ...config },
  credentials: { username: 'reader', password: 'Canary-mongo-pw', ...credentials },
});

describe(MongodbDriver.name, () => {
  it('should build a URI with only the host and port, and every other option explicitly', () => {
    expect(buildMongoUri(dest)).toBe('mongodb://mongo-0.example.com:27017/');
    expect(buildMongoUri({ ...dest, hostname: '::1', address: '::1', family: 6 })).toBe(
      'mongodb://[::1]:27017/',
    );
    const options = buildMongoOptions(settings, dest, 4000);
    expect(options).toMatchObject({
      directConnection: true,
      auth: { username: 'reader', password: settings.password },
      authSource: 'admin',
      tls: true,
      tlsAllowInvalidCertificates: false,
      tlsAllowInvalidHostnames: false,
      serverSelectionTimeoutMS: 3200,
      connectTimeoutMS: 3200,
      socketTimeoutMS: 4000,
      maxPoolSize: 1,
      retryReads: false,
      retryWrites: false,
    });
    expect(options).not.toHaveProperty('replicaSet');
    expect(options).not.toHaveProperty('tlsCAFile');
    expect(Object.keys(options).filter((k) => /file|path|uri|proxy|mechanism/i.test(k))).toEqual([]);
  });

  it('should be accepted by MongoClient as given: credentials stay out of the URI and the lookup is pinned', () => {
    const client = new MongoClient(
      buildMongoUri(dest),
      buildMongoOptions(
        { ...settings, ca: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----' },
        dest,
        4000,
      ),
    );
    expect(client.options.directConnection).toBe(true);
    expect(client.options.hosts.map(String)).toEqual(['mongo-0.example.com:27017']);
    expect(client.options.credentials?.password).toBe(settings.password);
    expect(client.options.tls).toBe(true);
    const lookup = client.options.lookup as unknown as (
      h: string,
      o: object,
      cb: (e: Error | null, a?: string) => void,
    ) => void;
    return new Promise<void>((resolve, reject) =>
      lookup('mongo-0.example.com', {}, (err, address) =>
        err ? reject(err) : (expect(address).toBe('10.0.0.7'), resolve()),
      ),
    );
  });

  it('should reject connection strings, unknown options and file paths', () => {
    const driver = new MongodbDriver();
    expect(() => driver.target(input({ host: 'mongodb://evil' }))).toThrow('invalid format');
    expect(() => driver.target(input({ uri: 'mongodb://a/?authMechanism=MONGODB-AWS' }))).toThrow(
      'not supported',
    );
    expect(() => driver.target(input({}, { tlsCAFile: '/etc/passwd' }))).toThrow('not supported');
    expect(() => driver.target(input({ database: 'a.b' }))).toThrow('invalid format');
    expect(driver.target(input({ host: 'db.example.com', port: 27018 }))).toEqual({
      host: 'db.example.com',
      port: 27018,
    });
  });

  it('should classify driver errors by code, unwrapping selection and network errors', () => {
    expect(
      classifyMongoError(
        new MongoServerError({
          code: 18,
          codeName: 'AuthenticationFailed',
          errmsg: 'Authentication failed.',
        }),
      ),
    ).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(AuthenticationFailed)'),
    });
    expect(
      classifyMongoError(
        new MongoServerError({ code: 13, codeName: 'Unauthorized', errmsg: 'not authorized on events' }),
      ),
    ).toMatchObject({ code: 'permission_denied' });
    expect(classifyMongoError(new MongoNetworkTimeoutError('timed out'))).toMatchObject({ code: 'timeout' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifyMongoError(new MongoNetworkError('failed', { cause: refused }))).toBe(refused);
  });

  it('should report a refused connection at connect and a silent server as a timeout, through the pinned lookup', async () => {
    const config = loadVerificationConfig({
      NODE_ENV: 'test',
      VERIFY_TIMEOUT_MS: '3000',
      VERIFY_STEP_TIMEOUT_MS: '700',
    });
    const policy = new EgressPolicy({
      production: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const service = new VerificationService(config, policy);
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const refused = await service.verify(input({ host: 'mongo.pinned.invalid', port }), { orgId: 'o1' });
    expect(refused).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(refused.message).toContain('ECONNREFUSED');
    expect(refused.steps.find((s) => s.name === 'connect')?.status).toBe('failed');

    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => (sockets.add(s), s.on('error', () => undefined), s.resume()));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const started = Date.now();
    const quiet = await service.verify(input({ port: (silent.address() as net.AddressInfo).port }), {
      orgId: 'o1',
    });
    expect(quiet).toMatchObject({ success: false, details: { error_code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(3300);
    expect(JSON.stringify([refused, quiet])).not.toContain('Canary-mongo-pw');
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
  });
});
