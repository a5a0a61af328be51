import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/core';
import { CLOCK, type Clock } from '../../common/index.js';
import { SSH_TUNNEL_SERVER_FIELDS } from '../../connection-types/index.js';
import { GovernanceCredentialsStore, type StoredCredentials } from '../../governance/index.js';
import {
  generateManagedKey,
  previousKeyInGrace,
  tunnelConfigOf,
  tunnelCredentialsOf,
  type SshTunnelConfig,
  type SshTunnelCredentials,
} from '../../verification/index.js';
import type { DataConnectionEntity } from '../persistence/data-connection.entity.js';

/** What a write stores: the config (public halves) and, when credentials change, the secret. */
export interface SealedTunnel {
  config: Record<string, unknown>;
  secret?: StoredCredentials;
}

export const isManaged = (tunnel: SshTunnelConfig | undefined): tunnel is SshTunnelConfig =>
  Boolean(tunnel) && (tunnel!.auth_method ?? 'managed_key') === 'managed_key';

/** The comment a managed key carries in the bastion's authorized_keys: which connection it serves. */
export const managedKeyComment = (resourceUri: string): string => `assets ${resourceUri}`;

function withTunnel(config: Record<string, unknown>, tunnel: SshTunnelConfig): Record<string, unknown> {
  return { ...config, ssh_tunnel: tunnel };
}

function withTunnelSecret(secret: StoredCredentials, tunnel: SshTunnelCredentials): StoredCredentials {
  return { ...secret, credentials: { ...secret.credentials, ssh_tunnel: tunnel } };
}

/** Drops what only the server may set, whatever a client sent (a GET round-trip carries them). */
function userFields(tunnel: SshTunnelConfig): SshTunnelConfig {
  const out: Record<string, unknown> = { ...tunnel };
  for (const field of SSH_TUNNEL_SERVER_FIELDS) delete out[field];
  return out as unknown as SshTunnelConfig;
}

/**
 * Platform-managed SSH keys: one Ed25519 key per connection (a leaked or revoked key affects one
 * connection, and each rotates on its own). The private half joins the connection's credentials
 * in Governance; the public half is kept in its config, where `GET …/ssh-public-key` reads it.
 */
@Injectable()
export class TunnelKeys {
  constructor(
    private readonly credentials: GovernanceCredentialsStore,
    @Inject(CLOCK) private readonly now: Clock,
  ) {}

  /** A new connection: a managed tunnel gets its key pair. */
  async sealOnCreate(
    resourceUri: string,
    config: Record<string, unknown>,
    secret: StoredCredentials,
  ): Promise<{ config: Record<string, unknown>; secret: StoredCredentials }> {
    const tunnel = tunnelConfigOf(config);
    if (!tunnel) return { config, secret };
    const fields = userFields(tunnel);
    if (!isManaged(fields)) return { config: withTunnel(config, fields), secret };
    const pair = await generateManagedKey(managedKeyComment(resourceUri));
    return {
      config: withTunnel(config, { ...fields, public_key: pair.publicKey }),
      secret: withTunnelSecret(secret, { private_key: pair.privateKey }),
    };
  }

  /**
   * A change of settings (and maybe credentials): a managed key that stays managed is kept, its
   * private half copied from the stored credentials into a new version (an audited read as the
   * caller, who may manage secrets); a tunnel that becomes managed gets a new key.
   */
  async sealOnUpdate(
    principal: Principal,
    row: Pick<DataConnectionEntity, 'resourceUri' | 'config' | 'credentialsVersion'>,
    config: Record<string, unknown>,
    secret: StoredCredentials | undefined,
  ): Promise<SealedTunnel> {
    const next = tunnelConfigOf(config);
    if (!next) return { config, secret };
    const fields = userFields(next);
    if (!isManaged(fields)) return { config: withTunnel(config, fields), secret };
    const before = tunnelConfigOf(row.config);
    if (isManaged(before) && before.public_key) {
      const carried: SshTunnelConfig = {
        ...fields,
        public_key: before.public_key,
        ...(before.previous_public_key && previousKeyInGrace(before, this.now())
          ? {
              previous_public_key: before.previous_public_key,
              previous_key_expires_at: before.previous_key_expires_at,
            }
          : {}),
      };
      if (!secret) return { config: withTunnel(config, carried) };
      const stored = tunnelCredentialsOf(
        (await this.credentials.read(principal, row.resourceUri, row.credentialsVersion)).credentials,
      );
      return {
        config: withTunnel(config, carried),
        secret: withTunnelSecret(secret, {
          private_key: stored.private_key,
          ...(carried.previous_public_key && stored.previous_private_key
            ? { previous_private_key: stored.previous_private_key }
            : {}),
        }),
      };
    }
    // Becoming managed changes the tunnel's auth method, so new credentials come with it.
    const pair = await generateManagedKey(managedKeyComment(row.resourceUri));
    return {
      config: withTunnel(config, { ...fields, public_key: pair.publicKey }),
      ...(secret ? { secret: withTunnelSecret(secret, { private_key: pair.privateKey }) } : {}),
    };
  }

  /**
   * A new managed key; the current one stays offered (and should stay in authorized_keys) until
   * the grace period ends. Returns the settings and the credentials to store as a new version.
   */
  async rotate(
    principal: Principal,
    row: Pick<DataConnectionEntity, 'resourceUri' | 'config' | 'credentialsVersion' | 'authType'>,
    graceSeconds: number,
  ): Promise<{ config: Record<string, unknown>; secret: StoredCredentials }> {
    const tunnel = tunnelConfigOf(row.config)!;
    const stored = await this.credentials.read(principal, row.resourceUri, row.credentialsVersion);
    const current = tunnelCredentialsOf(stored.credentials);
    const pair = await generateManagedKey(managedKeyComment(row.resourceUri));
    const expiresAt = new Date(this.now() + graceSeconds * 1000).toISOString();
    return {
      config: withTunnel(row.config, {
        ...tunnel,
        public_key: pair.publicKey,
        previous_public_key: tunnel.public_key,
        previous_key_expires_at: expiresAt,
      }),
      secret: withTunnelSecret(stored, {
        private_key: pair.privateKey,
        ...(current.private_key ? { previous_private_key: current.private_key } : {}),
      }),
    };
  }
}
