import { DriverError } from '../driver-error.js';
import { tunnelSettingsOf } from './ssh-tunnel.settings.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const input = (tunnel: Record<string, unknown> | undefined, secret: Record<string, unknown> = {}) => ({
  type: 'postgres' as const,
  auth_type: 'basic',
  config: { host: 'db.internal', ...(tunnel ? { ssh_tunnel: tunnel } : {}) },
  credentials: { username: 'u', password: 'p', ssh_tunnel: secret },
});

describe(tunnelSettingsOf.name, () => {
  const bastion = { host: 'bastion', username: 'tunnel' };

  it('is undefined for a direct connection', () => {
    expect(tunnelSettingsOf(input(undefined), NOW)).toBeUndefined();
  });

  it('offers the managed key, then the previous one only while its grace period lasts', () => {
    const secret = { private_key: 'NEW', previous_private_key: 'OLD' };
    const inGrace = { ...bastion, previous_key_expires_at: '2026-06-01T01:00:00.000Z' };
    expect(tunnelSettingsOf(input(inGrace, secret), NOW)).toMatchObject({
      port: 22,
      authMethod: 'managed_key',
      identities: [{ privateKey: 'NEW' }, { privateKey: 'OLD' }],
    });
    const expired = { ...bastion, previous_key_expires_at: '2026-05-31T23:59:59.000Z' };
    expect(tunnelSettingsOf(input(expired, secret), NOW)!.identities).toEqual([{ privateKey: 'NEW' }]);
  });

  it('has no identity for a managed key not generated yet (verify before save)', () => {
    expect(tunnelSettingsOf(input(bastion), NOW)!.identities).toEqual([]);
  });

  it('carries a passphrase or a password, and refuses a method without its secret', () => {
    expect(
      tunnelSettingsOf(
        input({ ...bastion, auth_method: 'private_key' }, { private_key: 'K', passphrase: 'P' }),
        NOW,
      ),
    ).toMatchObject({ identities: [{ privateKey: 'K', passphrase: 'P' }] });
    expect(
      tunnelSettingsOf(input({ ...bastion, auth_method: 'password' }, { password: 'S' }), NOW),
    ).toMatchObject({
      password: 'S',
      identities: [],
    });
    expect(() => tunnelSettingsOf(input({ ...bastion, auth_method: 'password' }), NOW)).toThrow(DriverError);
    expect(() => tunnelSettingsOf(input({ ...bastion, auth_method: 'private_key' }), NOW)).toThrow(
      DriverError,
    );
  });
});
