import {
  CouchbaseDriver,
  couchbaseHttpError,
  qualifyKeyspace,
  readCouchbaseSettings,
} from './couchbase.driver.js';

const input = (config: Record<string, unknown> = {}, credentials: Record<string, unknown> = {}) => ({
  type: 'couchbase' as const,
  auth_type: 'basic',
  config: { auth_type: 'basic', host: 'cb-node-1.example.com', ...config },
  credentials: { username: 'reader', password: 'pw-123456', ...credentials },
});

describe(CouchbaseDriver.name, () => {
  const driver = new CouchbaseDriver();

  it('should target the management port: 18091 with TLS (the default), 8091 without, or the given one', () => {
    expect(driver.target(input())).toEqual({ host: 'cb-node-1.example.com', port: 18091 });
    expect(driver.target(input({ tls: false }))).toEqual({ host: 'cb-node-1.example.com', port: 8091 });
    expect(driver.target(input({ tls: false, port: 9000 }))).toEqual({
      host: 'cb-node-1.example.com',
      port: 9000,
    });
  });

  it('should map TLS settings onto both services, with the CA from the credentials', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expect(readCouchbaseSettings(input({}, { ca_cert: pem }))).toMatchObject({
      tls: true,
      port: 18091,
      queryPort: 18093,
      checkQuery: true,
      ca: pem,
    });
    expect(readCouchbaseSettings(input({ tls: false, check_query: false }))).toMatchObject({
      tls: false,
      port: 8091,
      queryPort: 8093,
      checkQuery: false,
    });
    expect(readCouchbaseSettings(input({ query_port: 9093 })).queryPort).toBe(9093);
  });

  it('should refuse bad config, unknown fields and other auth types', () => {
    expect(() => driver.target(input({ host: 'https://cb.example.com' }))).toThrow('invalid format');
    expect(() => driver.target(input({ bucket: 'a/b' }))).toThrow('invalid format');
    expect(() => driver.target(input({ tls: 'yes' }))).toThrow('must be a boolean');
    expect(() => driver.target(input({ query_port: 0 }))).toThrow('must be a port number');
    expect(() => driver.target(input({ connection_string: 'couchbase://x' }))).toThrow('not supported');
    expect(() => driver.target(input({}, { ca_cert: '/etc/ssl/ca.pem' }))).toThrow('invalid format');
    expect(() => driver.target(input({}, { token: 'x' }))).toThrow('not supported');
    expect(() => driver.target(input({}, { password: undefined }))).toThrow('"password" is required');
    expect(() => driver.target({ ...input(), auth_type: 'token' })).toThrow('auth_type must be basic');
  });

  it('should qualify selected keyspaces with the configured bucket and the _default scope', () => {
    expect(qualifyKeyspace('b.s.c', undefined)).toBe('b.s.c');
    expect(qualifyKeyspace('s.c', 'b')).toBe('b.s.c');
    expect(qualifyKeyspace('c', 'b')).toBe('b._default.c');
    expect(qualifyKeyspace('c', undefined)).toBeUndefined();
    expect(qualifyKeyspace('a.b.c.d', 'b')).toBeUndefined();
  });

  it('should classify REST statuses without copying the body', () => {
    expect(couchbaseHttpError({ status: 401, body: undefined }, 'POOLS')).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('(POOLS_HTTP_401)'),
    });
    const forbidden = couchbaseHttpError(
      { status: 403, body: { message: 'Forbidden. User needs the following permissions', permissions: [] } },
      'SCOPES',
    );
    expect(forbidden.code).toBe('permission_denied');
    expect(forbidden.message).not.toContain('Forbidden.');
    expect(couchbaseHttpError({ status: 404, body: undefined }, 'SCOPES').code).toBe('not_found');
    expect(couchbaseHttpError({ status: 500, body: undefined }, 'POOLS').code).toBe('unreachable');
  });
});
