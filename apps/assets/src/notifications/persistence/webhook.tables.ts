import { type TenantTable, tenantColumns } from '@app/database';

/**
 * Where each webhook table keeps its tenant. A project scope sees its project's rows and the org
 * level's (the tenant filter); statements that must not cross that line add `scope_key = :key`.
 */
export const WEBHOOK_SUBSCRIPTIONS: TenantTable = tenantColumns(
  'webhook_subscriptions',
  'org_id',
  'scope_key',
);
export const WEBHOOK_EVENTS: TenantTable = {
  name: 'webhook_events',
  org: (alias) => `${alias}.org_id`,
  scopeKey: (alias) => `coalesce(${alias}.project_id, '')`,
};
export const WEBHOOK_DELIVERIES: TenantTable = tenantColumns('webhook_deliveries', 'org_id', 'scope_key');
export const WEBHOOK_DELIVERY_ATTEMPTS: TenantTable = tenantColumns(
  'webhook_delivery_attempts',
  'org_id',
  'scope_key',
);
