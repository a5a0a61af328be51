import { CONNECTION_TYPES, type ConnectionType } from './connection-type.js';
import { CONNECTION_TYPE_REGISTRY } from './connection-type.registry.js';
import {
  validateConnectionInput,
  type ConnectionInput,
  type ConnectionInputResult,
} from './connection-input.validator.js';
import { DEFAULT_POOL_SETTINGS } from './pool-settings.js';

type Errors = Array<{ field: string; message: string }>;

function errorsOf(result: ConnectionInputResult): Errors {
  if (result.ok) throw new Error('expected validation to fail');
  return result.errors;
}

/** Distinct error fields in order; one field can break several rules (length and pattern). */
const PEM_KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n';

function fields(result: ConnectionInputResult): string[] {
  return [...new Set(errorsOf(result).map((e) => e.field))];
}

/** A valid create body built from the registry's own examples. */
function exampleInput(type: ConnectionType, authIndex = 0): ConnectionInput & Record<string, unknown> {
  const def = CONNECTION_TYPE_REGISTRY[type];
  const method = def.auth_methods[authIndex]!;
  return {
    connection_type: type,
    [def.config_key]: { ...structuredClone(def.config_example), auth_type: method.auth_type },
    credentials: structuredClone(method.credentials_example),
  };
}

function withConfig(type: ConnectionType, patch: Record<string, unknown>): ConnectionInput {
  const input = exampleInput(type);
  const key = CONNECTION_TYPE_REGISTRY[type].config_key;
  return { ...input, [key]: { ...(input[key] as object), ...patch } };
}

/** The field of each type that names a network destination as free text. */
const ADDRESS_FIELD: Record<ConnectionType, string> = {
  postgres: 'host',
  redshift: 'host',
  mysql: 'host',
  mongodb: 'host',
  databricks: 'host',
  oracle: 'host',
  snowflake: 'account',
  bigquery: 'project_id',
  s3: 'endpoint',
  minio: 'endpoint',
  gcs: 'endpoint',
  azure_blob: 'endpoint',
  couchbase: 'host',
  hive: 'host',
};

