import type { Principal } from '@app/core';
import type { GovernanceCredentialsStore, StoredCredentials } from '../../governance/index.js';
import { TunnelKeys } from './tunnel-keys.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const ALICE = { userId: 'alice', orgId: 'acme' } as Principal;
const URI = 'data:acme:p1:warehouse';
const bastion = { host: 'bastion', port: 22, username: 'tunnel', auth_method: 'managed_key' };

function keysWith(stored: StoredCredentials) {
  const reads: number[] = [];
  const store = {
    read: async (_p: Principal, _uri: string, version: number) => {
      reads.push(version);
      return stored;
    },
  } as unknown as GovernanceCredentialsStore;
  return { keys: new TunnelKeys(store, () => NOW), reads };
}

describe(TunnelKeys.name, () => {
  const stored: StoredCredentials = {
    auth_type: 'basic',
    credentials: {
      username: 'u',
      password: 'old',
      ssh_tunnel: { private_key: 'CURRENT', previous_private_key: 'OLDER' },
    },
  };

  it('generates a managed key on create, and ignores public halves a client sent', async () => {
    const { keys } = keysWith(stored);
    const sealed = await keys.sealOnCreate(
      URI,
      { host: 'db', ssh_tunnel: { ...bastion, public_key: 'ssh-ed25519 AAAAforged' } },
      { auth_type: 'basic', credentials: { username: 'u', password: 'p' } },
    );
    const tunnel = sealed.config['ssh_tunnel'] as Record<string, string>;
    expect(tunnel.public_key).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\S+ assets data:acme:p1:warehouse$/);
    expect(sealed.secret.credentials['ssh_tunnel']).toEqual({
      private_key: expect.stringContaining('OPENSSH PRIVATE KEY'),
    });
    const own = await keys.sealOnCreate(
      URI,
      { ssh_tunnel: { ...bastion, auth_method: 'password', public_key: 'ssh-ed25519 AAAAforged' } },
      { auth_type: 'basic', credentials: {} },
    );
    expect(own.config['ssh_tunnel']).not.toHaveProperty('public_key');
  });

  it('keeps a managed key through a settings change, and copies it into new credentials', async () => {
    const { keys, reads } = keysWith(stored);
    const row = {
      resourceUri: URI,
      credentialsVersion: 3,
      config: {
        ssh_tunnel: {
          ...bastion,
          public_key: 'ssh-ed25519 AAAAcurrent',
          previous_public_key: 'ssh-ed25519 AAAAolder',
          previous_key_expires_at: '2026-06-01T01:00:00.000Z',
        },
      },
    };
    const next = { ssh_tunnel: { ...bastion, public_key: 'ssh-ed25519 AAAAforged' } };
    const settingsOnly = await keys.sealOnUpdate(ALICE, row, next, undefined);
    expect(settingsOnly.config['ssh_tunnel']).toEqual(row.config.ssh_tunnel);
    expect(reads).toEqual([]);
    const withSecret = await keys.sealOnUpdate(ALICE, row, next, {
      auth_type: 'basic',
      credentials: { password: 'new' },
    });
    expect(withSecret.secret!.credentials).toEqual({
      password: 'new',
      ssh_tunnel: { private_key: 'CURRENT', previous_private_key: 'OLDER' },
    });
    expect(reads).toEqual([3]);
  });

  it('drops the previous key once its grace period is over, and rotates with the current one as previous', async () => {
    const { keys } = keysWith(stored);
    const row = {
      resourceUri: URI,
      credentialsVersion: 3,
      authType: 'basic',
      config: {
        ssh_tunnel: {
          ...bastion,
          public_key: 'ssh-ed25519 AAAAcurrent',
          previous_public_key: 'ssh-ed25519 AAAAolder',
          previous_key_expires_at: '2026-05-31T00:00:00.000Z',
        },
      },
    };
    const sealed = await keys.sealOnUpdate(ALICE, row, row.config, { auth_type: 'basic', credentials: {} });
    expect(sealed.config['ssh_tunnel']).not.toHaveProperty('previous_public_key');
    expect(sealed.secret!.credentials['ssh_tunnel']).toEqual({ private_key: 'CURRENT' });

    const rotated = await keys.rotate(ALICE, row, 7200);
    const tunnel = rotated.config['ssh_tunnel'] as Record<string, string>;
    expect(tunnel.previous_public_key).toBe('ssh-ed25519 AAAAcurrent');
    expect(tunnel.previous_key_expires_at).toBe('2026-06-01T02:00:00.000Z');
    expect(tunnel.public_key).not.toBe('ssh-ed25519 AAAAcurrent');
    expect(rotated.secret.credentials['ssh_tunnel']).toEqual({
      private_key: expect.stringContaining('OPENSSH PRIVATE KEY'),
      previous_private_key: 'CURRENT',
    });
    expect(rotated.secret.credentials['password']).toBe('old');
  });
});
