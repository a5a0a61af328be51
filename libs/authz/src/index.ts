export * from './authz-client.js';
export * from './authz-objects.js';
export * from './resource-uri.js';
export * from './require-permission.decorator.js';
export * from './model/model.js';
export * from './authz.config.js';
export * from './create-authz-client.js';
export * from './openfga/openfga-authz.client.js';
export * from './openfga/endpoint-proof.js';
export * from './caching-authz.client.js';
// The migration only carries DDL strings (no engine code); Governance runs it in every mode.
export { CreateAuthzTuples1764000000000 } from './engine/postgres/1764000000000-CreateAuthzTuples.js';
// The embedded engine and its OpenFGA HTTP server are `@app/authz/embedded`.
