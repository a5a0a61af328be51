import { listConnectionTypes } from '../../connection-types/index.js';
import type { ConnectionTypesDto } from './connection-type.dto.js';
import type {
  ConnectionDto,
  ConnectionPageDto,
  ConnectionSecretDto,
  CreateConnectionDto,
  UpdateConnectionDto,
  VerificationReportDto,
  VerifyConnectionDto,
  VerifyExistingDto,
} from './connection.dto.js';

// The documented examples of the connection routes. The create request is the platform's own
// example (the seed document); the connection responses are what this service answers to it
// (test/e2e/connections.e2e-spec.ts sends it and compares). Each example must be valid against
// its schema: the committed OpenAPI document is linted for that.

const ORG = 'acme-corp';
const PROJECT = 'analytics-prod';
const URI = `data:${ORG}:${PROJECT}:customer-analytics-db`;
const CREATED_AT = '2026-01-15T09:30:00.000Z';

/** The create body of the platform docs, as written (`schema` is the input alias of `db_schema`). */
export const CREATE_CONNECTION_EXAMPLE = {
  name: 'Customer Analytics DB',
  connection_type: 'postgres',
  description: 'Production read replica for analytics',
  database_config: {
    host: 'pg-replica.example.com',
    port: 5432,
    database: 'analytics',
    schema: 'public',
    selected_tables: ['customers', 'orders', 'products'],
  },
  credentials: { username: 'analytics_reader', password: 'secret' },
  tags: ['production', 'analytics'],
} satisfies CreateConnectionDto;

const DEFAULT_POOL = {
  max_connections: 10,
  min_connections: 0,
  idle_timeout_ms: 30_000,
  connection_timeout_ms: 10_000,
  max_lifetime_ms: 1_800_000,
};

/** The answer to CREATE_CONNECTION_EXAMPLE in org acme-corp with X-Project-ID analytics-prod. */
export const CONNECTION_EXAMPLE = {
  resource_uri: URI,
  name: 'Customer Analytics DB',
  connection_type: 'postgres',
  description: 'Production read replica for analytics',
  org_id: ORG,
  project_id: PROJECT,
  scope: 'project',
  status: 'PENDING',
  tags: ['production', 'analytics'],
  database_config: {
    auth_type: 'basic',
    host: 'pg-replica.example.com',
    port: 5432,
    database: 'analytics',
    db_schema: 'public',
    ssl_mode: 'prefer',
    selected_tables: ['customers', 'orders', 'products'],
  },
  pool: DEFAULT_POOL,
  created_by: 'alice',
  created_at: CREATED_AT,
  updated_at: CREATED_AT,
  last_verified_at: null,
  last_verification: null,
  health: 'unknown',
  health_check_interval_seconds: null,
  last_checked_at: null,
  last_healthy_at: null,
  consecutive_failures: 0,
  next_check_at: null,
  health_forecast: null,
} satisfies ConnectionDto;

/** The same connection after a successful re-verify. */
export const VERIFIED_CONNECTION_EXAMPLE = {
  ...CONNECTION_EXAMPLE,
  status: 'ACTIVE',
  updated_at: '2026-01-15T09:31:12.000Z',
  last_verified_at: '2026-01-15T09:31:12.000Z',
  last_verification: { success: true, message: 'connection verified', latency_ms: 184 },
} satisfies ConnectionDto;

export const CONNECTION_PAGE_EXAMPLE = {
  data: [VERIFIED_CONNECTION_EXAMPLE],
  pagination: { page: 1, limit: 20, total_items: 1, total_pages: 1, next_page: null, prev_page: null },
} satisfies ConnectionPageDto;

/** PUT: every setting; credentials may be omitted when the destination stays the same. */
export const REPLACE_CONNECTION_EXAMPLE = {
  name: 'Customer Analytics DB',
  connection_type: 'postgres',
  description: 'Production read replica for analytics (TLS verified)',
  database_config: {
    host: 'pg-replica.example.com',
    port: 5432,
    database: 'analytics',
    db_schema: 'public',
    ssl_mode: 'verify-full',
    selected_tables: ['customers', 'orders', 'products'],
  },
  tags: ['production', 'analytics'],
} satisfies UpdateConnectionDto;

export const REPLACED_CONNECTION_EXAMPLE = {
  ...VERIFIED_CONNECTION_EXAMPLE,
  description: REPLACE_CONNECTION_EXAMPLE.description,
  database_config: { ...CONNECTION_EXAMPLE.database_config, ssl_mode: 'verify-full' },
  updated_at: '2026-01-16T08:00:00.000Z',
} satisfies ConnectionDto;

/** PATCH bodies: only what changes. */
export const UPDATE_CONNECTION_EXAMPLES = {
  tags: {
    summary: 'Change the description and tags',
    value: { description: 'Read replica, refreshed nightly', tags: ['production', 'analytics', 'nightly'] },
  },
  rotate: {
    summary: 'Rotate the credentials (needs can_manage_secrets)',
    value: { credentials: { username: 'analytics_reader', password: 'new-secret' } },
  },
  move: {
    summary: 'Move to a new host: new credentials in the same request',
    value: {
      database_config: { host: 'pg-replica-2.example.com' },
      credentials: { username: 'analytics_reader', password: 'new-secret' },
    },
  },
  disable: { summary: 'Disable the connection', value: { status: 'DISABLED' } },
} satisfies Record<string, { summary: string; value: UpdateConnectionDto }>;

