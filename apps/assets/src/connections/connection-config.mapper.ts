import { CONNECTION_TYPE_REGISTRY, type ConnectionType } from '../connection-types/index.js';
import type { DataConnectionEntity } from './persistence/data-connection.entity.js';

/** The body and response key of a type's settings: `database_config` or `storage_config`. */
export function configKeyOf(type: string): 'database_config' | 'storage_config' {
  return CONNECTION_TYPE_REGISTRY[type as ConnectionType].config_key;
}

/** Splits `selected_tables` out of a database config: it has its own column. */
export function splitConfig(config: Record<string, unknown>): {
  config: Record<string, unknown>;
  selectedTables: string[];
} {
  const { selected_tables, ...rest } = config;
  return {
    config: rest,
    selectedTables: Array.isArray(selected_tables) ? (selected_tables as string[]) : [],
  };
}

/** The stored settings as one config again, `selected_tables` only when there are any. */
export function storedConfigOf(
  row: Pick<DataConnectionEntity, 'config' | 'selectedTables'>,
): Record<string, unknown> {
  return { ...row.config, ...(row.selectedTables.length ? { selected_tables: row.selectedTables } : {}) };
}
