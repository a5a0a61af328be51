import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { AuthMethod, Client, ClientChannel, ParsedKey } from 'ssh2';
import type { EgressPolicy, PinnedDestination } from '../../egress/index.js';
import { DriverError } from '../driver-error.js';
import { resolveAndPin } from '../pinned-destination.js';
import type { StepRecorder } from '../probe-context.js';
import type { VerificationStepName } from '../verification.types.js';
import { fingerprintOf, loadSsh2, parsePrivateKey } from './ssh-keys.js';
import type { SshTunnelSettings } from './ssh-tunnel.settings.js';

/** Connections a driver may open through one tunnel (SDKs open a few; none needs more). */
const MAX_RELAYED = 8;

export interface OpenTunnelOptions {
  policy: EgressPolicy;
  recorder: StepRecorder;
  /** Aborts when the whole call times out. */
  signal: AbortSignal;
  stepTimeoutMs: number;
  /** Told the bastion's fingerprint as soon as it is seen (the report shows it, approved or not). */
  onHostKey(fingerprint: string): void;
}

/** An open tunnel: drivers connect to `destination` (a loopback relay into the SSH session). */
export interface SshTunnel {
  destination: PinnedDestination;
  close(): void;
}

/**
 * Opens an SSH session to the bastion and a relay through it to the database, recording
 * `ssh_resolve` … `tunnel`. The bastion's address is resolved once, checked and pinned like any
 * destination; its host key is checked before any credential is sent; `target` (named behind the
 * bastion, which alone resolves it) was checked as written by the caller.
 */
export async function openSshTunnel(
  settings: SshTunnelSettings,
  target: { host: string; port: number; hostname: string },
  options: OpenTunnelOptions,
): Promise<SshTunnel> {
  const { recorder, signal } = options;
  const bastion = await resolveAndPin(
    options.policy,
    settings,
    recorder,
    { resolve: 'ssh_resolve', policy: 'ssh_egress_policy' },
    signal,
  );
  const identities = await parsedIdentities(settings);
  const { Client } = await loadSsh2();
  if (signal.aborted) throw new DriverError('timeout', 'the verification timed out');
  const client = new Client();
  const sockets = new Set<Duplex>();
  let relay: net.Server | undefined;
  let unprotect = (): void => undefined;
  const close = (): void => {
    unprotect();
    relay?.close();
    for (const socket of sockets) socket.destroy();
    client.end();
    client.destroy();
  };
  signal.addEventListener('abort', close, { once: true });
  try {
    await handshake(client, bastion, settings, identities, options);
    const first = await step(
      recorder,
      'tunnel',
      options,
      () => forward(client, target),
      (channel) => {
        sockets.add(channel);
        return `forwarding to ${target.hostname}:${target.port} through the bastion`;
      },
    );
    relay = await listenRelay(client, target, first, sockets);
    const port = (relay.address() as net.AddressInfo).port;
    // No tenant destination may name the relay while it is open.
    unprotect = options.policy.protectPort(port);
    return {
      destination: {
        hostname: target.hostname,
        address: '127.0.0.1',
        family: 4,
        port,
        label: `${target.hostname}:${target.port} through the SSH tunnel`,
      },
      close: () => {
        signal.removeEventListener('abort', close);
        close();
      },
    };
  } catch (error) {
    signal.removeEventListener('abort', close);
    close();
    throw error;
  }
}

async function parsedIdentities(settings: SshTunnelSettings): Promise<ParsedKey[]> {
  const keys: ParsedKey[] = [];
  for (const identity of settings.identities) {
    const parsed = await parsePrivateKey(identity.privateKey, identity.passphrase);
    if (!parsed.ok)
      throw new DriverError('invalid_config', `credentials.ssh_tunnel.private_key ${parsed.reason}`);
    keys.push(parsed.key);
  }
  return keys;
}

