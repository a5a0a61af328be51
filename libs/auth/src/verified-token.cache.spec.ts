import type { Principal } from '@app/core';
import { VerifiedTokenCache } from './verified-token.cache.js';

const principalFor = (token: string, userId = 'alice'): Principal => ({
  userId,
  orgId: 'acme',
  actorType: 'user',
  issuer: 'https://idp.example/realms/acme',
  token,
});

describe('VerifiedTokenCache', () => {
  let now: number;
  const clock = () => now;
  const at = (seconds: number) => seconds * 1000;

  beforeEach(() => {
    now = at(1_000_000);
  });

  it('should return the principal of a verified token until its exp, then forget it', () => {
    const cache = new VerifiedTokenCache({ now: clock, maxAgeMs: 3_600_000 });
    cache.remember(principalFor('t1'), { exp: 1_000_030 });

    now = at(1_000_029.999);
    expect(cache.lookup('t1')).toEqual(principalFor('t1'));
    now = at(1_000_030);
    expect(cache.lookup('t1')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('should never keep an entry longer than maxAgeMs, even when exp is later', () => {
    const cache = new VerifiedTokenCache({ now: clock, maxAgeMs: 60_000 });
    cache.remember(principalFor('t1'), { exp: 1_003_600 });

    now += 59_999;
    expect(cache.lookup('t1')).not.toBeNull();
    now += 1;
    expect(cache.lookup('t1')).toBeNull();
  });

  it('should not store a token that is already expired', () => {
    const cache = new VerifiedTokenCache({ now: clock });
    cache.remember(principalFor('t1'), { exp: 1_000_000 });
    expect(cache.lookup('t1')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('should not store a principal without time claims (nothing says how long it holds)', () => {
    const cache = new VerifiedTokenCache({ now: clock });
    cache.remember(principalFor('t1'), undefined);
    expect(cache.lookup('t1')).toBeNull();
  });

  it('should not answer before the token is valid (nbf)', () => {
    const cache = new VerifiedTokenCache({ now: clock });
    cache.remember(principalFor('t1'), { exp: 1_000_050, nbf: 1_000_010 });
    expect(cache.lookup('t1')).toBeNull();
    now = at(1_000_010);
    expect(cache.lookup('t1')).not.toBeNull();
  });

  it('should key by the whole token: another token, or a prefix of it, misses', () => {
    const cache = new VerifiedTokenCache({ now: clock });
    cache.remember(principalFor('header.claims.signature'), { exp: 1_000_050 });
    expect(cache.lookup('header.claims.signaturX')).toBeNull();
    expect(cache.lookup('header.claims.')).toBeNull();
    expect(cache.lookup(undefined)).toBeNull();
    expect(cache.lookup('')).toBeNull();
    expect(cache.lookup('header.claims.signature')?.userId).toBe('alice');
  });

  it('should hand out a copy, so a caller changing it does not change the cache', () => {
    const cache = new VerifiedTokenCache({ now: clock });
    cache.remember(principalFor('t1'), { exp: 1_000_050 });
    const first = cache.lookup('t1')!;
    first.orgId = 'other';
    expect(cache.lookup('t1')?.orgId).toBe('acme');
  });

  it('should evict the least recently used entry when full', () => {
    const cache = new VerifiedTokenCache({ now: clock, maxEntries: 2 });
    cache.remember(principalFor('a'), { exp: 1_000_050 });
    cache.remember(principalFor('b'), { exp: 1_000_050 });
    expect(cache.lookup('a')).not.toBeNull(); // a is now the most recent
    cache.remember(principalFor('c'), { exp: 1_000_050 });

    expect(cache.size).toBe(2);
    expect(cache.lookup('b')).toBeNull();
    expect(cache.lookup('a')).not.toBeNull();
    expect(cache.lookup('c')).not.toBeNull();
  });

  it('should cache nothing when maxEntries is 0', () => {
    const cache = new VerifiedTokenCache({ now: clock, maxEntries: 0 });
    cache.remember(principalFor('t1'), { exp: 1_000_050 });
    expect(cache.lookup('t1')).toBeNull();
  });
});
