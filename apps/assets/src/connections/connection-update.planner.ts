import {
  isConnectionType,
  rebindChanges,
  validateConnectionInput,
  type ConnectionType,
  type ExistingConnection,
  type TypeSnapshot,
} from '../connection-types/index.js';
import type { StoredCredentials } from '../governance/index.js';
import { configKeyOf, splitConfig, storedConfigOf } from './connection-config.mapper.js';
import { invalidSettings, type ConnectionViolation } from './connection-violation.js';
import type { UpdateConnectionDto } from './dto/connection.dto.js';
import type { DataConnectionEntity } from './persistence/data-connection.entity.js';

/** PUT replaces the settings; PATCH changes only the fields it names. */
export type UpdateMode = 'update-full' | 'update-partial';

/** What an update reads of the stored connection. */
export type StoredConnection = Pick<
  DataConnectionEntity,
  'connectionType' | 'config' | 'selectedTables' | 'pool'
>;

/** The columns an allowed update writes: the settings always, the metadata when given. */
export type ConnectionChanges = Pick<
  DataConnectionEntity,
  'connectionType' | 'authType' | 'config' | 'selectedTables' | 'pool'
> &
  Partial<
    Pick<
      DataConnectionEntity,
      'name' | 'description' | 'tags' | 'status' | 'healthCheckIntervalS' | 'nextCheckAt'
    >
  >;

export type ConnectionUpdatePlan =
  | {
      ok: true;
      changes: ConnectionChanges;
      /** New credentials to store with the change; absent = the stored ones stay. */
      credentials?: StoredCredentials;
    }
  | { ok: false; violation: ConnectionViolation };

/** PATCH semantics: given fields replace, `null` removes, the rest is kept. */
function mergePartial(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

const refuse = (violation: ConnectionViolation): ConnectionUpdatePlan => ({ ok: false, violation });

/**
 * What an update changes, and whether it may: pure, so every rule is tested without a database.
 * The checks run in the order the API reports them, and the first that fails is the answer:
 * 1. rebind on the submitted settings (an update without credentials may not send the stored
 *    ones elsewhere or over weaker transport) → REBIND_REQUIRES_CREDENTIALS;
 * 2. the type's schemas, merged onto the stored settings for PATCH (including "credentials are
 *    required when the type, auth method or destination changes") → VALIDATION_ERROR;
 * 3. rebind again on the validated settings, defaults applied → REBIND_REQUIRES_CREDENTIALS.
 */
export function planConnectionUpdate(
  row: StoredConnection,
  body: UpdateConnectionDto,
  mode: UpdateMode,
): ConnectionUpdatePlan {
  const requested = body.connection_type ?? row.connectionType;
  const storedType = row.connectionType as ConnectionType;
  const existing: ExistingConnection = {
    type: storedType,
    config: storedConfigOf(row),
    pool: row.pool as never,
  };
  // The DTO admits known types only; anything else is the validator's answer, not a crash here.
  if (!isConnectionType(requested)) {
    const result = validateConnectionInput({ connection_type: requested }, mode, existing);
    return refuse(invalidSettings(result.ok ? [] : result.errors));
  }
  const type: ConnectionType = requested;
  const configKey = configKeyOf(type);
  const given = body[configKey];
  const nextConfig: Record<string, unknown> =
    mode === 'update-partial'
      ? mergePartial(existing.config, given ?? {})
      : (given ?? (type === storedType ? existing.config : {}));

  const before: TypeSnapshot = { type: storedType, config: existing.config };
  // Named as the request names them: `connection_type`, or the setting under its config key.
  const rebind = (after: TypeSnapshot): ConnectionViolation | undefined => {
    const changed = rebindChanges(before, after);
    if (!changed.length) return undefined;
    const changedFields = changed.map((f) => (f === 'connection_type' ? f : `${configKey}.${f}`));
    return { kind: 'rebind', changedFields };
  };
  if (!body.credentials) {
    const violation = rebind({ type, config: nextConfig });
    if (violation) return refuse(violation);
  }

  const submitted = {
    connection_type: type,
    database_config: body.database_config,
    storage_config: body.storage_config,
    [configKey]: mode === 'update-partial' ? (given ?? {}) : nextConfig,
    credentials: body.credentials,
    pool: body.pool,
  };
  const result = validateConnectionInput(submitted, mode, existing);
  if (!result.ok) return refuse(invalidSettings(result.errors));
  const input = result.value;

  if (!input.credentials) {
    const violation = rebind({ type: input.type, config: input.config });
    if (violation) return refuse(violation);
  }

  const { config, selectedTables } = splitConfig(input.config);
  return {
    ok: true,
    changes: {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.tags !== undefined ? { tags: [...new Set(body.tags)] } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      // A new schedule starts now: NULL asks the scheduler to place the next check.
      ...(body.health_check_interval_seconds !== undefined
        ? { healthCheckIntervalS: body.health_check_interval_seconds, nextCheckAt: null }
        : {}),
      connectionType: input.type,
      authType: input.auth_type,
      config,
      selectedTables,
      pool: input.pool as unknown as Record<string, unknown>,
    },
    ...(input.credentials
      ? { credentials: { auth_type: input.auth_type, credentials: input.credentials } }
      : {}),
  };
}
