import { CONNECTION_TYPES } from './connection-type.js';
import {
  CONNECTION_TYPE_REGISTRY,
  DESTINATION_FIELD_NAMES,
  TRANSPORT_FIELD_NAMES,
  configDefault,
} from './connection-type.registry.js';
import { JSON_SCHEMA_DIALECT, PEM_MAX_LENGTH } from './connection-schema.fragments.js';
import type { JsonSchema } from './json-schema.validator.js';

const SECRET_FIELDS = [
  'password',
  'client_key',
  'private_key',
  'private_key_passphrase',
  'token',
  'secret_key',
  'session_token',
  'account_key',
  'sas_token',
];

function props(schema: JsonSchema): Record<string, JsonSchema> {
  return schema['properties'] as Record<string, JsonSchema>;
}

/** Walks every subschema so length caps can be checked on nested objects too. */
function* stringSchemas(schema: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  if (schema['type'] === 'string') yield [path, schema];
  for (const [key, child] of Object.entries(props(schema) ?? {}))
    yield* stringSchemas(child, `${path}.${key}`);
  if (schema['items']) yield* stringSchemas(schema['items'] as JsonSchema, `${path}[]`);
}

describe('CONNECTION_TYPE_REGISTRY', () => {
  it('should have one entry per connection type, keyed by its own type', () => {
    expect(Object.keys(CONNECTION_TYPE_REGISTRY).sort()).toEqual([...CONNECTION_TYPES].sort());
    for (const type of CONNECTION_TYPES) expect(CONNECTION_TYPE_REGISTRY[type].type).toBe(type);
  });

  it('should mark only server-tested types as implemented', () => {
    const implemented = CONNECTION_TYPES.filter((t) => CONNECTION_TYPE_REGISTRY[t].status === 'implemented');
    expect(implemented.sort()).toEqual([
      'azure_blob',
      'bigquery',
      'couchbase',
      'databricks',
      'gcs',
      'hive',
      'minio',
      'mongodb',
      'mysql',
      'postgres',
      'redshift',
      's3',
      'snowflake',
    ]);
    const preview = CONNECTION_TYPES.filter((t) => CONNECTION_TYPE_REGISTRY[t].status === 'preview');
    expect(preview.sort()).toEqual(['oracle']);
  });

  it('should derive the config key and discovery level from the category', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      expect(def.config_key).toBe(def.category === 'database' ? 'database_config' : 'storage_config');
      if (def.category === 'object_storage') expect(def.discovery_level).toBe('prefixes');
    }
    expect(CONNECTION_TYPE_REGISTRY.snowflake.discovery_level).toBe('server');
    expect(CONNECTION_TYPE_REGISTRY.postgres.discovery_level).toBe('tables');
  });

  it('should close every schema and declare the 2020-12 dialect', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      const schemas = [def.config_schema, ...def.auth_methods.map((m) => m.credentials_schema)];
      for (const schema of schemas) {
        expect(schema['$schema']).toBe(JSON_SCHEMA_DIALECT);
        expect(schema['type']).toBe('object');
        expect(schema['additionalProperties']).toBe(false);
      }
    }
  });

  it('should cap the length of every string field', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      const schemas = [def.config_schema, ...def.auth_methods.map((m) => m.credentials_schema)];
      for (const schema of schemas) {
        for (const [path, s] of stringSchemas(schema, type)) {
          if (s['enum'] || s['const']) continue;
          expect({
            path,
            maxLength: typeof s['maxLength'] === 'number' && (s['maxLength'] as number) <= PEM_MAX_LENGTH,
          }).toEqual({
            path,
            maxLength: true,
          });
        }
      }
    }
  });

  it('should list auth_type in the config with the first auth method as default', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      const authType = props(def.config_schema)['auth_type']!;
      expect(authType['enum']).toEqual(def.auth_methods.map((m) => m.auth_type));
      expect(authType['default']).toBe(def.auth_methods[0]!.auth_type);
      for (const m of def.auth_methods) expect(props(m.credentials_schema)['auth_type']).toBeUndefined();
    }
  });

  it('should mark secret credential fields writeOnly and masked', () => {
    let checked = 0;
    for (const type of CONNECTION_TYPES) {
      for (const method of CONNECTION_TYPE_REGISTRY[type].auth_methods) {
        for (const [name, schema] of Object.entries(props(method.credentials_schema))) {
          if (SECRET_FIELDS.includes(name)) {
            expect({ name, writeOnly: schema['writeOnly'], format: schema['format'] }).toEqual({
              name,
              writeOnly: true,
              format: 'password',
            });
            checked++;
          }
          if (name === 'service_account_json') {
            expect(schema['writeOnly']).toBe(true);
            expect(props(schema)['private_key']!['format']).toBe('password');
          }
          if (name === 'username' || name === 'ca_cert') expect(schema['format']).toBeUndefined();
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('should use obviously fake values for every secret in the examples', () => {
    for (const type of CONNECTION_TYPES) {
      for (const method of CONNECTION_TYPE_REGISTRY[type].auth_methods) {
        const schemaProps = props(method.credentials_schema);
        for (const [name, value] of Object.entries(method.credentials_example)) {
          const schema = schemaProps[name]!;
          if (schema['writeOnly'] !== true) continue;
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          expect({ type, name, fake: text.includes('<') }).toEqual({ type, name, fake: true });
        }
      }
    }
  });

  it('should derive destination fields from the shared list', () => {
    expect(CONNECTION_TYPE_REGISTRY.postgres.destination_fields).toEqual(['host', 'port', 'ssh_tunnel']);
    expect(CONNECTION_TYPE_REGISTRY.snowflake.destination_fields).toEqual(['account']);
    expect(CONNECTION_TYPE_REGISTRY.databricks.destination_fields).toEqual([
      'host',
      'http_path',
      'ssh_tunnel',
    ]);
    expect(CONNECTION_TYPE_REGISTRY.oracle.destination_fields).toEqual([
      'host',
      'port',
      'service_name',
      'ssh_tunnel',
    ]);
    expect(CONNECTION_TYPE_REGISTRY.s3.destination_fields).toEqual(['endpoint', 'bucket', 'region']);
    expect(CONNECTION_TYPE_REGISTRY.azure_blob.destination_fields).toEqual([
      'endpoint',
      'container',
      'account_name',
    ]);
    expect(CONNECTION_TYPE_REGISTRY.bigquery.destination_fields).toEqual(['project_id']);
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      expect(def.destination_fields.length).toBeGreaterThan(0);
      for (const f of def.destination_fields) {
        expect(DESTINATION_FIELD_NAMES).toContain(f);
        expect(Object.keys(props(def.config_schema))).toContain(f);
      }
      for (const name of ['database', 'db_schema', 'dataset', 'catalog'])
        expect(def.destination_fields).not.toContain(name);
    }
  });

  it('should keep default_port equal to the port default of the schema', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      expect(def.default_port).toBe(configDefault(type, 'port'));
    }
    expect(CONNECTION_TYPE_REGISTRY.redshift.default_port).toBe(5439);
  });

  it('should only offer selected_tables on databases', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      if (def.category !== 'database') expect(props(def.config_schema)['selected_tables']).toBeUndefined();
    }
    expect(props(CONNECTION_TYPE_REGISTRY.postgres.config_schema)['selected_tables']!['maxItems']).toBe(
      10_000,
    );
  });

  it('should be frozen', () => {
    const schema = CONNECTION_TYPE_REGISTRY.postgres.config_schema as Record<string, unknown>;
    expect(() => {
      schema['additionalProperties'] = true;
    }).toThrow(TypeError);
    expect(Object.isFrozen(props(CONNECTION_TYPE_REGISTRY.postgres.config_schema)['host'])).toBe(true);
  });

  it('should give every type and auth method a useful description', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      expect(def.description.length).toBeGreaterThan(40);
      for (const m of def.auth_methods) expect(m.description.length).toBeGreaterThan(15);
    }
  });
});

