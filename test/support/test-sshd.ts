import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ssh2 from 'ssh2';
import { wholeEd25519Pair } from '../../apps/assets/src/verification/tunnel/ssh-keys.js';

const run = promisify(execFile);

const SSHD = '/usr/sbin/sshd';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';
/** Privilege separation directory; Debian creates it from a systemd unit we do not run. */
const PRIVSEP_DIR = '/run/sshd';
const TUNNEL_USER = 'assets-tunnel';
/** nologin is enough: port forwarding (direct-tcpip) opens no session, so no shell is run. */
const TUNNEL_SHELL = '/usr/sbin/nologin';
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const LOG_LIMIT = 16_384;

export interface TestSshdOptions {
  /** OpenSSH public key lines put in the tunnel user's authorized_keys. */
  authorizedKeys?: string[];
  /** false → `AllowTcpForwarding no` (a bastion that refuses forwarding). Default true. */
  allowTcpForwarding?: boolean;
  /** Enables password auth for the tunnel user with this password. */
  password?: string;
  /** Fixed port; else the first free port in `portRange`, else any free loopback port. */
  port?: number;
  /** Inclusive range to pick a free port from when `port` is not given. */
  portRange?: { from: number; to: number };
}

export interface TestSshd {
  host: string;
  port: number;
  username: string;
  /** `SHA256:` + unpadded base64 of sha256(host public key blob) — same as `ssh-keygen -lf`. */
  hostKeyFingerprint: string;
  /** Path of the host public key (for cross-checks with `ssh-keygen -lf`). */
  hostPublicKeyPath: string;
  /** The last lines sshd wrote to stderr (never contains passwords). */
  recentLog(): string;
  setAuthorizedKeys(lines: string[]): Promise<void>;
  /** Restart on the same port with a freshly generated host key; returns the new fingerprint. */
  rotateHostKey(): Promise<string>;
  stop(): Promise<void>;
}

/** Whether this machine can run the real sshd (binary present, running as root). */
export function sshdAvailable(): { ok: true } | { ok: false; reason: string } {
  for (const binary of [SSHD, SSH_KEYGEN, '/usr/sbin/useradd', '/usr/sbin/usermod', '/usr/sbin/chpasswd']) {
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      return { ok: false, reason: `${binary} is not installed (apt-get install openssh-server)` };
    }
  }
  if (process.getuid?.() !== 0)
    return { ok: false, reason: 'sshd needs root (it switches to the tunnel user)' };
  return { ok: true };
}

/** An ed25519 key pair in OpenSSH formats, optionally passphrase-protected, that ssh2 reads back. */
export function generateClientKey(opts: { passphrase?: string } = {}): {
  privateKey: string;
  publicKey: string;
} {
  const keys = wholeEd25519Pair(
    ssh2.utils,
    opts.passphrase
      ? { passphrase: opts.passphrase, cipher: 'aes256-ctr', rounds: 16, comment: 'test-sshd-client' }
      : { comment: 'test-sshd-client' },
  );
  return { privateKey: keys.private, publicKey: keys.public };
}

/** `SHA256:<unpadded base64>` of a raw SSH public key blob, as OpenSSH prints it. */
export function sha256Fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** Fingerprint of an OpenSSH `.pub` line: `<type> <base64 blob> [comment]`. */
export function publicKeyLineFingerprint(line: string): string {
  const blob = line.trim().split(/\s+/)[1];
  if (!blob) throw new Error('not an OpenSSH public key line');
  return sha256Fingerprint(Buffer.from(blob, 'base64'));
}

