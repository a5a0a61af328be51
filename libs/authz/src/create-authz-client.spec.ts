import { jest } from '@jest/globals';
import type pg from 'pg';

// Stand-ins for the embedded modules that record when they are loaded (jest calls a mock
// module's factory on the first import of that module).
const loaded: string[] = [];
class FakeTupleStore {
  constructor(
    readonly pool: unknown,
    readonly options: unknown = {},
  ) {}
}
const fakeClient = { fake: 'embedded client' };
jest.unstable_mockModule(
  './engine/index.js',
  () => (loaded.push('engine'), { PostgresTupleStore: FakeTupleStore }),
);
jest.unstable_mockModule(
  './embedded/embedded-authz.client.js',
  () => (loaded.push('embedded client'), { EmbeddedAuthzClient: { fromDsl: () => fakeClient } }),
);
jest.unstable_mockModule('./embedded/openfga-http.server.js', () => (loaded.push('openfga http server'), {}));

const { AuthzConfig, createAuthzBackend, OpenFgaAuthzClient } = await import('@app/authz');

describe(createAuthzBackend.name, () => {
  it('should load the embedded engine only when no OpenFGA server is configured', async () => {
    const init = jest
      .spyOn(OpenFgaAuthzClient.prototype, 'init')
      .mockResolvedValue({ storeId: 'store', authorizationModelId: 'model' });
    const pool = {} as pg.Pool;

    const remote = await createAuthzBackend(
      Object.assign(new AuthzConfig(), { OPENFGA_API_URL: 'http://openfga.test:8080' }),
      { pool, model: 'model' },
    );
    expect(remote.client).toBeInstanceOf(OpenFgaAuthzClient);
    expect(init).toHaveBeenCalledTimes(1);
    expect(loaded).toEqual([]);

    const local = await createAuthzBackend(new AuthzConfig(), { pool, model: 'model' });
    expect(local).toEqual({
      client: fakeClient,
      tupleStore: new FakeTupleStore(pool, { maxStalenessMs: undefined }),
    });
    expect(loaded).toEqual(expect.arrayContaining(['engine', 'embedded client']));
  });

  it("should bound the embedded engine's staleness as configured", async () => {
    const pool = {} as pg.Pool;
    const local = await createAuthzBackend(new AuthzConfig(), { pool, model: 'model', maxStalenessMs: 250 });
    expect(local.tupleStore).toEqual(new FakeTupleStore(pool, { maxStalenessMs: 250 }));
  });
});
