import {
  credentialsRequiredReason,
  destinationChanged,
  rebindChanges,
  transportWeakened,
} from './credential-rebind.rules.js';

describe(destinationChanged.name, () => {
  const pg = (config: Record<string, unknown>) => ({ type: 'postgres' as const, config });

  it('should return nothing when only database, schema or TLS settings change', () => {
    const before = pg({ host: 'h', port: 5432, database: 'a', db_schema: 'x' });
    const after = pg({ host: 'h', port: 5432, database: 'b', db_schema: 'y', ssl_mode: 'require' });
    expect(destinationChanged('postgres', before, after)).toEqual([]);
  });

  it('should name each changed destination field', () => {
    expect(
      destinationChanged('postgres', pg({ host: 'h', port: 5432 }), pg({ host: 'i', port: 6432 })),
    ).toEqual(['host', 'port']);
    const s3 = (config: Record<string, unknown>) => ({ type: 's3' as const, config });
    expect(
      destinationChanged(
        's3',
        s3({ bucket: 'b1', region: 'eu-west-1' }),
        s3({ bucket: 'b1', region: 'eu-west-1', endpoint: 'https://x.example.com' }),
      ),
    ).toEqual(['endpoint']);
  });

  it('should count a tunnel added, removed or pointed elsewhere as a destination change', () => {
    const tunnel = { host: 'bastion', username: 'tunnel', auth_method: 'managed_key' };
    const direct = pg({ host: 'h' });
    const through = pg({ host: 'h', ssh_tunnel: tunnel });
    expect(destinationChanged('postgres', direct, through)).toEqual(['ssh_tunnel']);
    expect(destinationChanged('postgres', through, direct)).toEqual(['ssh_tunnel']);
    for (const change of [
      { host: 'other' },
      { port: 2222 },
      { username: 'root' },
      { auth_method: 'password' },
      { host_key_fingerprint: 'SHA256:x' },
    ]) {
      expect(
        destinationChanged('postgres', through, pg({ host: 'h', ssh_tunnel: { ...tunnel, ...change } })),
      ).toEqual(['ssh_tunnel']);
    }
    // Defaults filled in, and the server-set public key is not the user's choice.
    expect(
      destinationChanged(
        'postgres',
        through,
        pg({
          host: 'h',
          ssh_tunnel: { host: 'bastion', username: 'tunnel', port: 22, public_key: 'ssh-ed25519 AAAA' },
        }),
      ),
    ).toEqual([]);
  });

  it('should compare with defaults filled in', () => {
    expect(destinationChanged('postgres', pg({ host: 'h' }), pg({ host: 'h', port: 5432 }))).toEqual([]);
    expect(destinationChanged('postgres', pg({ host: 'h' }), pg({ host: 'h', port: 5433 }))).toEqual([
      'port',
    ]);
    const s3 = (config: Record<string, unknown>) => ({ type: 's3' as const, config });
    expect(destinationChanged('s3', s3({ bucket: 'b1' }), s3({ bucket: 'b1', region: 'us-east-1' }))).toEqual(
      [],
    );
  });

  it('should report a type change as connection_type only', () => {
    const before = pg({ host: 'h' });
    const after = { type: 'redshift' as const, config: { host: 'other' } };
    expect(destinationChanged('redshift', before, after)).toEqual(['connection_type']);
  });

  it('should cover every type-specific destination', () => {
    const sf = (account: string) => ({ type: 'snowflake' as const, config: { account } });
    expect(destinationChanged('snowflake', sf('a1'), sf('a2'))).toEqual(['account']);
    const az = (c: Record<string, unknown>) => ({ type: 'azure_blob' as const, config: c });
    expect(
      destinationChanged(
        'azure_blob',
        az({ account_name: 'a1', container: 'c1' }),
        az({ account_name: 'a2', container: 'c2' }),
      ),
    ).toEqual(['container', 'account_name']);
    const db = (c: Record<string, unknown>) => ({ type: 'databricks' as const, config: c });
    expect(
      destinationChanged(
        'databricks',
        db({ host: 'h', http_path: '/sql/1' }),
        db({ host: 'h', http_path: '/sql/2' }),
      ),
    ).toEqual(['http_path']);
  });
});

