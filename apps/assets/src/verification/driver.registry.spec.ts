import { CONNECTION_TYPES } from '../connection-types/index.js';
import { ConnectorDriver } from './connector-driver.js';
import { DRIVERS } from './driver.registry.js';
import { VERIFICATION_STEPS } from './verification.types.js';

describe('DRIVERS', () => {
  it('should have a driver for every connection type, registered under its own type', () => {
    for (const type of CONNECTION_TYPES) {
      expect(DRIVERS[type]).toBeInstanceOf(ConnectorDriver);
      expect(DRIVERS[type].type).toBe(type);
    }
    expect(Object.keys(DRIVERS).sort()).toEqual([...CONNECTION_TYPES].sort());
  });

  it('should be frozen and declare only known steps in canonical order', () => {
    expect(Object.isFrozen(DRIVERS)).toBe(true);
    for (const driver of Object.values(DRIVERS)) {
      const order = driver.steps.map((s) => VERIFICATION_STEPS.indexOf(s));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('should refuse an incomplete config before naming any destination', () => {
    for (const type of [
      'snowflake',
      'mongodb',
      'bigquery',
      'databricks',
      'oracle',
      'gcs',
      'azure_blob',
      'couchbase',
      'hive',
    ] as const) {
      expect(() => DRIVERS[type].target({ type, auth_type: 'basic', config: {}, credentials: {} })).toThrow();
    }
  });

  it('should reject unknown config and credential fields in every implemented driver', () => {
    const base = {
      postgres: {
        config: { host: 'db', database: 'd' },
        credentials: { username: 'u', password: 'p' },
        auth_type: 'basic',
      },
      redshift: {
        config: { host: 'db', database: 'd' },
        credentials: { username: 'u', password: 'p' },
        auth_type: 'basic',
      },
      mysql: {
        config: { host: 'db', database: 'd' },
        credentials: { username: 'u', password: 'p' },
        auth_type: 'basic',
      },
      s3: {
        config: { bucket: 'bkt', region: 'eu-west-1' },
        credentials: { access_key: 'a', secret_key: 's' },
        auth_type: 'access_key',
      },
      minio: {
        config: { bucket: 'bkt', endpoint: 'http://127.0.0.1:9000' },
        credentials: { access_key: 'a', secret_key: 's' },
        auth_type: 'access_key',
      },
      couchbase: {
        config: { host: 'cb' },
        credentials: { username: 'u', password: 'p' },
        auth_type: 'basic',
      },
      hive: {
        config: { host: 'hive' },
        credentials: { username: 'u', password: 'p' },
        auth_type: 'basic',
      },
    } as const;
    for (const [type, input] of Object.entries(base) as Array<
      [keyof typeof base, (typeof base)[keyof typeof base]]
    >) {
      const driver = DRIVERS[type];
      expect(() => driver.target({ type, ...input })).not.toThrow();
      expect(() => driver.target({ type, ...input, config: { ...input.config, options: '-c x=1' } })).toThrow(
        'not supported',
      );
      expect(() =>
        driver.target({ type, ...input, credentials: { ...input.credentials, sslkey: '/etc/passwd' } }),
      ).toThrow('not supported');
    }
  });
});
