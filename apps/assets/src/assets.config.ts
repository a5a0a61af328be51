import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from '@app/config';
import { LOG_FORMATS, type LogFormat } from '@app/core';

/** Ports, hosts, GOVERNANCE_URL and DATA_DIR live in TopologyConfig (@app/config), shared with Governance. */
export class AssetsConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** `pretty` (human lines) or `json`; unset: pretty when stdout is a terminal, else JSON. */
  @IsOptional() @IsIn(LOG_FORMATS) LOG_FORMAT?: LogFormat;
  @IsInt() @Min(100) @Max(60_000) GOVERNANCE_TIMEOUT_MS = 5000;
  /**
   * Readiness asks Governance (as the service account) whether it and its secrets backend are
   * ready; the answer is reused this long so probes do not hammer it. 0 = ask on every probe.
   */
  @IsInt() @Min(0) @Max(60_000) GOVERNANCE_READINESS_CACHE_MS = 2000;
  /** OAuth2 client credentials of the Assets service account (not needed with the dev identity provider). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'ASSETS_SERVICE_TOKEN_URL must be an http(s) URL' })
  ASSETS_SERVICE_TOKEN_URL?: string;
  @IsOptional() @IsString() ASSETS_SERVICE_CLIENT_ID?: string;
  @IsOptional() @IsString() @Secret() ASSETS_SERVICE_CLIENT_SECRET?: string;
  /** How often the reconciler looks for interrupted operations; 0 disables it (tests drive it by hand). */
  @IsInt() @Min(0) @Max(3_600_000) RECONCILE_INTERVAL_MS = 15_000;
  /**
   * How often the secret-store sweep looks for orphaned connection credentials in the secrets
   * backend (through Governance); 0 disables it. One replica sweeps a given org at a time.
   */
  @IsInt() @Min(0) @Max(7 * 24 * 3_600_000) SECRETS_SWEEP_INTERVAL_MS = 3_600_000;
  /** How often the health scheduler looks for due checks; 0 = no scheduled checks on this replica. */
  @IsInt() @Min(0) @Max(3_600_000) HEALTH_CHECK_TICK_MS = 10_000;
  /** Seconds between a connection's checks when it does not set its own interval. */
  @IsInt() @Min(60) @Max(7 * 24 * 3600) HEALTH_CHECK_DEFAULT_INTERVAL_S = 3600;
  /** Checks one replica runs at once, and at most this many for one org among them. */
  @IsInt() @Min(1) @Max(256) HEALTH_CHECK_CONCURRENCY = 8;
  @IsInt() @Min(1) @Max(256) HEALTH_CHECK_ORG_CONCURRENCY = 2;
  /** A check slower than this is `degraded`. */
  @IsInt() @Min(100) @Max(600_000) HEALTH_CHECK_SLOW_MS = 5000;
  /** A server certificate expiring within this many days makes a connection `degraded`. */
  @IsInt() @Min(0) @Max(365) HEALTH_TLS_EXPIRY_WARNING_DAYS = 14;
  /** Credentials stored longer ago than this make a connection `degraded`; 0 = no limit. */
  @IsInt() @Min(0) @Max(3650) HEALTH_CREDENTIALS_MAX_AGE_DAYS = 90;
  /** Check results kept per connection (the oldest go first). */
  @IsInt() @Min(10) @Max(100_000) HEALTH_HISTORY_LIMIT = 500;
  /** The sweep never deletes a secret written less than this long ago. */
  @IsInt() @Min(60_000) @Max(30 * 24 * 3_600_000) SECRETS_SWEEP_GRACE_MS = 3_600_000;
  /**
   * Allowed authorization decisions are reused this long (denials never are); a revocation made
   * elsewhere reaches Assets within it. 0 = ask OpenFGA on every check.
   */
  @IsInt() @Min(0) @Max(60_000) AUTHZ_CHECK_CACHE_MS = 1000;
  /** Verify requests per caller per minute (per replica). */
  @IsInt() @Min(1) @Max(10_000) VERIFY_RATE_PER_MINUTE = 30;
  /** Default grace period of a credential rotation: how long the replaced version stays readable (0-7 days). */
  @IsInt() @Min(0) @Max(604_800) ROTATION_GRACE_PERIOD_DEFAULT_S = 3_600;
  /** The web console's identity provider: realms are `<base>/realms/<org>`. Default: AUTH_KEYCLOAK_URL, else the dev IdP. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'CONSOLE_OIDC_BASE must be an http(s) URL' })
  CONSOLE_OIDC_BASE?: string;
  /** The console's public OIDC client (authorization code + PKCE). */
  @IsString() @Matches(/^[A-Za-z0-9._-]{1,255}$/) CONSOLE_CLIENT_ID = 'assets-console';
  /** Governance as the browser reaches it. Default: the dev IdP's origin in dev, else GOVERNANCE_URL. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'CONSOLE_GOVERNANCE_URL must be an http(s) URL' })
  CONSOLE_GOVERNANCE_URL?: string;
  /** The built console (`npm run console:build`), relative to the working directory. */
  @IsString() CONSOLE_DIST_DIR = 'dist/console';
}
