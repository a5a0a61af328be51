import { CONNECTION_TYPES, isConnectionType, type ConnectionType } from './connection-type.js';
import {
  CONFIG_FIELD_ALIASES,
  CONFIG_KEYS,
  CONNECTION_TYPE_REGISTRY,
  defaultAuthType,
  type ConfigKey,
} from './connection-type.registry.js';
import { credentialsRequiredReason } from './credential-rebind.rules.js';
import {
  MAX_REPORTED_ERRORS,
  compileSchema,
  isPlainObject,
  type CompiledSchema,
  type FieldError,
  type JsonSchema,
} from './json-schema.validator.js';
import { DEFAULT_POOL_SETTINGS, validatePoolSettings, type PoolSettings } from './pool-settings.js';

export interface ConnectionInput {
  connection_type: string;
  database_config?: object;
  storage_config?: object;
  credentials?: object;
  pool?: object;
}

export interface NormalizedConnectionInput {
  type: ConnectionType;
  auth_type: string;
  /** Validated config with defaults applied; includes `auth_type`, never aliases. */
  config: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  pool: PoolSettings;
}

/**
 * `create`/`verify`: full body, credentials required. `update-full`: the config replaces the stored
 * one. `update-partial`: given config fields (and pool fields) are merged onto the stored ones, and
 * `null` clears an optional field.
 */
export type ConnectionInputMode = 'create' | 'verify' | 'update-full' | 'update-partial';

export interface ExistingConnection {
  type: ConnectionType;
  config: Record<string, unknown>;
  pool?: PoolSettings;
}

export type ConnectionInputResult =
  { ok: true; value: NormalizedConnectionInput } | { ok: false; errors: FieldError[] };

interface CompiledType {
  config: CompiledSchema;
  credentials: ReadonlyMap<string, CompiledSchema>;
  properties: ReadonlySet<string>;
}

// Each schema compiles on its first check (compileSchema); every one is compiled by the specs.
const COMPILED = new Map<ConnectionType, CompiledType>(
  CONNECTION_TYPES.map((type) => {
    const def = CONNECTION_TYPE_REGISTRY[type];
    return [
      type,
      {
        config: compileSchema(def.config_schema),
        credentials: new Map(def.auth_methods.map((m) => [m.auth_type, compileSchema(m.credentials_schema)])),
        properties: new Set(Object.keys(def.config_schema['properties'] as Record<string, JsonSchema>)),
      },
    ];
  }),
);

function fail(errors: FieldError[]): ConnectionInputResult {
  return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
}

/** Rewrites accepted aliases (`schema` → `db_schema`) into a new object; the input is not touched. */
function resolveAliases(
  config: Record<string, unknown>,
  properties: ReadonlySet<string>,
  configKey: ConfigKey,
  errors: FieldError[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const [alias, canonical] of Object.entries(CONFIG_FIELD_ALIASES)) {
    // A type without the canonical field reports the alias as an unknown field instead.
    if (!Object.hasOwn(out, alias) || !properties.has(canonical)) continue;
    if (out[canonical] !== undefined && out[canonical] !== out[alias]) {
      errors.push({
        field: `${configKey}.${alias}`,
        message: `conflicts with ${configKey}.${canonical}; send only one`,
      });
    } else {
      out[canonical] = out[alias];
    }
    delete out[alias];
  }
  return out;
}

