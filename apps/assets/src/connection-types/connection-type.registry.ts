import {
  AZURE_ACCOUNT_NAME,
  AZURE_CONTAINER,
  FAKE_PEM_CERT,
  FAKE_PEM_KEY,
  GCP_PROJECT_ID,
  GCS_BUCKET,
  NO_WHITESPACE_PATTERN,
  OBJECT_PREFIX,
  PASSWORD,
  REGION,
  S3_BUCKET,
  SELECTED_TABLES,
  SERVICE_ACCOUNT_EXAMPLE,
  SERVICE_ACCOUNT_JSON,
  SSH_TUNNEL_CONFIG,
  SSH_TUNNEL_CREDENTIALS,
  USERNAME,
  authType,
  endpoint,
  hostname,
  identifier,
  objectSchema,
  pem,
  port,
  secret,
  str,
} from './connection-schema.fragments.js';
import type { ConnectionCategory, ConnectionType, ConnectionTypeStatus } from './connection-type.js';
import type { JsonSchema } from './json-schema.validator.js';

export const CONFIG_KEYS = ['database_config', 'storage_config'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export const DISCOVERY_LEVELS = ['tables', 'server', 'prefixes'] as const;
export type DiscoveryLevel = (typeof DISCOVERY_LEVELS)[number];

export interface AuthMethodDefinition {
  auth_type: string;
  display_name: string;
  description: string;
  credentials_schema: JsonSchema;
  credentials_example: Record<string, unknown>;
}

export interface ConnectionTypeDefinition {
  type: ConnectionType;
  display_name: string;
  category: ConnectionCategory;
  status: ConnectionTypeStatus;
  /** What a `preview` type lacks, in words a client can show; what `implemented` was tested against. */
  status_reason: string;
  description: string;
  config_key: ConfigKey;
  config_schema: JsonSchema;
  config_example: Record<string, unknown>;
  /** The first entry is the default `auth_type`. */
  auth_methods: readonly AuthMethodDefinition[];
  /**
   * Config fields that decide where credentials are sent; changing one requires new credentials
   * (the comparisons are in credential-rebind.rules.ts).
   */
  destination_fields: readonly string[];
  /**
   * Config fields that set transport security, each with its accepted values from weakest to
   * strongest. Lowering one (also by removing it so its default applies) requires new credentials.
   */
  transport_fields: Readonly<Record<string, readonly unknown[]>>;
  /**
   * The scheme a request to this type's service uses when `endpoint` is absent (`https`), for
   * types whose `endpoint` field can name `http://`: moving to plain HTTP requires new credentials.
   */
  default_endpoint_scheme?: 'https';
  default_port?: number;
  supports_discovery: boolean;
  discovery_level: DiscoveryLevel;
  /** The type accepts `ssh_tunnel` (config) and `credentials.ssh_tunnel`: it dials one host and port. */
  supports_ssh_tunnel: boolean;
}

/** Every field that can route credentials somewhere; `destination_fields` is derived from it. */
export const DESTINATION_FIELD_NAMES = [
  'host',
  'port',
  // Couchbase sends the same credentials to its query service port too.
  'query_port',
  'account',
  'endpoint',
  'bucket',
  'region',
  'container',
  'account_name',
  'project_id',
  'http_path',
  'service_name',
  // Compared by the bastion's address, user, auth method and pinned host key (credential-rebind.rules.ts).
  'ssh_tunnel',
] as const;

/**
 * Every field name that can set transport security. A schema property with one of these names is a
 * transport field: its `enum` must list values weakest first; a boolean means off < on.
 */
export const TRANSPORT_FIELD_NAMES = ['ssl_mode', 'tls', 'ssl', 'use_ssl', 'secure'] as const;

/** Aliases accepted in config bodies (`alias` → canonical field). */
export const CONFIG_FIELD_ALIASES: Readonly<Record<string, string>> = { schema: 'db_schema' };

function credentials(
  title: string,
  required: readonly string[],
  properties: Record<string, JsonSchema>,
): JsonSchema {
  return objectSchema(title, required, properties);
}

const basicAuth = (
  description: string,
  extra: Record<string, JsonSchema> = {},
  exampleExtra: Record<string, unknown> = {},
): AuthMethodDefinition => ({
  auth_type: 'basic',
  display_name: 'Username and password',
  description,
  credentials_schema: credentials('Username and password', ['username', 'password'], {
    username: USERNAME,
    password: PASSWORD,
    ...extra,
  }),
  credentials_example: { username: 'analytics_reader', password: '<password>', ...exampleExtra },
});

const CA_CERT = pem('PEM CA certificate(s) to trust instead of the system store (for verify modes).', false);

const serviceAccountAuth = (description: string): AuthMethodDefinition => ({
  auth_type: 'service_account',
  display_name: 'Service account key',
  description,
  credentials_schema: credentials('Service account key', ['service_account_json'], {
    service_account_json: SERVICE_ACCOUNT_JSON,
  }),
  credentials_example: { service_account_json: SERVICE_ACCOUNT_EXAMPLE },
});

function destinations(schema: JsonSchema): string[] {
  const properties = Object.keys(schema['properties'] as Record<string, unknown>);
  return DESTINATION_FIELD_NAMES.filter((name) => properties.includes(name));
}

function transportLevels(schema: JsonSchema): Record<string, readonly unknown[]> {
  const properties = schema['properties'] as Record<string, JsonSchema>;
  const levels: Record<string, readonly unknown[]> = {};
  for (const name of TRANSPORT_FIELD_NAMES) {
    const property = properties[name];
    if (!property) continue;
    if (Array.isArray(property['enum'])) levels[name] = [...(property['enum'] as unknown[])];
    else if (property['type'] === 'boolean') levels[name] = [false, true];
    else throw new Error(`transport field ${name} must be an enum or a boolean`);
  }
  return levels;
}

/**
 * Fills in what follows from the rest: config key from category, destination and transport
 * fields from the schema.
 */
function define(
  input: Omit<
    ConnectionTypeDefinition,
    | 'config_key'
    | 'destination_fields'
    | 'transport_fields'
    | 'default_endpoint_scheme'
    | 'supports_ssh_tunnel'
  > & { ssh_tunnel?: true },
): ConnectionTypeDefinition {
  const { ssh_tunnel, ...rest } = input;
  const def = ssh_tunnel ? withSshTunnel(rest) : rest;
  const hasEndpoint = Object.hasOwn(def.config_schema['properties'] as object, 'endpoint');
  return {
    ...def,
    supports_ssh_tunnel: Boolean(ssh_tunnel),
    config_key: def.category === 'object_storage' ? 'storage_config' : 'database_config',
    destination_fields: destinations(def.config_schema),
    transport_fields: transportLevels(def.config_schema),
    ...(hasEndpoint ? { default_endpoint_scheme: 'https' as const } : {}),
  };
}

/** Adds the optional `ssh_tunnel` block to the config and to every auth method's credentials. */
function withSshTunnel<T extends Pick<ConnectionTypeDefinition, 'config_schema' | 'auth_methods'>>(
  def: T,
): T {
  const addProperty = (schema: JsonSchema, value: JsonSchema): JsonSchema => ({
    ...schema,
    properties: { ...(schema['properties'] as Record<string, JsonSchema>), ssh_tunnel: value },
  });
  return {
    ...def,
    config_schema: addProperty(def.config_schema, SSH_TUNNEL_CONFIG),
    auth_methods: def.auth_methods.map((method) => ({
      ...method,
      credentials_schema: addProperty(method.credentials_schema, SSH_TUNNEL_CREDENTIALS),
    })),
  };
}

// Both lists run from weakest to strongest: rebind protection compares positions in them.
const POSTGRES_SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const MYSQL_SSL_MODES = ['disable', 'preferred', 'required', 'verify_ca', 'verify_identity'];

function postgresLikeConfig(
  title: string,
  defaultPort: number,
  defaultSsl: string,
  dbMaxLength: number,
): JsonSchema {
  return objectSchema(title, ['host', 'database'], {
    auth_type: authType(['basic']),
    host: hostname('Server hostname or IP address (no scheme, port or path).'),
    port: port(defaultPort),
    database: identifier('Database to connect to.', dbMaxLength),
    db_schema: identifier('Default schema (alias: `schema`).', 63),
    ssl_mode: {
      type: 'string',
      enum: POSTGRES_SSL_MODES,
      default: defaultSsl,
      description: `libpq sslmode (default ${defaultSsl}); use verify-full to check the server certificate and name.`,
    },
    selected_tables: SELECTED_TABLES,
  });
}

const REGISTRY = {
  postgres: define({
    type: 'postgres',
    ssh_tunnel: true,
    display_name: 'PostgreSQL',
    category: 'database',
    status: 'implemented',
    status_reason: 'Tested against a real PostgreSQL 15 server.',
    description:
      'PostgreSQL server (or compatible) over the native protocol; discovers schemas, tables and columns.',
    config_schema: postgresLikeConfig('PostgreSQL connection', 5432, 'prefer', 63),
    config_example: {
      auth_type: 'basic',
      host: 'db.internal.example.com',
      port: 5432,
      database: 'analytics',
      db_schema: 'public',
      ssl_mode: 'verify-full',
    },
    auth_methods: [
      basicAuth(
        'Database user and password, optionally with a CA bundle and a client certificate for mutual TLS.',
        {
          ca_cert: CA_CERT,
          client_cert: pem('PEM client certificate for mutual TLS.', false),
          client_key: pem('PEM private key of the client certificate.', true),
        },
        { ca_cert: FAKE_PEM_CERT },
      ),
    ],
    default_port: 5432,
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  redshift: define({
    type: 'redshift',
    ssh_tunnel: true,
    display_name: 'Amazon Redshift',
    category: 'database',
    status: 'implemented',
    status_reason:
      'Speaks the PostgreSQL wire protocol; tested against a real PostgreSQL 15 server, not a Redshift cluster.',
    description:
      'Amazon Redshift cluster or Serverless workgroup through its PostgreSQL-compatible endpoint; TLS required by default.',
    config_schema: postgresLikeConfig('Amazon Redshift connection', 5439, 'require', 127),
    config_example: {
      auth_type: 'basic',
      host: 'my-cluster.abc123xyz789.eu-west-1.redshift.amazonaws.com',
      port: 5439,
      database: 'dev',
      db_schema: 'public',
      ssl_mode: 'require',
    },
    auth_methods: [
      basicAuth('Database user and password, optionally with a CA bundle.', { ca_cert: CA_CERT }),
    ],
    default_port: 5439,
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  mysql: define({
    type: 'mysql',
    ssh_tunnel: true,
    display_name: 'MySQL',
    category: 'database',
    status: 'implemented',
    status_reason: 'Tested against a real MariaDB 10.11 server (the MySQL wire protocol).',
    description:
      'MySQL or MariaDB server over the native protocol; discovers tables and columns of one database.',
    config_schema: objectSchema('MySQL connection', ['host', 'database'], {
      auth_type: authType(['basic']),
      host: hostname('Server hostname or IP address (no scheme, port or path).'),
      port: port(3306),
      database: identifier('Database (schema) to connect to.', 64),
      ssl_mode: {
        type: 'string',
        enum: MYSQL_SSL_MODES,
        default: 'preferred',
        description:
          'MySQL ssl-mode (default preferred); use verify_identity to check the certificate and name.',
      },
      selected_tables: SELECTED_TABLES,
    }),
    config_example: {
      auth_type: 'basic',
      host: 'mysql.internal.example.com',
      port: 3306,
      database: 'shop',
      ssl_mode: 'required',
    },
    auth_methods: [
      basicAuth('Database user and password, optionally with a CA bundle.', { ca_cert: CA_CERT }),
    ],
    default_port: 3306,
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  snowflake: define({
    type: 'snowflake',
    display_name: 'Snowflake',
    category: 'database',
    status: 'implemented',
    status_reason:
      "The real snowflake-sdk, tested end to end against a server speaking Snowflake's HTTP protocol as the SDK sends it (password and key-pair JWT login, queries, Snowflake's error codes).",
    description:
      'Snowflake account addressed by its account identifier (no host or URL); password or key-pair (JWT) login, server-level discovery (databases the role can see).',
    config_schema: objectSchema('Snowflake connection', ['account'], {
      auth_type: authType(['basic', 'key_pair']),
      account: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        // The driver builds `<account>.snowflakecomputing.com`; a pasted full hostname is a mistake.
        pattern: '^(?!.*snowflakecomputing)[A-Za-z0-9][A-Za-z0-9._-]*$',
        description:
          'Account identifier, e.g. `myorg-myaccount` or `xy12345.eu-west-1` (without .snowflakecomputing.com).',
      },
      warehouse: identifier('Virtual warehouse to run queries on.'),
      database: identifier('Default database.'),
      db_schema: identifier('Default schema (alias: `schema`).'),
      role: identifier('Role to assume after login.'),
    }),
    config_example: {
      auth_type: 'key_pair',
      account: 'xy12345.eu-west-1',
      warehouse: 'COMPUTE_WH',
      database: 'ANALYTICS',
      db_schema: 'PUBLIC',
      role: 'REPORTING',
    },
    auth_methods: [
      basicAuth('Snowflake user and password (accounts enforcing MFA need key-pair authentication).'),
      {
        auth_type: 'key_pair',
        display_name: 'Key pair',
        description: 'Snowflake user with an RSA private key whose public key is registered on the user.',
        credentials_schema: credentials('Key pair', ['username', 'private_key'], {
          username: USERNAME,
          private_key: pem('PEM PKCS#8 private key (may be encrypted).', true),
          private_key_passphrase: secret(1024, 'Passphrase of an encrypted private key.'),
        }),
        credentials_example: { username: 'SVC_ANALYTICS', private_key: FAKE_PEM_KEY },
      },
    ],
    supports_discovery: true,
    discovery_level: 'server',
  }),

  mongodb: define({
    type: 'mongodb',
    ssh_tunnel: true,
    display_name: 'MongoDB',
    category: 'database',
    status: 'implemented',
    status_reason:
      "The real MongoDB driver, tested end to end against a wire-level server (OP_MSG, SCRAM-SHA-256 and SHA-1, mongod's error codes); no mongod can be installed on our test machines.",
    description:
      'MongoDB server or replica set reached through one seed host (no mongodb:// URIs); discovers collections.',
    config_schema: objectSchema('MongoDB connection', ['host', 'database'], {
      auth_type: authType(['basic']),
      host: hostname('Server or replica-set seed hostname (no scheme, port or path).'),
      port: port(27017),
      database: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
        pattern: '^[A-Za-z0-9_-]+$',
        description: 'Database to read.',
      },
      auth_source: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
        pattern: '^[A-Za-z0-9_$-]+$',
        default: 'admin',
        description: 'Database holding the user (default admin).',
      },
      tls: { type: 'boolean', default: true, description: 'Use TLS (default true).' },
      replica_set: identifier('Replica set name, when connecting to a replica set.'),
    }),
    config_example: {
      auth_type: 'basic',
      host: 'mongo-0.internal.example.com',
      port: 27017,
      database: 'events',
      auth_source: 'admin',
      tls: true,
      replica_set: 'rs0',
    },
    auth_methods: [
      basicAuth('Database user and password, optionally with a CA bundle.', { ca_cert: CA_CERT }),
    ],
    default_port: 27017,
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  bigquery: define({
    type: 'bigquery',
    display_name: 'Google BigQuery',
    category: 'database',
    status: 'implemented',
    status_reason:
      "Tested end to end against a server speaking BigQuery's REST API v2 behind Google's service-account token exchange (signatures, scopes, expiry, Google's error envelope).",
    description:
      'BigQuery in a Google Cloud project, accessed with a service-account key; discovers datasets and tables.',
    config_schema: objectSchema('BigQuery connection', ['project_id'], {
      auth_type: authType(['service_account']),
      project_id: { ...GCP_PROJECT_ID, description: 'Project that runs (and is billed for) the queries.' },
      dataset: {
        type: 'string',
        minLength: 1,
        maxLength: 1024,
        pattern: '^[A-Za-z0-9_]+$',
        description: 'Default dataset; omit to discover all datasets in the project.',
      },
      location: {
        type: 'string',
        minLength: 1,
        maxLength: 64,
        pattern: '^[A-Za-z0-9-]+$',
        description: 'Processing location, e.g. `US`, `EU` or `europe-west1`.',
      },
    }),
    config_example: {
      auth_type: 'service_account',
      project_id: 'my-analytics-project',
      dataset: 'sales',
      location: 'EU',
    },
    auth_methods: [serviceAccountAuth('Service account key with BigQuery Data Viewer and Job User roles.')],
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  databricks: define({
    type: 'databricks',
    ssh_tunnel: true,
    display_name: 'Databricks SQL',
    category: 'database',
    status: 'implemented',
    status_reason:
      "The real @databricks/sql client, tested end to end against a Thrift TCLIService server over HTTP (personal access tokens, Databricks' errors).",
    description:
      'Databricks SQL warehouse or cluster reached by workspace hostname and HTTP path, with an access token; discovers catalogs, schemas and tables.',
    config_schema: objectSchema('Databricks connection', ['host', 'http_path'], {
      auth_type: authType(['token']),
      host: hostname('Workspace hostname, e.g. `dbc-a1b2c3d4-e5f6.cloud.databricks.com` (no https://).'),
      http_path: {
        type: 'string',
        minLength: 5,
        maxLength: 255,
        pattern: '^/?sql/(?!.*\\.\\.)[A-Za-z0-9._/-]+$',
        description: 'HTTP path of the SQL warehouse or cluster, e.g. `/sql/1.0/warehouses/abc123`.',
      },
      catalog: identifier('Unity Catalog catalog (default: the workspace default).'),
      db_schema: identifier('Default schema (alias: `schema`).'),
    }),
    config_example: {
      auth_type: 'token',
      host: 'dbc-a1b2c3d4-e5f6.cloud.databricks.com',
      http_path: '/sql/1.0/warehouses/1234567890abcdef',
      catalog: 'main',
      db_schema: 'default',
    },
    auth_methods: [
      {
        auth_type: 'token',
        display_name: 'Access token',
        description: 'Personal access token or service-principal token with CAN USE on the warehouse.',
        credentials_schema: credentials('Access token', ['token'], {
          token: secret(4096, 'Databricks access token.', NO_WHITESPACE_PATTERN),
        }),
        credentials_example: { token: '<databricks-token>' },
      },
    ],
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  oracle: define({
    type: 'oracle',
    ssh_tunnel: true,
    display_name: 'Oracle Database',
    category: 'database',
    status: 'preview',
    status_reason:
      'Preview: no Oracle server or wire-level (TNS) peer runs on our test machines, so settings and error mapping are tested but a whole verification is not.',
    description: 'Oracle Database reached by host, port and service name (no TNS descriptors or wallets).',
    config_schema: objectSchema('Oracle connection', ['host', 'service_name'], {
      auth_type: authType(['basic']),
      host: hostname('Listener hostname or IP address (no scheme, port or path).'),
      port: port(1521),
      service_name: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^[A-Za-z0-9_$#.-]+$',
        description: 'Database service name, e.g. `ORCLPDB1`.',
      },
      ssl: { type: 'boolean', default: false, description: 'Connect with TLS (TCPS) (default false).' },
    }),
    config_example: {
      auth_type: 'basic',
      host: 'oracle.internal.example.com',
      port: 1521,
      service_name: 'ORCLPDB1',
      ssl: true,
    },
    auth_methods: [basicAuth('Database user and password.')],
    default_port: 1521,
    supports_discovery: true,
    discovery_level: 'tables',
  }),

  s3: define({
    type: 's3',
    display_name: 'Amazon S3',
    category: 'object_storage',
    status: 'implemented',
    status_reason: 'Tested against s3rver (the S3 REST protocol).',
    description:
      'Amazon S3 bucket, or an S3-compatible service through a custom HTTPS endpoint; discovers key prefixes.',
    config_schema: objectSchema('Amazon S3 bucket', ['bucket', 'region'], {
      auth_type: authType(['access_key']),
      bucket: S3_BUCKET,
      region: REGION,
      endpoint: endpoint(
        'https-or-loopback-http',
        'Custom endpoint for S3-compatible services, e.g. `https://s3.example.com` (HTTPS; plain HTTP only to localhost).',
      ),
      path_style: {
        type: 'boolean',
        default: false,
        description: 'Use path-style URLs instead of virtual hosts (default false).',
      },
      prefix: OBJECT_PREFIX,
    }),
    config_example: {
      auth_type: 'access_key',
      bucket: 'acme-data-lake',
      region: 'eu-west-1',
      prefix: 'raw/',
    },
    auth_methods: [
      {
        auth_type: 'access_key',
        display_name: 'Access key',
        description: 'IAM access key id and secret, plus a session token for temporary credentials.',
        credentials_schema: credentials('Access key', ['access_key', 'secret_key'], {
          access_key: str(128, { pattern: NO_WHITESPACE_PATTERN, description: 'Access key id.' }),
          secret_key: secret(1024, 'Secret access key.', NO_WHITESPACE_PATTERN),
          session_token: secret(8192, 'Session token of temporary (STS) credentials.', NO_WHITESPACE_PATTERN),
        }),
        credentials_example: { access_key: 'AKIAIOSFODNN7EXAMPLE', secret_key: '<secret-access-key>' },
      },
    ],
    supports_discovery: true,
    discovery_level: 'prefixes',
  }),

  minio: define({
    type: 'minio',
    display_name: 'MinIO',
    category: 'object_storage',
    status: 'implemented',
    status_reason: 'Tested against s3rver (MinIO speaks the S3 protocol, path-style).',
    description:
      'Bucket on a self-hosted MinIO (or other S3-compatible) server; path-style addressing by default.',
    config_schema: objectSchema('MinIO bucket', ['bucket', 'endpoint'], {
      auth_type: authType(['access_key']),
      bucket: S3_BUCKET,
      endpoint: endpoint(
        'http-or-https',
        'Server URL, e.g. `https://minio.internal.example.com:9000` (no path).',
      ),
      region: REGION,
      path_style: { type: 'boolean', default: true, description: 'Use path-style URLs (default true).' },
      prefix: OBJECT_PREFIX,
    }),
    config_example: {
      auth_type: 'access_key',
      bucket: 'warehouse',
      endpoint: 'https://minio.internal.example.com:9000',
      region: 'us-east-1',
      path_style: true,
    },
    auth_methods: [
      {
        auth_type: 'access_key',
        display_name: 'Access key',
        description: 'MinIO access key and secret key of a user or service account.',
        credentials_schema: credentials('Access key', ['access_key', 'secret_key'], {
          access_key: str(128, { pattern: NO_WHITESPACE_PATTERN, description: 'Access key.' }),
          secret_key: secret(1024, 'Secret key.', NO_WHITESPACE_PATTERN),
        }),
        credentials_example: { access_key: '<access-key>', secret_key: '<secret-key>' },
      },
    ],
    supports_discovery: true,
    discovery_level: 'prefixes',
  }),

  gcs: define({
    type: 'gcs',
    display_name: 'Google Cloud Storage',
    category: 'object_storage',
    status: 'implemented',
    status_reason:
      "Tested against a server speaking the GCS JSON API behind Google's service-account token exchange.",
    description: 'Google Cloud Storage bucket accessed with a service-account key; discovers key prefixes.',
    config_schema: objectSchema('Google Cloud Storage bucket', ['bucket'], {
      auth_type: authType(['service_account']),
      bucket: GCS_BUCKET,
      project_id: {
        ...GCP_PROJECT_ID,
        description: 'Project of the bucket (default: the key file’s project).',
      },
      endpoint: endpoint(
        'https-or-loopback-http',
        'Custom endpoint for private access or an emulator (HTTPS; plain HTTP only to localhost).',
      ),
      prefix: OBJECT_PREFIX,
    }),
    config_example: {
      auth_type: 'service_account',
      bucket: 'acme-exports',
      project_id: 'my-analytics-project',
      prefix: 'daily/',
    },
    auth_methods: [
      serviceAccountAuth(
        'Service account key with Storage Object Viewer (or Admin for writes) on the bucket.',
      ),
    ],
    supports_discovery: true,
    discovery_level: 'prefixes',
  }),

  azure_blob: define({
    type: 'azure_blob',
    display_name: 'Azure Blob Storage',
    category: 'object_storage',
    status: 'implemented',
    status_reason: "Tested against Azurite, Microsoft's Azure Storage emulator.",
    description: 'Container in an Azure Storage account, authenticated with the account key or a SAS token.',
    config_schema: objectSchema('Azure Blob Storage container', ['account_name', 'container'], {
      auth_type: authType(['shared_key', 'sas_token']),
      account_name: AZURE_ACCOUNT_NAME,
      container: AZURE_CONTAINER,
      endpoint: endpoint(
        'http-or-https',
        'Blob service URL (default `https://<account_name>.blob.core.windows.net`); one path segment allowed for emulators.',
        true,
      ),
      prefix: OBJECT_PREFIX,
    }),
    config_example: {
      auth_type: 'shared_key',
      account_name: 'acmedatalake',
      container: 'landing',
      prefix: 'crm/',
    },
    auth_methods: [
      {
        auth_type: 'shared_key',
        display_name: 'Account key',
        description: 'One of the storage account access keys (full access to the account).',
        credentials_schema: credentials('Account key', ['account_key'], {
          account_key: secret(255, 'Storage account access key (base64).', NO_WHITESPACE_PATTERN),
        }),
        credentials_example: { account_key: '<base64-account-key>' },
      },
      {
        auth_type: 'sas_token',
        display_name: 'SAS token',
        description: 'Shared access signature scoped to the container; preferred for least privilege.',
        credentials_schema: credentials('SAS token', ['sas_token'], {
          sas_token: secret(
            4096,
            'SAS token query string (with or without the leading `?`).',
            NO_WHITESPACE_PATTERN,
          ),
        }),
        credentials_example: { sas_token: 'sv=2022-11-02&sp=rl&sig=<signature>' },
      },
    ],
    supports_discovery: true,
    discovery_level: 'prefixes',
  }),
  couchbase: define({
    type: 'couchbase',
    display_name: 'Couchbase Server',
    category: 'database',
    status: 'implemented',
    status_reason: "Tested against a server speaking Couchbase Server 7.x's management and query REST APIs.",
    description:
      'Couchbase Server 7.x cluster through its REST management API (and the Query service); discovers bucket.scope.collection keyspaces.',
    config_schema: objectSchema('Couchbase connection', ['host'], {
      auth_type: authType(['basic']),
      host: hostname('Hostname or IP address of one cluster node (no scheme, port or path).'),
      port: {
        type: 'integer',
        minimum: 1,
        maximum: 65535,
        description: 'Cluster management (REST) port (default 18091 with TLS, 8091 without).',
      },
      query_port: {
        type: 'integer',
        minimum: 1,
        maximum: 65535,
        description: 'Query service port on the same host (default 18093 with TLS, 8093 without).',
      },
      tls: {
        type: 'boolean',
        default: true,
        description:
          'Use TLS (default true); the certificate is always verified (add ca_cert for a private CA).',
      },
      bucket: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: '^[A-Za-z0-9_.%-]+$',
        description: 'Bucket to verify; omit to discover every bucket the user can see.',
      },
      check_query: {
        type: 'boolean',
        default: true,
        description: 'Also run a read-only statement on the Query service (default true).',
      },
      selected_tables: {
        ...SELECTED_TABLES,
        description:
          'Limit to these keyspaces (`bucket.scope.collection`, or `scope.collection` / `collection` in the configured bucket); omit for all.',
      },
    }),
    config_example: {
      auth_type: 'basic',
      host: 'cb-node-1.internal.example.com',
      port: 18091,
      query_port: 18093,
      tls: true,
      bucket: 'travel-sample',
      selected_tables: ['travel-sample.inventory.airline'],
    },
    auth_methods: [
      basicAuth(
        'Couchbase RBAC user and password (data_reader and query_select on the bucket are enough), optionally with a CA bundle.',
        { ca_cert: CA_CERT },
        { ca_cert: FAKE_PEM_CERT },
      ),
    ],
    supports_discovery: true,
    discovery_level: 'tables',
  }),
  hive: define({
    type: 'hive',
    ssh_tunnel: true,
    display_name: 'Apache Hive',
    category: 'database',
    status: 'implemented',
    status_reason:
      'Tested against a HiveServer2-compatible Thrift TCLIService server over HTTP (basic auth).',
    description:
      'Apache Hive through HiveServer2 in HTTP transport mode (Thrift TCLIService, HTTP Basic login); discovers databases and tables.',
    config_schema: objectSchema('Apache Hive connection', ['host'], {
      auth_type: authType(['basic']),
      host: hostname('HiveServer2 hostname or IP address (no scheme, port or path).'),
      port: port(10001),
      http_path: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^/?(?!.*\\.\\.)[A-Za-z0-9._/-]+$',
        default: 'cliservice',
        description:
          'HTTP endpoint of the Thrift service (hive.server2.thrift.http.path, default `cliservice`).',
      },
      transport: {
        type: 'string',
        enum: ['http'],
        default: 'http',
        description:
          'Thrift transport: `http` (hive.server2.transport.mode=http, port 10001). The binary SASL transport (port 10000) is not supported.',
      },
      tls: {
        type: 'boolean',
        default: true,
        description: 'Use HTTPS (hive.server2.use.SSL) and verify the certificate (default true).',
      },
      database: identifier('Database to open the session in and discover (default: every database).', 128),
      selected_tables: SELECTED_TABLES,
    }),
    config_example: {
      auth_type: 'basic',
      host: 'hive.internal.example.com',
      port: 10001,
      http_path: 'cliservice',
      transport: 'http',
      tls: true,
      database: 'sales',
    },
    auth_methods: [
      basicAuth(
        'HiveServer2 user and password sent as HTTP Basic (LDAP, PAM or custom authentication), optionally with a CA bundle.',
        { ca_cert: CA_CERT },
      ),
    ],
    default_port: 10001,
    supports_discovery: true,
    discovery_level: 'tables',
  }),
} satisfies Record<ConnectionType, ConnectionTypeDefinition>;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The single source of truth for connection types; frozen so no caller can edit a schema at runtime. */
export const CONNECTION_TYPE_REGISTRY: Record<ConnectionType, ConnectionTypeDefinition> =
  deepFreeze(REGISTRY);

/** The `auth_type` a config without one uses: the type's first auth method. */
export function defaultAuthType(type: ConnectionType): string {
  return CONNECTION_TYPE_REGISTRY[type].auth_methods[0]!.auth_type;
}

/** Default value a config schema declares for a field, if any. */
export function configDefault(type: ConnectionType, field: string): unknown {
  const properties = CONNECTION_TYPE_REGISTRY[type].config_schema['properties'] as Record<string, JsonSchema>;
  return properties[field]?.['default'];
}
