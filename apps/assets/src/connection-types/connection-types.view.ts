import {
  CONNECTION_TYPES,
  type ConnectionCategory,
  type ConnectionType,
  type ConnectionTypeStatus,
} from './connection-type.js';
import { CONNECTION_TYPE_REGISTRY, type ConfigKey, type DiscoveryLevel } from './connection-type.registry.js';
import type { JsonSchema } from './json-schema.validator.js';

export interface AuthMethodView {
  auth_type: string;
  display_name: string;
  description: string;
  credentials_schema: JsonSchema;
  credentials_example: Record<string, unknown>;
}

export interface ConnectionTypeView {
  type: ConnectionType;
  display_name: string;
  category: ConnectionCategory;
  status: ConnectionTypeStatus;
  status_reason: string;
  description: string;
  config_key: ConfigKey;
  config_schema: JsonSchema;
  config_example: Record<string, unknown>;
  default_auth_type: string;
  auth_methods: AuthMethodView[];
  destination_fields: string[];
  default_port: number | null;
  supports_discovery: boolean;
  discovery_level: DiscoveryLevel;
  supports_ssh_tunnel: boolean;
}

export interface ConnectionTypesDocument {
  data: ConnectionTypeView[];
}

/**
 * The public registry document served by `GET /assets/data/types`. Fields are copied one by one
 * (an allow-list) and deep-cloned, so adding an internal field to the registry never leaks it and a
 * caller mutating the response cannot alter the schemas used for validation.
 */
export function listConnectionTypes(): ConnectionTypesDocument {
  const data = CONNECTION_TYPES.map((type): ConnectionTypeView => {
    const def = CONNECTION_TYPE_REGISTRY[type];
    return structuredClone({
      type: def.type,
      display_name: def.display_name,
      category: def.category,
      status: def.status,
      status_reason: def.status_reason,
      description: def.description,
      config_key: def.config_key,
      config_schema: def.config_schema,
      config_example: def.config_example,
      default_auth_type: def.auth_methods[0]!.auth_type,
      auth_methods: def.auth_methods.map((m) => ({
        auth_type: m.auth_type,
        display_name: m.display_name,
        description: m.description,
        credentials_schema: m.credentials_schema,
        credentials_example: m.credentials_example,
      })),
      destination_fields: [...def.destination_fields],
      default_port: def.default_port ?? null,
      supports_discovery: def.supports_discovery,
      discovery_level: def.discovery_level,
      supports_ssh_tunnel: def.supports_ssh_tunnel,
    });
  });
  data.sort((a, b) => compare(a.category, b.category) || compare(a.type, b.type));
  return { data };
}

// Code-unit order, not locale order: the document must be identical on every host.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
