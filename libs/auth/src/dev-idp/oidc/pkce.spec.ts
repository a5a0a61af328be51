import { isCodeVerifier, s256ChallengeOf, verifiesS256 } from './pkce.js';

describe('PKCE (S256)', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('should compute the RFC 7636 example challenge', () => {
    expect(s256ChallengeOf(verifier)).toBe(challenge);
  });

  it('should accept the verifier of the challenge only', () => {
    expect(verifiesS256(verifier, challenge)).toBe(true);
    expect(verifiesS256(`${verifier.slice(0, -1)}l`, challenge)).toBe(false);
    // plain: the challenge sent as its own verifier does not prove anything.
    expect(verifiesS256(challenge, challenge)).toBe(false);
  });

  it('should refuse verifiers outside RFC 7636 §4.1', () => {
    expect(isCodeVerifier('a'.repeat(42))).toBe(false);
    expect(isCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isCodeVerifier(`${'a'.repeat(42)}+`)).toBe(false);
    expect(isCodeVerifier('a'.repeat(43))).toBe(true);
    expect(verifiesS256('short', s256ChallengeOf('short'))).toBe(false);
  });
});
