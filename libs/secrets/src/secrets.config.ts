import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { ConfigValidationError, Secret, isProduction, loadConfig } from '@app/config';
import type { SecretsBackendKind } from './secrets-backend.js';

export const SECRETS_BACKENDS: readonly SecretsBackendKind[] = ['embedded', 'infisical', 'gcp'];

/** Env namespace `secrets`. Only the selected backend's settings are required. */
export class SecretsConfig {
  @IsIn(SECRETS_BACKENDS as string[]) SECRETS_BACKEND: SecretsBackendKind = 'embedded';
  /** base64 of 32 bytes; required for the embedded backend in production, generated in dev. */
  @IsOptional() @IsString() @Secret() SECRETS_MASTER_KEY?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) INFISICAL_SITE_URL =
    'https://app.infisical.com';
  @IsOptional() @IsString() INFISICAL_CLIENT_ID?: string;
  @IsOptional() @IsString() @Secret() INFISICAL_CLIENT_SECRET?: string;
  @IsOptional() @IsString() INFISICAL_PROJECT_ID?: string;
  @IsString() INFISICAL_ENVIRONMENT = 'prod';
  /** Deadline of one Infisical call when the caller gives none: rate-limit waits and re-logins included. */
  @IsInt() @Min(100) @Max(600_000) INFISICAL_TIMEOUT_MS = 10_000;

  @IsOptional() @IsString() GCP_PROJECT_ID?: string;
  /** API endpoint override for tests/emulators: `http://host:port` or `host[:port]` (https). */
  @IsOptional() @IsString() GCP_SECRET_MANAGER_ENDPOINT?: string;
  @IsOptional() @IsString() GCP_CREDENTIALS_FILE?: string;
}

const REQUIRED_BY_BACKEND: Record<SecretsBackendKind, (keyof SecretsConfig)[]> = {
  embedded: [],
  infisical: ['INFISICAL_CLIENT_ID', 'INFISICAL_CLIENT_SECRET', 'INFISICAL_PROJECT_ID'],
  gcp: ['GCP_PROJECT_ID'],
};

/** Problems with a config, naming variables only (never values). */
export function secretsConfigProblems(config: SecretsConfig, env: NodeJS.ProcessEnv = process.env): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED_BY_BACKEND[config.SECRETS_BACKEND] ?? []) {
    const value = config[key];
    if (value === undefined || value === null || value === '') {
      problems.push(`${key} is required when SECRETS_BACKEND=${config.SECRETS_BACKEND}`);
    }
  }
  if (config.SECRETS_MASTER_KEY) {
    if (!isBase64Key(config.SECRETS_MASTER_KEY))
      problems.push('SECRETS_MASTER_KEY must be the base64 encoding of exactly 32 bytes');
  } else if (config.SECRETS_BACKEND === 'embedded' && isProduction(env)) {
    problems.push('SECRETS_MASTER_KEY is required when NODE_ENV=production and SECRETS_BACKEND=embedded');
  }
  if (config.GCP_SECRET_MANAGER_ENDPOINT) {
    try {
      parseGcpEndpoint(config.GCP_SECRET_MANAGER_ENDPOINT);
    } catch {
      problems.push('GCP_SECRET_MANAGER_ENDPOINT must be http(s)://host[:port] or host[:port]');
    }
  }
  return problems;
}

/**
 * Loads and validates the `secrets` namespace. The generic production rule "every @Secret() is
 * required" does not fit here (only the selected backend's secret is), so it is replaced by the
 * backend-aware check above; @Secret() still masks the values when the config is described.
 */
export function loadSecretsConfig(env: NodeJS.ProcessEnv = process.env): SecretsConfig {
  const config = loadConfig('secrets', SecretsConfig, { ...env, NODE_ENV: undefined });
  const problems = secretsConfigProblems(config, env);
  if (problems.length) throw new ConfigValidationError('secrets', problems);
  return config;
}

export function isBase64Key(value: string): boolean {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) && !/^[A-Za-z0-9_-]+={0,2}$/.test(trimmed)) return false;
  return Buffer.from(trimmed, 'base64').length === 32;
}

export interface GcpEndpoint {
  apiEndpoint: string;
  port: number;
  protocol: 'http' | 'https';
}

export function parseGcpEndpoint(value: string): GcpEndpoint {
  const url = new URL(/^[a-z]+:\/\//i.test(value) ? value : `https://${value}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('unsupported protocol');
  if ((url.pathname && url.pathname !== '/') || url.search || url.username)
    throw new Error('unexpected path');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    apiEndpoint: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
  };
}
