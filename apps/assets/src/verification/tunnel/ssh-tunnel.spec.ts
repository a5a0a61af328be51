import { DriverError } from '../driver-error.js';
import { tunnelFailure } from './ssh-tunnel.js';

/** The error shapes ssh2 1.17 gives, as test/integration/test-sshd.spec.ts records them against a real sshd. */
describe(tunnelFailure.name, () => {
  const code = (step: Parameters<typeof tunnelFailure>[0], error: unknown) => tunnelFailure(step, error).code;

  it('classifies authentication, forwarding, timeouts and refused connections', () => {
    const authFailed = Object.assign(new Error('All configured authentication methods failed'), {
      level: 'client-authentication',
    });
    expect(code('ssh_authenticate', authFailed)).toBe('auth_failed');
    const prohibited = Object.assign(new Error('(SSH) Channel open failure: open failed'), { reason: 1 });
    expect(code('tunnel', prohibited)).toBe('permission_denied');
    const refusedBehind = Object.assign(new Error('(SSH) Channel open failure: Connection refused'), {
      reason: 2,
    });
    expect(code('tunnel', refusedBehind)).toBe('unreachable');
    expect(
      code('ssh_connect', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toBe('unreachable');
    expect(code('ssh_host_key', Object.assign(new Error('Timed out'), { level: 'client-timeout' }))).toBe(
      'timeout',
    );
    expect(code('ssh_host_key', Object.assign(new Error('Connection lost'), { level: 'protocol' }))).toBe(
      'unreachable',
    );
  });

  it('keeps our own verdicts and never copies the library text', () => {
    const verdict = new DriverError('ssh_hostkey_mismatch', 'not the approved key');
    expect(tunnelFailure('ssh_host_key', verdict)).toBe(verdict);
    const chatty = Object.assign(new Error('Banner: welcome to prod-db-7 (10.2.3.4) user=admin'), {
      level: 'handshake',
    });
    expect(tunnelFailure('ssh_host_key', chatty).message).not.toMatch(/prod-db|10\.2|admin/);
  });
});
