import { createHmac } from 'node:crypto';
import { generateSigningSecret, signWebhook, signingKeyOf, verifyWebhook } from './webhook-signature.js';

/** The spec's algorithm, written out again from its text: no code shared with the signer. */
function referenceSignature(secret: string, id: string, timestamp: number, payload: string): string {
  const key = Buffer.from(secret.split('_')[1]!, 'base64');
  const signedContent = `${id}.${timestamp}.${payload}`;
  return `v1,${createHmac('sha256', key).update(signedContent, 'utf8').digest('base64')}`;
}

describe('webhook signatures', () => {
  it('should generate whsec_ secrets of 32 random bytes', () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signingKeyOf(secret)).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
  });

  it('should match the Standard Webhooks reference algorithm', () => {
    const secret = generateSigningSecret();
    const body = JSON.stringify({ type: 'connection.deleted', data: { résumé: '✓' } });
    expect(signWebhook(secret, 'msg_1', 1_700_000_000, body)).toBe(
      referenceSignature(secret, 'msg_1', 1_700_000_000, body),
    );
  });

  it("should reproduce the spec's published example", () => {
    // From the Standard Webhooks spec and its reference libraries' tests.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('should verify one of several signatures and refuse a changed body', () => {
    const secret = generateSigningSecret();
    const signature = signWebhook(secret, 'id', 10, 'body');
    const headers = { id: 'id', timestamp: '10', signature: `v1,bm90LWl0 ${signature}` };
    expect(verifyWebhook(secret, headers, 'body')).toBe(true);
    expect(verifyWebhook(secret, headers, 'body!')).toBe(false);
    expect(verifyWebhook(generateSigningSecret(), headers, 'body')).toBe(false);
  });

  it('should refuse a secret without the whsec_ prefix', () => {
    expect(() => signingKeyOf('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow();
  });
});
