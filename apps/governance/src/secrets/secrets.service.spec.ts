import { ErrorCode } from '@app/core';
import type { AuditEventInput } from '@app/audit';
import { SecretsDeadlineError } from '@app/secrets';
import {
  expiredDeadline,
  InMemorySecretsBackend,
  RecordingAuditedChanges,
} from '../../../../test/support/governance-fakes.js';
import type { AuditedChanges } from '../audit/audited-changes.js';
import { SecretsService } from './secrets.service.js';
import { appFailureOf } from '@app/testing';

const REF = { orgId: 'acme', projectId: 'analytics', name: 'api-key' };
const event = (action: string): AuditEventInput => ({
  org_id: 'acme',
  project_id: 'analytics',
  actor_id: 'alice',
  actor_type: 'user',
  action,
  resource_type: 'secret',
  resource_id: 'api-key',
  source_service: 'governance',
});

describe(SecretsService.name, () => {
  let backend: InMemorySecretsBackend;
  let changes: RecordingAuditedChanges;
  let service: SecretsService;

  beforeEach(() => {
    backend = new InMemorySecretsBackend();
    changes = new RecordingAuditedChanges(backend, { writeTuples: async () => undefined });
    service = new SecretsService(backend, changes as unknown as AuditedChanges);
  });

  describe('writes', () => {
    it('should create through the audited change and answer metadata without the value', async () => {
      const created = await service.create(event('secret.create'), REF, 's3cr3t', 'the API key');
      expect(created).toEqual({
        name: 'api-key',
        description: 'the API key',
        created_at: expect.any(String),
        updated_at: expect.any(String),
        version: 1,
      });
      expect(JSON.stringify(created)).not.toContain('s3cr3t');
      expect(changes.events.map((e) => e.action)).toEqual(['secret.create']);
    });

    it('should pass a backend refusal through and record no event', async () => {
      await service.create(event('secret.create'), REF, 'one');
      expect((await appFailureOf(service.create(event('secret.create'), REF, 'two'))).code).toBe(
        ErrorCode.RESOURCE_ALREADY_EXISTS,
      );
      expect(
        (await appFailureOf(service.update(event('secret.update'), { ...REF, name: 'missing' }, 'x'))).code,
      ).toBe(ErrorCode.RESOURCE_NOT_FOUND);
      expect(changes.events.map((e) => e.action)).toEqual(['secret.create']);
    });

    it('should update the value, keep the description when none is given, and bump the version', async () => {
      await service.create(event('secret.create'), REF, 'one', 'kept');
      const updated = await service.update(event('secret.update'), REF, 'two');
      expect(updated).toMatchObject({ description: 'kept', version: 2 });
      expect((await backend.get(REF))?.value).toBe('two');
    });

    it('should put (create or update) idempotently', async () => {
      await service.put(event('secret.put'), REF, 'one');
      const again = await service.put(event('secret.put'), REF, 'two');
      expect(again.version).toBe(2);
      expect(changes.events).toHaveLength(2);
    });

    it('should answer 404 for deleting a missing secret, but let deleteIfPresent succeed (and audit)', async () => {
      expect((await appFailureOf(service.delete(event('secret.delete'), REF))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
      expect(changes.events).toEqual([]);
      await service.deleteIfPresent(event('secret.delete'), REF);
      expect(changes.events.map((e) => e.action)).toEqual(['secret.delete']);
    });

    it('should delete an existing secret', async () => {
      await service.create(event('secret.create'), REF, 'one');
      await service.delete(event('secret.delete'), REF);
      expect(await backend.get(REF)).toBeNull();
    });

    it('should change nothing once the caller’s deadline has passed (504)', async () => {
      const error = await appFailureOf(
        service.create(event('secret.create'), REF, 'one', null, expiredDeadline()),
      );
      expect(error.code).toBe(ErrorCode.DEADLINE_EXCEEDED);
      expect(error.details).toEqual({ outcome: 'not_applied' });
      expect(backend.secrets.size).toBe(0);
    });
  });

  describe('reads', () => {
    it('should return the value with its metadata, and 404 when missing', async () => {
      await service.create(event('secret.create'), REF, 's3cr3t');
      await expect(service.read(REF)).resolves.toMatchObject({
        name: 'api-key',
        value: 's3cr3t',
        version: 1,
      });
      expect((await appFailureOf(service.read({ ...REF, name: 'missing' }))).code).toBe(
        ErrorCode.RESOURCE_NOT_FOUND,
      );
    });

    it('should list one scope sorted by name, paged, without values', async () => {
      for (const name of ['charlie', 'alpha', 'bravo'])
        await service.create(event('secret.create'), { ...REF, name }, `value-${name}`);
      await service.create(event('secret.create'), { ...REF, projectId: null, name: 'org-level' }, 'x');

      const first = await service.list({ orgId: 'acme', projectId: 'analytics' }, 1, 2);
      expect(first.data.map((s) => s.name)).toEqual(['alpha', 'bravo']);
      expect(first.pagination).toMatchObject({ total_items: 3, total_pages: 2, next_page: 2 });
      const second = await service.list({ orgId: 'acme', projectId: 'analytics' }, 2, 2);
      expect(second.data.map((s) => s.name)).toEqual(['charlie']);
      expect(JSON.stringify([first, second])).not.toContain('value-');
    });

    it('should answer 504, not the backend’s 503, when a read ran out of the caller’s time', async () => {
      expect((await appFailureOf(service.read(REF, expiredDeadline()))).code).toBe(
        ErrorCode.DEADLINE_EXCEEDED,
      );
      // The deadline fires while the backend is working: its own error gives way to the 504.
      const controller = new AbortController();
      backend.get = async () => {
        controller.abort();
        throw new SecretsDeadlineError('secrets backend', false);
      };
      expect((await appFailureOf(service.read(REF, { signal: controller.signal }))).code).toBe(
        ErrorCode.DEADLINE_EXCEEDED,
      );
    });

    it('should pass the backend’s own error through while the deadline holds', async () => {
      backend.list = async () => {
        throw new SecretsDeadlineError('secrets backend', false);
      };
      expect((await appFailureOf(service.list({ orgId: 'acme', projectId: null }, 1, 10))).code).toBe(
        ErrorCode.SERVICE_UNAVAILABLE,
      );
    });
  });
});
