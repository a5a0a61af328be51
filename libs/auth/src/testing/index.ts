export * from './sign-test-jwt.js';
export * from './test-keys.js';
export * from './fake-jwks-server.js';
