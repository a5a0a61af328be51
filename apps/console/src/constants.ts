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
export const STATUSES = ['PENDING', 'ACTIVE', 'ERROR', 'DISABLED'] as const;
export const HEALTHS = [
  'healthy',
  'degraded',
  'auth_failed',
  'unreachable',
  'permission_lost',
  'tls_error',
  'unknown',
] as const;
export const SORTS: [string, string][] = [
  ['-updated_at', 'Recently updated'],
  ['name', 'Name A–Z'],
  ['-name', 'Name Z–A'],
  ['-created_at', 'Newest'],
  ['connection_type', 'Type'],
  ['status', 'Status'],
  ['-last_checked_at', 'Last checked'],
];
