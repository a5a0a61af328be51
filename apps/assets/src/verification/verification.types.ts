import type { ConnectionType } from '../connection-types/index.js';

/** Steps in the order they run; a driver reports the ones that apply to it. */
export const VERIFICATION_STEPS = [
  // Through an SSH bastion (config `ssh_tunnel`): these run first, then the type's own steps.
  'ssh_resolve',
  'ssh_egress_policy',
  'ssh_connect',
  'ssh_host_key',
  'ssh_authenticate',
  'tunnel',
  'resolve',
  'egress_policy',
  'connect',
  'tls',
  'authenticate',
  'discover',
  'privileges',
] as const;
export type VerificationStepName = (typeof VERIFICATION_STEPS)[number];

/** The steps of opening an SSH tunnel, run before the type's own when the config has `ssh_tunnel`. */
export const TUNNEL_STEPS: readonly VerificationStepName[] = VERIFICATION_STEPS.slice(0, 6);

export type StepStatus = 'ok' | 'failed' | 'skipped';

export const VERIFICATION_ERROR_CODES = [
  'auth_failed',
  'unreachable',
  'timeout',
  'tls_error',
  'permission_denied',
  'not_found',
  'invalid_config',
  'egress_denied',
  /** The bastion presented a host key nobody has approved yet (its fingerprint is in the details). */
  'ssh_hostkey_unapproved',
  /** The bastion presented a host key other than the approved one; no credential was sent. */
  'ssh_hostkey_mismatch',
] as const;
export type VerificationErrorCode = (typeof VERIFICATION_ERROR_CODES)[number];

export interface VerificationStep {
  name: VerificationStepName;
  status: StepStatus;
  latency_ms: number;
  message: string;
}

export interface DiscoveredTable {
  name: string;
  /** table, view, materialized_view, foreign_table, partitioned_table, … */
  type: string;
}

export interface DiscoveredSchema {
  name: string;
  tables: DiscoveredTable[];
}

export interface VerificationDetails {
  server_version?: string;
  schemas?: DiscoveredSchema[];
  prefixes?: string[];
  truncated: boolean;
  warnings: string[];
  missing_selected_tables?: string[];
  /** Selected tables that exist but the login may no longer SELECT from (types that can tell). */
  unreadable_selected_tables?: string[];
  /** The server certificate's notAfter, when the session used TLS and the type can tell. */
  tls_certificate_not_after?: string;
  /** The SHA256 fingerprint of the host key the SSH bastion presented, when one was reached. */
  ssh_host_key_fingerprint?: string;
  error_code?: VerificationErrorCode;
}

/** The wire shape of `POST …/verify` (snake_case, exactly as in the public API). */
export interface VerificationReport {
  success: boolean;
  message: string;
  latency_ms: number;
  steps: VerificationStep[];
  details: VerificationDetails;
}

/** Structurally the validator's `NormalizedConnectionInput`, without depending on it. */
export interface VerificationInput {
  type: ConnectionType;
  auth_type: string;
  config: Record<string, unknown>;
  credentials: Record<string, unknown>;
}

export interface VerifyOptions {
  orgId: string;
  /** `schema.table` (or `table`, taken in the default schema) of a saved connection. */
  selectedTables?: string[];
  /** Glob patterns (`*`, `?`) matched against `schema.table` (or key prefixes for storage). */
  include?: string[];
  exclude?: string[];
  maxObjects?: number;
  /** A scheduled check: its caller holds its own slots, so it never takes an interactive one. */
  background?: boolean;
}

/** What a driver hands back when every probe it ran passed. */
export interface DriverOutcome {
  server_version?: string;
  schemas?: DiscoveredSchema[];
  prefixes?: string[];
  truncated?: boolean;
  missing_selected_tables?: string[];
}