/** Runs one recorded step bounded by the step timeout; the caller's signal destroys the session. */
async function step<T>(
  recorder: StepRecorder,
  name: VerificationStepName,
  options: OpenTunnelOptions,
  fn: () => Promise<T>,
  okMessage: (value: T) => string,
): Promise<T> {
  const startedAt = recorder.start(name);
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DriverError('timeout', `${name} timed out`)),
          options.stepTimeoutMs,
        );
      }),
    ]);
    recorder.finish(name, 'ok', okMessage(value), startedAt);
    return value;
  } catch (error) {
    throw recorder.fail(name, tunnelFailure(name, error), startedAt);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * TCP connect, host key, authentication: each phase recorded from the session's own callbacks,
 * so a failure lands on the phase it happened in and each phase has the step timeout.
 */
function handshake(
  client: Client,
  bastion: PinnedDestination,
  settings: SshTunnelSettings,
  identities: ParsedKey[],
  options: OpenTunnelOptions,
): Promise<void> {
  const { recorder } = options;
  return new Promise<void>((resolve, reject) => {
    let phase: VerificationStepName = 'ssh_connect';
    let startedAt = recorder.start(phase);
    let verdict: DriverError | undefined;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const socket = net.connect({ host: bastion.address, port: bastion.port, family: bastion.family });
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(new DriverError('timeout', `${phase} timed out`)), options.stepTimeoutMs);
    };
    const next = (name: VerificationStepName, message: string) => {
      recorder.finish(phase, 'ok', message, startedAt);
      phase = name;
      startedAt = recorder.start(name);
      arm();
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(recorder.fail(phase, tunnelFailure(phase, verdict ?? error), startedAt));
    };
    arm();
    socket.once('connect', () => next('ssh_host_key', `connected to ${bastion.hostname}:${bastion.port}`));
    // Errors after the handshake (the bastion going away mid-probe) end the drivers' sockets instead.
    socket.on('error', fail);
    client.on('error', fail);
    client.once('close', () => fail(new DriverError('unreachable', 'the bastion closed the connection')));
    client.once('ready', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      recorder.finish(
        phase,
        'ok',
        `authenticated as ${settings.username} (${settings.authMethod})`,
        startedAt,
      );
      resolve();
    });
    const methods = authMethods(settings, identities);
    client.connect({
      sock: socket,
      username: settings.username,
      // Our own timers bound each phase; ssh2's would only blur which one failed.
      readyTimeout: 2_147_483_647,
      keepaliveInterval: 0,
      hostVerifier: (key: Buffer) => {
        const seen = fingerprintOf(key);
        options.onHostKey(seen);
        if (!settings.hostKeyFingerprint) {
          verdict = new DriverError(
            'ssh_hostkey_unapproved',
            `the bastion presented host key ${seen}, which nobody has approved yet: check it with the bastion's administrator, then approve it (POST …/ssh-host-key/approve) and verify again`,
          );
          return false;
        }
        if (seen !== settings.hostKeyFingerprint) {
          verdict = new DriverError(
            'ssh_hostkey_mismatch',
            `the bastion presented host key ${seen}, not the approved ${settings.hostKeyFingerprint}; nothing was sent to it`,
          );
          return false;
        }
        if (methods.length === 0) {
          verdict = new DriverError(
            'invalid_config',
            'the platform-managed key is generated when the connection is saved: save it, add its public key (GET …/ssh-public-key) to the bastion, then verify the saved connection',
          );
          next('ssh_authenticate', `host key ${seen} is the approved one`);
          return false;
        }
        next('ssh_authenticate', `host key ${seen} is the approved one`);
        return true;
      },
      authHandler: methods,
    });
  });
}

function authMethods(settings: SshTunnelSettings, identities: ParsedKey[]): AuthMethod[] {
  if (settings.authMethod === 'password') {
    return [
      { type: 'password', username: settings.username, password: settings.password ?? '' } as AuthMethod,
    ];
  }
  // Newest key first; during a rotation's grace period the previous one is offered next.
  return identities.map((key) => ({ type: 'publickey', username: settings.username, key }) as AuthMethod);
}

function forward(client: Client, target: { host: string; port: number }): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, target.host, target.port, (error, channel) =>
      error ? reject(error) : resolve(channel),
    );
  });
}

/**
 * A loopback listener whose connections are piped through the SSH session: every driver, whatever
 * its SDK, connects to it like to any pinned address. The first connection takes the channel the
 * `tunnel` step opened.
 */
function listenRelay(
  client: Client,
  target: { host: string; port: number },
  first: ClientChannel,
  sockets: Set<Duplex>,
): Promise<net.Server> {
  let spare: ClientChannel | undefined = first;
  let relayed = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (++relayed > MAX_RELAYED) {
      socket.destroy();
      return;
    }
    const pipe = (channel: ClientChannel) => {
      sockets.add(channel);
      channel.on('error', () => socket.destroy());
      socket.pipe(channel).pipe(socket);
      socket.once('close', () => channel.destroy());
      channel.once('close', () => socket.destroy());
    };
    const channel = spare;
    spare = undefined;
    if (channel) pipe(channel);
    else forward(client, target).then(pipe, () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve(server));
  });
}

/**
 * What went wrong at a tunnel step, in our words: ssh2's messages can quote the server's banner or
 * reason text, so only a known shape is named, never copied.
 */
export function tunnelFailure(step: VerificationStepName, error: unknown): DriverError {
  if (error instanceof DriverError) return error;
  const err = error as { level?: string; message?: string; code?: string; reason?: number } | undefined;
  const message = err?.message ?? '';
  if (err?.code === 'ECONNREFUSED')
    return new DriverError('unreachable', 'the bastion refused the TCP connection (ECONNREFUSED)');
  if (err?.code === 'ETIMEDOUT') return new DriverError('timeout', 'the bastion did not answer in time');
  if (err?.level === 'client-authentication' || /authentication methods failed/i.test(message)) {
    return new DriverError('auth_failed', 'the bastion refused the key or password for this user');
  }
  if (step === 'tunnel') {
    if (err?.reason === 1 || /administratively prohibited/i.test(message)) {
      return new DriverError(
        'permission_denied',
        'the bastion does not allow forwarding to this host and port',
      );
    }
    if (err?.reason === 2 || /connect failed|connection refused/i.test(message)) {
      return new DriverError('unreachable', 'the bastion could not connect to the database host and port');
    }
    return new DriverError('unreachable', 'the bastion did not open the forwarded connection');
  }
  if (err?.level === 'client-timeout')
    return new DriverError('timeout', 'the bastion did not answer in time');
  if (err?.level === 'protocol' || err?.level === 'handshake')
    return new DriverError(
      'unreachable',
      'the server did not complete an SSH handshake (is it an SSH server?)',
    );
  return new DriverError(
    step === 'ssh_authenticate' ? 'auth_failed' : 'unreachable',
    'the SSH session failed',
  );
}
