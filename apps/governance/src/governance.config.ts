import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class GovernanceConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsInt() @Min(1) @Max(65535) GOVERNANCE_PORT = 8001;
  @IsString() GOVERNANCE_HOST = '0.0.0.0';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /**
   * Dev mode with the embedded engine: Governance also serves the OpenFGA HTTP API on this
   * loopback port so Assets uses the same OpenFGA client it uses in production. 0 disables it.
   */
  @IsInt() @Min(0) @Max(65535) EMBEDDED_OPENFGA_PORT = 8081;
  /** Token subjects of platform services allowed on /governance/internal routes (comma-separated). */
  @IsString() GOVERNANCE_TRUSTED_SERVICES = 'service-account-assets';
}
