export * from './test-database.js';
export * from './fakes/fake-infisical.server.js';
export * from './fakes/fake-gcp-secret-manager.server.js';
export * from './fakes/fake-gcs.server.js';
export * from './test-http-app.js';
export * from './app-failure.js';
export * from './openapi-contract.js';
export * from './fakes/fake-mongodb.server.js';
