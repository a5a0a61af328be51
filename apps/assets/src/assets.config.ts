import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class AssetsConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  @IsInt() @Min(1) @Max(65535) ASSETS_PORT = 8002;
  @IsString() ASSETS_HOST = '0.0.0.0';
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** Base URL of the Governance service (secrets, audit, projects). */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'GOVERNANCE_URL must be an http(s) URL' }) GOVERNANCE_URL = 'http://127.0.0.1:8001';
  @IsInt() @Min(100) @Max(60_000) GOVERNANCE_TIMEOUT_MS = 5000;
}
