import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { ErrorCode, type Principal, RequestContext } from '@app/core';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { loadProductModelDsl, type TupleKey } from '@app/authz';
import { EmbeddedAuthzClient, InMemoryTupleStore } from '@app/authz/embedded';
import {
  InMemoryConnectionOperationsRepository,
  InMemoryConnectionsRepository,
  InMemoryConnectionTables,
  InMemoryCredentialsStore,
} from '../../../../test/support/in-memory-connections.js';
import { AuditRecorder, type GovernanceCredentialsStore } from '../governance/index.js';
import { ConnectionsService } from './connections.service.js';
import type { CreateConnectionDto, UpdateConnectionDto } from './dto/connection.dto.js';
import type { ListConnectionsQuery } from './dto/list-connections.query.js';
import { ConnectionSaga } from './lifecycle/connection-saga.js';
import type { ConnectionOperationsRepository } from './persistence/connection-operations.repository.js';
import type { ConnectionsRepository } from './persistence/connections.repository.js';
import { appFailureOf } from '@app/testing';
import type { ConnectionEvents } from '../notifications/index.js';

const ORG = 'acme';
const PROJECT = 'analytics';
const as = (userId: string, orgId = ORG): Principal => ({
  userId,
  orgId,
  actorType: 'user',
  issuer: 'test',
  token: `token-${userId}`,
});

const project = `project:${ORG}/${PROJECT}`;
const org = `organization:${ORG}`;
/** alice org admin; dave developer, olivia operator, vic viewer on the project; mallory only an org member. */
const TUPLES: TupleKey[] = [
  { object: project, relation: 'organization', user: org },
  { object: org, relation: 'project_viewer', user: `${project}#viewer` },
  { object: org, relation: 'project_operator', user: `${project}#operator` },
  { object: org, relation: 'admin', user: 'user:alice' },
  ...['dave', 'olivia', 'vic', 'mallory'].map((user) => ({
    object: org,
    relation: 'member',
    user: `user:${user}`,
  })),
  { object: project, relation: 'developer', user: 'user:dave' },
  { object: project, relation: 'operator', user: 'user:olivia' },
  { object: project, relation: 'viewer', user: 'user:vic' },
];

const CREDENTIALS = { username: 'reader', password: 'pw-1' };
const createBody = (overrides: Partial<CreateConnectionDto> = {}): CreateConnectionDto => ({
  name: 'Orders DB',
  connection_type: 'postgres',
  database_config: { host: 'db.example.com', database: 'orders', ssl_mode: 'verify-full' },
  credentials: CREDENTIALS,
  ...overrides,
});
const URI = `data:${ORG}:${PROJECT}:orders-db`;

class RecordingAuditSink extends AuditSink {
  readonly events: AuditEventInput[] = [];
  async record(event: AuditEventInput): Promise<void> {
    this.events.push(event);
  }
}

const listQuery = (query: Partial<ListConnectionsQuery> = {}) =>
  ({ page: 1, limit: 50, ...query }) as ListConnectionsQuery;

