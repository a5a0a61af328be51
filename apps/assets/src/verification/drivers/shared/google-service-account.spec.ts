import {
  accessTokenFromResponse,
  googleApiError,
  readServiceAccount,
  tokenFromResponse,
} from './google-service-account.js';

const key = {
  type: 'service_account',
  project_id: 'verify-project',
  private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
  client_email: 'svc@verify-project.iam.gserviceaccount.com',
};

describe(readServiceAccount.name, () => {
  it('should read a key object and refuse paths, foreign token endpoints and extra fields', () => {
    expect(readServiceAccount({ service_account_json: key })).toMatchObject({
      projectId: 'verify-project',
      clientEmail: key.client_email,
    });
    expect(() => readServiceAccount({ service_account_json: '/var/run/key.json' })).toThrow(
      'must be the key file as an object',
    );
    expect(() =>
      readServiceAccount({ service_account_json: { ...key, token_uri: 'https://evil.example/token' } }),
    ).toThrow(`must be Google's`);
    expect(() =>
      readServiceAccount({ service_account_json: { ...key, universe_domain: 'evil.example' } }),
    ).toThrow(`must be Google's`);
    expect(() => readServiceAccount({ service_account_json: { ...key, type: 'external_account' } })).toThrow(
      'must be a service account key',
    );
    expect(() =>
      readServiceAccount({ service_account_json: { ...key, credential_source: { file: '/etc/passwd' } } }),
    ).toThrow('not supported');
  });
});

describe(accessTokenFromResponse.name, () => {
  it('should keep a sane expires_in and drop anything else', () => {
    expect(accessTokenFromResponse(200, { access_token: 'ya29.x', expires_in: 3599 })).toEqual({
      token: 'ya29.x',
      expiresInSeconds: 3599,
    });
    expect(accessTokenFromResponse(200, { access_token: 'ya29.x', expires_in: '3600' })).toEqual({
      token: 'ya29.x',
      expiresInSeconds: 3600,
    });
    for (const expires_in of [undefined, -5, 1.5, '1e9', 10_000_000, 'soon']) {
      expect(accessTokenFromResponse(200, { access_token: 'ya29.x', expires_in })).toEqual({
        token: 'ya29.x',
      });
    }
    expect(() => accessTokenFromResponse(400, { error: 'invalid_grant' })).toThrow('authentication failed');
  });
});

describe(tokenFromResponse.name, () => {
  it('should return the token and classify OAuth errors by their error code', () => {
    expect(tokenFromResponse(200, { access_token: 'ya29.x' })).toBe('ya29.x');
    expect(() =>
      tokenFromResponse(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
    ).toThrow('(invalid_grant)');
    expect(() => tokenFromResponse(401, { error: 'invalid_client' })).toThrow('authentication failed');
    expect(() => tokenFromResponse(503, undefined)).toThrow('could not be reached (HTTP_503)');
  });

  it('should map Google API errors to codes with their reason', () => {
    expect(googleApiError(404, { error: { errors: [{ reason: 'notFound' }] } })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('(notFound)'),
    });
    expect(googleApiError(403, { error: { errors: [{ reason: 'forbidden' }] } })).toMatchObject({
      code: 'permission_denied',
    });
    expect(googleApiError(403, { error: { errors: [{ reason: 'rateLimitExceeded' }] } })).toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('(rateLimitExceeded)'),
    });
    expect(googleApiError(401, undefined)).toMatchObject({
      code: 'auth_failed',
      message: expect.stringContaining('HTTP_401'),
    });
  });
});
