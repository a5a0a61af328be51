import { randomBytes } from 'node:crypto';
import { SecretDecryptionError, masterKeyId, openSecret, sealSecret, secretAad } from './envelope.cipher.js';

const ref = { orgId: 'acme', projectId: 'sales', resourceUri: null, name: 'credentials' };

describe(sealSecret.name, () => {
  const key = randomBytes(32);

  it('should round-trip a value', () => {
    const value = 'pässwörd 🔐\n';
    expect(openSecret(key, ref, sealSecret(key, ref, value))).toBe(value);
  });

  it('should produce 96-bit IVs, 128-bit tags, a 60-byte wrapped key and no plaintext', () => {
    const sealed = sealSecret(key, ref, 'canary-value');
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.tag).toHaveLength(16);
    expect(sealed.wrappedKey).toHaveLength(12 + 16 + 32);
    expect(sealed.ciphertext.toString('utf8')).not.toContain('canary');
    expect(sealed.keyId).toBe(masterKeyId(key));
  });

  it('should use a new data key and IV every time', () => {
    const a = sealSecret(key, ref, 'same');
    const b = sealSecret(key, ref, 'same');
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
  });

  it('should fail when opened under another scope or name', () => {
    const sealed = sealSecret(key, ref, 'v');
    expect(() => openSecret(key, { ...ref, orgId: 'other' }, sealed)).toThrow(SecretDecryptionError);
    expect(() => openSecret(key, { ...ref, projectId: null }, sealed)).toThrow(SecretDecryptionError);
    expect(() => openSecret(key, { ...ref, resourceUri: 'x' }, sealed)).toThrow(SecretDecryptionError);
    expect(() => openSecret(key, { ...ref, name: 'other' }, sealed)).toThrow(SecretDecryptionError);
  });

  it('should fail when the ciphertext, tag or wrapped key is tampered with', () => {
    const sealed = sealSecret(key, ref, 'value');
    const flip = (b: Buffer) => Buffer.from(b.map((x, i) => (i === 0 ? x ^ 1 : x)));
    expect(() => openSecret(key, ref, { ...sealed, ciphertext: flip(sealed.ciphertext) })).toThrow(
      SecretDecryptionError,
    );
    expect(() => openSecret(key, ref, { ...sealed, tag: flip(sealed.tag) })).toThrow(SecretDecryptionError);
    expect(() => openSecret(key, ref, { ...sealed, wrappedKey: flip(sealed.wrappedKey) })).toThrow(
      SecretDecryptionError,
    );
  });

  it('should compare a row with the key id its caller computed once, and stamp new rows with it', () => {
    const keyId = masterKeyId(key);
    const sealed = sealSecret(key, ref, 'value', keyId);
    expect(sealed.keyId).toBe(keyId);
    expect(openSecret(key, ref, sealed, keyId)).toBe('value');
    expect(() => openSecret(key, ref, sealed, masterKeyId(randomBytes(32)))).toThrow(/different master key/);
  });

  it('should fail closed under another master key and never echo the value', () => {
    const sealed = sealSecret(key, ref, 'top-secret-value');
    const other = randomBytes(32);
    expect(() => openSecret(other, ref, sealed)).toThrow(/different master key/);
    expect(() => openSecret(other, ref, { ...sealed, keyId: masterKeyId(other) })).toThrow(
      SecretDecryptionError,
    );
    try {
      openSecret(other, ref, sealed);
    } catch (err) {
      expect(String(err)).not.toContain('top-secret-value');
    }
  });

  it('should reject master keys that are not 32 bytes', () => {
    expect(() => sealSecret(randomBytes(16), ref, 'v')).toThrow(/32 bytes/);
  });
});

describe(secretAad.name, () => {
  it('should distinguish null from an empty-looking id and keep fields unambiguous', () => {
    expect(secretAad({ ...ref, projectId: null }).equals(secretAad({ ...ref, projectId: 'null' }))).toBe(
      false,
    );
    expect(
      secretAad({ ...ref, orgId: 'a', projectId: 'b,c' }).equals(
        secretAad({ ...ref, orgId: 'a,b', projectId: 'c' }),
      ),
    ).toBe(false);
  });
});

describe(masterKeyId.name, () => {
  it('should be stable per key, differ between keys and not reveal the key', () => {
    const key = randomBytes(32);
    expect(masterKeyId(key)).toBe(masterKeyId(Buffer.from(key)));
    expect(masterKeyId(key)).not.toBe(masterKeyId(randomBytes(32)));
    expect(key.toString('hex')).not.toContain(masterKeyId(key));
  });
});
