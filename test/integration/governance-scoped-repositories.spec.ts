import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { type Database, ScopedTransaction } from '@app/database';
import {
  orgScope,
  ProjectsRepository,
} from '../../apps/governance/src/access/persistence/projects.repository.js';
import type { AuditEventInput } from '@app/audit';
import { AuditEventsRepository } from '../../apps/governance/src/audit/persistence/audit-events.repository.js';
import { DatabaseAuditSink } from '../../apps/governance/src/audit/database-audit.sink.js';
import { OrganizationsRepository } from '../../apps/governance/src/access/persistence/organizations.repository.js';
import { openAppTestDatabase } from '../support/app-test-database.js';

/** Governance's org-owned tables: one org's scope never reads another org's projects or audit events. */
describe('Governance tenant-scoped repositories (PostgreSQL)', () => {
  let db: Database;
  let projects: ProjectsRepository;
  let events: AuditEventsRepository;

  const project = (orgId: string, id: string) => ({
    orgId,
    id,
    name: id,
    description: null,
    createdBy: 'alice',
  });
  const createProject = (orgId: string, id: string) =>
    db.dataSource.transaction((manager) =>
      projects.create(orgScope(orgId), ScopedTransaction.of(manager), project(orgId, id)),
    );
  const insertEvent = async (orgId: string, projectId: string | null) => {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO audit_events (id, timestamp, org_id, project_id, actor_id, actor_type, action, resource_type, source_service, details)
       VALUES ($1, now(), $2, $3, 'alice', 'user', 'project.create', 'project', 'governance', '{}')`,
      [id, orgId, projectId],
    );
    return id;
  };

  beforeAll(async () => {
    db = await openAppTestDatabase('governance', 'govtenancy');
    projects = new ProjectsRepository(db.dataSource);
    events = new AuditEventsRepository(db.dataSource);
  });

  afterAll(async () => {
    await db?.close();
  });

  describe(ProjectsRepository.name, () => {
    it("should find an org's project only in that org", async () => {
      await createProject('acme', 'analytics');
      expect(await projects.exists(orgScope('acme'), 'analytics')).toBe(true);
      expect(await projects.exists(orgScope('globex'), 'analytics')).toBe(false);
      expect(await projects.findOne(orgScope('globex'), 'analytics')).toBeNull();
      expect((await projects.pageOf(orgScope('globex'), ['analytics'], 0, 10))[1]).toBe(0);
      expect((await projects.pageOf(orgScope('acme'), ['analytics'], 0, 10))[0].map((p) => p.id)).toEqual([
        'analytics',
      ]);
    });

    it('should let two orgs have projects of the same name, and refuse a duplicate in one org (409)', async () => {
      await createProject('acme', 'shared-name');
      await createProject('globex', 'shared-name');
      await expect(createProject('acme', 'shared-name')).rejects.toEqual(
        expect.objectContaining({ status: 409 }),
      );
    });

    it("should refuse to insert a project into another org's scope", async () => {
      await expect(
        db.dataSource.transaction((manager) =>
          projects.create(orgScope('globex'), ScopedTransaction.of(manager), project('acme', 'smuggled')),
        ),
      ).rejects.toThrow('outside its tenant scope');
      expect(await projects.exists(orgScope('acme'), 'smuggled')).toBe(false);
    });
  });

  describe(AuditEventsRepository.name, () => {
    it("should search and read only the scope's org, every project of it included", async () => {
      const orgEvent = await insertEvent('initech', null);
      const projectEvent = await insertEvent('initech', 'analytics');
      const otherOrg = await insertEvent('umbrella', 'analytics');
      const [rows, total] = await events.search(orgScope('initech'), { offset: 0, limit: 100 });
      expect(rows.map((e) => e.id).sort()).toEqual([orgEvent, projectEvent].sort());
      expect(total).toBe(2);
      const [inProject] = await events.search(orgScope('initech'), {
        projectId: 'analytics',
        offset: 0,
        limit: 100,
      });
      expect(inProject.map((e) => e.id)).toEqual([projectEvent]);
      expect(await events.findOne(orgScope('initech'), otherOrg)).toBeNull();
      expect(await events.findOne(orgScope('umbrella'), otherOrg)).toMatchObject({ id: otherOrg });
    });

    it("should append an event of the scope's org only", async () => {
      const event = (orgId: string) => ({
        id: randomUUID(),
        timestamp: new Date(),
        orgId,
        projectId: null,
        actorId: 'governance-cli',
        actorType: 'system',
        action: 'organization.create',
        resourceType: 'organization',
        resourceId: orgId,
        sourceService: 'governance',
        requestId: null,
        traceId: null,
        details: {},
      });
      const own = event('hooli');
      await events.append(orgScope('hooli'), own);
      expect(await events.findOne(orgScope('hooli'), own.id)).toMatchObject({ id: own.id, orgId: 'hooli' });
      const foreign = event('piedpiper');
      await expect(events.append(orgScope('hooli'), foreign)).rejects.toThrow('outside its tenant scope');
      expect(await events.findOne(orgScope('piedpiper'), foreign.id)).toBeNull();
    });
  });

  describe(`${AuditEventsRepository.name} appends`, () => {
    const event = (requestId: string | null, details: Record<string, unknown>, ms: number) => ({
      id: randomUUID(),
      timestamp: new Date(Date.UTC(2026, 11, 4, 12, 0, 0, ms)),
      orgId: 'initech',
      projectId: requestId ? 'analytics' : null,
      actorId: 'alice',
      actorType: 'user',
      action: 'data_connection.secret.read',
      resourceType: 'data_connection',
      resourceId: requestId ? `data:initech:analytics:db-${requestId}#credentials-v1` : null,
      sourceService: 'governance',
      requestId,
      traceId: null,
      details,
    });

    it('should write many rows as one statement of one array per column, every value as given', async () => {
      const pool = (db.dataSource.driver as unknown as { master: { query: (...a: unknown[]) => unknown } })
        .master;
      const query = jest.spyOn(pool, 'query');
      const rows = [
        event('r1', {}, 1),
        event(
          null,
          { quote: 'say "hi"', back: 'a\\b', braces: '{x,y}', nested: { list: [1, null, 'é'] } },
          2,
        ),
        event('r3', { empty: '', nul: null }, 999),
      ];
      await events.appendAll(orgScope('initech'), rows);
      const texts = query.mock.calls.map(([text]) => String(text)).filter((t) => t.startsWith('INSERT'));
      query.mockRestore();
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('SELECT * FROM unnest(');
      for (const row of rows) expect(await events.findOne(orgScope('initech'), row.id)).toEqual(row);
      // Sizes share the statement: a second batch of another size sends the same text.
      const again = jest.spyOn(pool, 'query');
      await events.appendAll(orgScope('initech'), [event('r4', {}, 4), event('r5', {}, 5)]);
      expect(again.mock.calls.map(([text]) => String(text)).filter((t) => t.startsWith('INSERT'))).toEqual(
        texts,
      );
      again.mockRestore();
    });
  });

  describe(DatabaseAuditSink.name, () => {
    const read = (orgId: string, requestId: string, actorId = 'alice'): AuditEventInput => ({
      org_id: orgId,
      project_id: 'analytics',
      actor_id: actorId,
      actor_type: 'user',
      action: 'data_connection.secret.read',
      resource_type: 'data_connection',
      resource_id: `data:${orgId}:analytics:db#credentials-v1`,
      source_service: 'governance',
      request_id: requestId,
    });
    const requestIdsOf = async (orgId: string) =>
      (
        await db.dataSource.query<{ request_id: string }[]>(
          `SELECT request_id FROM audit_events WHERE org_id = $1 AND action = 'data_connection.secret.read' ORDER BY request_id`,
          [orgId],
        )
      ).map((row) => row.request_id);

    it('should write concurrent events of one org in fewer statements than events, each durable before its caller resumes', async () => {
      const appendAll = jest.spyOn(events, 'appendAll');
      const sink = new DatabaseAuditSink(events);
      const ids = Array.from({ length: 20 }, (_, i) => `batch-${String(i).padStart(2, '0')}`);
      await Promise.all(
        ids.map(async (id) => {
          await sink.record(read('umbrella', id));
          const [row] = await db.dataSource.query(`SELECT 1 FROM audit_events WHERE request_id = $1`, [id]);
          expect(row).toBeDefined();
        }),
      );
      expect(await requestIdsOf('umbrella')).toEqual(ids);
      // Time-ordered ids (UUIDv7): the first 48 bits are the event's own timestamp in milliseconds.
      const rows = await db.dataSource.query<{ id: string; ms: string }[]>(
        `SELECT id::text AS id, (extract(epoch FROM "timestamp") * 1000)::bigint::text AS ms
           FROM audit_events WHERE org_id = 'umbrella' AND action = 'data_connection.secret.read'`,
      );
      for (const row of rows) {
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(parseInt(row.id.replace('-', '').slice(0, 12), 16)).toBe(Number(row.ms));
      }
      expect(appendAll.mock.calls.length).toBeLessThan(ids.length);
      expect(appendAll.mock.calls.every(([scope, rows]) => rows.every((r) => r.orgId === scope.orgId))).toBe(
        true,
      );
      appendAll.mockRestore();
    });

    it('should fail only the event PostgreSQL refuses (a NUL byte), not the others written with it', async () => {
      const sink = new DatabaseAuditSink(events);
      const outcomes = await Promise.all(
        ['nul-0', 'nul-1', 'nul-bad', 'nul-3'].map((id) =>
          sink.record(read('tyrell', id, id === 'nul-bad' ? 'mal\u0000lory' : 'alice')).then(
            () => 'written',
            (error: { driverError?: { code?: string } }) => error.driverError?.code,
          ),
        ),
      );
      expect(outcomes).toEqual(['written', 'written', '22021', 'written']);
      expect(await requestIdsOf('tyrell')).toEqual(['nul-0', 'nul-1', 'nul-3']);
    });
  });

  describe(OrganizationsRepository.name, () => {
    it("should create the scope's org once and rename it when run again", async () => {
      const organizations = new OrganizationsRepository(db.dataSource);
      await organizations.upsert(orgScope('wayne'), 'Wayne');
      await organizations.upsert(orgScope('wayne'), 'Wayne Enterprises');
      expect(await db.dataSource.query(`SELECT id, name FROM organizations WHERE id = 'wayne'`)).toEqual([
        { id: 'wayne', name: 'Wayne Enterprises' },
      ]);
    });

    it('should commit the org and its audit event together, and neither when one of them fails', async () => {
      const organizations = new OrganizationsRepository(db.dataSource);
      const created = (orgId: string) => ({
        org_id: orgId,
        actor_id: 'governance-cli',
        actor_type: 'system' as const,
        action: 'organization.create',
        resource_type: 'organization',
        resource_id: orgId,
        source_service: 'governance',
        details: { owner: 'tony', password: 'never-stored' },
      });
      await organizations.createWithEvent(orgScope('stark'), 'Stark', created('stark'));
      expect(await db.dataSource.query(`SELECT name FROM organizations WHERE id = 'stark'`)).toEqual([
        { name: 'Stark' },
      ]);
      const [logged] = await events.search(orgScope('stark'), { offset: 0, limit: 10 });
      expect(logged.map((e) => [e.action, e.details])).toEqual([['organization.create', { owner: 'tony' }]]);

      // The event goes in first; the row then fails (name is NOT NULL), and the event is gone too.
      await expect(
        organizations.createWithEvent(orgScope('oscorp'), null as never, created('oscorp')),
      ).rejects.toThrow();
      expect((await events.search(orgScope('oscorp'), { offset: 0, limit: 10 }))[1]).toBe(0);
      await expect(
        organizations.createWithEvent(orgScope('lexcorp'), 'LexCorp', created('oscorp')),
      ).rejects.toThrow('outside its tenant scope');
      expect(
        await db.dataSource.query(`SELECT id FROM organizations WHERE id IN ('oscorp', 'lexcorp')`),
      ).toEqual([]);
    });
  });
});
