import { DEFAULT_POOL_SETTINGS } from '../connection-types/pool-settings.js';
import {
  planConnectionUpdate,
  type ConnectionUpdatePlan,
  type StoredConnection,
  type UpdateMode,
} from './connection-update.planner.js';
import type { ConnectionViolation } from './connection-violation.js';
import type { UpdateConnectionDto } from './dto/connection.dto.js';

/** A PostgreSQL connection as create stores it: validated config with defaults, tables in their column. */
const postgres = (
  config: Record<string, unknown> = {},
  selectedTables: string[] = ['public.orders'],
): StoredConnection => ({
  connectionType: 'postgres',
  config: {
    auth_type: 'basic',
    host: 'db.example.com',
    port: 5432,
    database: 'analytics',
    ssl_mode: 'verify-full',
    ...config,
  },
  selectedTables,
  pool: { ...DEFAULT_POOL_SETTINGS },
});

const s3 = (config: Record<string, unknown> = {}): StoredConnection => ({
  connectionType: 's3',
  config: { auth_type: 'access_key', bucket: 'raw-drops', region: 'eu-west-1', path_style: false, ...config },
  selectedTables: [],
  pool: { ...DEFAULT_POOL_SETTINGS },
});

const mongodb = (config: Record<string, unknown> = {}): StoredConnection => ({
  connectionType: 'mongodb',
  config: {
    auth_type: 'basic',
    host: 'm.example.com',
    port: 27017,
    database: 'events',
    auth_source: 'admin',
    tls: true,
    ...config,
  },
  selectedTables: [],
  pool: { ...DEFAULT_POOL_SETTINGS },
});

const PG_CREDENTIALS = { username: 'reader', password: 'new-pw' };

const plan = (
  row: StoredConnection,
  body: Partial<UpdateConnectionDto>,
  mode: UpdateMode = 'update-partial',
): ConnectionUpdatePlan => planConnectionUpdate(row, body as UpdateConnectionDto, mode);

function allowed(result: ConnectionUpdatePlan) {
  if (!result.ok)
    throw new Error(`expected the update to be allowed, got ${JSON.stringify(result.violation)}`);
  return result;
}

function refused(result: ConnectionUpdatePlan): ConnectionViolation {
  if (result.ok) throw new Error('expected the update to be refused');
  return result.violation;
}

