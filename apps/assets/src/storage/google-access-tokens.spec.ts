import { AppException } from '@app/core';
import type { GoogleAccessTokenSource } from '../verification/index.js';
import { EgressDeniedError } from '../egress/index.js';
import { RedirectRefusedError } from '../egress/index.js';
import {
  GCS_READ_WRITE_SCOPE,
  GoogleAccessTokens,
  REFRESH_BEFORE_EXPIRY_MS,
} from './google-access-tokens.js';

const key = (
  email = 'writer@acme-analytics.iam.gserviceaccount.com',
  privateKey = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
) => ({
  service_account_json: {
    type: 'service_account',
    project_id: 'acme-analytics',
    private_key: privateKey,
    client_email: email,
  },
});
const resolve = () => Promise.reject(new Error('not used'));

/** A token source that counts exchanges and hands out `token-<n>` living `lifetime` seconds. */
function counting(lifetime: number | null = 3600) {
  const calls: Array<{ email: string; scope: string }> = [];
  const source: GoogleAccessTokenSource = async (k, scope) => {
    calls.push({ email: k.clientEmail, scope });
    return { token: `token-${calls.length}`, ...(lifetime === null ? {} : { expiresInSeconds: lifetime }) };
  };
  return { calls, source };
}

describe(GoogleAccessTokens.name, () => {
  it('should reuse a token until REFRESH_BEFORE_EXPIRY_MS before it expires, then exchange again', async () => {
    let now = 1_000_000;
    const { calls, source } = counting(3600);
    const tokens = new GoogleAccessTokens(source, resolve, () => now);
    await expect(tokens.tokenFor(key())).resolves.toBe('token-1');
    now += 3600_000 - REFRESH_BEFORE_EXPIRY_MS - 1;
    await expect(tokens.tokenFor(key())).resolves.toBe('token-1');
    now += 1;
    await expect(tokens.tokenFor(key())).resolves.toBe('token-2');
    expect(calls).toEqual([
      { email: 'writer@acme-analytics.iam.gserviceaccount.com', scope: GCS_READ_WRITE_SCOPE },
      { email: 'writer@acme-analytics.iam.gserviceaccount.com', scope: GCS_READ_WRITE_SCOPE },
    ]);
  });

  it('should keep tokens per key (a rotated key gets its own) and share one exchange between concurrent callers', async () => {
    const { calls, source } = counting();
    const tokens = new GoogleAccessTokens(source, resolve);
    const [a, b] = await Promise.all([tokens.tokenFor(key()), tokens.tokenFor(key())]);
    expect([a, b]).toEqual(['token-1', 'token-1']);
    await expect(
      tokens.tokenFor(key(undefined, '-----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n')),
    ).resolves.toBe('token-2');
    await expect(tokens.tokenFor(key('other@acme-analytics.iam.gserviceaccount.com'))).resolves.toBe(
      'token-3',
    );
    expect(calls).toHaveLength(3);
  });

  it('should not reuse a token whose lifetime is unknown or shorter than the refresh margin', async () => {
    for (const lifetime of [null, REFRESH_BEFORE_EXPIRY_MS / 1000]) {
      const { calls, source } = counting(lifetime);
      const tokens = new GoogleAccessTokens(source, resolve);
      await tokens.tokenFor(key());
      await tokens.tokenFor(key());
      expect(calls).toHaveLength(2);
    }
  });

  it('should report failures by class, naming no key and no token, and not cache them', async () => {
    const failing =
      (error: unknown): GoogleAccessTokenSource =>
      () =>
        Promise.reject(error);
    const status = async (source: GoogleAccessTokenSource, credentials: Record<string, unknown> = key()) => {
      const error = await new GoogleAccessTokens(source, resolve)
        .tokenFor(credentials)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppException);
      const { status: code, message, details } = error as AppException;
      expect(JSON.stringify({ message, details })).not.toMatch(/PRIVATE KEY|token-|X-Injected/);
      return { status: code, details };
    };
    await expect(status(failing(new RedirectRefusedError(307)))).resolves.toEqual({
      status: 403,
      details: { reason: 'redirect_refused', status: 307 },
    });
    await expect(status(failing(new EgressDeniedError('always_denied_address')))).resolves.toEqual({
      status: 403,
      details: { reason: 'always_denied_address' },
    });
    await expect(
      status(failing(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))),
    ).resolves.toMatchObject({ status: 503, details: { dependency: 'Google OAuth' } });
    await expect(
      status(async () => ({ token: 'bad\r\nX-Injected: 1', expiresInSeconds: 3600 })),
    ).resolves.toMatchObject({ status: 503 });
    await expect(
      status(counting().source, { service_account_json: '/var/run/key.json' }),
    ).resolves.toMatchObject({ status: 422 });
  });
});
