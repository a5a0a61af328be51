import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { VerificationService } from '../../../apps/assets/src/verification/verification.service.js';
import { makeService, pgInput, silentServer, waitFor } from './verification-fixtures.js';

const TIMEOUT_MS = 1000;
const LIMIT_MS = TIMEOUT_MS * 1.1;

/** A listening socket that never accepts, with its backlog filled: later SYNs are dropped. */
async function neverAcceptingPort(): Promise<{ port: number; child: ChildProcess; fillers: net.Socket[] }> {
  const child = spawn('python3', [
    '-c',
    'import socket,sys,time\ns=socket.socket();s.bind(("127.0.0.1",0));s.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(120)',
  ]);
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (d) => resolve(Number(String(d).trim()))),
  );
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 4; i++) {
    const s = net.connect({ host: '127.0.0.1', port });
    s.on('error', () => undefined);
    fillers.push(s);
  }
  // Real sockets, no clock to move: let the kernel queue the fillers' handshakes so the backlog is full.
  await new Promise((r) => setTimeout(r, 100));
  return { port, child, fillers };
}

describe(`${VerificationService.name} (egress and timeouts)`, () => {
  const service = makeService({ env: { VERIFY_TIMEOUT_MS: String(TIMEOUT_MS) } });

  it('should bound a server that accepts and never answers, and destroy its socket', async () => {
    const server = await silentServer();
    try {
      for (const ssl_mode of ['disable', 'prefer']) {
        const started = performance.now();
        const report = await service.verify(pgInput({ config: { port: server.port, ssl_mode } }), {
          orgId: `bh-${ssl_mode}`,
        });
        expect(performance.now() - started).toBeLessThan(LIMIT_MS);
        expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
        expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('ok');
        expect(report.steps.find((s) => s.status === 'failed')?.name).toBe(
          ssl_mode === 'disable' ? 'authenticate' : 'tls',
        );
        await expect(waitFor(() => server.open() === 0, 200)).resolves.toBe(true);
      }
      expect(server.accepted()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('should bound a listener that never accepts (full backlog) at the connect step', async () => {
    const { port, child, fillers } = await neverAcceptingPort();
    try {
      const started = performance.now();
      const report = await service.verify(pgInput({ config: { port } }), { orgId: 'backlog' });
      expect(performance.now() - started).toBeLessThan(LIMIT_MS);
      expect(report.details.error_code).toBe('timeout');
      expect(['connect', 'authenticate']).toContain(report.steps.find((s) => s.status === 'failed')?.name);
    } finally {
      fillers.forEach((s) => s.destroy());
      child.kill();
    }
  });

  it('should report a closed local port as unreachable at connect, fast', async () => {
    const server = await silentServer();
    const port = server.port;
    await server.close();
    const started = performance.now();
    const report = await service.verify(pgInput({ config: { port } }), { orgId: 'closed' });
    expect(performance.now() - started).toBeLessThan(300);
    expect(report).toMatchObject({ success: false, details: { error_code: 'unreachable' } });
    expect(report.steps.find((s) => s.name === 'connect')).toMatchObject({ status: 'failed' });
    expect(report.steps.find((s) => s.name === 'connect')?.message).toContain('ECONNREFUSED');
  });

  it.each([
    '169.254.169.254',
    '2852039166',
    '0251.0376.0251.0376',
    '0xa9fea9fe',
    '169.254.43518',
    '[::ffff:169.254.169.254]',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '0.0.0.0',
    'metadata.google.internal',
    'metadata.google.internal.',
  ])('should deny %s at egress_policy', async (host) => {
    const report = await service.verify(pgInput({ config: { host } }), { orgId: 'meta' });
    expect(report).toMatchObject({ success: false, details: { error_code: 'egress_denied' } });
    expect(report.steps.find((s) => s.name === 'egress_policy')?.status).toBe('failed');
    expect(report.steps.find((s) => s.name === 'connect')?.status).toBe('skipped');
  });

  it('should deny a hostname that resolves to a denied address', async () => {
    const svc = makeService({ resolver: async () => [{ address: '169.254.169.254', family: 4 }] });
    const report = await svc.verify(pgInput({ config: { host: 'innocent.example.com' } }), { orgId: 'dns' });
    expect(report.details.error_code).toBe('egress_denied');
    expect(report.steps.find((s) => s.name === 'resolve')?.status).toBe('ok');
  });

  it('should resolve once and connect to the pinned address even when DNS rebinds', async () => {
    const answers = [
      [{ address: '127.0.0.1', family: 4 as const }],
      [{ address: '169.254.169.254', family: 4 as const }],
    ];
    let lookups = 0;
    const svc = makeService({
      resolver: async () => {
        lookups++;
        return answers.shift() ?? [];
      },
    });
    const report = await svc.verify(pgInput({ config: { host: 'rebind.example.test' } }), {
      orgId: 'rebind',
    });
    expect(report.success).toBe(true);
    expect(lookups).toBe(1);
    expect(report.steps.find((s) => s.name === 'egress_policy')?.message).toBe(
      'allowed; pinned to 127.0.0.1',
    );
    expect(report.steps.find((s) => s.name === 'connect')?.message).toBe(
      'connected to rebind.example.test:5432',
    );
  });

  it('should resolve localhost. (trailing dot) to loopback and allow it outside production only', async () => {
    await expect(
      service.verify(pgInput({ config: { host: 'localhost.' } }), { orgId: 'lh' }),
    ).resolves.toMatchObject({ success: true });
    const prod = makeService({ env: { NODE_ENV: 'production' } });
    const denied = await prod.verify(pgInput({ config: { host: 'localhost.' } }), { orgId: 'lh' });
    expect(denied.details.error_code).toBe('egress_denied');
  });

  it("should deny the service's own ports without connecting, identically whether open or closed", async () => {
    const open = await silentServer();
    const closed = await silentServer();
    const closedPort = closed.port;
    await closed.close();
    try {
      const svc = makeService({
        env: { ASSETS_PORT: String(open.port), GOVERNANCE_PORT: String(closedPort) },
      });
      const a = await svc.verify(pgInput({ config: { port: open.port } }), { orgId: 'own' });
      const b = await svc.verify(pgInput({ config: { port: closedPort } }), { orgId: 'own' });
      expect(a.details.error_code).toBe('egress_denied');
      expect(b.details.error_code).toBe('egress_denied');
      const shape = (r: typeof a) => r.steps.map((s) => [s.name, s.status, s.message]);
      expect(shape(a)).toEqual(shape(b));
      expect(a.latency_ms).toBeLessThan(20);
      expect(b.latency_ms).toBeLessThan(20);
      // Real sockets: give a stray connect (which must not happen) time to arrive before counting.
      await new Promise((r) => setTimeout(r, 50));
      expect(open.accepted()).toBe(0);
      const defaults = await service.verify(pgInput({ config: { port: 8002 } }), { orgId: 'own' });
      expect(defaults.details.error_code).toBe('egress_denied');
    } finally {
      await open.close();
    }
  });
});
