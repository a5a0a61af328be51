/**
 * @app/authz/embedded: our OpenFGA engine (tuple stores, compiled model, Check/ListObjects), its
 * AuthzClient adapter and the OpenFGA-compatible HTTP server dev mode serves for Assets.
 *
 * Kept out of `@app/authz` so a process configured for an OpenFGA server never loads it:
 * createAuthzBackend imports this entry on demand, Governance's dev endpoint likewise; tests
 * import it directly.
 */
export * from '../engine/index.js';
export * from './embedded-authz.client.js';
export * from './openfga-http.server.js';
