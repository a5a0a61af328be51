import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from '@app/config';

export class AssetsConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsInt() @Min(1) @Max(65535) ASSETS_PORT = 8002;
  @IsString() ASSETS_HOST = '0.0.0.0';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** Base URL of the Governance service (secrets, audit, projects). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'GOVERNANCE_URL must be an http(s) URL' }) GOVERNANCE_URL = 'http://127.0.0.1:8001';
  @IsInt() @Min(100) @Max(60_000) GOVERNANCE_TIMEOUT_MS = 5000;
  /** OAuth2 client credentials of the Assets service account (not needed with the dev identity provider). */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'ASSETS_SERVICE_TOKEN_URL must be an http(s) URL' }) ASSETS_SERVICE_TOKEN_URL?: string;
  @IsOptional() @IsString() ASSETS_SERVICE_CLIENT_ID?: string;
  @IsOptional() @IsString() @Secret() ASSETS_SERVICE_CLIENT_SECRET?: string;
  /** How often the reconciler looks for interrupted operations; 0 disables it (tests drive it by hand). */
  @IsInt() @Min(0) @Max(3_600_000) RECONCILE_INTERVAL_MS = 15_000;
  /**
   * Allowed authorization decisions are reused this long (denials never are); a revocation made
   * elsewhere reaches Assets within it. 0 = ask OpenFGA on every check.
   */
  @IsInt() @Min(0) @Max(60_000) AUTHZ_CHECK_CACHE_MS = 1000;
  /** Verify requests per caller per minute (per replica). */
  @IsInt() @Min(1) @Max(10_000) VERIFY_RATE_PER_MINUTE = 30;
}
