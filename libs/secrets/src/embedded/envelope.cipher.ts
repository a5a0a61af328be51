import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { NormalizedScope } from '../secret-ref.js';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a stored secret version consists of; none of it is sensitive without the master key. */
export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  tag: Buffer;
  /** iv (12) ‖ tag (16) ‖ encrypted data key (32), under the master key. */
  wrappedKey: Buffer;
  /** Fingerprint of the master key that wrapped the data key. */
  keyId: string;
}

/** Decryption failed: wrong master key, tampered row, or row moved to another scope. Fails closed. */
export class SecretDecryptionError extends Error {
  constructor(reason: string) {
    super(`Secret could not be decrypted: ${reason}`);
    this.name = 'SecretDecryptionError';
  }
}

export function assertMasterKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(`The secrets master key must be ${KEY_BYTES} bytes`);
  }
}

/** A stable, non-reversible id of the master key (HMAC of a constant), safe to store next to data. */
export function masterKeyId(masterKey: Buffer): string {
  assertMasterKey(masterKey);
  return createHmac('sha256', masterKey).update('secrets-master-key-id/v1').digest('hex').slice(0, 32);
}

/**
 * Additional authenticated data: binds a ciphertext to its org, project, resource and name, so a
 * row copied to another scope fails authentication. JSON of an array is unambiguous.
 */
export function secretAad(ref: NormalizedScope & { name: string }): Buffer {
  return Buffer.from(
    JSON.stringify(['secret/v1', ref.orgId, ref.projectId, ref.resourceUri, ref.name]),
    'utf8',
  );
}

function gcmEncrypt(
  key: Buffer,
  plaintext: Buffer,
  aad: Buffer,
): { iv: Buffer; tag: Buffer; ciphertext: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function gcmDecrypt(key: Buffer, iv: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SecretDecryptionError('malformed envelope');
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SecretDecryptionError('authentication failed');
  }
}

/** Encrypts one secret version under a fresh random data key, which is then wrapped by the master key. */
export function sealSecret(
  masterKey: Buffer,
  ref: NormalizedScope & { name: string },
  value: string,
  keyId: string = masterKeyId(masterKey),
): SealedSecret {
  assertMasterKey(masterKey);
  const aad = secretAad(ref);
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const sealed = gcmEncrypt(dataKey, Buffer.from(value, 'utf8'), aad);
    const wrapped = gcmEncrypt(masterKey, dataKey, aad);
    return {
      ciphertext: sealed.ciphertext,
      iv: sealed.iv,
      tag: sealed.tag,
      wrappedKey: Buffer.concat([wrapped.iv, wrapped.tag, wrapped.ciphertext]),
      keyId,
    };
  } finally {
    dataKey.fill(0);
  }
}

/** `keyId` is masterKeyId(masterKey), passed by callers that computed it once (an HMAC per read). */
export function openSecret(
  masterKey: Buffer,
  ref: NormalizedScope & { name: string },
  sealed: SealedSecret,
  keyId: string = masterKeyId(masterKey),
): string {
  assertMasterKey(masterKey);
  if (sealed.keyId !== keyId) throw new SecretDecryptionError('encrypted under a different master key');
  const aad = secretAad(ref);
  const w = sealed.wrappedKey;
  if (w.length !== IV_BYTES + TAG_BYTES + KEY_BYTES) throw new SecretDecryptionError('malformed wrapped key');
  const dataKey = gcmDecrypt(
    masterKey,
    w.subarray(0, IV_BYTES),
    w.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    w.subarray(IV_BYTES + TAG_BYTES),
    aad,
  );
  try {
    return gcmDecrypt(dataKey, sealed.iv, sealed.tag, sealed.ciphertext, aad).toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}