export const UPDATED_CONNECTION_EXAMPLE = {
  ...VERIFIED_CONNECTION_EXAMPLE,
  description: 'Read replica, refreshed nightly',
  tags: ['production', 'analytics', 'nightly'],
  updated_at: '2026-01-16T08:00:00.000Z',
} satisfies ConnectionDto;

export const CONNECTION_SECRET_EXAMPLE = {
  resource_uri: URI,
  connection_type: 'postgres',
  auth_type: 'basic',
  credentials: { username: 'analytics_reader', password: 'secret' },
  version: 1,
  active_version: 1,
  rotated_at: null,
} satisfies ConnectionSecretDto;

/** `?version=previous` during a rotation's grace period: the replaced version, with when it goes. */
export const PREVIOUS_SECRET_EXAMPLE = {
  resource_uri: URI,
  connection_type: 'postgres',
  auth_type: 'basic',
  credentials: { username: 'analytics_reader', password: 'old-secret' },
  version: 2,
  active_version: 3,
  rotated_at: '2026-01-05T10:00:01.000Z',
  previous_version: 2,
  previous_version_expires_at: '2026-01-05T11:00:01.000Z',
} satisfies ConnectionSecretDto;

/** The platform docs' verify-before-save example. */
export const VERIFY_CONNECTION_EXAMPLE = {
  connection_type: 'postgres',
  credentials: { username: 'dbuser', password: 'secretpassword' },
  database_config: {
    auth_type: 'basic',
    host: 'db.example.com',
    port: 5432,
    database: 'analytics',
    db_schema: 'public',
    ssl_mode: 'require',
  },
} satisfies VerifyConnectionDto;

export const VERIFY_EXISTING_EXAMPLES = {
  default: { summary: 'Re-test with the default discovery', value: {} },
  filtered: {
    summary: 'Discover only the public schema, at most 1000 objects',
    value: { discovery: { include: ['public.*'], exclude: ['public.tmp_*'], max_objects: 1000 } },
  },
} satisfies Record<string, { summary: string; value: VerifyExistingDto }>;

export const VERIFICATION_REPORT_EXAMPLE = {
  success: true,
  message: 'connection verified',
  latency_ms: 184,
  steps: [
    { name: 'resolve', status: 'ok', latency_ms: 3, message: '1 address(es)' },
    { name: 'egress_policy', status: 'ok', latency_ms: 0, message: 'allowed; pinned to 203.0.113.10' },
    { name: 'connect', status: 'ok', latency_ms: 21, message: 'connected to db.example.com:5432' },
    { name: 'tls', status: 'ok', latency_ms: 38, message: 'TLSv1.3 negotiated, certificate not verified' },
    { name: 'authenticate', status: 'ok', latency_ms: 45, message: 'authenticated as dbuser' },
    { name: 'discover', status: 'ok', latency_ms: 62, message: '4 objects in 1 schemas' },
    { name: 'privileges', status: 'ok', latency_ms: 9, message: 'SELECT on 4 of 4 discovered objects' },
  ],
  details: {
    server_version: 'PostgreSQL 16.4',
    schemas: [
      {
        name: 'public',
        tables: [
          { name: 'customers', type: 'table' },
          { name: 'orders', type: 'table' },
          { name: 'products', type: 'table' },
          { name: 'daily_revenue', type: 'materialized_view' },
        ],
      },
    ],
    truncated: false,
    warnings: [],
  },
} satisfies VerificationReportDto;

/** A probe that failed is still a 200: the report says where. */
export const FAILED_VERIFICATION_REPORT_EXAMPLE = {
  success: false,
  message: 'failed at authenticate: authentication failed: check the user name and password',
  latency_ms: 57,
  steps: [
    { name: 'resolve', status: 'ok', latency_ms: 3, message: '1 address(es)' },
    { name: 'egress_policy', status: 'ok', latency_ms: 0, message: 'allowed; pinned to 203.0.113.10' },
    { name: 'connect', status: 'ok', latency_ms: 20, message: 'connected to db.example.com:5432' },
    { name: 'tls', status: 'ok', latency_ms: 30, message: 'TLSv1.3 negotiated, certificate not verified' },
    {
      name: 'authenticate',
      status: 'failed',
      latency_ms: 4,
      message: 'authentication failed: check the user name and password',
    },
    { name: 'discover', status: 'skipped', latency_ms: 0, message: 'not run: an earlier step failed' },
    { name: 'privileges', status: 'skipped', latency_ms: 0, message: 'not run: an earlier step failed' },
  ],
  details: { truncated: false, warnings: [], error_code: 'auth_failed' },
} satisfies VerificationReportDto;

/** The catalog's PostgreSQL entry, exactly as served. */
export const CONNECTION_TYPES_EXAMPLE: ConnectionTypesDto = {
  data: listConnectionTypes().data.filter((t) => t.type === 'postgres'),
};
