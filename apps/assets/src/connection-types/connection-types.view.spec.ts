import { CONNECTION_TYPES } from './connection-type.js';
import { CONNECTION_TYPE_REGISTRY } from './connection-type.registry.js';
import { listConnectionTypes } from './connection-types.view.js';

const PUBLIC_KEYS = [
  'auth_methods',
  'category',
  'config_example',
  'config_key',
  'config_schema',
  'default_auth_type',
  'default_port',
  'description',
  'destination_fields',
  'discovery_level',
  'display_name',
  'status',
  'status_reason',
  'supports_discovery',
  'supports_ssh_tunnel',
  'type',
];

describe(listConnectionTypes.name, () => {
  it('should list every type sorted by category, then type', () => {
    const { data } = listConnectionTypes();
    expect(data.map((d) => d.type)).toEqual([
      'bigquery',
      'couchbase',
      'databricks',
      'hive',
      'mongodb',
      'mysql',
      'oracle',
      'postgres',
      'redshift',
      'snowflake',
      'azure_blob',
      'gcs',
      'minio',
      's3',
    ]);
    expect(data).toHaveLength(CONNECTION_TYPES.length);
  });

  it('should expose only the allow-listed fields', () => {
    const document = listConnectionTypes();
    expect(Object.keys(document)).toEqual(['data']);
    for (const entry of document.data) {
      expect(Object.keys(entry).sort()).toEqual(PUBLIC_KEYS);
      for (const method of entry.auth_methods) {
        expect(Object.keys(method).sort()).toEqual([
          'auth_type',
          'credentials_example',
          'credentials_schema',
          'description',
          'display_name',
        ]);
      }
    }
  });

  it('should carry the registry content', () => {
    const snowflake = listConnectionTypes().data.find((d) => d.type === 'snowflake')!;
    expect(snowflake).toMatchObject({
      status: 'implemented',
      discovery_level: 'server',
      default_port: null,
      default_auth_type: 'basic',
    });
    expect(snowflake.config_schema).toEqual(CONNECTION_TYPE_REGISTRY.snowflake.config_schema);
    const oracle = listConnectionTypes().data.find((d) => d.type === 'oracle')!;
    expect(oracle.status).toBe('preview');
    expect(oracle.status_reason).toMatch(/no Oracle server/);
    const postgres = listConnectionTypes().data.find((d) => d.type === 'postgres')!;
    expect(postgres).toMatchObject({
      default_port: 5432,
      config_key: 'database_config',
      destination_fields: ['host', 'port', 'ssh_tunnel'],
    });
  });

  it('should return copies that callers cannot use to alter validation', () => {
    const first = listConnectionTypes();
    (first.data[0]!.config_schema as Record<string, unknown>)['additionalProperties'] = true;
    first.data[0]!.destination_fields.push('x');
    const second = listConnectionTypes();
    expect(second.data[0]!.config_schema['additionalProperties']).toBe(false);
    expect(second.data[0]!.destination_fields).not.toContain('x');
  });

  it('should be JSON-serialisable without loss', () => {
    const document = listConnectionTypes();
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
