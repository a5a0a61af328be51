import type { ConnectionHealth, HealthForecast } from '../persistence/data-connection.entity.js';
import type { VerificationErrorCode, VerificationReport } from '../../verification/index.js';

const DAY_MS = 86_400_000;

export interface HealthPolicy {
  slowMs: number;
  tlsExpiryWarningDays: number;
  /** 0 = credentials never age out. */
  credentialsMaxAgeDays: number;
}

export interface HealthVerdict {
  health: ConnectionHealth;
  forecast: HealthForecast;
  /** Why a working connection is `degraded` (shown in its history), besides the report's warnings. */
  reasons: string[];
}

/** A failed probe's error code, as the failure taxonomy names it. */
const FAILURE_HEALTH: Record<VerificationErrorCode, ConnectionHealth> = {
  auth_failed: 'auth_failed',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  egress_denied: 'unreachable',
  tls_error: 'tls_error',
  permission_denied: 'permission_lost',
  not_found: 'permission_lost',
  invalid_config: 'unknown',
  // A changed bastion key is a possible interception, like a certificate that fails its checks.
  ssh_hostkey_mismatch: 'tls_error',
  // Waiting for someone to approve the bastion's key: nothing is known about the database yet.
  ssh_hostkey_unapproved: 'unknown',
};

/**
 * What one check says about a connection. Failures map by error code; a connection that works
 * but lost a selected table (gone, or no SELECT) is `permission_lost`; one that works but is slow,
 * warned about (an over-privileged login, no TLS) or close to a forecast limit is `degraded`.
 */
export function classifyHealth(
  report: VerificationReport,
  facts: { now: number; credentialsStoredAt: Date | null },
  policy: HealthPolicy,
): HealthVerdict {
  const forecast = forecastOf(report, facts.credentialsStoredAt, policy);
  if (!report.success) {
    const code = report.details.error_code;
    return { health: code ? FAILURE_HEALTH[code] : 'unknown', forecast, reasons: [] };
  }
  if (report.details.missing_selected_tables?.length || report.details.unreadable_selected_tables?.length)
    return { health: 'permission_lost', forecast, reasons: [] };
  const reasons: string[] = [];
  if (report.latency_ms > policy.slowMs)
    reasons.push(`the check took ${report.latency_ms} ms (slow above ${policy.slowMs} ms)`);
  const certificateLeft = forecast.tls_certificate_not_after
    ? Date.parse(forecast.tls_certificate_not_after) - facts.now
    : Infinity;
  if (certificateLeft <= policy.tlsExpiryWarningDays * DAY_MS)
    reasons.push(
      certificateLeft <= 0
        ? 'the server certificate has expired'
        : `the server certificate expires in ${Math.ceil(certificateLeft / DAY_MS)} days`,
    );
  if (forecast.credentials_expire_at && Date.parse(forecast.credentials_expire_at) <= facts.now)
    reasons.push(`the credentials are older than ${policy.credentialsMaxAgeDays} days; rotate them`);
  const degraded = reasons.length > 0 || report.details.warnings.length > 0;
  return { health: degraded ? 'degraded' : 'healthy', forecast, reasons };
}

function forecastOf(report: VerificationReport, storedAt: Date | null, policy: HealthPolicy): HealthForecast {
  const forecast: HealthForecast = {};
  if (report.details.tls_certificate_not_after)
    forecast.tls_certificate_not_after = report.details.tls_certificate_not_after;
  if (storedAt) {
    forecast.credentials_set_at = storedAt.toISOString();
    if (policy.credentialsMaxAgeDays > 0) {
      forecast.credentials_max_age_days = policy.credentialsMaxAgeDays;
      forecast.credentials_expire_at = new Date(
        storedAt.getTime() + policy.credentialsMaxAgeDays * DAY_MS,
      ).toISOString();
    }
  }
  return forecast;
}
