import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { LOG_FORMATS, type LogFormat } from '@app/core';

/** Ports, hosts and DATA_DIR live in TopologyConfig (@app/config), shared with Assets. */

export class GovernanceConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** `pretty` (human lines) or `json`; unset: pretty when stdout is a terminal, else JSON. */
  @IsOptional() @IsIn(LOG_FORMATS) LOG_FORMAT?: LogFormat;
  /** Token subjects of platform services allowed on /governance/internal routes (comma-separated). */
  @IsString() GOVERNANCE_TRUSTED_SERVICES = 'service-account-assets';
  /**
   * The longest any request may work on the secrets backend: a caller's X-Request-Timeout-Ms is
   * bounded by it, and a request without the header gets it. Keep it at least Assets'
   * GOVERNANCE_TIMEOUT_MS and well under Assets' operation lease (2 minutes).
   */
  @IsInt() @Min(100) @Max(60_000) GOVERNANCE_REQUEST_TIMEOUT_MS = 30_000;
  /**
   * The embedded authorization engine: 0 checks the tuples' change log before every request, so a
   * write committed on any replica applies at once; N answers from memory while it is younger than
   * N ms, so another replica's revocation can take up to N ms. Writes made here apply at once.
   */
  @IsInt() @Min(0) @Max(60_000) AUTHZ_ENGINE_MAX_STALENESS_MS = 0;
  /**
   * Origins whose pages may call the API from a browser with a bearer token (comma-separated,
   * exact origins). Unset: in dev, the web console's (the origins of AUTH_DEV_CONSOLE_REDIRECT_URIS);
   * in production, none.
   */
  @IsOptional() @IsString() CORS_ORIGINS?: string;
}
