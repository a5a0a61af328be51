import { createHash } from 'node:crypto';
import { Client, type ClientChannel } from 'ssh2';
import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';
import { sshdAvailable, startTestSshd, type TestSshd } from '../support/test-sshd.js';

const ORG = 'acme';
const PROJECT = 'tunnels';
const PG_ADMIN_URL = process.env.VERIFY_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const available = sshdAvailable();
if (!available.ok) console.warn(`SSH tunnel e2e skipped: ${available.reason}`);
const suite = available.ok ? describe : describe.skip;

/** Opens a forward with what `GET …/secret` returned, as a consumer would with ssh2. */
async function forwardWith(
  secret: Record<string, any>,
  target: { host: string; port: number },
): Promise<Buffer> {
  const client = new Client();
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve).on('error', reject);
      client.connect({
        host: secret.ssh_tunnel.host,
        port: secret.ssh_tunnel.port,
        username: secret.ssh_tunnel.username,
        privateKey: secret.credentials.ssh_tunnel.private_key,
        // Pin the approved key: OpenSSH's SHA256 fingerprint is unpadded base64.
        hostVerifier: (key: Buffer) =>
          `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}` ===
          secret.ssh_tunnel.host_key_fingerprint,
        readyTimeout: 5_000,
      } as never);
    });
    const channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.forwardOut('127.0.0.1', 0, target.host, target.port, (e, c) => (e ? reject(e) : resolve(c))),
    );
    // PostgreSQL's SSLRequest: the server answers one byte, N or S.
    channel.write(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]));
    return await new Promise<Buffer>((resolve) => channel.once('data', (d: Buffer) => resolve(d)));
  } finally {
    client.end();
  }
}

