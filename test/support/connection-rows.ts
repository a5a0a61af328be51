import { randomUUID } from 'node:crypto';
import type { TenantScope } from '@app/core';
import type { NewConnectionRow } from '../../apps/assets/src/connections/persistence/connections.repository.js';

/** A postgres connection's row as a create would insert it, for tests that write rows directly. */
export function newConnectionRow(
  scope: TenantScope,
  slug: string,
  extra: Partial<NewConnectionRow> = {},
): NewConnectionRow {
  return {
    id: randomUUID(),
    orgId: scope.orgId,
    projectId: scope.projectId,
    resourceUri: `data:${scope.orgId}:${scope.projectId ?? ''}:${slug}`,
    name: slug,
    connectionType: 'postgres',
    authType: 'basic',
    description: null,
    status: 'PENDING',
    tags: [],
    config: { host: 'db.example.com', port: 5432, database: 'analytics' },
    selectedTables: [],
    pool: {},
    createdBy: 'alice',
    lastVerifiedAt: null,
    lastVerification: null,
    healthCheckIntervalS: null,
    ...extra,
  };
}