describe(validateConnectionInput.name, () => {
  describe.each(CONNECTION_TYPES)('%s', (type) => {
    const def = CONNECTION_TYPE_REGISTRY[type];
    const key = def.config_key;
    const address = `${key}.${ADDRESS_FIELD[type]}`;

    it('should accept the registry example with every auth method', () => {
      def.auth_methods.forEach((method, index) => {
        const result = validateConnectionInput(exampleInput(type, index), 'create');
        expect(result.ok ? 'ok' : result.errors).toBe('ok');
        if (result.ok) {
          expect(result.value.type).toBe(type);
          expect(result.value.auth_type).toBe(method.auth_type);
          expect(result.value.credentials).toEqual(method.credentials_example);
        }
      });
    });

    it.each([
      ['a connection string', 'postgres://u:p@h/db'],
      ['userinfo', 'admin@db.example.com'],
      ['a path', 'db.example.com/other'],
      ['a URL with credentials', 'https://user:secret@db.example.com'],
      ['whitespace', 'db example com'],
    ])('should reject %s in the address field', (_label, value) => {
      expect(
        fields(validateConnectionInput(withConfig(type, { [ADDRESS_FIELD[type]]: value }), 'create')),
      ).toContain(address);
    });

    it('should reject port 70000', () => {
      // Types without a port field reject it as unknown; endpoint URLs enforce the same range.
      expect(fields(validateConnectionInput(withConfig(type, { port: 70000 }), 'create'))).toEqual([
        `${key}.port`,
      ]);
      if (ADDRESS_FIELD[type] === 'endpoint') {
        const bad = withConfig(type, { endpoint: 'https://storage.example.com:70000' });
        expect(fields(validateConnectionInput(bad, 'create'))).toEqual([`${key}.endpoint`]);
      }
    });

    it('should name unknown config and credential fields', () => {
      const input = withConfig(type, { driver_options: 'x', connection_string: 'y' });
      (input.credentials as Record<string, unknown>)['auth_type'] = def.auth_methods[0]!.auth_type;
      const errors = errorsOf(validateConnectionInput(input, 'create'));
      expect(errors).toEqual(
        expect.arrayContaining([
          { field: `${key}.driver_options`, message: 'is not an allowed field' },
          { field: `${key}.connection_string`, message: 'is not an allowed field' },
          { field: 'credentials.auth_type', message: 'is not an allowed field' },
        ]),
      );
    });

    it('should reject the other category config key', () => {
      const other = key === 'database_config' ? 'storage_config' : 'database_config';
      const input = { ...exampleInput(type), [other]: {} };
      expect(errorsOf(validateConnectionInput(input, 'create'))).toEqual([
        { field: other, message: `is not allowed for ${type} connections; use ${key}` },
      ]);
    });

    it('should never echo submitted values in error messages', () => {
      const canary = 'CANARY-7f3a9e';
      const config = Object.fromEntries(
        Object.keys(def.config_schema['properties'] as object).map((f) => [
          f,
          `${canary}://u:${canary}@h/${canary}`,
        ]),
      );
      config['auth_type'] = def.auth_methods[0]!.auth_type;
      const credentials: Record<string, unknown> = Object.fromEntries(
        def.auth_methods
          .flatMap((m) => Object.keys(m.credentials_schema['properties'] as object))
          .map((f) => [f, 7]),
      );
      credentials['password'] = { nested: canary };
      const result = validateConnectionInput(
        {
          connection_type: type,
          [key]: config,
          credentials,
          pool: { max_connections: canary },
        } as ConnectionInput,
        'create',
      );
      const errors = errorsOf(result);
      expect(errors.length).toBeGreaterThan(2);
      expect(JSON.stringify(errors)).not.toContain(canary);
    });
  });

  describe('defaults', () => {
    it.each([
      ['postgres', { port: 5432, ssl_mode: 'prefer', auth_type: 'basic' }],
      ['redshift', { port: 5439, ssl_mode: 'require' }],
      ['mysql', { port: 3306, ssl_mode: 'preferred' }],
      ['mongodb', { port: 27017, auth_source: 'admin', tls: true }],
      ['oracle', { port: 1521, ssl: false }],
    ] as const)('should fill in %s defaults', (type, expected) => {
      const config =
        type === 'oracle'
          ? { host: 'db.example.com', service_name: 'ORCL' }
          : { host: 'db.example.com', database: 'app' };
      const result = validateConnectionInput(
        { connection_type: type, database_config: config, credentials: { username: 'u', password: 'p' } },
        'create',
      );
      expect(result.ok && result.value.config).toMatchObject(expected);
    });

    it('should fill in object storage defaults', () => {
      const creds = { access_key: 'AKIAIOSFODNN7EXAMPLE', secret_key: 's' };
      const s3 = validateConnectionInput(
        { connection_type: 's3', storage_config: { bucket: 'my-bucket' }, credentials: creds },
        'create',
      );
      expect(s3.ok && s3.value.config).toEqual({
        auth_type: 'access_key',
        bucket: 'my-bucket',
        region: 'us-east-1',
        path_style: false,
      });
      const minio = validateConnectionInput(
        {
          connection_type: 'minio',
          storage_config: { bucket: 'b12', endpoint: 'http://minio:9000' },
          credentials: creds,
        },
        'create',
      );
      expect(minio.ok && minio.value.config).toMatchObject({ path_style: true, region: 'us-east-1' });
    });

    it('should not materialise the Azure endpoint default', () => {
      const result = validateConnectionInput(
        {
          connection_type: 'azure_blob',
          storage_config: { account_name: 'acct1', container: 'c-1' },
          credentials: { account_key: 'k' },
        },
        'create',
      );
      expect(result.ok && result.value.config).toEqual({
        auth_type: 'shared_key',
        account_name: 'acct1',
        container: 'c-1',
      });
    });

    it('should apply pool defaults', () => {
      const result = validateConnectionInput(exampleInput('postgres'), 'create');
      expect(result.ok && result.value.pool).toEqual(DEFAULT_POOL_SETTINGS);
    });

    it('should not mutate the caller input', () => {
      const input = exampleInput('postgres');
      const before = structuredClone(input);
      validateConnectionInput(input, 'create');
      expect(input).toEqual(before);
    });
  });

  describe('schema alias', () => {
    it('should accept schema as db_schema', () => {
      const result = validateConnectionInput(
        withConfig('postgres', { db_schema: undefined, schema: 'sales' }),
        'create',
      );
      expect(result.ok && result.value.config['db_schema']).toBe('sales');
      expect(result.ok && 'schema' in result.value.config).toBe(false);
    });

    it('should accept both when they agree', () => {
      const result = validateConnectionInput(
        withConfig('databricks', { db_schema: 'x', schema: 'x' }),
        'create',
      );
      expect(result.ok && result.value.config['db_schema']).toBe('x');
    });

    it('should reject both when they differ', () => {
      const errors = errorsOf(
        validateConnectionInput(withConfig('snowflake', { db_schema: 'A', schema: 'B' }), 'create'),
      );
      expect(errors).toEqual([
        {
          field: 'database_config.schema',
          message: 'conflicts with database_config.db_schema; send only one',
        },
      ]);
    });

    it('should treat schema as unknown on types without db_schema', () => {
      expect(fields(validateConnectionInput(withConfig('mysql', { schema: 'x' }), 'create'))).toEqual([
        'database_config.schema',
      ]);
    });
  });

  describe('ssh_tunnel', () => {
    const tunnel = { host: 'bastion.example.com', username: 'tunnel' };
    const withTunnel = (config: Record<string, unknown>, credentials: Record<string, unknown> = {}) => {
      const input = withConfig('postgres', { ssh_tunnel: config });
      return { ...input, credentials: { ...(input.credentials as object), ...credentials } };
    };

    it('should default to a managed key on port 22 and refuse key material for it', () => {
      const result = validateConnectionInput(withTunnel(tunnel), 'create');
      expect(result.ok && result.value.config['ssh_tunnel']).toEqual({
        ...tunnel,
        port: 22,
        auth_method: 'managed_key',
      });
      expect(
        fields(
          validateConnectionInput(withTunnel(tunnel, { ssh_tunnel: { private_key: PEM_KEY } }), 'create'),
        ),
      ).toEqual(['credentials.ssh_tunnel.private_key']);
    });

    it('should require the secret its auth method needs, and nothing else', () => {
      expect(
        fields(validateConnectionInput(withTunnel({ ...tunnel, auth_method: 'private_key' }), 'create')),
      ).toEqual(['credentials.ssh_tunnel.private_key']);
      expect(
        fields(
          validateConnectionInput(
            withTunnel(
              { ...tunnel, auth_method: 'password' },
              { ssh_tunnel: { password: 'p', passphrase: 'x' } },
            ),
            'create',
          ),
        ),
      ).toEqual(['credentials.ssh_tunnel.passphrase']);
      expect(
        validateConnectionInput(
          withTunnel(
            { ...tunnel, auth_method: 'private_key' },
            { ssh_tunnel: { private_key: PEM_KEY, passphrase: 'x' } },
          ),
          'create',
        ).ok,
      ).toBe(true);
    });

    it('should refuse tunnel credentials without a tunnel, a malformed fingerprint and types that cannot tunnel', () => {
      const input = exampleInput('postgres');
      expect(
        fields(
          validateConnectionInput(
            { ...input, credentials: { ...(input.credentials as object), ssh_tunnel: { password: 'p' } } },
            'create',
          ),
        ),
      ).toEqual(['credentials.ssh_tunnel']);
      expect(
        fields(
          validateConnectionInput(withTunnel({ ...tunnel, host_key_fingerprint: 'MD5:aa:bb' }), 'create'),
        ),
      ).toEqual(['database_config.ssh_tunnel.host_key_fingerprint']);
      expect(
        fields(validateConnectionInput(withConfig('snowflake', { ssh_tunnel: tunnel }), 'create')),
      ).toEqual(['database_config.ssh_tunnel']);
      expect(fields(validateConnectionInput(withConfig('s3', { ssh_tunnel: tunnel }), 'create'))).toEqual([
        'storage_config.ssh_tunnel',
      ]);
    });

    it('should refuse a bastion host that smuggles a user, port or scheme', () => {
      for (const host of ['user@bastion', 'bastion:22', 'ssh://bastion', 'bastion example']) {
        expect(fields(validateConnectionInput(withTunnel({ ...tunnel, host }), 'create'))).toEqual([
          'database_config.ssh_tunnel.host',
        ]);
      }
    });
  });

  describe('field rules', () => {
    it('should reject a port given as a string or fraction', () => {
      expect(fields(validateConnectionInput(withConfig('postgres', { port: '5432' }), 'create'))).toEqual([
        'database_config.port',
      ]);
      expect(fields(validateConnectionInput(withConfig('postgres', { port: 54.5 }), 'create'))).toEqual([
        'database_config.port',
      ]);
      expect(fields(validateConnectionInput(withConfig('postgres', { port: 0 }), 'create'))).toEqual([
        'database_config.port',
      ]);
    });

    it('should reject an unknown ssl_mode', () => {
      expect(
        fields(validateConnectionInput(withConfig('mysql', { ssl_mode: 'verify-full' }), 'create')),
      ).toEqual(['database_config.ssl_mode']);
    });

    it('should report missing required fields by name', () => {
      const errors = errorsOf(
        validateConnectionInput(
          { connection_type: 'postgres', database_config: {}, credentials: {} },
          'create',
        ),
      );
      expect(errors).toEqual(
        expect.arrayContaining([
          { field: 'database_config.host', message: 'is required' },
          { field: 'database_config.database', message: 'is required' },
          { field: 'credentials.username', message: 'is required' },
          { field: 'credentials.password', message: 'is required' },
        ]),
      );
    });

    it.each(['192.168.1.10', 'My-Bucket', 'ab', 'a..b', 'xn--bucket', 'bucket-', 'a'.repeat(64)])(
      'should reject the S3 bucket name %s',
      (bucket) => {
        expect(fields(validateConnectionInput(withConfig('s3', { bucket }), 'create'))).toEqual([
          'storage_config.bucket',
        ]);
      },
    );

    it.each(['my.bucket-1', 'logs2024', 'a1b'])('should accept the S3 bucket name %s', (bucket) => {
      expect(validateConnectionInput(withConfig('s3', { bucket }), 'create').ok).toBe(true);
    });

    it('should apply GCS and Azure naming rules', () => {
      expect(fields(validateConnectionInput(withConfig('gcs', { bucket: 'google-data' }), 'create'))).toEqual(
        ['storage_config.bucket'],
      );
      expect(validateConnectionInput(withConfig('gcs', { bucket: 'my_bucket.example' }), 'create').ok).toBe(
        true,
      );
      expect(
        fields(validateConnectionInput(withConfig('azure_blob', { account_name: 'Acct' }), 'create')),
      ).toEqual(['storage_config.account_name']);
      expect(
        fields(validateConnectionInput(withConfig('azure_blob', { container: 'a--b' }), 'create')),
      ).toEqual(['storage_config.container']);
    });

    it('should reject a Snowflake account pasted as a hostname', () => {
      const input = withConfig('snowflake', { account: 'xy12345.eu-west-1.snowflakecomputing.com' });
      expect(fields(validateConnectionInput(input, 'create'))).toEqual(['database_config.account']);
    });

    it('should only allow plain HTTP endpoints where the table says so', () => {
      expect(
        fields(validateConnectionInput(withConfig('s3', { endpoint: 'http://s3.example.com' }), 'create')),
      ).toEqual(['storage_config.endpoint']);
      expect(
        validateConnectionInput(withConfig('s3', { endpoint: 'http://127.0.0.1:4568' }), 'create').ok,
      ).toBe(true);
      expect(
        validateConnectionInput(withConfig('s3', { endpoint: 'https://s3.example.com/' }), 'create').ok,
      ).toBe(true);
      expect(
        validateConnectionInput(withConfig('minio', { endpoint: 'http://minio.internal:9000' }), 'create').ok,
      ).toBe(true);
      expect(
        validateConnectionInput(
          withConfig('azure_blob', { endpoint: 'http://127.0.0.1:10000/devstoreaccount1' }),
          'create',
        ).ok,
      ).toBe(true);
      for (const endpoint of [
        'https://h.example.com/a?sig=x',
        'https://h.example.com#x',
        'ftp://h.example.com',
        'https://h/a/b',
      ]) {
        expect(fields(validateConnectionInput(withConfig('azure_blob', { endpoint }), 'create'))).toContain(
          'storage_config.endpoint',
        );
      }
    });

    it('should reject prefixes that escape with ..', () => {
      for (const prefix of ['../x', 'a/../b', '/abs', 'a b']) {
        expect(fields(validateConnectionInput(withConfig('s3', { prefix }), 'create'))).toEqual([
          'storage_config.prefix',
        ]);
      }
      expect(validateConnectionInput(withConfig('s3', { prefix: 'raw/year=2024/' }), 'create').ok).toBe(true);
    });

    it('should validate selected_tables', () => {
      const ok = validateConnectionInput(
        withConfig('postgres', { selected_tables: ['orders', 'sales.items'] }),
        'create',
      );
      expect(ok.ok).toBe(true);
      const bad = validateConnectionInput(
        withConfig('postgres', { selected_tables: ['ok', 'drop table;'] }),
        'create',
      );
      expect(fields(bad)).toEqual(['database_config.selected_tables[1]']);
      const tooMany = Array.from({ length: 10_001 }, (_, i) => `t${i}`);
      expect(
        fields(validateConnectionInput(withConfig('mysql', { selected_tables: tooMany }), 'create')),
      ).toEqual(['database_config.selected_tables']);
    });

    it('should cap PEM strings at 16 KiB and require PEM armour', () => {
      const body = 'A'.repeat(17 * 1024);
      const big = `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
      const input = exampleInput('postgres');
      (input.credentials as Record<string, unknown>)['ca_cert'] = big;
      expect(fields(validateConnectionInput(input, 'create'))).toEqual(['credentials.ca_cert']);
      (input.credentials as Record<string, unknown>)['ca_cert'] = '/etc/ssl/certs/ca.pem';
      expect(fields(validateConnectionInput(input, 'create'))).toEqual(['credentials.ca_cert']);
    });

    it('should check the service account key file shape', () => {
      const input = exampleInput('gcs');
      const sa = (input.credentials as { service_account_json: Record<string, unknown> })
        .service_account_json;
      delete sa['client_email'];
      sa['token_uri'] = 'https://attacker.example.com/token';
      expect(fields(validateConnectionInput(input, 'create')).sort()).toEqual([
        'credentials.service_account_json.client_email',
        'credentials.service_account_json.token_uri',
      ]);
    });

    it('should reject an auth_type the type does not offer', () => {
      expect(
        fields(validateConnectionInput(withConfig('postgres', { auth_type: 'token' }), 'create')),
      ).toEqual(['database_config.auth_type']);
    });

    it('should validate credentials against the chosen auth method', () => {
      const input = withConfig('azure_blob', { auth_type: 'sas_token' });
      expect(fields(validateConnectionInput(input, 'create')).sort()).toEqual([
        'credentials.account_key',
        'credentials.sas_token',
      ]);
      input.credentials = { sas_token: 'sv=1&sig=<x>' };
      expect(validateConnectionInput(input, 'create').ok).toBe(true);
    });

    it('should reject an unknown connection type without echoing it', () => {
      const errors = errorsOf(validateConnectionInput({ connection_type: 'CANARY-db' }, 'create'));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.field).toBe('connection_type');
      expect(errors[0]!.message).not.toContain('CANARY');
    });

    it('should treat a __proto__ key as an unknown field', () => {
      const input = JSON.parse(
        '{"connection_type":"postgres","database_config":{"host":"h","database":"d","__proto__":{"polluted":1}},' +
          '"credentials":{"username":"u","password":"p"}}',
      ) as ConnectionInput;
      expect(fields(validateConnectionInput(input, 'create'))).toEqual(['database_config.__proto__']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('should cap the number of reported errors', () => {
      const config = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
      const errors = errorsOf(
        validateConnectionInput(
          { connection_type: 'postgres', database_config: config, credentials: {} },
          'create',
        ),
      );
      expect(errors.length).toBeLessThanOrEqual(50);
    });
  });

  describe('modes', () => {
    it('should require credentials for create and verify only', () => {
      const { credentials: _omit, ...input } = exampleInput('postgres');
      expect(errorsOf(validateConnectionInput(input as ConnectionInput, 'create'))).toEqual([
        { field: 'credentials', message: 'is required' },
      ]);
      expect(fields(validateConnectionInput(input as ConnectionInput, 'verify'))).toEqual(['credentials']);
      const update = validateConnectionInput(input as ConnectionInput, 'update-full');
      expect(update.ok && update.value.credentials).toBeUndefined();
    });

    it('should require the config object outside partial updates', () => {
      expect(fields(validateConnectionInput({ connection_type: 's3' }, 'update-full'))).toEqual([
        'storage_config',
      ]);
    });

    it('should reject a non-object config or credentials', () => {
      const input = {
        connection_type: 'postgres',
        database_config: 'host=h',
        credentials: ['x'],
      } as unknown as ConnectionInput;
      expect(fields(validateConnectionInput(input, 'verify'))).toEqual(['database_config', 'credentials']);
    });

    const existing = {
      type: 'postgres' as const,
      config: {
        auth_type: 'basic',
        host: 'db.example.com',
        port: 5432,
        database: 'app',
        db_schema: 'public',
        ssl_mode: 'require',
      },
      pool: { ...DEFAULT_POOL_SETTINGS, max_connections: 20 },
    };

    it('should merge a partial config onto the stored one', () => {
      const result = validateConnectionInput(
        { connection_type: 'postgres', database_config: { schema: 'sales', ssl_mode: 'verify-full' } },
        'update-partial',
        existing,
      );
      expect(result.ok && result.value.config).toEqual({
        ...existing.config,
        db_schema: 'sales',
        ssl_mode: 'verify-full',
      });
      expect(result.ok && result.value.pool.max_connections).toBe(20);
    });

    it('should clear an optional field set to null in a partial update', () => {
      const result = validateConnectionInput(
        { connection_type: 'postgres', database_config: { db_schema: null } },
        'update-partial',
        existing,
      );
      expect(result.ok && result.value.config).not.toHaveProperty('db_schema');
      const required = validateConnectionInput(
        { connection_type: 'postgres', database_config: { database: null } },
        'update-partial',
        existing,
      );
      expect(fields(required)).toEqual(['database_config.database']);
    });

    it('should validate the merged result, not just the patch', () => {
      const result = validateConnectionInput(
        { connection_type: 'postgres', database_config: { port: 70000 } },
        'update-partial',
        existing,
      );
      expect(fields(result)).toEqual(['database_config.port']);
    });

    it('should keep the stored config when a partial update only touches the pool', () => {
      const result = validateConnectionInput(
        { connection_type: 'postgres', pool: { min_connections: 5 } },
        'update-partial',
        existing,
      );
      expect(result.ok && result.value.config).toEqual(existing.config);
      expect(result.ok && result.value.pool).toEqual({ ...existing.pool, min_connections: 5 });
    });

    it('should require credentials when a destination changes in an update', () => {
      const moved = validateConnectionInput(
        { connection_type: 'postgres', database_config: { host: 'other.example.com' } },
        'update-partial',
        existing,
      );
      expect(errorsOf(moved)).toEqual([
        { field: 'credentials', message: 'is required when destination fields change (host)' },
      ]);
      const withCreds = validateConnectionInput(
        {
          connection_type: 'postgres',
          database_config: { host: 'other.example.com' },
          credentials: { username: 'u', password: 'p' },
        },
        'update-partial',
        existing,
      );
      expect(withCreds.ok).toBe(true);
      const full = validateConnectionInput(
        { connection_type: 'postgres', database_config: { ...existing.config, port: 6432 } },
        'update-full',
        existing,
      );
      expect(fields(full)).toEqual(['credentials']);
    });

    it('should not require credentials when only non-destination fields change', () => {
      const full = validateConnectionInput(
        { connection_type: 'postgres', database_config: { host: 'db.example.com', database: 'other' } },
        'update-full',
        existing,
      );
      expect(full.ok).toBe(true);
    });

    it('should require credentials when the auth method changes', () => {
      const snowflake = { type: 'snowflake' as const, config: { auth_type: 'basic', account: 'xy12345' } };
      const result = validateConnectionInput(
        { connection_type: 'snowflake', database_config: { auth_type: 'key_pair' } },
        'update-partial',
        snowflake,
      );
      expect(errorsOf(result)).toEqual([
        { field: 'credentials', message: 'is required when auth_type changes' },
      ]);
    });

    it('should reject a type change in a partial update and require credentials for it in a full one', () => {
      expect(
        fields(
          validateConnectionInput(
            { connection_type: 'mysql', database_config: {} },
            'update-partial',
            existing,
          ),
        ),
      ).toEqual(['connection_type']);
      const full = validateConnectionInput(
        { connection_type: 'redshift', database_config: { host: 'db.example.com', database: 'app' } },
        'update-full',
        existing,
      );
      expect(errorsOf(full)).toEqual([
        { field: 'credentials', message: 'is required when connection_type changes' },
      ]);
    });

    it('should fall back to the stored type when a partial update omits connection_type', () => {
      const input = {
        database_config: { port: 5433 },
        credentials: { username: 'u', password: 'p' },
      } as unknown as ConnectionInput;
      const result = validateConnectionInput(input, 'update-partial', existing);
      expect(result.ok && result.value.config['port']).toBe(5433);
    });

    it('should refuse a partial update without the stored connection', () => {
      expect(() => validateConnectionInput({ connection_type: 'postgres' }, 'update-partial')).toThrow(
        /existing/,
      );
    });

    it('should report invalid pool settings with pool paths', () => {
      const input = { ...exampleInput('postgres'), pool: { max_connections: 0, idle_timeout_ms: 5 } };
      expect(fields(validateConnectionInput(input, 'create')).sort()).toEqual([
        'pool.idle_timeout_ms',
        'pool.max_connections',
      ]);
    });
  });
});
