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
  'couchbase',
  'hive',
] as const;

export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const CONNECTION_CATEGORIES = ['database', 'object_storage', 'file_system'] as const;
export type ConnectionCategory = (typeof CONNECTION_CATEGORIES)[number];

/** `implemented`: exercised against a real server in our tests; `preview`: mapping-tested only. */
export const CONNECTION_TYPE_STATUSES = ['implemented', 'preview'] as const;
export type ConnectionTypeStatus = (typeof CONNECTION_TYPE_STATUSES)[number];

export function isConnectionType(value: unknown): value is ConnectionType {
  return typeof value === 'string' && (CONNECTION_TYPES as readonly string[]).includes(value);
}
