import { IsIn, IsOptional, IsString } from 'class-validator';

/** Ports, hosts and DATA_DIR live in TopologyConfig (@app/config), shared with Assets. */

export class GovernanceConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** Token subjects of platform services allowed on /governance/internal routes (comma-separated). */
  @IsString() GOVERNANCE_TRUSTED_SERVICES = 'service-account-assets';
}