describe('transport fields', () => {
  it('should list every transport-security field of every type, weakest value first', () => {
    const fields = Object.fromEntries(
      CONNECTION_TYPES.map((type) => [type, CONNECTION_TYPE_REGISTRY[type].transport_fields]),
    );
    expect(fields).toEqual({
      postgres: { ssl_mode: ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] },
      redshift: { ssl_mode: ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] },
      mysql: { ssl_mode: ['disable', 'preferred', 'required', 'verify_ca', 'verify_identity'] },
      mongodb: { tls: [false, true] },
      oracle: { ssl: [false, true] },
      snowflake: {},
      bigquery: {},
      databricks: {},
      s3: {},
      minio: {},
      gcs: {},
      azure_blob: {},
      couchbase: { tls: [false, true] },
      hive: { tls: [false, true] },
    });
  });

  it('should know every config field that looks like transport security', () => {
    for (const type of CONNECTION_TYPES) {
      const def = CONNECTION_TYPE_REGISTRY[type];
      for (const name of Object.keys(def.config_schema['properties'] as Record<string, JsonSchema>)) {
        if (/ssl|tls|secure|insecure|verify|cert/i.test(name)) expect(TRANSPORT_FIELD_NAMES).toContain(name);
      }
      // Every type whose endpoint may name http:// defaults to https without one.
      if ('endpoint' in (def.config_schema['properties'] as object))
        expect(def.default_endpoint_scheme).toBe('https');
    }
  });
});
