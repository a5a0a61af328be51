import fs from 'node:fs';
import path from 'node:path';
import { AppException, type Principal } from '@app/core';
import {
  AuthzClient,
  type CheckRequest,
  type ListObjectsRequest,
  type ReadTuplesFilter,
  type TupleKey,
} from './authz-client.js';
import { EmbeddedAuthzClient } from './embedded/embedded-authz.client.js';
import { InMemoryTupleStore } from './engine/in-memory-tuple.store.js';
import { assertPermission } from './require-permission.decorator.js';

const MODEL = fs.readFileSync(path.resolve(process.cwd(), 'libs/authz/src/model/model.fga'), 'utf8');
const CONNECTION = 'data_connection:acme/p1/db';

/** The embedded engine over the product model, recording each batch of checks it is asked. */
class RecordingAuthz extends AuthzClient {
  readonly batches: string[][] = [];
  failing = false;

  constructor(private readonly inner: AuthzClient) {
    super();
  }

  async check(request: CheckRequest): Promise<boolean> {
    return (await this.batchCheck([request]))[0];
  }

  async batchCheck(requests: CheckRequest[]): Promise<boolean[]> {
    this.batches.push(requests.map((r) => r.relation));
    if (this.failing) throw new Error('connection refused');
    return this.inner.batchCheck(requests);
  }

  listObjects = (request: ListObjectsRequest) => this.inner.listObjects(request);
  writeTuples = (writes: TupleKey[], deletes?: TupleKey[]) => this.inner.writeTuples(writes, deletes);
  readTuples = (filter: ReadTuplesFilter) => this.inner.readTuples(filter);
  healthCheck = () => this.inner.healthCheck();
}

function authz(): RecordingAuthz {
  const store = new InMemoryTupleStore([
    { user: 'organization:acme', relation: 'organization', object: 'project:acme/p1' },
    { user: 'user:vera', relation: 'viewer', object: 'project:acme/p1' },
    { user: 'user:olga', relation: 'operator', object: 'project:acme/p1' },
    { user: 'project:acme/p1', relation: 'project', object: CONNECTION },
  ]);
  return new RecordingAuthz(EmbeddedAuthzClient.fromDsl(MODEL, store));
}

const caller = (userId: string) => ({ userId, orgId: 'acme' }) as Principal;
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: unknown) => (error instanceof AppException ? error.status : 500),
  );

describe(assertPermission.name, () => {
  it('should ask one question when the caller holds the permission', async () => {
    const client = authz();
    await expect(
      statusOf(assertPermission(client, caller('olga'), 'can_read_secrets', CONNECTION, 'Data connection')),
    ).resolves.toBe(200);
    expect(client.batches).toEqual([['can_read_secrets']]);
  });

  it('should answer 403 to a caller who can read the object, asking can_read only after the denial', async () => {
    const client = authz();
    await expect(
      statusOf(assertPermission(client, caller('vera'), 'can_delete', CONNECTION, 'Data connection')),
    ).resolves.toBe(403);
    expect(client.batches).toEqual([['can_delete'], ['can_read']]);
  });

  it('should answer 404 to a caller who cannot read the object, and ask nothing more for can_read itself', async () => {
    const client = authz();
    await expect(
      statusOf(assertPermission(client, caller('mallory'), 'can_delete', CONNECTION, 'Data connection')),
    ).resolves.toBe(404);
    await expect(
      statusOf(assertPermission(client, caller('mallory'), 'can_read', CONNECTION, 'Data connection')),
    ).resolves.toBe(404);
    expect(client.batches).toEqual([['can_delete'], ['can_read'], ['can_read']]);
  });

  it("should answer 403 on the caller's own org without asking whether it is visible", async () => {
    const client = authz();
    await expect(
      statusOf(
        assertPermission(client, caller('vera'), 'can_manage_members', 'organization:acme', 'Organization'),
      ),
    ).resolves.toBe(403);
    expect(client.batches).toEqual([['can_manage_members']]);
  });

  it('should answer 503 when the authorization service fails', async () => {
    const client = authz();
    client.failing = true;
    await expect(
      statusOf(assertPermission(client, caller('olga'), 'can_read_secrets', CONNECTION, 'Data connection')),
    ).resolves.toBe(503);
  });
});
