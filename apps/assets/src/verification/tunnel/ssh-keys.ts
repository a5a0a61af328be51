import { createHash } from 'node:crypto';
import type { ParsedKey, utils as Ssh2Utils } from 'ssh2';
import { defaultExport, lazySdk } from '../drivers/shared/lazy-sdk.js';

export { SSH_FINGERPRINT_PATTERN } from '../../connection-types/index.js';

export interface SshKeyPair {
  /** OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`), unencrypted. */
  privateKey: string;
  /** One `authorized_keys` line: `ssh-ed25519 AAAA… <comment>`. */
  publicKey: string;
}

/** ssh2 is loaded on first use: a deployment with no tunnels never pays for it. */
export const loadSsh2 = lazySdk('ssh2', async () =>
  defaultExport<typeof import('ssh2')>(await import('ssh2')),
);

/** The SHA256 fingerprint of a public key blob (the wire form, as a host presents it). */
export function fingerprintOf(publicKeyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicKeyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** A fresh Ed25519 pair for a connection; the comment names it in the bastion's authorized_keys. */
export async function generateManagedKey(comment: string): Promise<SshKeyPair> {
  const pair = wholeEd25519Pair((await loadSsh2()).utils, { comment });
  return { privateKey: pair.private, publicKey: pair.public.trim() };
}

/**
 * An Ed25519 pair from ssh2's generator that ssh2 itself reads back (with `passphrase`, when
 * given). The generator drops a leading zero byte of the public key (4 pairs in 400 here), and then
 * neither ssh-keygen, sshd nor ssh2 can read the pair; its encrypted keys fail its own parser about
 * 1 time in 200. Such a pair is made again (at most 10 times).
 */
export function wholeEd25519Pair(
  utils: typeof Ssh2Utils,
  options: { comment?: string; passphrase?: string; cipher?: string; rounds?: number },
): { private: string; public: string } {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const pair = utils.generateKeyPairSync('ed25519', options);
    if (
      isWholeEd25519Line(pair.public.trim()) &&
      !(utils.parseKey(pair.private, options.passphrase) instanceof Error)
    )
      return pair;
  }
  throw new Error('could not generate a well-formed Ed25519 key pair');
}

/** `ssh-ed25519` and a 32-byte key: the wire blob is 4 + 11 + 4 + 32 bytes. */
function isWholeEd25519Line(line: string): boolean {
  const blob = Buffer.from(line.split(/\s+/)[1] ?? '', 'base64');
  return blob.length === 51 && blob.readUInt32BE(15) === 32;
}

/** The fingerprint of an `authorized_keys` line, or undefined when it is not one. */
export function fingerprintOfPublicLine(line: string): string | undefined {
  const blob = line.trim().split(/\s+/)[1];
  if (!blob || !/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) return undefined;
  return fingerprintOf(Buffer.from(blob, 'base64'));
}

/**
 * Parses a user-supplied private key (OpenSSH, PEM or PuTTY). Returns a reason a user can act on,
 * never the parser's own text (it can quote key material).
 */
export async function parsePrivateKey(
  material: string,
  passphrase?: string,
): Promise<{ ok: true; key: ParsedKey } | { ok: false; reason: string }> {
  const { utils } = await loadSsh2();
  let parsed: ParsedKey | ParsedKey[] | Error;
  try {
    parsed = utils.parseKey(material, passphrase) as ParsedKey | ParsedKey[] | Error;
  } catch {
    return { ok: false, reason: 'is not a private key this server can read' };
  }
  if (parsed instanceof Error) {
    return /passphrase|decrypt|bad decrypt|integrity/i.test(parsed.message)
      ? {
          ok: false,
          reason: passphrase
            ? 'could not be decrypted with the passphrase'
            : 'is encrypted: send its passphrase',
        }
      : { ok: false, reason: 'is not a private key this server can read (OpenSSH, PEM or PuTTY)' };
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || !key.isPrivateKey()) return { ok: false, reason: 'is a public key; send the private key' };
  return { ok: true, key };
}
