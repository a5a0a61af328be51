import * as auth from '@app/auth';
import * as authTesting from '@app/auth/testing';
import * as authz from '@app/authz';
import * as embedded from '@app/authz/embedded';

// What only dev mode and tests may reach: the embedded engine, its HTTP server, token forging.
const EMBEDDED_ONLY = [
  'AuthzEngine',
  'AuthzEngineError',
  'compileModel',
  'EmbeddedAuthzClient',
  'InMemoryTupleStore',
  'PostgresTupleStore',
  'authzTuplesDdl',
  'startOpenFgaHttpServer',
];
const TEST_ONLY = ['signTestJwt', 'createTestKeyPair', 'jwksOf', 'startFakeJwksServer'];

describe('production entry points', () => {
  it('should keep the embedded engine and its HTTP server out of @app/authz', () => {
    for (const name of EMBEDDED_ONLY) expect(Object.keys(authz)).not.toContain(name);
    expect(authz.createAuthzBackend).toEqual(expect.any(Function));
    expect(authz.OpenFgaAuthzClient).toEqual(expect.any(Function));
    expect(authz.CreateAuthzTuples1764000000000).toEqual(expect.any(Function));
  });

  it('should export the embedded engine and its HTTP server from @app/authz/embedded', () => {
    for (const name of EMBEDDED_ONLY) expect(Object.keys(embedded)).toContain(name);
  });

  it('should keep the JWT-forging helpers out of @app/auth', () => {
    for (const name of TEST_ONLY) {
      expect(Object.keys(auth)).not.toContain(name);
      expect(Object.keys(authTesting)).toContain(name);
    }
  });
});
