import type pg from 'pg';
import type { AuthzClient } from './authz-client.js';
import type { AuthzConfig } from './authz.config.js';
import type { AuthorizationModelJson } from './engine/compiled-model.js';
import type { TupleStore } from './engine/tuple-store.js';
import { OpenFgaAuthzClient } from './openfga/openfga-authz.client.js';

export interface AuthzBackend {
  client: AuthzClient;
  /** Set for the embedded engine, so Governance can serve the same tuples over the OpenFGA API. */
  tupleStore: TupleStore | null;
}

/** OPENFGA_API_URL selects the OpenFGA server; otherwise the embedded engine over Postgres. */
export async function createAuthzBackend(
  config: AuthzConfig,
  deps: {
    pool?: pg.Pool;
    /** The model as DSL text or OpenFGA's JSON (the apps pass the precompiled loadProductModel()). */
    model: string | AuthorizationModelJson;
    traceparent?: () => string | undefined;
    /** The embedded engine's bound on cross-replica staleness (PostgresTupleStore; default 0). */
    maxStalenessMs?: number;
  },
): Promise<AuthzBackend> {
  if (config.OPENFGA_API_URL) {
    const client = new OpenFgaAuthzClient({
      apiUrl: config.OPENFGA_API_URL,
      storeId: config.OPENFGA_STORE_ID,
      storeName: config.OPENFGA_STORE_NAME,
      authorizationModelId: config.OPENFGA_AUTHORIZATION_MODEL_ID,
      apiToken: config.OPENFGA_API_TOKEN,
      model: deps.model,
      traceparent: deps.traceparent,
    });
    await client.init();
    return { client, tupleStore: null };
  }
  if (!deps.pool)
    throw new Error('The embedded authorization engine needs a database (or set OPENFGA_API_URL)');
  // Loaded on demand: a process configured for an OpenFGA server never loads the engine.
  const { EmbeddedAuthzClient, PostgresTupleStore } = await import('./embedded/index.js');
  const tupleStore = new PostgresTupleStore(deps.pool, { maxStalenessMs: deps.maxStalenessMs });
  return { client: EmbeddedAuthzClient.fromDsl(deps.model, tupleStore), tupleStore };
}
