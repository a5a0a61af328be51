import mysql from 'mysql2/promise';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import type { VerificationReport } from '../../../apps/assets/src/verification/verification.types.js';
import {
  generateClientKey,
  sshdAvailable,
  startBlackHoleServer,
  startTestSshd,
  type TestSshd,
} from '../../support/test-sshd.js';
import { canary, captureLogs, createPgFixture, makeService, suffix } from './verification-fixtures.js';

const available = sshdAvailable();
if (!available.ok) console.warn(`SSH tunnel verification skipped: ${available.reason}`);
const suite = available.ok ? describe : describe.skip;
const PORTS = { from: 22400, to: 22499 };

const stepsOf = (report: VerificationReport) =>
  Object.fromEntries(report.steps.map((s) => [s.name, s.status]));
const failedStep = (report: VerificationReport) => report.steps.find((s) => s.status === 'failed')?.name;

suite(`${VerificationService.name} through an SSH bastion (real OpenSSH, PostgreSQL, MariaDB)`, () => {
  const password = canary();
  const tunnelPassword = canary();
  const key = generateClientKey();
  const passphrase = canary();
  const encryptedKey = generateClientKey({ passphrase });
  let pgFixture: Awaited<ReturnType<typeof createPgFixture>>;
  let sshd: TestSshd;
  const service = makeService({ env: { VERIFY_TIMEOUT_MS: '8000', VERIFY_STEP_TIMEOUT_MS: '1500' } });

  const tunnel = (extra: Record<string, unknown> = {}) => ({
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.username,
    auth_method: 'private_key',
    host_key_fingerprint: sshd.hostKeyFingerprint,
    ...extra,
  });
  const postgres = (sshTunnel: Record<string, unknown>, tunnelSecret: Record<string, unknown>) => ({
    type: 'postgres' as const,
    auth_type: 'basic',
    config: {
      auth_type: 'basic',
      // Named as the bastion knows it: only the bastion resolves it.
      host: 'localhost',
      port: 5432,
      database: pgFixture.database,
      ssl_mode: 'disable',
      ssh_tunnel: sshTunnel,
    },
    credentials: { username: pgFixture.role, password, ssh_tunnel: tunnelSecret },
  });

  beforeAll(async () => {
    pgFixture = await createPgFixture(password);
    sshd = await startTestSshd({
      authorizedKeys: [key.publicKey, encryptedKey.publicKey],
      password: tunnelPassword,
      portRange: PORTS,
    });
  });
  afterAll(async () => {
    await sshd?.stop();
    await pgFixture?.drop();
  });

  it('verifies PostgreSQL through the tunnel with a key, reporting every tunnel step first', async () => {
    const report = await service.verify(postgres(tunnel(), { private_key: key.privateKey }), { orgId: 'o1' });
    expect(report.message).toBe('connection verified');
    expect(report.steps.map((s) => s.name).slice(0, 8)).toEqual([
      'ssh_resolve',
      'ssh_egress_policy',
      'ssh_connect',
      'ssh_host_key',
      'ssh_authenticate',
      'tunnel',
      'resolve',
      'egress_policy',
    ]);
    expect(stepsOf(report)).toMatchObject({
      ssh_resolve: 'ok',
      ssh_egress_policy: 'ok',
      ssh_connect: 'ok',
      ssh_host_key: 'ok',
      ssh_authenticate: 'ok',
      tunnel: 'ok',
      resolve: 'skipped',
      egress_policy: 'ok',
      connect: 'ok',
      authenticate: 'ok',
      discover: 'ok',
    });
    expect(report.details.ssh_host_key_fingerprint).toBe(sshd.hostKeyFingerprint);
    expect(report.steps.find((s) => s.name === 'connect')?.message).toBe(
      'connected to localhost:5432 through the SSH tunnel',
    );
    expect(report.details.schemas?.map((s) => s.name)).toContain('sales');
  });

  it('verifies with a passphrase-protected key and with a password', async () => {
    const withPassphrase = await service.verify(
      postgres(tunnel(), { private_key: encryptedKey.privateKey, passphrase }),
      { orgId: 'o1' },
    );
    expect(withPassphrase.success).toBe(true);
    const withPassword = await service.verify(
      postgres(tunnel({ auth_method: 'password' }), { password: tunnelPassword }),
      {
        orgId: 'o1',
      },
    );
    expect(withPassword.success).toBe(true);
    const wrongPassphrase = await service.verify(
      postgres(tunnel(), { private_key: encryptedKey.privateKey, passphrase: 'nope' }),
      { orgId: 'o1' },
    );
    expect(wrongPassphrase.details.error_code).toBe('invalid_config');
    expect(wrongPassphrase.message).toContain('could not be decrypted with the passphrase');
  });

  it('verifies MariaDB through the same bastion', async () => {
    const id = suffix();
    const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
    const user = `tunnel_${id}`;
    // sshd forwards from the loopback: the database sees the bastion's address.
    await admin.query(`CREATE DATABASE tunnel_${id}`);
    await admin.query(`CREATE TABLE tunnel_${id}.orders (id INT PRIMARY KEY)`);
    await admin.query(`CREATE USER '${user}'@'127.0.0.1' IDENTIFIED BY ?`, [password]);
    await admin.query(`GRANT SELECT ON tunnel_${id}.* TO '${user}'@'127.0.0.1'`);
    try {
      const report = await service.verify(
        {
          type: 'mysql',
          auth_type: 'basic',
          config: {
            auth_type: 'basic',
            host: '127.0.0.1',
            port: 3306,
            database: `tunnel_${id}`,
            ssl_mode: 'disable',
            ssh_tunnel: tunnel(),
          },
          credentials: { username: user, password, ssh_tunnel: { private_key: key.privateKey } },
        },
        { orgId: 'o1' },
      );
      expect(report.success).toBe(true);
      expect(report.details.schemas).toEqual([
        { name: `tunnel_${id}`, tables: [{ name: 'orders', type: 'table' }] },
      ]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS tunnel_${id}`);
      await admin.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
      await admin.end();
    }
  });

  it('stops at an unapproved host key, passes once approved, and refuses a swapped key before authenticating', async () => {
    const unapproved = await service.verify(
      postgres(tunnel({ host_key_fingerprint: undefined }), { private_key: key.privateKey }),
      { orgId: 'o1' },
    );
    expect(unapproved.success).toBe(false);
    expect(unapproved.details.error_code).toBe('ssh_hostkey_unapproved');
    expect(failedStep(unapproved)).toBe('ssh_host_key');
    expect(unapproved.details.ssh_host_key_fingerprint).toBe(sshd.hostKeyFingerprint);
    expect(stepsOf(unapproved)).toMatchObject({ ssh_authenticate: 'skipped', connect: 'skipped' });

    const approved = tunnel({
      auth_method: 'password',
      host_key_fingerprint: unapproved.details.ssh_host_key_fingerprint,
    });
    expect(
      (await service.verify(postgres(approved, { password: tunnelPassword }), { orgId: 'o1' })).success,
    ).toBe(true);

    const logBefore = sshd.recentLog();
    const swapped = await sshd.rotateHostKey();
    const mismatch = await service.verify(postgres(approved, { password: tunnelPassword }), { orgId: 'o1' });
    expect(mismatch.details.error_code).toBe('ssh_hostkey_mismatch');
    expect(failedStep(mismatch)).toBe('ssh_host_key');
    expect(mismatch.details.ssh_host_key_fingerprint).toBe(swapped);
    expect(mismatch.message).toContain(swapped);
    // The bastion saw no authentication attempt: no password or key went to it.
    const newLines = sshd.recentLog().slice(logBefore.length);
    expect(newLines).not.toMatch(/Accepted|Failed|authenticating user/);
  });

  it('reports a bastion that refuses forwarding at the tunnel step', async () => {
    const closed = await startTestSshd({
      authorizedKeys: [key.publicKey],
      allowTcpForwarding: false,
      portRange: PORTS,
    });
    try {
      const report = await service.verify(
        postgres(tunnel({ port: closed.port, host_key_fingerprint: closed.hostKeyFingerprint }), {
          private_key: key.privateKey,
        }),
        { orgId: 'o1' },
      );
      expect(failedStep(report)).toBe('tunnel');
      expect(report.details.error_code).toBe('permission_denied');
      expect(stepsOf(report)).toMatchObject({ ssh_authenticate: 'ok', connect: 'skipped' });
    } finally {
      await closed.stop();
    }
  });

  it('bounds a black-holed bastion by the step timeout', async () => {
    const hole = await startBlackHoleServer();
    try {
      const started = performance.now();
      const report = await service.verify(
        postgres(tunnel({ port: hole.port }), { private_key: key.privateKey }),
        { orgId: 'o1' },
      );
      const took = performance.now() - started;
      expect(report.details.error_code).toBe('timeout');
      expect(failedStep(report)).toBe('ssh_host_key');
      expect(stepsOf(report)).toMatchObject({ ssh_connect: 'ok' });
      // One step's timeout (1.5 s), not the call's (8 s); the margin absorbs a loaded machine.
      expect(took).toBeLessThan(6_000);
    } finally {
      await hole.stop();
    }
  });

  it('fails authentication with a key the bastion does not know, and names no key material', async () => {
    const stranger = generateClientKey();
    const logs = captureLogs();
    let report: VerificationReport;
    try {
      report = await service.verify(postgres(tunnel(), { private_key: stranger.privateKey }), {
        orgId: 'o1',
      });
    } finally {
      logs.restore();
    }
    expect(report.details.error_code).toBe('auth_failed');
    expect(failedStep(report)).toBe('ssh_authenticate');
    const seen = JSON.stringify(report) + logs.lines.join('\n');
    for (const line of stranger.privateKey.split('\n').filter((l) => l.length > 20))
      expect(seen).not.toContain(line);
    expect(seen).not.toContain(password);
  });

  it('offers a rotated managed key and its predecessor only during the grace period', async () => {
    const current = generateClientKey();
    // The bastion still lists only the previous key: the grace period is what keeps this working.
    const managed = (expiresAt: string) =>
      postgres(tunnel({ auth_method: 'managed_key', previous_key_expires_at: expiresAt }), {
        private_key: current.privateKey,
        previous_private_key: key.privateKey,
      });
    const inGrace = await service.verify(managed(new Date(Date.now() + 3_600_000).toISOString()), {
      orgId: 'o1',
    });
    expect(inGrace.success).toBe(true);
    const expired = await service.verify(managed(new Date(Date.now() - 1_000).toISOString()), {
      orgId: 'o1',
    });
    expect(expired.details.error_code).toBe('auth_failed');
    await sshd.setAuthorizedKeys([current.publicKey]);
    try {
      expect(
        (await service.verify(managed(new Date(Date.now() - 1_000).toISOString()), { orgId: 'o1' })).success,
      ).toBe(true);
    } finally {
      await sshd.setAuthorizedKeys([key.publicKey, encryptedKey.publicKey]);
    }
  });

  it('never dials a metadata address named behind the bastion', async () => {
    const logBefore = sshd.recentLog();
    for (const host of ['169.254.169.254', 'metadata.google.internal', '0xa9fea9fe']) {
      const input = postgres(tunnel(), { private_key: key.privateKey });
      const report = await service.verify({ ...input, config: { ...input.config, host } }, { orgId: 'o1' });
      expect(report.details.error_code).toBe('egress_denied');
      expect(failedStep(report)).toBe('egress_policy');
      expect(stepsOf(report)).toMatchObject({ ssh_connect: 'skipped' });
    }
    expect(sshd.recentLog().slice(logBefore.length)).not.toMatch(/Connection|Accepted/);
  });
});
