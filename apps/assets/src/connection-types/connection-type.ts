/** Every connection type the product knows. Adding one here forces a registry entry and a driver. */
export const CONNECTION_TYPES = [
  'postgres',
  'redshift',
  'snowflake',
  'mysql',
  'mongodb',
  'bigquery',
  'databricks',
  'oracle',
  's3',
  'gcs',
  'minio',
  'azure_blob',
] as const;

export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export type ConnectionCategory = 'database' | 'object_storage' | 'file_system';

/** `implemented`: exercised against a real server in our tests; `preview`: mapping-tested only. */
export type ConnectionTypeStatus = 'implemented' | 'preview';

export function isConnectionType(value: unknown): value is ConnectionType {
  return typeof value === 'string' && (CONNECTION_TYPES as readonly string[]).includes(value);
}
