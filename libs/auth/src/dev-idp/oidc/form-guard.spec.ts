import { FormGuard } from './form-guard.js';

describe(FormGuard.name, () => {
  const guard = new FormGuard();
  const params = ['assets-console', 'http://localhost:8002/console/callback', 'challenge', 'state', '', ''];

  it('should accept the token of the same browser and parameters only', () => {
    const nonce = guard.newBrowserNonce();
    const token = guard.tokenFor(nonce, params);
    expect(guard.verify(nonce, params, token)).toBe(true);
    expect(guard.verify(guard.newBrowserNonce(), params, token)).toBe(false);
    expect(guard.verify(nonce, [...params.slice(0, 2), 'other', ...params.slice(3)], token)).toBe(false);
    expect(guard.verify(undefined, params, token)).toBe(false);
    expect(guard.verify(nonce, params, undefined)).toBe(false);
    expect(guard.verify(nonce, params, 'x')).toBe(false);
  });

  it('should not accept the token of another process', () => {
    const nonce = guard.newBrowserNonce();
    expect(new FormGuard().verify(nonce, params, guard.tokenFor(nonce, params))).toBe(false);
  });
});
