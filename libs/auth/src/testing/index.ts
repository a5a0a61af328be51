/** @app/auth/testing: token forging for tests only (arbitrary headers, claims and keys); never imported by production code. */
export * from './sign-test-jwt.js';
export * from './test-keys.js';
export * from './fake-jwks-server.js';