export function validateConnectionInput(
  input: ConnectionInput,
  mode: ConnectionInputMode,
  existing?: ExistingConnection,
): ConnectionInputResult {
  if (mode === 'update-partial' && !existing) {
    throw new Error('validateConnectionInput: update-partial needs the existing connection');
  }
  if (!isPlainObject(input)) return fail([{ field: '', message: 'must be object' }]);

  const requestedType = input.connection_type ?? (mode === 'update-partial' ? existing?.type : undefined);
  if (requestedType === undefined) return fail([{ field: 'connection_type', message: 'is required' }]);
  if (!isConnectionType(requestedType)) {
    return fail([{ field: 'connection_type', message: `must be one of: ${CONNECTION_TYPES.join(', ')}` }]);
  }
  const type: ConnectionType = requestedType;
  if (mode === 'update-partial' && existing && existing.type !== type) {
    return fail([
      { field: 'connection_type', message: 'cannot change in a partial update; send the full configuration' },
    ]);
  }

  const def = CONNECTION_TYPE_REGISTRY[type];
  const compiled = COMPILED.get(type)!;
  const configKey = def.config_key;
  const errors: FieldError[] = [];

  for (const key of CONFIG_KEYS) {
    if (key !== configKey && input[key] !== undefined) {
      errors.push({ field: key, message: `is not allowed for ${type} connections; use ${configKey}` });
    }
  }

  // ---- config ----
  const rawConfig: unknown = input[configKey];
  let config: Record<string, unknown> | undefined;
  if (rawConfig === undefined) {
    if (mode === 'update-partial') config = { ...existing!.config };
    else errors.push({ field: configKey, message: 'is required' });
  } else if (!isPlainObject(rawConfig)) {
    errors.push({ field: configKey, message: 'must be object' });
  } else {
    const patch = resolveAliases(rawConfig, compiled.properties, configKey, errors);
    if (mode === 'update-partial') {
      // Spread (not Object.assign) so an own `__proto__` key stays data and fails additionalProperties.
      config = { ...existing!.config, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === null) delete config[key];
    } else {
      config = patch;
    }
  }

  let normalizedConfig: Record<string, unknown> | undefined;
  if (config) {
    const result = compiled.config.check(config, configKey);
    if (result.ok) normalizedConfig = result.value;
    else errors.push(...result.errors);
  }

  // ---- credentials ----
  const authType = (normalizedConfig?.['auth_type'] ??
    config?.['auth_type'] ??
    defaultAuthType(type)) as unknown;
  const credentialsSchema = typeof authType === 'string' ? compiled.credentials.get(authType) : undefined;
  let credentials: Record<string, unknown> | undefined;
  if (input.credentials === undefined) {
    if (mode === 'create' || mode === 'verify') errors.push({ field: 'credentials', message: 'is required' });
  } else if (!isPlainObject(input.credentials)) {
    errors.push({ field: 'credentials', message: 'must be object' });
  } else if (credentialsSchema) {
    const result = credentialsSchema.check(input.credentials, 'credentials');
    if (result.ok) credentials = result.value;
    else errors.push(...result.errors);
  }

  if (normalizedConfig && credentials)
    errors.push(...tunnelCredentialProblems(normalizedConfig, credentials, configKey));

  // Stored credentials were issued for the old destination and auth method; never reuse them.
  if (
    normalizedConfig &&
    existing &&
    input.credentials === undefined &&
    (mode === 'update-full' || mode === 'update-partial')
  ) {
    const reason = credentialsRequiredReason(existing, { type, config: normalizedConfig });
    if (reason) errors.push({ field: 'credentials', message: `is required when ${reason}` });
  }

  // ---- pool ----
  const poolBase =
    mode === 'update-partial' ? (existing?.pool ?? DEFAULT_POOL_SETTINGS) : DEFAULT_POOL_SETTINGS;
  const pool = validatePoolSettings(input.pool, poolBase);
  if (!pool.ok) errors.push(...pool.errors);

  if (errors.length > 0 || !normalizedConfig || !pool.ok) return fail(errors);
  return {
    ok: true,
    value: {
      type,
      auth_type: normalizedConfig['auth_type'] as string,
      config: normalizedConfig,
      ...(credentials ? { credentials } : {}),
      pool: pool.value,
    },
  };
}

const TUNNEL_SECRET_FIELDS: Record<string, { required?: string; allowed: readonly string[] }> = {
  managed_key: { allowed: [] },
  private_key: { required: 'private_key', allowed: ['private_key', 'passphrase'] },
  password: { required: 'password', allowed: ['password'] },
};

/** `credentials.ssh_tunnel` must carry what `ssh_tunnel.auth_method` needs, and nothing else. */
function tunnelCredentialProblems(
  config: Record<string, unknown>,
  credentials: Record<string, unknown>,
  configKey: ConfigKey,
): FieldError[] {
  const tunnel = config['ssh_tunnel'] as Record<string, unknown> | undefined;
  const secret = credentials['ssh_tunnel'] as Record<string, unknown> | undefined;
  if (!tunnel) {
    return secret
      ? [{ field: 'credentials.ssh_tunnel', message: `is only allowed with ${configKey}.ssh_tunnel` }]
      : [];
  }
  const method = String(tunnel['auth_method'] ?? 'managed_key');
  const rule = TUNNEL_SECRET_FIELDS[method];
  if (!rule) return [];
  const problems: FieldError[] = [];
  if (rule.required && !secret?.[rule.required]) {
    problems.push({
      field: `credentials.ssh_tunnel.${rule.required}`,
      message: `is required when ssh_tunnel.auth_method is ${method}`,
    });
  }
  for (const key of Object.keys(secret ?? {})) {
    if (!rule.allowed.includes(key)) {
      problems.push({
        field: `credentials.ssh_tunnel.${key}`,
        message:
          method === 'managed_key'
            ? 'is not accepted: with auth_method managed_key the platform generates and keeps the key'
            : `is not used when ssh_tunnel.auth_method is ${method}`,
      });
    }
  }
  return problems;
}