/** A TCP listener that accepts and never sends a byte (a black-holed bastion). */
export async function startBlackHoleServer(): Promise<{ host: string; port: number; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    // Drain what the client sends, so its FIN is seen and the socket closes.
    socket.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    host: HOST,
    port,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function startTestSshd(options: TestSshdOptions = {}): Promise<TestSshd> {
  const available = sshdAvailable();
  if (!available.ok) throw new Error(`cannot start sshd: ${available.reason}`);
  await mkdir(PRIVSEP_DIR, { recursive: true, mode: 0o755 });
  await ensureTunnelUser(options.password);

  const dir = await mkdtemp(path.join(tmpdir(), 'test-sshd-'));
  // sshd reads authorized_keys as the tunnel user: it must be able to traverse the dir (not list it).
  await chmod(dir, 0o711);
  const files = {
    config: path.join(dir, 'sshd_config'),
    hostKey: path.join(dir, 'host_ed25519_key'),
    authorizedKeys: path.join(dir, 'authorized_keys'),
    pid: path.join(dir, 'sshd.pid'),
  };
  const setAuthorizedKeys = async (lines: string[]) => {
    // Write then rename: sshd reads the file on every attempt and must never see half of it.
    const staged = `${files.authorizedKeys}.new`;
    await writeFile(staged, lines.map((l) => `${l.trim()}\n`).join(''), { mode: 0o644 });
    await chmod(staged, 0o644);
    await rename(staged, files.authorizedKeys);
  };

  let server: RunningSshd | undefined;
  try {
    await setAuthorizedKeys(options.authorizedKeys ?? []);
    let fingerprint = await generateHostKey(files.hostKey);
    const config = (port: number) =>
      sshdConfig({
        port,
        ...files,
        password: options.password,
        allowTcpForwarding: options.allowTcpForwarding,
      });

    server = await launchOnFreePort(options, files, config);
    let running: RunningSshd | undefined = server;
    const port = server.port;

    const handle: TestSshd = {
      host: HOST,
      port,
      username: TUNNEL_USER,
      hostKeyFingerprint: fingerprint,
      hostPublicKeyPath: `${files.hostKey}.pub`,
      recentLog: () => running?.log() ?? '',
      setAuthorizedKeys,
      async rotateHostKey() {
        if (running) await running.stop();
        running = undefined;
        fingerprint = await generateHostKey(files.hostKey);
        handle.hostKeyFingerprint = fingerprint;
        running = await launch(files.config, config(port), port, files.pid);
        return fingerprint;
      },
      async stop() {
        if (running) await running.stop();
        running = undefined;
        await rm(dir, { recursive: true, force: true });
      },
    };
    return handle;
  } catch (error) {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The tunnel user: one system account with a nologin shell, shared by every server started here
 * (so two servers given different passwords share the last one). Its shadow entry must not be
 * locked ('!'): sshd without PAM refuses locked accounts even for public keys, so a locked entry
 * becomes '*' (no password matches). A server started without a password leaves a set one
 * alone: it has PasswordAuthentication no, and another running server may use it.
 */
async function ensureTunnelUser(password: string | undefined): Promise<void> {
  const exists = await run('getent', ['passwd', TUNNEL_USER]).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await run('useradd', [
      '--system',
      '--no-create-home',
      '--home-dir',
      '/tmp',
      '--shell',
      TUNNEL_SHELL,
      TUNNEL_USER,
    ]);
  }
  if (password === undefined) {
    const { stdout } = await run('getent', ['shadow', TUNNEL_USER]);
    if (stdout.split(':')[1]?.startsWith('!')) await run('usermod', ['--password', '*', TUNNEL_USER]);
    return;
  }
  // chpasswd reads `user:password` from stdin, so the password never shows in a process list.
  await new Promise<void>((resolve, reject) => {
    const child = execFile('chpasswd', (error) =>
      error ? reject(new Error(`chpasswd failed: ${error.message}`)) : resolve(),
    );
    child.stdin!.end(`${TUNNEL_USER}:${password}\n`);
  });
}

async function generateHostKey(keyPath: string): Promise<string> {
  await rm(keyPath, { force: true });
  await rm(`${keyPath}.pub`, { force: true });
  await run(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-sshd-host', '-f', keyPath]);
  return publicKeyLineFingerprint(await readFile(`${keyPath}.pub`, 'utf8'));
}

function sshdConfig(c: {
  port: number;
  hostKey: string;
  authorizedKeys: string;
  pid: string;
  password: string | undefined;
  allowTcpForwarding: boolean | undefined;
}): string {
  return [
    `Port ${c.port}`,
    `ListenAddress ${HOST}`,
    `HostKey ${c.hostKey}`,
    `PidFile ${c.pid}`,
    `AuthorizedKeysFile ${c.authorizedKeys}`,
    // The temp dir is root's, under /tmp (world-writable): StrictModes would refuse its keys file.
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin no',
    `AllowUsers ${TUNNEL_USER}`,
    'PubkeyAuthentication yes',
    `PasswordAuthentication ${c.password === undefined ? 'no' : 'yes'}`,
    'PermitEmptyPasswords no',
    'KbdInteractiveAuthentication no',
    `AllowTcpForwarding ${c.allowTcpForwarding === false ? 'no' : 'yes'}`,
    'PermitOpen any',
    'AllowAgentForwarding no',
    'AllowStreamLocalForwarding no',
    'X11Forwarding no',
    'PermitTTY no',
    'PrintMotd no',
    'UseDNS no',
    'LoginGraceTime 30',
    'LogLevel INFO',
    '',
  ].join('\n');
}

interface RunningSshd {
  port: number;
  log(): string;
  stop(): Promise<void>;
}

class PortInUseError extends Error {}

async function launchOnFreePort(
  options: TestSshdOptions,
  files: { config: string; pid: string },
  config: (port: number) => string,
): Promise<RunningSshd> {
  if (options.port !== undefined) return launch(files.config, config(options.port), options.port, files.pid);
  const candidates = options.portRange
    ? Array.from(
        { length: options.portRange.to - options.portRange.from + 1 },
        (_, i) => options.portRange!.from + i,
      )
    : [];
  // Between our probe and sshd's bind another process may take the port: then try the next one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort(candidates);
    try {
      return await launch(files.config, config(port), port, files.pid);
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      candidates.splice(candidates.indexOf(port), 1);
    }
  }
  throw new Error('sshd could not bind a free port after 5 attempts');
}

async function freePort(candidates: number[]): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, HOST, () => {
        const bound = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(bound));
      });
    });
  if (!candidates.length) return (await tryListen(0))!;
  for (const port of candidates) {
    const bound = await tryListen(port);
    if (bound !== undefined) return bound;
  }
  throw new Error(`no free port in ${candidates[0]}-${candidates[candidates.length - 1]}`);
}

