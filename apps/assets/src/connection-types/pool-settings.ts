import { JSON_SCHEMA_DIALECT } from './connection-schema.fragments.js';
import { compileSchema, isPlainObject, type JsonSchema, type SchemaCheck } from './json-schema.validator.js';

/** Connection pool settings for database connections (the optional `pool` object on create/update). */
export interface PoolSettings {
  max_connections: number;
  min_connections: number;
  idle_timeout_ms: number;
  connection_timeout_ms: number;
  max_lifetime_ms: number;
}

export const POOL_SETTINGS_RANGES: Readonly<Record<keyof PoolSettings, { min: number; max: number }>> =
  Object.freeze({
    max_connections: { min: 1, max: 100 },
    min_connections: { min: 0, max: 100 },
    idle_timeout_ms: { min: 1_000, max: 3_600_000 },
    connection_timeout_ms: { min: 100, max: 60_000 },
    max_lifetime_ms: { min: 60_000, max: 86_400_000 },
  });

export const DEFAULT_POOL_SETTINGS: Readonly<PoolSettings> = Object.freeze({
  max_connections: 10,
  min_connections: 0,
  idle_timeout_ms: 30_000,
  connection_timeout_ms: 10_000,
  max_lifetime_ms: 1_800_000,
});

const DESCRIPTIONS: Record<keyof PoolSettings, string> = {
  max_connections: 'Upper bound of open connections per connection (default 10).',
  min_connections: 'Connections kept open while idle; at most max_connections (default 0).',
  idle_timeout_ms: 'Close a connection idle for this long (default 30 s).',
  connection_timeout_ms: 'Give up opening a connection after this long (default 10 s).',
  max_lifetime_ms:
    'Recycle a connection after this long, so credential and DNS changes are picked up (default 30 min).',
};

function property(key: keyof PoolSettings): JsonSchema {
  const range = POOL_SETTINGS_RANGES[key];
  return {
    type: 'integer',
    minimum: range.min,
    maximum: range.max,
    default: DEFAULT_POOL_SETTINGS[key],
    description: DESCRIPTIONS[key],
  };
}

export const POOL_SETTINGS_SCHEMA: JsonSchema = Object.freeze({
  $schema: JSON_SCHEMA_DIALECT,
  title: 'Connection pool',
  type: 'object',
  additionalProperties: false,
  properties: {
    max_connections: property('max_connections'),
    min_connections: property('min_connections'),
    idle_timeout_ms: property('idle_timeout_ms'),
    connection_timeout_ms: property('connection_timeout_ms'),
    max_lifetime_ms: property('max_lifetime_ms'),
  },
});

const compiled = compileSchema(POOL_SETTINGS_SCHEMA);

/**
 * Validates a `pool` object (absent → all defaults), applies defaults and checks min ≤ max.
 * `base` lets a partial update keep the stored values of fields it does not mention.
 */
export function validatePoolSettings(
  input: unknown,
  base: Readonly<PoolSettings> = DEFAULT_POOL_SETTINGS,
  fieldPrefix = 'pool',
): SchemaCheck<PoolSettings> {
  if (input === undefined || input === null) return { ok: true, value: { ...base } };
  if (!isPlainObject(input))
    return { ok: false, errors: [{ field: fieldPrefix, message: 'must be object' }] };
  const result = compiled.check({ ...base, ...input }, fieldPrefix);
  if (!result.ok) return result;
  const value = result.value as unknown as PoolSettings;
  if (value.min_connections > value.max_connections) {
    return {
      ok: false,
      errors: [
        {
          field: `${fieldPrefix}.min_connections`,
          message: `must be less than or equal to ${fieldPrefix}.max_connections`,
        },
      ],
    };
  }
  return { ok: true, value };
}
