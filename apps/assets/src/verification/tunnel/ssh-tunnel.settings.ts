import type { SSH_AUTH_METHODS } from '../../connection-types/index.js';
import { DriverError } from '../driver-error.js';
import type { VerificationInput } from '../verification.types.js';

export type SshAuthMethod = (typeof SSH_AUTH_METHODS)[number];

/** An identity to offer the bastion, newest first. */
export interface SshIdentity {
  privateKey: string;
  passphrase?: string;
}

/** What opening the tunnel needs, read from `config.ssh_tunnel` and `credentials.ssh_tunnel`. */
export interface SshTunnelSettings {
  host: string;
  port: number;
  username: string;
  authMethod: SshAuthMethod;
  /** Unset until someone approves the bastion's key: the first verification then stops at `ssh_host_key`. */
  hostKeyFingerprint?: string;
  identities: SshIdentity[];
  password?: string;
}

/** `database_config.ssh_tunnel` as stored (the schema has validated it). */
export interface SshTunnelConfig {
  host: string;
  port?: number;
  username: string;
  auth_method?: SshAuthMethod;
  host_key_fingerprint?: string;
  /** Set by the server for `managed_key`: the line for the bastion's authorized_keys. */
  public_key?: string;
  /** The key a rotation replaced, still accepted by us until `previous_key_expires_at`. */
  previous_public_key?: string;
  previous_key_expires_at?: string;
}

/** `credentials.ssh_tunnel`: the private half, kept in Governance with the other credentials. */
export interface SshTunnelCredentials {
  private_key?: string;
  passphrase?: string;
  password?: string;
  /** A managed key's predecessor during a rotation's grace period. */
  previous_private_key?: string;
}

export function tunnelConfigOf(config: Record<string, unknown>): SshTunnelConfig | undefined {
  const block = config['ssh_tunnel'];
  return typeof block === 'object' && block !== null ? (block as SshTunnelConfig) : undefined;
}

export function tunnelCredentialsOf(credentials: Record<string, unknown>): SshTunnelCredentials {
  const block = credentials['ssh_tunnel'];
  return typeof block === 'object' && block !== null ? (block as SshTunnelCredentials) : {};
}

/** Whether a rotation's previous managed key is still to be offered. */
export function previousKeyInGrace(config: SshTunnelConfig, now: number): boolean {
  const expires = config.previous_key_expires_at ? Date.parse(config.previous_key_expires_at) : NaN;
  return Number.isFinite(expires) && expires > now;
}

/**
 * The tunnel a verification must open, or undefined for a direct connection. A managed key that
 * does not exist yet (verify before save) leaves no identity: the bastion's host key is still
 * checked and shown, and `ssh_authenticate` explains what to do.
 */
export function tunnelSettingsOf(input: VerificationInput, now: number): SshTunnelSettings | undefined {
  const config = tunnelConfigOf(input.config);
  if (!config) return undefined;
  const secret = tunnelCredentialsOf(input.credentials);
  const authMethod = config.auth_method ?? 'managed_key';
  const identities: SshIdentity[] = [];
  if (authMethod === 'private_key') {
    if (!secret.private_key)
      throw new DriverError('invalid_config', 'credentials.ssh_tunnel.private_key is required');
    identities.push({ privateKey: secret.private_key, passphrase: secret.passphrase });
  } else if (authMethod === 'managed_key') {
    if (secret.private_key) identities.push({ privateKey: secret.private_key });
    if (secret.previous_private_key && previousKeyInGrace(config, now))
      identities.push({ privateKey: secret.previous_private_key });
  } else if (!secret.password) {
    throw new DriverError('invalid_config', 'credentials.ssh_tunnel.password is required');
  }
  return {
    host: config.host,
    port: config.port ?? 22,
    username: config.username,
    authMethod,
    ...(config.host_key_fingerprint ? { hostKeyFingerprint: config.host_key_fingerprint } : {}),
    identities,
    ...(authMethod === 'password' ? { password: secret.password } : {}),
  };
}