async function launch(
  configPath: string,
  config: string,
  port: number,
  pidFile: string,
): Promise<RunningSshd> {
  await writeFile(configPath, config, { mode: 0o644 });
  await rm(pidFile, { force: true });
  let log = '';
  const child = spawn(SSHD, ['-D', '-e', '-f', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    log = (log + chunk).slice(-LOG_LIMIT);
  });
  let hasExited = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal });
    }),
  );
  const stop = () => stopSshd(child, exited);

  const outcome = await Promise.race([
    waitUntilReady(port, pidFile, child.pid!, () => hasExited).then(() => 'ready' as const),
    exited.then((exit) => exit),
  ]).catch((error: Error) => error);
  if (outcome === 'ready') return { port, log: () => log, stop };

  await stop();
  const reason =
    outcome instanceof Error
      ? outcome.message
      : `sshd exited (code ${outcome.code}, signal ${outcome.signal}) before it was ready`;
  const message = `${reason}\n--- sshd stderr ---\n${log.trim() || '(empty)'}`;
  if (/Address already in use|Cannot bind any address/.test(log)) throw new PortInUseError(message);
  throw new Error(message);
}

/**
 * Ready once sshd has written our child's pid to its pid file (it does so only after binding
 * its listen socket) and a TCP connection reads the `SSH-2.0-` identification line. The banner
 * alone could come from another server already on that port.
 */
async function waitUntilReady(
  port: number,
  pidFile: string,
  pid: number,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no pid file yet';
  while (Date.now() < deadline && !hasExited()) {
    const written = await readFile(pidFile, 'utf8').then(
      (text) => Number(text.trim()),
      () => undefined,
    );
    if (written === pid) {
      const result = await readBanner(port, Math.max(100, deadline - Date.now()));
      if (result === true) return;
      last = result;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`sshd on ${HOST}:${port} was not ready within ${READY_TIMEOUT_MS} ms (last: ${last})`);
}

function readBanner(port: number, timeoutMs: number): Promise<true | string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let received = '';
    const done = (result: true | string) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('timed out'));
    socket.on('error', (error) => done(error.message));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.startsWith('SSH-2.0-')) done(true);
      else if (received.length >= 8) done(`unexpected banner ${JSON.stringify(received.slice(0, 40))}`);
    });
    socket.on('end', () => done('closed before the banner'));
  });
}

/**
 * Stops the listener and the per-connection children it forked (they setsid() away from its
 * process group, so we find them by parent pid): open sessions drop, as on a real shutdown.
 */
async function stopSshd(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const connections = child.pid ? childrenOf(child.pid) : [];
  child.kill('SIGTERM');
  for (const pid of connections) killQuietly(pid);
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the `(comm)` (which may hold spaces): state, ppid, ...
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push(Number(entry), ...childrenOf(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** `ssh-keygen -lf` of a public key file, for cross-checks: `SHA256:...`. */
export function sshKeygenFingerprint(publicKeyPath: string): string {
  if (!existsSync(publicKeyPath)) throw new Error(`${publicKeyPath} does not exist`);
  const out = execFileSync(SSH_KEYGEN, ['-l', '-E', 'sha256', '-f', publicKeyPath], { encoding: 'utf8' });
  return out.split(/\s+/)[1]!;
}
