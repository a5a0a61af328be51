import type { TenantScope } from '@app/core';
import { formatDataResourceUri, parseDataResourceUri } from '@app/authz';
import { validateConnectionInput } from '../connection-types/index.js';
import { slugOf } from '../common/index.js';
import type { StoredCredentials } from '../governance/index.js';
import { splitConfig } from './connection-config.mapper.js';
import { invalidSettings, type ConnectionViolation } from './connection-violation.js';
import type { CreateConnectionDto } from './dto/connection.dto.js';

/** Longest slug derived from a connection name (the name segment of its resource URI). */
export const CONNECTION_SLUG_MAX = 128;

/** A new connection's row, before the saga gives it a lifecycle, revision and credentials version. */
export type { NewConnectionRow } from './persistence/connections.repository.js';
import type { NewConnectionRow } from './persistence/connections.repository.js';

export type ConnectionCreatePlan =
  | { ok: true; row: NewConnectionRow; credentials: StoredCredentials }
  | { ok: false; violation: ConnectionViolation };

const PROJECT_MISMATCH = 'must be null or match X-Project-ID';

/**
 * Where a new connection goes: the header's project, or the org level when the body says
 * `project_id: null` (or no header is sent). A body naming another project is refused, before
 * any permission is checked.
 */
export function createScopeOf(
  orgId: string,
  headerProject: string | null,
  body: Pick<CreateConnectionDto, 'project_id'>,
): { ok: true; scope: TenantScope } | { ok: false; violation: ConnectionViolation } {
  if (typeof body.project_id === 'string' && body.project_id !== headerProject) {
    return {
      ok: false,
      violation: {
        kind: 'invalid',
        message: `project_id ${PROJECT_MISMATCH}`,
        fields: [{ field: 'project_id', message: PROJECT_MISMATCH }],
      },
    };
  }
  return { ok: true, scope: { orgId, projectId: body.project_id === null ? null : headerProject } };
}

/** The given resource URI, which must lie in the scope, or one derived from the name. */
function resourceUriFor(
  scope: TenantScope,
  body: Pick<CreateConnectionDto, 'name' | 'resource_uri'>,
): { uri: string } | { violation: ConnectionViolation } {
  if (body.resource_uri === undefined) {
    const slug = slugOf(body.name, CONNECTION_SLUG_MAX);
    if (!slug)
      return {
        violation: invalidSettings([{ field: 'name', message: 'must contain at least one letter or digit' }]),
      };
    return { uri: formatDataResourceUri({ orgId: scope.orgId, projectId: scope.projectId, name: slug }) };
  }
  const parsed = parseDataResourceUri(body.resource_uri);
  if (!parsed || parsed.orgId !== scope.orgId || parsed.projectId !== scope.projectId) {
    const message = `must look like data:${scope.orgId}:${scope.projectId ?? ''}:<name> (lowercase letters, digits, - and _)`;
    return { violation: invalidSettings([{ field: 'resource_uri', message }]) };
  }
  return { uri: body.resource_uri };
}

/**
 * The row a create writes, and the credentials it stores, once the settings pass the type's
 * schemas (VALIDATION_ERROR first) and the resource URI fits the scope. Pure: `id` and
 * `createdBy` come from the caller.
 */
export function planConnectionCreate(
  scope: TenantScope,
  body: CreateConnectionDto,
  ids: { id: string; createdBy: string },
): ConnectionCreatePlan {
  const result = validateConnectionInput(body, 'create');
  if (!result.ok) return { ok: false, violation: invalidSettings(result.errors) };
  const input = result.value;
  const resource = resourceUriFor(scope, body);
  if ('violation' in resource) return { ok: false, violation: resource.violation };
  const { config, selectedTables } = splitConfig(input.config);
  return {
    ok: true,
    row: {
      id: ids.id,
      orgId: scope.orgId,
      projectId: scope.projectId,
      resourceUri: resource.uri,
      name: body.name.trim(),
      connectionType: input.type,
      authType: input.auth_type,
      description: body.description ?? null,
      status: 'PENDING',
      tags: [...new Set(body.tags ?? [])],
      config,
      selectedTables,
      pool: input.pool as unknown as Record<string, unknown>,
      createdBy: ids.createdBy,
      lastVerifiedAt: null,
      lastVerification: null,
      healthCheckIntervalS: body.health_check_interval_seconds ?? null,
    },
    credentials: { auth_type: input.auth_type, credentials: input.credentials ?? {} },
  };
}