describe(transportWeakened.name, () => {
  it('should compare effective values, so removing a field counts as its default', () => {
    expect(transportWeakened('postgres', { ssl_mode: 'verify-full' }, {})).toEqual(['ssl_mode']);
    expect(transportWeakened('postgres', { ssl_mode: 'prefer' }, {})).toEqual([]);
    expect(transportWeakened('redshift', {}, { ssl_mode: 'prefer' })).toEqual(['ssl_mode']);
    expect(transportWeakened('mysql', { ssl_mode: 'verify_identity' }, { ssl_mode: 'required' })).toEqual([
      'ssl_mode',
    ]);
    expect(transportWeakened('mongodb', { tls: true }, {})).toEqual([]);
    expect(transportWeakened('mongodb', {}, { tls: false })).toEqual(['tls']);
    expect(transportWeakened('oracle', { ssl: true }, {})).toEqual(['ssl']);
  });

  it('should let transport security be raised without new credentials', () => {
    expect(transportWeakened('postgres', {}, { ssl_mode: 'verify-full' })).toEqual([]);
    expect(transportWeakened('oracle', {}, { ssl: true })).toEqual([]);
  });

  it('should treat an unknown value as the weakest', () => {
    expect(transportWeakened('postgres', { ssl_mode: 'disable' }, { ssl_mode: 'VERIFY-FULL' })).toEqual([
      'ssl_mode',
    ]);
    expect(transportWeakened('mongodb', { tls: false }, { tls: 'true' })).toEqual(['tls']);
  });

  it('should count an endpoint leaving https, its default included, as weaker', () => {
    expect(transportWeakened('azure_blob', {}, { endpoint: 'http://127.0.0.1:10000/acct' })).toEqual([
      'endpoint',
    ]);
    expect(
      transportWeakened('s3', { endpoint: 'https://s3.example.com' }, { endpoint: 'http://localhost:9000' }),
    ).toEqual(['endpoint']);
    expect(
      transportWeakened('minio', { endpoint: 'http://minio:9000' }, { endpoint: 'https://minio:9000' }),
    ).toEqual([]);
    expect(transportWeakened('gcs', { endpoint: 'http://localhost:4443' }, {})).toEqual([]);
  });
});

describe(rebindChanges.name, () => {
  it('should join destination changes and transport weakening without duplicates', () => {
    const before = {
      type: 's3' as const,
      config: { bucket: 'b', region: 'eu-west-1', endpoint: 'https://s3.example.com' },
    };
    expect(
      rebindChanges(before, { type: 's3', config: { ...before.config, endpoint: 'http://localhost:9000' } }),
    ).toEqual(['endpoint']);
    expect(
      rebindChanges(
        { type: 'postgres', config: { host: 'h', ssl_mode: 'verify-full' } },
        { type: 'postgres', config: { host: 'i' } },
      ),
    ).toEqual(['host', 'ssl_mode']);
    expect(
      rebindChanges({ type: 'postgres', config: { host: 'h' } }, { type: 'mysql', config: { host: 'h' } }),
    ).toEqual(['connection_type']);
  });
});

describe(credentialsRequiredReason.name, () => {
  const pg = (config: Record<string, unknown>) => ({
    type: 'postgres' as const,
    config: { auth_type: 'basic', ...config },
  });

  it('should name a type change first', () => {
    expect(
      credentialsRequiredReason(pg({ host: 'h' }), {
        type: 'mysql',
        config: { auth_type: 'basic', host: 'i' },
      }),
    ).toBe('connection_type changes');
  });

  it('should name an auth method change, counting a stored config without auth_type as the default', () => {
    const before = { type: 'azure_blob' as const, config: { account_name: 'acct', container: 'c' } };
    expect(
      credentialsRequiredReason(before, {
        type: 'azure_blob',
        config: { ...before.config, auth_type: 'sas_token' },
      }),
    ).toBe('auth_type changes');
    expect(
      credentialsRequiredReason(before, {
        type: 'azure_blob',
        config: { ...before.config, auth_type: 'shared_key' },
      }),
    ).toBeUndefined();
  });

  it('should list the changed destination fields', () => {
    expect(credentialsRequiredReason(pg({ host: 'h', port: 5432 }), pg({ host: 'i', port: 6432 }))).toBe(
      'destination fields change (host, port)',
    );
  });

  it('should not count a weaker transport (that is the rebind rule, not this one)', () => {
    expect(
      credentialsRequiredReason(
        pg({ host: 'h', ssl_mode: 'verify-full' }),
        pg({ host: 'h', ssl_mode: 'disable' }),
      ),
    ).toBeUndefined();
  });
});