describe(ConnectionsService.name, () => {
  let tables: InMemoryConnectionTables;
  let authz: EmbeddedAuthzClient;
  let credentials: InMemoryCredentialsStore;
  let audit: RecordingAuditSink;
  let recorder: AuditRecorder;
  let saga: ConnectionSaga;
  let service: ConnectionsService;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    tables = new InMemoryConnectionTables();
    const connections = new InMemoryConnectionsRepository(tables) as unknown as ConnectionsRepository;
    authz = EmbeddedAuthzClient.fromDsl(loadProductModelDsl(), new InMemoryTupleStore());
    await authz.writeTuples(TUPLES);
    credentials = new InMemoryCredentialsStore();
    audit = new RecordingAuditSink();
    const store = credentials as unknown as GovernanceCredentialsStore;
    recorder = new AuditRecorder(audit, new RequestContext());
    saga = new ConnectionSaga(
      connections,
      new InMemoryConnectionOperationsRepository(tables) as unknown as ConnectionOperationsRepository,
      authz,
      store,
      recorder,
      { publish: async () => 'event-id' } as unknown as ConnectionEvents,
    );
    service = new ConnectionsService(connections, authz, saga, store, recorder, Date.now);
  });

  const createOrders = async (body: Partial<CreateConnectionDto> = {}) => {
    const dto = await service.create(as('alice'), PROJECT, createBody(body));
    audit.events.length = 0;
    return dto;
  };

  describe('create', () => {
    it('should store the settings here and the credentials in Governance, and answer without them', async () => {
      const dto = await service.create(as('dave'), PROJECT, createBody({ tags: ['prod', 'prod'] }));

      expect(dto).toMatchObject({
        resource_uri: URI,
        name: 'Orders DB',
        project_id: PROJECT,
        scope: 'project',
        status: 'PENDING',
        tags: ['prod'],
        created_by: 'dave',
        database_config: {
          host: 'db.example.com',
          port: 5432,
          database: 'orders',
          ssl_mode: 'verify-full',
          auth_type: 'basic',
        },
      });
      // Each setting once, where it is sent: auth_type in the config, no empty selected_tables.
      for (const key of ['auth_type', 'selected_tables', 'owner_id']) expect(dto).not.toHaveProperty(key);
      expect(dto.database_config).not.toHaveProperty('selected_tables');
      expect(JSON.stringify(dto)).not.toContain('pw-1');
      expect(JSON.stringify([...tables.rows.values()])).not.toContain('pw-1');
      expect(credentials.secrets.get(`${URI}#1`)).toEqual({ auth_type: 'basic', credentials: CREDENTIALS });
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: 'data_connection.create',
          resource_id: URI,
          actor_id: 'dave',
          project_id: PROJECT,
          details: { connection_type: 'postgres', name: 'Orders DB' },
        }),
      ]);
    });

    it('should create at org level when the body says project_id null', async () => {
      const dto = await service.create(as('alice'), PROJECT, createBody({ project_id: null }));
      expect(dto).toMatchObject({
        resource_uri: `data:${ORG}::orders-db`,
        project_id: null,
        scope: 'organization',
      });
    });

    it('should refuse a body naming another project before checking any permission', async () => {
      const error = await appFailureOf(
        service.create(as('mallory'), PROJECT, createBody({ project_id: 'billing' })),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_ERROR);
      expect(error.message).toBe('project_id must be null or match X-Project-ID');
    });

    it('should answer 404 to a caller who cannot see the project and 403 to one who cannot create in it', async () => {
      expect((await appFailureOf(service.create(as('mallory'), PROJECT, createBody()))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect((await appFailureOf(service.create(as('olivia'), PROJECT, createBody()))).code).toBe(
        ErrorCode.INSUFFICIENT_PERMISSIONS,
      );
      expect(
        (await appFailureOf(service.create(as('dave'), PROJECT, createBody({ project_id: null })))).code,
      ).toBe(ErrorCode.INSUFFICIENT_PERMISSIONS);
      expect(tables.rows.size).toBe(0);
    });

    it('should check permission before the settings, and store nothing for invalid ones', async () => {
      expect(
        (
          await appFailureOf(
            service.create(as('mallory'), PROJECT, createBody({ database_config: { host: 'x' } })),
          )
        ).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
      const error = await appFailureOf(
        service.create(
          as('alice'),
          PROJECT,
          createBody({ database_config: { host: 'postgres://u:p@h/db', database: 'x' } }),
        ),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_ERROR);
      expect(error.details).toEqual({ fields: [expect.objectContaining({ field: 'database_config.host' })] });
      expect(tables.rows.size).toBe(0);
      expect(credentials.calls).toEqual([]);
    });

    it('should answer 409 to a second connection with the same name in the scope', async () => {
      await createOrders();
      expect((await appFailureOf(service.create(as('alice'), PROJECT, createBody()))).code).toBe(
        ErrorCode.RESOURCE_ALREADY_EXISTS,
      );
    });
  });

  describe('update', () => {
    const patch = (principal: Principal, body: Partial<UpdateConnectionDto>) =>
      service.update(principal, PROJECT, URI, body as UpdateConnectionDto, 'update-partial');

    it('should apply a change without credentials after auditing it, and keep the secret', async () => {
      await createOrders();
      const dto = await patch(as('olivia'), {
        description: 'replica',
        database_config: { database: 'orders_v2' },
      });

      expect(dto).toMatchObject({
        description: 'replica',
        database_config: { database: 'orders_v2', host: 'db.example.com' },
      });
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: 'data_connection.update',
          actor_id: 'olivia',
          details: { credentials_changed: false, fields: ['description', 'database_config'] },
        }),
      ]);
      expect(credentials.versionsOf(URI)).toEqual([1]);
      expect(tables.row(tables.rows.keys().next().value!)).toMatchObject({
        revision: 2,
        credentialsVersion: 1,
      });
    });

    it('should refuse to send the stored credentials elsewhere, storing and auditing nothing', async () => {
      await createOrders();
      const error = await appFailureOf(
        patch(as('olivia'), { database_config: { host: 'attacker.example.com', ssl_mode: 'disable' } }),
      );

      expect(error.code).toBe(ErrorCode.REBIND_REQUIRES_CREDENTIALS);
      expect(error.details).toEqual({
        fields: [
          { field: 'database_config.host', message: expect.stringContaining('send the credentials again') },
          {
            field: 'database_config.ssl_mode',
            message: expect.stringContaining('weakens transport security'),
          },
        ],
      });
      expect(audit.events).toEqual([]);
      expect([...tables.rows.values()][0]).toMatchObject({
        revision: 1,
        config: expect.objectContaining({ host: 'db.example.com' }),
      });
    });

    it('should answer a PUT with invalid settings with 422 VALIDATION_ERROR', async () => {
      await createOrders();
      const error = await appFailureOf(
        service.update(
          as('dave'),
          PROJECT,
          URI,
          {
            connection_type: 'postgres',
            database_config: { host: 'db.example.com', ssl_mode: 'verify-full' },
          } as UpdateConnectionDto,
          'update-full',
        ),
      );
      expect(error.code).toBe(ErrorCode.VALIDATION_ERROR);
      expect(error.details).toEqual({
        fields: [{ field: 'database_config.database', message: 'is required' }],
      });
    });

    it('should store new credentials as a new version when the caller may manage secrets', async () => {
      await createOrders();
      const dto = await patch(as('dave'), {
        database_config: { host: 'replica.example.com' },
        credentials: { username: 'reader', password: 'pw-2' },
      });

      expect(dto.database_config).toMatchObject({ host: 'replica.example.com' });
      expect(credentials.versionsOf(URI)).toEqual([2]);
      expect(audit.events).toEqual([
        expect.objectContaining({ details: { credentials_changed: true, fields: ['database_config'] } }),
      ]);
    });

    it('should answer 403 to new credentials from a caller who may write but not manage secrets', async () => {
      await createOrders();
      expect(
        (await appFailureOf(patch(as('olivia'), { credentials: { username: 'reader', password: 'pw-2' } })))
          .code,
      ).toBe(ErrorCode.INSUFFICIENT_PERMISSIONS);
      expect(credentials.versionsOf(URI)).toEqual([1]);
    });

    it('should answer 404, not 403, when a delete took the connection and its tuples first', async () => {
      await createOrders();
      const row = [...tables.rows.values()][0]!;
      const repository = new InMemoryConnectionsRepository(tables);
      const spy = jest.spyOn(repository, 'findActive');
      const racing = new ConnectionsService(
        repository as unknown as ConnectionsRepository,
        authz,
        saga,
        credentials as unknown as GovernanceCredentialsStore,
        recorder,
        Date.now,
      );
      // The delete lands between the load and the permission check.
      spy.mockImplementationOnce(async (scope, uri) => {
        const loaded = await new InMemoryConnectionsRepository(tables).findActive(scope, uri);
        await saga.delete(as('alice'), row, {
          action: 'data_connection.delete',
          resource_type: 'data_connection',
          resource_id: URI,
        });
        return loaded;
      });
      const error = await appFailureOf(
        racing.update(
          as('dave'),
          PROJECT,
          URI,
          { credentials: CREDENTIALS } as UpdateConnectionDto,
          'update-partial',
        ),
      );
      expect(error.code).toBe(ErrorCode.RESOURCE_NOT_FOUND);
    });

    it('should not find a connection of another project', async () => {
      await createOrders();
      expect(
        (
          await appFailureOf(
            service.update(
              as('alice'),
              'billing',
              URI,
              { description: 'x' } as UpdateConnectionDto,
              'update-partial',
            ),
          )
        ).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
    });
  });

  describe('list', () => {
    beforeEach(async () => {
      await createOrders();
      await createOrders({ name: 'Org Warehouse', project_id: null });
    });

    const names = async (principal: Principal, headerProject: string | null) =>
      (await service.list(principal, headerProject, listQuery())).data.map((c) => c.name).sort();

    it('should show a project viewer the project connections and the org-level ones shared with project viewers', async () => {
      expect(await names(as('vic'), PROJECT)).toEqual(['Orders DB', 'Org Warehouse']);
      expect(await names(as('alice'), null)).toEqual(['Org Warehouse']);
    });

    it('should answer 404 for a project the caller cannot read, and nothing at org level to a plain member', async () => {
      expect((await appFailureOf(service.list(as('mallory'), PROJECT, listQuery()))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect(await names(as('mallory'), null)).toEqual([]);
      expect(await names(as('alice', 'globex'), null)).toEqual([]);
    });

    it('should page with totals', async () => {
      const page = await service.list(as('alice'), PROJECT, listQuery({ limit: 1 }));
      expect(page.data).toHaveLength(1);
      expect(page.pagination).toMatchObject({ total_items: 2 });
    });
  });

  describe('readSecret', () => {
    it('should return the current version from Governance', async () => {
      await createOrders();
      await expect(service.readSecret(as('olivia'), PROJECT, URI)).resolves.toEqual({
        resource_uri: URI,
        connection_type: 'postgres',
        auth_type: 'basic',
        credentials: CREDENTIALS,
        version: 1,
        active_version: 1,
        rotated_at: null,
      });
    });

    describe('with a rotation in its grace period', () => {
      const NEXT = { username: 'reader', password: 'pw-next' };
      let now = Date.parse('2026-01-05T10:00:00Z');
      const expiresAt = new Date(now + 3_600_000);
      beforeEach(async () => {
        now = Date.parse('2026-01-05T10:00:00Z');
        service = new ConnectionsService(
          new InMemoryConnectionsRepository(tables) as unknown as ConnectionsRepository,
          authz,
          saga,
          credentials as unknown as GovernanceCredentialsStore,
          recorder,
          () => now,
        );
        await createOrders();
        // What a promotion commits: v2 active, v1 readable until expiry.
        await credentials.put(as('alice'), URI, 2, { auth_type: 'basic', credentials: NEXT });
        const row = [...tables.rows.values()][0]!;
        Object.assign(row, {
          credentialsVersion: 2,
          previousCredentialsVersion: 1,
          previousVersionExpiresAt: expiresAt,
          rotatedAt: new Date(now),
        });
      });

      it('should answer the active version with the previous one and its expiry', async () => {
        await expect(service.readSecret(as('olivia'), PROJECT, URI)).resolves.toEqual({
          resource_uri: URI,
          connection_type: 'postgres',
          auth_type: 'basic',
          credentials: NEXT,
          version: 2,
          active_version: 2,
          rotated_at: new Date(now).toISOString(),
          previous_version: 1,
          previous_version_expires_at: expiresAt.toISOString(),
        });
      });

      it('should answer the previous version by name and by number until it expires', async () => {
        for (const selector of ['previous', '1'])
          await expect(service.readSecret(as('olivia'), PROJECT, URI, selector)).resolves.toMatchObject({
            credentials: CREDENTIALS,
            version: 1,
            active_version: 2,
          });
        await expect(service.readSecret(as('olivia'), PROJECT, URI, '2')).resolves.toMatchObject({
          version: 2,
        });
        now = expiresAt.getTime();
        for (const selector of ['previous', '1'])
          expect((await appFailureOf(service.readSecret(as('olivia'), PROJECT, URI, selector))).code).toBe(
            ErrorCode.RESOURCE_NOT_FOUND,
          );
        const active = await service.readSecret(as('olivia'), PROJECT, URI);
        expect(active).not.toHaveProperty('previous_version_expires_at');
      });

      it('should answer 404 for any other version without asking Governance', async () => {
        for (const selector of ['3', '99']) {
          expect((await appFailureOf(service.readSecret(as('olivia'), PROJECT, URI, selector))).code).toBe(
            ErrorCode.RESOURCE_NOT_FOUND,
          );
        }
        expect(credentials.calls.filter((c) => c.method === 'read')).toHaveLength(0);
      });
    });

    it('should follow a credential change that committed between reading the row and the secret', async () => {
      await createOrders();
      const next = { username: 'reader', password: 'pw-2' };
      const read = credentials.read.bind(credentials);
      jest.spyOn(credentials, 'read').mockImplementationOnce(async (caller, uri, version) => {
        await patch(as('dave'), { credentials: next });
        return read(caller, uri, version);
      });
      await expect(service.readSecret(as('olivia'), PROJECT, URI)).resolves.toMatchObject({
        credentials: next,
        version: 2,
      });
    });

    it('should pass on a missing secret when the row did not move', async () => {
      await createOrders();
      credentials.secrets.clear();
      expect((await appFailureOf(service.readSecret(as('olivia'), PROJECT, URI))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect(credentials.calls.filter((c) => c.method === 'read')).toHaveLength(1);
    });

    const patch = (principal: Principal, body: Partial<UpdateConnectionDto>) =>
      service.update(principal, PROJECT, URI, body as UpdateConnectionDto, 'update-partial');
  });

  describe('delete', () => {
    it('should audit and remove the connection, its secret and its tuples', async () => {
      await createOrders();
      await service.delete(as('dave'), PROJECT, URI);
      expect(tables.rows.size).toBe(0);
      expect(credentials.versionsOf(URI)).toEqual([]);
      expect(await authz.readTuples({ object: `data_connection:${ORG}/${PROJECT}/orders-db` })).toEqual([]);
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: 'data_connection.delete',
          details: { connection_type: 'postgres' },
        }),
      ]);
    });
  });
});
