import {
  isSecretKey,
  REDACTED,
  SCRUB_LIMITS,
  scrubDetails,
  scrubString,
  TRUNCATED,
} from './scrub-details.js';

const CANARY = 'canary-Pa55w0rd-7f3a91';

describe(scrubDetails.name, () => {
  it('should drop secret-looking keys at any depth, in objects and arrays', () => {
    const scrubbed = scrubDetails({
      connection_type: 'postgres',
      password: CANARY,
      config: { host: 'db', Password: CANARY, nested: { deeper: [{ client_secret: CANARY, name: 'x' }] } },
      list: [{ privateKey: CANARY }, { private_key: CANARY }, [{ apiKey: CANARY, token: CANARY }]],
      credentials: { user: 'u', pass: CANARY },
    });
    expect(JSON.stringify(scrubbed)).not.toContain(CANARY);
    expect(scrubbed).toEqual({
      connection_type: 'postgres',
      config: { host: 'db', nested: { deeper: [{ name: 'x' }] } },
      list: [{}, {}, [{}]],
    });
  });

  it.each([
    'password',
    'Password',
    'PASSWORD',
    'db_password',
    'passwd',
    'pwd',
    'passphrase',
    'client_secret',
    'clientSecret',
    'secret',
    'privateKey',
    'private_key',
    'Private-Key',
    'apiKey',
    'api_key',
    'API-KEY',
    'apikeys',
    'token',
    'accessToken',
    'refresh_token',
    'credentials',
    'Credential',
    'value',
    'secret_value',
    'authorization',
    'Cookie',
    'session_id',
    'signature',
    'dsn',
    'connection_string',
    'connectionString',
    'ConnStr',
    'account_key',
    'secret_access_key',
    'sas key',
  ])('should treat %s as a secret key', (key) => {
    expect(isSecretKey(key)).toBe(true);
    expect(scrubDetails({ outer: { [key]: CANARY } })).toEqual({ outer: {} });
  });

  it.each([
    'connection_type',
    'name',
    'host',
    'port',
    'fields',
    'error_code',
    'operation',
    'access_key_id',
    'reason',
    'latency_ms',
  ])('should keep the ordinary key %s', (key) => {
    expect(isSecretKey(key)).toBe(false);
    expect(scrubDetails({ [key]: 'kept' })).toEqual({ [key]: 'kept' });
  });

  it('should keep a boolean or null under a secret-looking key (one bit leaks nothing)', () => {
    expect(scrubDetails({ credentials_changed: true, password: null, token: 12345 })).toEqual({
      credentials_changed: true,
      password: null,
    });
  });

  it('should mask credentials embedded in string values, keys and array items', () => {
    const scrubbed = scrubDetails({
      url: `postgres://admin:${CANARY}@db.internal:5432/app`,
      conninfo: `host=db user=admin password=${CANARY} sslmode=require`,
      azure: `DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${CANARY};EndpointSuffix=core.windows.net`,
      header: `Bearer ${CANARY}`,
      jwt: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl',
      pem: `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----`,
      [`mysql://root:${CANARY}@h/db`]: 1,
      items: [`redis://:${CANARY}@cache:6379`],
    });
    const text = JSON.stringify(scrubbed);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('eyJzdWIiOiJhbGljZSJ9');
    expect(scrubbed.url).toBe(`postgres://admin:${REDACTED}@db.internal:5432/app`);
    expect(scrubbed.conninfo).toBe(`host=db user=admin password=${REDACTED} sslmode=require`);
  });

  it('should leave ordinary strings alone', () => {
    expect(scrubString('https://example.com/path?x=1')).toBe('https://example.com/path?x=1');
    expect(scrubString('customer analytics db')).toBe('customer analytics db');
  });

  it('should bound depth without recursing into a deep structure', () => {
    let deep: Record<string, unknown> = { password: CANARY };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const scrubbed = scrubDetails(deep);
    expect(scrubbed._truncated).toBe(true);
    let node: unknown = scrubbed;
    let depth = 0;
    while (node && typeof node === 'object' && 'a' in node) {
      node = (node as { a: unknown }).a;
      depth++;
    }
    expect(node).toBe(TRUNCATED);
    expect(depth).toBe(SCRUB_LIMITS.MAX_DEPTH);
    expect(JSON.stringify(scrubbed)).not.toContain(CANARY);
  });

  it('should bound the number of values and the length of strings', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const scrubbed = scrubDetails({ wide });
    expect(scrubbed._truncated).toBe(true);
    expect(Object.keys(scrubbed.wide as object).length).toBeLessThan(SCRUB_LIMITS.MAX_NODES);
    const long = scrubDetails({ long: 'x'.repeat(100_000) }).long as string;
    expect(long.length).toBe(SCRUB_LIMITS.MAX_STRING_LENGTH + 1);
  });

  it('should keep a __proto__ key as data, never as a prototype', () => {
    const scrubbed = scrubDetails(
      JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as Record<string, unknown>,
    );
    expect(Object.getPrototypeOf(scrubbed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(scrubbed, '__proto__')).toBe(true);
  });

  it('should return an empty object for anything but an object', () => {
    expect(scrubDetails(undefined)).toEqual({});
    expect(scrubDetails(null)).toEqual({});
    expect(scrubDetails([1, 2])).toEqual({});
    expect(scrubDetails('password')).toEqual({});
  });
});