describe(planConnectionUpdate.name, () => {
  describe('partial update (PATCH)', () => {
    it('should change nothing but keep every stored setting when the body is empty', () => {
      const row = postgres();
      const result = allowed(plan(row, {}));
      expect(result.changes).toEqual({
        connectionType: 'postgres',
        authType: 'basic',
        config: row.config,
        selectedTables: ['public.orders'],
        pool: DEFAULT_POOL_SETTINGS,
      });
      expect(result.credentials).toBeUndefined();
    });

    it('should merge given fields onto the stored ones and let null remove an optional one', () => {
      const row = postgres({ db_schema: 'sales' });
      const result = allowed(plan(row, { database_config: { database: 'warehouse', db_schema: null } }));
      expect(result.changes.config).toEqual({ ...row.config, database: 'warehouse', db_schema: undefined });
      expect(result.changes.config).not.toHaveProperty('db_schema');
    });

    it('should accept the schema alias and store the canonical field', () => {
      const result = allowed(plan(postgres(), { database_config: { schema: 'reporting' } }));
      expect(result.changes.config).toMatchObject({ db_schema: 'reporting' });
      expect(result.changes.config).not.toHaveProperty('schema');
    });

    it('should merge pool fields onto the stored pool', () => {
      const result = allowed(plan(postgres(), { pool: { max_connections: 3 } }));
      expect(result.changes.pool).toEqual({ ...DEFAULT_POOL_SETTINGS, max_connections: 3 });
    });

    it('should refuse a type change, even with credentials, and ask for the full configuration', () => {
      const violation = refused(plan(postgres(), { connection_type: 'mysql', credentials: PG_CREDENTIALS }));
      expect(violation).toEqual({
        kind: 'invalid',
        message: 'Connection settings failed validation',
        fields: [
          {
            field: 'connection_type',
            message: 'cannot change in a partial update; send the full configuration',
          },
        ],
      });
    });
  });

  describe('full update (PUT)', () => {
    it('should replace the settings, so an omitted optional field takes its default', () => {
      const row = postgres({ ssl_mode: 'prefer', db_schema: 'sales' });
      const result = allowed(
        plan(
          row,
          { connection_type: 'postgres', database_config: { host: 'db.example.com', database: 'analytics' } },
          'update-full',
        ),
      );
      expect(result.changes.config).toEqual({
        auth_type: 'basic',
        host: 'db.example.com',
        port: 5432,
        database: 'analytics',
        ssl_mode: 'prefer',
      });
      expect(result.changes.selectedTables).toEqual([]);
    });

    it('should keep the stored settings when the body names the same type and no config', () => {
      const row = postgres();
      const result = allowed(plan(row, { name: 'Renamed' }, 'update-full'));
      expect(result.changes).toMatchObject({
        name: 'Renamed',
        config: row.config,
        selectedTables: ['public.orders'],
      });
    });

    it('should reset the pool to the defaults when none is given', () => {
      const row = { ...postgres(), pool: { ...DEFAULT_POOL_SETTINGS, max_connections: 3 } };
      expect(allowed(plan(row, {}, 'update-full')).changes.pool).toEqual(DEFAULT_POOL_SETTINGS);
    });

    it('should refuse a type change without credentials as a rebind of connection_type only', () => {
      const violation = refused(
        plan(
          postgres(),
          { connection_type: 's3', storage_config: { bucket: 'b', region: 'us-east-1' } },
          'update-full',
        ),
      );
      expect(violation).toEqual({ kind: 'rebind', changedFields: ['connection_type'] });
    });

    it('should change the type with new credentials of the new type', () => {
      const credentials = { access_key: 'AKIAEXAMPLE', secret_key: 's3cr3t' };
      const result = allowed(
        plan(
          postgres(),
          { connection_type: 's3', storage_config: { bucket: 'lake-b', region: 'us-east-1' }, credentials },
          'update-full',
        ),
      );
      expect(result.changes).toMatchObject({
        connectionType: 's3',
        authType: 'access_key',
        config: { auth_type: 'access_key', bucket: 'lake-b', region: 'us-east-1', path_style: false },
        selectedTables: [],
      });
      expect(result.credentials).toEqual({ auth_type: 'access_key', credentials });
    });

    it('should ask for the new type settings when the type changes without them', () => {
      const violation = refused(
        plan(postgres(), { connection_type: 'mysql', credentials: PG_CREDENTIALS }, 'update-full'),
      );
      expect(violation).toMatchObject({
        kind: 'invalid',
        fields: [
          { field: 'database_config.host', message: 'is required' },
          { field: 'database_config.database', message: 'is required' },
        ],
      });
    });

    it('should refuse the other type config key', () => {
      const violation = refused(
        plan(
          postgres(),
          {
            connection_type: 'postgres',
            database_config: postgres().config,
            storage_config: { bucket: 'b' },
          },
          'update-full',
        ),
      );
      expect(violation).toMatchObject({
        kind: 'invalid',
        fields: [
          {
            field: 'storage_config',
            message: 'is not allowed for postgres connections; use database_config',
          },
        ],
      });
    });
  });

  describe('rebind protection without credentials', () => {
    it.each([
      ['host', { host: 'attacker.example.com' }],
      ['port', { port: 6543 }],
      ['ssl_mode', { ssl_mode: 'disable' }],
      ['ssl_mode', { ssl_mode: null }],
    ])('should refuse a change of %s', (field, change) => {
      expect(refused(plan(postgres(), { database_config: change }))).toEqual({
        kind: 'rebind',
        changedFields: [`database_config.${field}`],
      });
    });

    it('should name every destination and transport field that changes, once', () => {
      expect(
        refused(
          plan(postgres(), {
            database_config: { host: 'other.example.com', port: 6543, ssl_mode: 'require' },
          }),
        ),
      ).toEqual({
        kind: 'rebind',
        changedFields: ['database_config.host', 'database_config.port', 'database_config.ssl_mode'],
      });
    });

    it('should refuse a PUT that omits a transport field whose default is weaker', () => {
      const body = {
        connection_type: 'postgres',
        database_config: { host: 'db.example.com', database: 'analytics' },
      };
      expect(refused(plan(postgres(), body, 'update-full'))).toEqual({
        kind: 'rebind',
        changedFields: ['database_config.ssl_mode'],
      });
    });

    it('should refuse an endpoint leaving https and a transport switched off', () => {
      expect(
        refused(
          plan(s3({ endpoint: 'https://s3.example.com' }), {
            storage_config: { endpoint: 'http://localhost:9000' },
          }),
        ),
      ).toEqual({
        kind: 'rebind',
        changedFields: ['storage_config.endpoint'],
      });
      expect(refused(plan(mongodb(), { database_config: { tls: false } }))).toEqual({
        kind: 'rebind',
        changedFields: ['database_config.tls'],
      });
    });

    it('should allow a stronger transport, other settings, and clearing a field whose default is as strong', () => {
      expect(
        allowed(plan(postgres({ ssl_mode: 'prefer' }), { database_config: { ssl_mode: 'verify-full' } }))
          .changes.config,
      ).toMatchObject({ ssl_mode: 'verify-full' });
      expect(
        allowed(
          plan(postgres(), {
            description: 'still strict',
            database_config: { ssl_mode: 'verify-full', database: 'other' },
          }),
        ).changes,
      ).toMatchObject({ description: 'still strict' });
      expect(allowed(plan(mongodb(), { database_config: { tls: null } })).changes.config).toMatchObject({
        tls: true,
      });
    });

    it('should report the rebind before validating, so an invalid body still names the moved field', () => {
      expect(
        refused(plan(postgres(), { database_config: { host: 'x.example.com', port: 'not-a-port' } })),
      ).toEqual({ kind: 'rebind', changedFields: ['database_config.host', 'database_config.port'] });
    });

    it('should require credentials when the auth method changes (a validation error, not a rebind)', () => {
      const azure: StoredConnection = {
        ...s3(),
        connectionType: 'azure_blob',
        config: { auth_type: 'shared_key', account_name: 'acmelake', container: 'landing' },
      };
      expect(refused(plan(azure, { storage_config: { auth_type: 'sas_token' } }))).toEqual({
        kind: 'invalid',
        message: 'Connection settings failed validation',
        fields: [{ field: 'credentials', message: 'is required when auth_type changes' }],
      });
    });
  });

  describe('with credentials', () => {
    it('should allow moving the destination and weakening transport, and carry the credentials', () => {
      const result = allowed(
        plan(postgres(), {
          database_config: { host: 'new-replica.example.com', ssl_mode: null },
          credentials: PG_CREDENTIALS,
        }),
      );
      expect(result.changes.config).toMatchObject({ host: 'new-replica.example.com', ssl_mode: 'prefer' });
      expect(result.credentials).toEqual({ auth_type: 'basic', credentials: PG_CREDENTIALS });
    });

    it('should rotate credentials alone without touching the settings', () => {
      const row = postgres();
      const result = allowed(plan(row, { credentials: PG_CREDENTIALS }));
      expect(result.changes.config).toEqual(row.config);
      expect(result.credentials).toEqual({ auth_type: 'basic', credentials: PG_CREDENTIALS });
    });

    it('should check the credentials against the auth method schema', () => {
      const violation = refused(plan(postgres(), { credentials: { username: 'reader' } }));
      expect(violation).toEqual({
        kind: 'invalid',
        message: 'Connection settings failed validation',
        fields: [{ field: 'credentials.password', message: 'is required' }],
      });
    });
  });

  describe('metadata', () => {
    it('should trim the name, dedupe tags and pass description and status through', () => {
      const result = allowed(
        plan(postgres(), {
          name: '  Orders DB  ',
          tags: ['prod', 'eu', 'prod'],
          description: null,
          status: 'DISABLED',
        }),
      );
      expect(result.changes).toMatchObject({
        name: 'Orders DB',
        tags: ['prod', 'eu'],
        description: null,
        status: 'DISABLED',
      });
    });

    it('should leave out metadata the body does not name', () => {
      const result = allowed(plan(postgres(), { database_config: { database: 'other' } }));
      for (const key of ['name', 'tags', 'description', 'status'])
        expect(result.changes).not.toHaveProperty(key);
    });
  });

  describe('selected tables', () => {
    it('should keep them in their own column, replace them, and clear them with null', () => {
      expect(
        allowed(plan(postgres(), { database_config: { selected_tables: ['public.a', 'sales.b'] } })).changes,
      ).toMatchObject({
        selectedTables: ['public.a', 'sales.b'],
      });
      const cleared = allowed(plan(postgres(), { database_config: { selected_tables: null } }));
      expect(cleared.changes.selectedTables).toEqual([]);
      expect(cleared.changes.config).not.toHaveProperty('selected_tables');
    });

    it('should keep the stored tables on a PATCH that does not name them', () => {
      const result = allowed(plan(postgres({}, ['public.x']), { database_config: { database: 'other' } }));
      expect(result.changes.selectedTables).toEqual(['public.x']);
      expect(result.changes.config).not.toHaveProperty('selected_tables');
    });
  });

  it('should answer an unknown connection type with the validator message instead of throwing', () => {
    const violation = refused(plan(postgres(), { connection_type: 'ftp' }, 'update-full'));
    expect(violation).toMatchObject({
      kind: 'invalid',
      fields: [{ field: 'connection_type', message: expect.stringMatching(/^must be one of: postgres, /) }],
    });
  });

  describe('health check interval', () => {
    it('should start a new schedule when the interval changes, and keep the schedule otherwise', () => {
      for (const interval of [300, 0, null]) {
        expect(allowed(plan(postgres(), { health_check_interval_seconds: interval })).changes).toMatchObject({
          healthCheckIntervalS: interval,
          nextCheckAt: null,
        });
      }
      const untouched = allowed(plan(postgres(), { description: 'x' })).changes;
      expect(untouched).not.toHaveProperty('healthCheckIntervalS');
      expect(untouched).not.toHaveProperty('nextCheckAt');
    });
  });
});