suite('SSH tunnels (e2e, real OpenSSH bastion)', () => {
  let h: AssetsHarness;
  let http: ReturnType<AssetsHarness['app']['getHttpServer']>;
  let gov: ReturnType<AssetsHarness['governance']['app']['getHttpServer']>;
  let sshd: TestSshd;
  const target = new URL(PG_ADMIN_URL);

  const as = (user: string, org = ORG) => h.governance.bearer(user, org);
  type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
  const api = (method: Method, path: string, user = 'alice', org = ORG, project: string | null = PROJECT) => {
    const req = request(http)[method](path).set('authorization', as(user, org));
    return project ? req.set('x-project-id', project) : req;
  };
  const grant = (user: string, relation: string, object: string) =>
    request(gov)
      .post('/governance/grants')
      .set('authorization', as('alice'))
      .send({ user: `user:${user}`, relation, object })
      .expect(201);
  const config = (tunnel: Record<string, unknown>) => ({
    // As the bastion names it.
    host: 'localhost',
    port: Number(target.port || 5432),
    database: target.pathname.slice(1) || 'postgres',
    ssl_mode: 'disable',
    ssh_tunnel: { host: '127.0.0.1', port: sshd.port, username: sshd.username, ...tunnel },
  });
  const create = async (
    name: string,
    tunnel: Record<string, unknown> = {},
    tunnelSecret?: Record<string, unknown>,
  ) =>
    (
      await api('post', '/assets/data')
        .send({
          name,
          connection_type: 'postgres',
          database_config: config(tunnel),
          credentials: {
            username: 'postgres',
            password: 'unused',
            ...(tunnelSecret ? { ssh_tunnel: tunnelSecret } : {}),
          },
        })
        .expect(201)
    ).body;
  const verify = async (uri: string) =>
    (await api('post', `/assets/data/${uri}/verify`, 'olivia').send({}).expect(200)).body;

  beforeAll(async () => {
    sshd = await startTestSshd({
      authorizedKeys: [],
      password: 'bastion-pw-Q7',
      portRange: { from: 22500, to: 22599 },
    });
    h = await startAssetsHarness({ env: { RECONCILE_INTERVAL_MS: '0', SECRETS_SWEEP_INTERVAL_MS: '0' } });
    http = h.app.getHttpServer();
    gov = h.governance.app.getHttpServer();
    await h.governance.createOrg(ORG, 'alice');
    await h.governance.createOrg('globex', 'mallory');
    await request(gov)
      .post('/governance/projects')
      .set('authorization', as('alice'))
      .send({ id: PROJECT, name: PROJECT })
      .expect(201);
    await grant('olivia', 'operator', `project:${PROJECT}`);
    await grant('victor', 'viewer', `project:${PROJECT}`);
  });

  afterAll(async () => {
    await h?.close();
    await sshd?.stop();
  });

  it('registers a Postgres connection behind a bastion with a platform-managed key, using only the API', async () => {
    const created = await create('warehouse behind bastion');
    const uri = created.resource_uri as string;
    const tunnel = created.database_config.ssh_tunnel;
    expect(tunnel).toMatchObject({
      auth_method: 'managed_key',
      port: sshd.port,
      public_key: expect.stringMatching(/^ssh-ed25519 AAAA\S+ assets data:/),
    });
    expect(JSON.stringify(created)).not.toMatch(/PRIVATE KEY/);

    // Any reader may fetch the public half.
    const key = (await api('get', `/assets/data/${uri}/ssh-public-key`, 'victor').expect(200)).body;
    expect(key).toMatchObject({
      resource_uri: uri,
      public_key: tunnel.public_key,
      key_type: 'ssh-ed25519',
      previous_public_key: null,
    });
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);

    // First verification: the bastion's key is shown and must be approved before anything is sent.
    const first = await verify(uri);
    expect(first.success).toBe(false);
    expect(first.details.error_code).toBe('ssh_hostkey_unapproved');
    expect(first.details.ssh_host_key_fingerprint).toBe(sshd.hostKeyFingerprint);

    await api('post', `/assets/data/${uri}/ssh-host-key/approve`, 'victor')
      .send({ fingerprint: sshd.hostKeyFingerprint })
      .expect(403);
    const bad = await api('post', `/assets/data/${uri}/ssh-host-key/approve`)
      .send({ fingerprint: 'MD5:00' })
      .expect(422);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const approved = await api('post', `/assets/data/${uri}/ssh-host-key/approve`)
      .send({ fingerprint: first.details.ssh_host_key_fingerprint })
      .expect(200);
    expect(approved.body.database_config.ssh_tunnel).toMatchObject({
      host_key_fingerprint: sshd.hostKeyFingerprint,
      public_key: tunnel.public_key,
    });

    // The key is not on the bastion yet.
    const refused = await verify(uri);
    expect(refused.details.error_code).toBe('auth_failed');
    expect(refused.steps.find((s: { status: string }) => s.status === 'failed').name).toBe(
      'ssh_authenticate',
    );

    await sshd.setAuthorizedKeys([key.public_key]);
    const verified = await verify(uri);
    expect(verified.success).toBe(true);
    expect(
      verified.steps.slice(0, 6).map((s: { name: string; status: string }) => `${s.name}:${s.status}`),
    ).toEqual([
      'ssh_resolve:ok',
      'ssh_egress_policy:ok',
      'ssh_connect:ok',
      'ssh_host_key:ok',
      'ssh_authenticate:ok',
      'tunnel:ok',
    ]);

    // A consumer gets what it needs to open the same tunnel, and it works.
    const secret = (await api('get', `/assets/data/${uri}/secret`, 'olivia').expect(200)).body;
    expect(secret.ssh_tunnel).toEqual({
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.username,
      auth_method: 'managed_key',
      host_key_fingerprint: sshd.hostKeyFingerprint,
    });
    expect(secret.credentials.ssh_tunnel.private_key).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(['N', 'S']).toContain(
      (await forwardWith(secret, { host: 'localhost', port: Number(target.port || 5432) })).toString(
        'latin1',
      ),
    );

    // The key pair never reaches the Assets database: only the public line is there.
    const rows = await h.infra.database.dataSource.query(
      'SELECT config::text AS config FROM data_connections WHERE resource_uri = $1',
      [uri],
    );
    expect(rows[0].config).toContain(key.public_key.split(' ')[1]);
    expect(rows[0].config).not.toMatch(/PRIVATE KEY/);
  });

  it('rotates the managed key, offering the old one through the grace period', async () => {
    const created = await create('rotating bastion key', { host_key_fingerprint: sshd.hostKeyFingerprint });
    const uri = created.resource_uri as string;
    const old = created.database_config.ssh_tunnel.public_key as string;
    await sshd.setAuthorizedKeys([old]);
    expect((await verify(uri)).success).toBe(true);

    await api('post', `/assets/data/${uri}/ssh-key/rotate`, 'victor').send({}).expect(403);
    await api('post', `/assets/data/${uri}/ssh-key/rotate`).send({ grace_period_hours: 0 }).expect(422);
    const rotated = (
      await api('post', `/assets/data/${uri}/ssh-key/rotate`).send({ grace_period_hours: 2 }).expect(200)
    ).body;
    expect(rotated.public_key).not.toBe(old);
    expect(rotated.previous_public_key).toBe(old);
    expect(Date.parse(rotated.previous_key_expires_at) - Date.now()).toBeGreaterThan(7_100_000);

    // The bastion still lists only the old key: the grace period keeps verification working.
    expect((await verify(uri)).success).toBe(true);
    await sshd.setAuthorizedKeys([rotated.public_key]);
    expect((await verify(uri)).success).toBe(true);
    const secret = (await api('get', `/assets/data/${uri}/secret`, 'olivia').expect(200)).body;
    expect(secret.version).toBe(2);
    expect(secret.credentials.ssh_tunnel.previous_private_key).toMatch(/PRIVATE KEY/);

    // A database credential rotation keeps the managed key: the new version still opens the tunnel.
    const dbRotation = await api('post', `/assets/data/${uri}/rotations`)
      .send({ credentials: { username: 'postgres', password: 'rotated' } })
      .expect(201);
    expect(dbRotation.body.status).toBe('promoted');
    const after = (await api('get', `/assets/data/${uri}/secret`, 'olivia').expect(200)).body;
    expect(after.credentials.ssh_tunnel.private_key).toBe(secret.credentials.ssh_tunnel.private_key);
    expect(after.credentials.password).toBe('rotated');

    // A settings change keeps the key; pointing the tunnel elsewhere needs new credentials.
    const renamed = await api('patch', `/assets/data/${uri}`).send({ description: 'moved' }).expect(200);
    expect(renamed.body.database_config.ssh_tunnel.public_key).toBe(rotated.public_key);
    const moved = await api('patch', `/assets/data/${uri}`)
      .send({ database_config: { ssh_tunnel: { host: 'bastion2.example.com', username: 'x' } } })
      .expect(422);
    expect(moved.body.error.code).toBe('REBIND_REQUIRES_CREDENTIALS');
    expect(moved.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'database_config.ssh_tunnel',
    ]);
  });

  it('uses a password or a key the user supplies, and has no managed key to show or rotate then', async () => {
    const created = await create(
      'password bastion',
      { auth_method: 'password', host_key_fingerprint: sshd.hostKeyFingerprint },
      { password: 'bastion-pw-Q7' },
    );
    const uri = created.resource_uri as string;
    expect(created.database_config.ssh_tunnel.public_key).toBeUndefined();
    expect((await verify(uri)).success).toBe(true);
    await api('get', `/assets/data/${uri}/ssh-public-key`, 'victor').expect(404);
    expect(
      (await api('post', `/assets/data/${uri}/ssh-key/rotate`).send({}).expect(409)).body.error.code,
    ).toBe('CONFLICT');
    const missing = await api('post', '/assets/data').send({
      name: 'no secret',
      connection_type: 'postgres',
      database_config: config({ auth_method: 'private_key' }),
      credentials: { username: 'postgres', password: 'x' },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'credentials.ssh_tunnel.private_key',
    ]);
  });

  it('verifies before saving: shows the host key, and explains that a managed key exists only once saved', async () => {
    const report = (
      await api('post', '/assets/data/verify')
        .send({
          connection_type: 'postgres',
          database_config: config({}),
          credentials: { username: 'postgres', password: 'x' },
        })
        .expect(200)
    ).body;
    expect(report.details.error_code).toBe('ssh_hostkey_unapproved');
    expect(report.details.ssh_host_key_fingerprint).toBe(sshd.hostKeyFingerprint);
    const pinned = (
      await api('post', '/assets/data/verify')
        .send({
          connection_type: 'postgres',
          database_config: config({ host_key_fingerprint: sshd.hostKeyFingerprint }),
          credentials: { username: 'postgres', password: 'x' },
        })
        .expect(200)
    ).body;
    expect(pinned.details.error_code).toBe('invalid_config');
    expect(pinned.message).toContain('ssh-public-key');
    const types = (await api('get', '/assets/data/types', 'alice', ORG, null).expect(200)).body.data;
    const byType = Object.fromEntries(
      types.map((t: { type: string; supports_ssh_tunnel: boolean }) => [t.type, t.supports_ssh_tunnel]),
    );
    expect(byType).toMatchObject({ postgres: true, mysql: true, snowflake: false, s3: false });
    expect(
      types.find((t: { type: string }) => t.type === 'postgres').config_schema.properties.ssh_tunnel.required,
    ).toEqual(['host', 'username']);
  });

  describe('authorization', () => {
    let uri: string;
    beforeAll(async () => {
      uri = (await create('authz bastion')).resource_uri;
    });
    const routes = (): Array<[Method, string]> => [
      ['get', `/assets/data/${uri}/ssh-public-key`],
      ['post', `/assets/data/${uri}/ssh-host-key/approve`],
      ['post', `/assets/data/${uri}/ssh-key/rotate`],
    ];

    it('answers 401 without a token on every tunnel route', async () => {
      for (const [method, path] of routes()) {
        const anonymous = request(http)[method](path);
        const res = await anonymous
          .set('x-project-id', PROJECT)
          .send({ fingerprint: sshd.hostKeyFingerprint });
        expect([path, res.status]).toEqual([path, 401]);
      }
    });

    it('answers 404 to another tenant on every tunnel route', async () => {
      for (const [method, path] of routes()) {
        const res = await api(method, path, 'mallory', 'globex', null).send({
          fingerprint: sshd.hostKeyFingerprint,
        });
        expect([path, res.status]).toEqual([path, 404]);
        expect(res.body.error.code).toBe('RESOURCE_NOT_FOUND');
      }
    });
  });
});
