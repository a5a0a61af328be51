import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from '@app/config';

/** Shared by both apps; the URL variable is per app (ASSETS_DATABASE_URL, GOVERNANCE_DATABASE_URL). */
export class DatabaseConfig {
  /** Unset outside production: start embedded PostgreSQL (PGlite) under DATA_DIR (TopologyConfig). */
  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  @Secret()
  DATABASE_URL?: string;

  @IsBoolean() DB_RUN_MIGRATIONS = true;
  @IsInt() @Min(1) @Max(200) DB_POOL_MAX = 10;
  @IsInt() @Min(100) @Max(600_000) DB_STATEMENT_TIMEOUT_MS = 15_000;
  /** false behind a pooler that does not keep prepared statements per client (PgBouncer transaction mode < 1.21). */
  @IsBoolean() DB_PREPARED_STATEMENTS = true;
}

/** Maps the per-app variable onto the shared class so both apps validate the same way. */
export function databaseEnv(
  app: 'assets' | 'governance',
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const key = `${app.toUpperCase()}_DATABASE_URL`;
  return { ...env, DATABASE_URL: env[key] };
}
