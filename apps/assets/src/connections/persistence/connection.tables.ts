import { type TenantEntityTable, type TenantTable, tenantColumns } from '@app/database';
import { ConnectionOperationEntity, DataConnectionEntity } from './data-connection.entity.js';

/** Where each connections table keeps its tenant; every repository statement filters on it. */

/** `scope_key` is the indexed form of `project_id` ('' at org level). */
export const DATA_CONNECTIONS: TenantEntityTable<DataConnectionEntity> = {
  ...tenantColumns('data_connections', 'org_id', 'scope_key'),
  entity: DataConnectionEntity,
  ownerOf: (row) => ({ orgId: row.orgId, projectId: row.projectId }),
};

/** An operation carries its connection's org and project. */
export const CONNECTION_OPERATIONS: TenantEntityTable<ConnectionOperationEntity> = {
  name: 'connection_operations',
  org: (alias) => `${alias}.org_id`,
  scopeKey: (alias) => `coalesce(${alias}.project_id, '')`,
  entity: ConnectionOperationEntity,
  ownerOf: (row) => ({ orgId: row.orgId, projectId: row.projectId }),
};

/** Keyed by resource URI, `data:<org>:<project or ''>:<name>`: the URI names the tenant. */
export const CONNECTION_SECRET_VERSIONS: TenantTable = {
  name: 'connection_secret_versions',
  org: (alias) => `split_part(${alias}.resource_uri, ':', 2)`,
  scopeKey: (alias) => `split_part(${alias}.resource_uri, ':', 3)`,
};

/** One row per org the secret-store sweep has visited. */
export const SECRET_SWEEP_LEASES: TenantTable = tenantColumns('secret_sweep_leases', 'org_id');

/** A health check result carries its connection's org and project. */
export const CONNECTION_HEALTH_CHECKS: TenantTable = {
  name: 'connection_health_checks',
  org: (alias) => `${alias}.org_id`,
  scopeKey: (alias) => `coalesce(${alias}.project_id, '')`,
};

/** A rotation carries its connection's org and project (`scope_key` as on data_connections). */
export const CONNECTION_ROTATIONS: TenantTable = tenantColumns('connection_rotations', 'org_id', 'scope_key');
