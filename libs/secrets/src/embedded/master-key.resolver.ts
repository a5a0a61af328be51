import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isProduction, readOrCreateDevSecret } from '@app/config';
import type { SecretsConfig } from '../secrets.config.js';
import { isBase64Key } from '../secrets.config.js';

export const DEV_MASTER_KEY_RELATIVE_PATH = join('secrets', 'master.key');

/**
 * The master key (KEK) of the embedded backend: SECRETS_MASTER_KEY when set. Otherwise, outside
 * production, a key generated once under `<dataDir>/secrets/master.key` (0600) and reused on the
 * next start; in production a missing key is a boot error. Errors never contain key material.
 */
export async function resolveMasterKey(
  config: Pick<SecretsConfig, 'SECRETS_MASTER_KEY'>,
  dataDir = './.data',
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  if (config.SECRETS_MASTER_KEY) {
    if (!isBase64Key(config.SECRETS_MASTER_KEY))
      throw new Error('SECRETS_MASTER_KEY must be the base64 encoding of exactly 32 bytes');
    return Buffer.from(config.SECRETS_MASTER_KEY.trim(), 'base64');
  }
  if (isProduction(env)) throw new Error('SECRETS_MASTER_KEY is required when NODE_ENV=production');
  const path = resolve(dataDir, DEV_MASTER_KEY_RELATIVE_PATH);
  const text = readOrCreateDevSecret(path, 32);
  // Whoever can read this file can read every secret: refuse a loosened mode rather than use it.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new Error(`${path} must not be readable by group or others (chmod 600)`);
  }
  if (!isBase64Key(text)) throw new Error(`${path} does not contain a base64-encoded 32-byte key`);
  return Buffer.from(text, 'base64');
}
