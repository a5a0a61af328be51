import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { requiredSecretKeysOf, secretKeysOf } from './secret.decorator.js';
import { withTopologyDefaults } from './topology-defaults.js';

export class ConfigValidationError extends Error {
  constructor(namespace: string, problems: string[]) {
    super(`Invalid configuration for ${namespace}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...flatten(e.children ?? [])]);
}

/**
 * Builds and validates one config namespace from env. Properties are named exactly like
 * their env var (UPPER_SNAKE) so that `.env.example` and the class read the same.
 * Never includes values in errors: only variable names. Topology variables that derive from
 * another one (AUTH_DATA_DIR from DATA_DIR, GOVERNANCE_URL from GOVERNANCE_PORT, …) are filled
 * in first, so every namespace that declares one sees the same derived default.
 */
export function loadConfig<T extends object>(
  namespace: string,
  cls: new () => T,
  givenEnv: NodeJS.ProcessEnv = process.env,
): T {
  const env = withTopologyDefaults(givenEnv);
  const defaults = new cls() as Record<string, unknown>;
  const declared = new Set([
    ...Object.keys(defaults),
    ...getMetadataStorage()
      .getTargetValidationMetadatas(cls, '', true, false)
      .map((m) => m.propertyName),
  ]);
  const raw: Record<string, unknown> = {};
  for (const key of declared) {
    const fromEnv = env[key];
    raw[key] = fromEnv === undefined || fromEnv === '' ? defaults[key] : coerce(fromEnv, defaults[key]);
  }
  const instance = plainToInstance(cls, raw, { exposeDefaultValues: true });
  const problems = flatten(validateSync(instance, { whitelist: false, forbidUnknownValues: false })).map(
    (p) => p.replace(/ value /, ' '),
  );
  if (isProduction(env)) {
    for (const key of requiredSecretKeysOf(instance)) {
      const value = (instance as Record<string | symbol, unknown>)[key];
      if (value === undefined || value === null || value === '') {
        problems.push(`${String(key)} is required when NODE_ENV=production`);
      }
    }
  }
  if (problems.length) throw new ConfigValidationError(namespace, problems);
  return instance;
}

/** Env values are strings; coerce by the type of the declared default. */
function coerce(value: string, fallback: unknown): unknown {
  if (typeof fallback === 'number') return value.trim() === '' ? NaN : Number(value);
  if (typeof fallback === 'boolean')
    return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
  return value;
}

/** A printable view of a config object with secrets masked. */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets = secretKeysOf(config);
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, secrets.has(k) ? (v ? '***' : v) : v]),
  );
}

export function csv(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
