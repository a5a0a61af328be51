import { DEFAULT_POOL_SETTINGS } from '../connection-types/pool-settings.js';
import {
  CONNECTION_SLUG_MAX,
  createScopeOf,
  planConnectionCreate,
  type ConnectionCreatePlan,
} from './connection-create.planner.js';
import type { ConnectionViolation } from './connection-violation.js';
import type { CreateConnectionDto } from './dto/connection.dto.js';

const IDS = { id: '00000000-0000-4000-8000-000000000001', createdBy: 'alice' };
const PROJECT_SCOPE = { orgId: 'acme', projectId: 'analytics' };

const body = (overrides: Partial<CreateConnectionDto> = {}): CreateConnectionDto => ({
  name: 'Customer Analytics DB',
  connection_type: 'postgres',
  database_config: { host: 'db.example.com', database: 'analytics' },
  credentials: { username: 'reader', password: 'pw' },
  ...overrides,
});

function planned(result: ConnectionCreatePlan) {
  if (!result.ok)
    throw new Error(`expected the create to be allowed, got ${JSON.stringify(result.violation)}`);
  return result;
}

function refused(result: ConnectionCreatePlan): ConnectionViolation {
  if (result.ok) throw new Error('expected the create to be refused');
  return result.violation;
}

describe(createScopeOf.name, () => {
  it('should place the connection in the header project unless the body says project_id null', () => {
    expect(createScopeOf('acme', 'analytics', {})).toEqual({
      ok: true,
      scope: { orgId: 'acme', projectId: 'analytics' },
    });
    expect(createScopeOf('acme', 'analytics', { project_id: 'analytics' })).toEqual({
      ok: true,
      scope: { orgId: 'acme', projectId: 'analytics' },
    });
    expect(createScopeOf('acme', 'analytics', { project_id: null })).toEqual({
      ok: true,
      scope: { orgId: 'acme', projectId: null },
    });
    expect(createScopeOf('acme', null, {})).toEqual({ ok: true, scope: { orgId: 'acme', projectId: null } });
  });

  it('should refuse a body naming another project than the header', () => {
    const expected = {
      ok: false,
      violation: {
        kind: 'invalid',
        message: 'project_id must be null or match X-Project-ID',
        fields: [{ field: 'project_id', message: 'must be null or match X-Project-ID' }],
      },
    };
    expect(createScopeOf('acme', 'analytics', { project_id: 'billing' })).toEqual(expected);
    expect(createScopeOf('acme', null, { project_id: 'analytics' })).toEqual(expected);
  });
});

describe(planConnectionCreate.name, () => {
  it('should build a pending row with the validated settings, a derived URI and the credentials apart', () => {
    const result = planned(
      planConnectionCreate(
        PROJECT_SCOPE,
        body({ tags: ['prod', 'eu', 'prod'], name: '  Customer Analytics DB ' }),
        IDS,
      ),
    );
    expect(result.row).toEqual({
      id: IDS.id,
      orgId: 'acme',
      projectId: 'analytics',
      resourceUri: 'data:acme:analytics:customer-analytics-db',
      name: 'Customer Analytics DB',
      connectionType: 'postgres',
      authType: 'basic',
      description: null,
      status: 'PENDING',
      tags: ['prod', 'eu'],
      config: {
        auth_type: 'basic',
        host: 'db.example.com',
        port: 5432,
        database: 'analytics',
        ssl_mode: 'prefer',
      },
      selectedTables: [],
      pool: DEFAULT_POOL_SETTINGS,
      createdBy: 'alice',
      lastVerifiedAt: null,
      lastVerification: null,
      healthCheckIntervalS: null,
    });
    expect(result.credentials).toEqual({
      auth_type: 'basic',
      credentials: { username: 'reader', password: 'pw' },
    });
    expect(JSON.stringify(result.row)).not.toContain('"pw"');
  });

  it('should keep selected tables in their own column', () => {
    const result = planned(
      planConnectionCreate(
        PROJECT_SCOPE,
        body({ database_config: { host: 'h.example.com', database: 'a', selected_tables: ['public.a'] } }),
        IDS,
      ),
    );
    expect(result.row.selectedTables).toEqual(['public.a']);
    expect(result.row.config).not.toHaveProperty('selected_tables');
  });

  it('should derive an org-level URI at org level, and cut long names', () => {
    expect(
      planned(planConnectionCreate({ orgId: 'acme', projectId: null }, body({ name: 'Données Clés' }), IDS))
        .row.resourceUri,
    ).toBe('data:acme::donnees-cles');
    const long = planned(planConnectionCreate(PROJECT_SCOPE, body({ name: 'x'.repeat(300) }), IDS)).row
      .resourceUri;
    expect(long).toBe(`data:acme:analytics:${'x'.repeat(CONNECTION_SLUG_MAX)}`);
  });

  it('should accept a given resource URI inside the scope', () => {
    expect(
      planned(
        planConnectionCreate(PROJECT_SCOPE, body({ resource_uri: 'data:acme:analytics:orders_2024' }), IDS),
      ).row.resourceUri,
    ).toBe('data:acme:analytics:orders_2024');
  });

  it.each([
    ['another org', 'data:globex:analytics:x'],
    ['another project', 'data:acme:billing:x'],
    ['org level from a project', 'data:acme::x'],
    ['a malformed URI', 'postgres://acme/x'],
  ])('should refuse a resource URI in %s', (_label, resourceUri) => {
    expect(refused(planConnectionCreate(PROJECT_SCOPE, body({ resource_uri: resourceUri }), IDS))).toEqual({
      kind: 'invalid',
      message: 'Connection settings failed validation',
      fields: [
        {
          field: 'resource_uri',
          message: 'must look like data:acme:analytics:<name> (lowercase letters, digits, - and _)',
        },
      ],
    });
  });

  it('should refuse a name without a letter or digit when no URI is given', () => {
    expect(refused(planConnectionCreate(PROJECT_SCOPE, body({ name: '—!?' }), IDS))).toEqual({
      kind: 'invalid',
      message: 'Connection settings failed validation',
      fields: [{ field: 'name', message: 'must contain at least one letter or digit' }],
    });
  });

  it('should report invalid settings before a bad URI', () => {
    const violation = refused(
      planConnectionCreate(PROJECT_SCOPE, body({ name: '—!?', credentials: undefined as never }), IDS),
    );
    expect(violation).toEqual({
      kind: 'invalid',
      message: 'Connection settings failed validation',
      fields: [{ field: 'credentials', message: 'is required' }],
    });
  });
});
