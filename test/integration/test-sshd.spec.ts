import net from 'node:net';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import {
  generateClientKey,
  sha256Fingerprint,
  sshdAvailable,
  sshKeygenFingerprint,
  startBlackHoleServer,
  startTestSshd,
  type TestSshd,
} from '../support/test-sshd.js';

/** The ports this suite may give sshd. */
const PORT_RANGE = { from: 22200, to: 22299 };
const PG_SSL_REQUEST = Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]);

const availability = sshdAvailable();
if (!availability.ok) process.stderr.write(`test-sshd.spec: skipped, ${availability.reason}\n`);
const describeWithSshd = availability.ok ? describe : describe.skip;

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
// As jest.config does for the driver suites: no local database, no forwarding test, except on CI.
const [postgresUp, mariadbUp] = await Promise.all([reachable(5432), reachable(3306)]);
const itWithServer = (up: boolean, name: string) => {
  if (up || process.env.CI === 'true') return it;
  process.stderr.write(`test-sshd.spec: no ${name} on 127.0.0.1, skipping its forwarding test\n`);
  return it.skip;
};

type SshError = Error & { level?: string; code?: unknown; fatal?: boolean };

/** Resolves with a ready client, or rejects with the first error ssh2 emits. */
function connect(config: ConnectConfig): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.once('ready', () => resolve(client));
    // `on`, not `once`: ssh2 may emit a second error (after a readyTimeout, 'Connection lost
    // before handshake'), and an 'error' event with no listener would crash the worker.
    client.on('error', (error) => {
      client.end();
      reject(error);
    });
    client.connect({ readyTimeout: 5_000, ...config });
  });
}

/** Every error a failing connection attempt emits, in order, once its socket has closed. */
function failedConnection(config: ConnectConfig): Promise<SshError[]> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    const errors: SshError[] = [];
    client.once('ready', () => {
      client.end();
      reject(new Error('expected the connection to fail, it succeeded'));
    });
    client.on('error', (error) => errors.push(error));
    client.once('close', () => resolve(errors));
    client.connect({ readyTimeout: 5_000, ...config });
  });
}

/** The one error a failing connection attempt emits (the test fails on none, or more). */
async function connectError(config: ConnectConfig): Promise<SshError> {
  const errors = await failedConnection(config);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

function forwardOut(client: Client, port: number): Promise<ClientChannel> {
  return new Promise((resolve, reject) =>
    client.forwardOut('127.0.0.1', 0, '127.0.0.1', port, (error, channel) =>
      error ? reject(error) : resolve(channel),
    ),
  );
}

/** The first bytes the far end sends back, after we send `request` (if any). */
function firstBytes(channel: ClientChannel, request?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    channel.once('data', (data: Buffer) => {
      channel.close();
      resolve(data);
    });
    channel.once('error', reject);
    channel.once('close', () => reject(new Error('channel closed before any byte')));
    if (request) channel.write(request);
  });
}

/** A hostVerifier pinned to one fingerprint, as the product pins the bastion's. */
const pinned = (fingerprint: string) => (key: Buffer) => sha256Fingerprint(key) === fingerprint;

describeWithSshd('test sshd (real OpenSSH on loopback)', () => {
  const key = generateClientKey();
  const protectedKey = generateClientKey({ passphrase: 'correct horse battery' });
  const strangerKey = generateClientKey();
  const password = 'tunnel-test-pw';
  let sshd: TestSshd;
  const clients: Client[] = [];
  const base = (): ConnectConfig => ({
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    hostVerifier: pinned(sshd.hostKeyFingerprint),
  });
  const open = async (config: ConnectConfig) => {
    const client = await connect(config);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    sshd = await startTestSshd({
      authorizedKeys: [key.publicKey, protectedKey.publicKey],
      password,
      portRange: PORT_RANGE,
    });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.end();
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('should listen on a loopback port in the given range, with the fingerprint ssh-keygen -lf prints', () => {
    expect(sshd.host).toBe('127.0.0.1');
    expect(sshd.port).toBeGreaterThanOrEqual(PORT_RANGE.from);
    expect(sshd.port).toBeLessThanOrEqual(PORT_RANGE.to);
    expect(sshd.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(sshd.hostKeyFingerprint).toBe(sshKeygenFingerprint(sshd.hostPublicKeyPath));
  });

  it('should accept a key from authorized_keys, with the host key the verifier pinned', async () => {
    const presented: string[] = [];
    const client = await open({
      ...base(),
      privateKey: key.privateKey,
      hostVerifier: (hostKey: Buffer) => (presented.push(sha256Fingerprint(hostKey)), true),
    });
    expect(client).toBeInstanceOf(Client);
    expect(presented).toEqual([sshd.hostKeyFingerprint]);
  });

  it('should accept a passphrase-protected key with its passphrase', async () => {
    expect(protectedKey.privateKey).toContain('BEGIN OPENSSH PRIVATE KEY');
    await expect(
      open({ ...base(), privateKey: protectedKey.privateKey, passphrase: 'correct horse battery' }),
    ).resolves.toBeInstanceOf(Client);
  });

  it('should refuse, before connecting, a protected key without its passphrase or with a wrong one', () => {
    // ssh2 parses the key in connect() and throws there: no 'error' event, no socket.
    const attempt = (passphrase?: string) => () =>
      new Client().connect({ ...base(), privateKey: protectedKey.privateKey, passphrase });
    expect(attempt()).toThrow(
      'Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given',
    );
    expect(attempt('wrong passphrase')).toThrow(
      'Cannot parse privateKey: OpenSSH key integrity check failed -- bad passphrase?',
    );
  });

  it('should accept the password, and forward for a user whose shell is nologin', async () => {
    const client = await open({ ...base(), password });
    const reply = await firstBytes(await forwardOut(client, sshd.port));
    expect(reply.toString('latin1')).toMatch(/^SSH-2\.0-OpenSSH/);
  });

  itWithServer(postgresUp, 'PostgreSQL')(
    'should forward to PostgreSQL and answer an SSLRequest with N or S',
    async () => {
      const client = await open({ ...base(), privateKey: key.privateKey });
      const reply = await firstBytes(await forwardOut(client, 5432), PG_SSL_REQUEST);
      expect(['N', 'S']).toContain(reply.subarray(0, 1).toString('latin1'));
    },
  );

  itWithServer(mariadbUp, 'MariaDB')('should forward to MariaDB and read its greeting packet', async () => {
    const client = await open({ ...base(), privateKey: key.privateKey });
    const greeting = await firstBytes(await forwardOut(client, 3306));
    // 3-byte length, sequence 0, protocol version 10, then the NUL-terminated server version.
    expect(greeting.readUIntLE(0, 3)).toBe(greeting.length - 4);
    expect(greeting[3]).toBe(0);
    expect(greeting[4]).toBe(10);
    expect(greeting.subarray(5, greeting.indexOf(0, 5)).toString()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('should fail a forward to a closed port with reason 2 (connect failed)', async () => {
    const closed = await closedPort();
    const client = await open({ ...base(), privateKey: key.privateKey });
    const error = await forwardOut(client, closed).then(
      () => undefined,
      (e: Error & { reason?: number }) => e,
    );
    expect(error).toMatchObject({ message: '(SSH) Channel open failure: Connection refused', reason: 2 });
  });

  it('should reject a key that is not in authorized_keys, at level client-authentication', async () => {
    const error = await connectError({ ...base(), privateKey: strangerKey.privateKey });
    expect(error).toMatchObject({
      message: 'All configured authentication methods failed',
      level: 'client-authentication',
    });
    expect(error.code).toBeUndefined();
  });

  it('should reject a wrong password the same way', async () => {
    const error = await connectError({ ...base(), password: 'not-the-password' });
    expect(error).toMatchObject({
      message: 'All configured authentication methods failed',
      level: 'client-authentication',
    });
  });

  it('should take a key added with setAuthorizedKeys at once, and drop a removed one', async () => {
    await sshd.setAuthorizedKeys([strangerKey.publicKey]);
    try {
      await expect(open({ ...base(), privateKey: strangerKey.privateKey })).resolves.toBeInstanceOf(Client);
      const error = await connectError({ ...base(), privateKey: key.privateKey });
      expect(error.level).toBe('client-authentication');
    } finally {
      await sshd.setAuthorizedKeys([key.publicKey, protectedKey.publicKey]);
    }
  });

  it('should reject a host key the verifier does not pin, at level handshake', async () => {
    const error = await connectError({ ...base(), privateKey: key.privateKey, hostVerifier: () => false });
    expect(error).toMatchObject({
      message: 'Host denied (verification failed)',
      level: 'handshake',
      fatal: true,
    });
  });

  it('should present a new host key after rotateHostKey, on the same port', async () => {
    const before = sshd.hostKeyFingerprint;
    const port = sshd.port;
    const after = await sshd.rotateHostKey();
    expect(after).not.toBe(before);
    expect(sshd.hostKeyFingerprint).toBe(after);
    expect(sshd.port).toBe(port);
    expect(after).toBe(sshKeygenFingerprint(sshd.hostPublicKeyPath));
    const error = await connectError({ ...base(), privateKey: key.privateKey, hostVerifier: pinned(before) });
    expect(error).toMatchObject({
      message: 'Host denied (verification failed)',
      level: 'handshake',
      fatal: true,
    });
    await expect(open({ ...base(), privateKey: key.privateKey })).resolves.toBeInstanceOf(Client);
  });

  describe('a bastion that refuses forwarding', () => {
    let refusing: TestSshd;
    beforeAll(async () => {
      refusing = await startTestSshd({
        authorizedKeys: [key.publicKey],
        allowTcpForwarding: false,
        portRange: PORT_RANGE,
      });
    });
    afterAll(async () => {
      await refusing?.stop();
    });

    it('should authenticate, then refuse forwardOut with reason 1 (administratively prohibited)', async () => {
      const client = await open({
        host: refusing.host,
        port: refusing.port,
        username: refusing.username,
        privateKey: key.privateKey,
        hostVerifier: pinned(refusing.hostKeyFingerprint),
      });
      const error = await forwardOut(client, refusing.port).then(
        () => undefined,
        (e: Error & { reason?: number }) => e,
      );
      expect(error).toMatchObject({ message: '(SSH) Channel open failure: open failed', reason: 1 });
    });
  });

  it('should time out on a black-holed bastion after readyTimeout, at level client-timeout', async () => {
    const hole = await startBlackHoleServer();
    try {
      const started = performance.now();
      const errors = await failedConnection({
        host: hole.host,
        port: hole.port,
        username: 'x',
        readyTimeout: 500,
      });
      const elapsed = performance.now() - started;
      // ssh2 emits two errors: the timeout, then (as it destroys the socket) the lost connection.
      expect(errors).toEqual([
        expect.objectContaining({
          message: 'Timed out while waiting for handshake',
          level: 'client-timeout',
        }),
        expect.objectContaining({
          message: 'Connection lost before handshake',
          level: 'protocol',
          fatal: true,
        }),
      ]);
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(1_500);
    } finally {
      await hole.stop();
    }
  });

  it('should report a refused connection at level client-socket with code ECONNREFUSED', async () => {
    const errors = await failedConnection({ host: '127.0.0.1', port: await closedPort(), username: 'x' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'client-socket', code: 'ECONNREFUSED' });
    expect(errors[0]!.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('should fail to start on a port in use, with sshd stderr in the error', async () => {
    const outcome = await startTestSshd({ port: sshd.port }).then(
      async (started) => (await started.stop(), 'started'),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/sshd stderr ---\n[^]*Address already in use/);
  });

  it('should free its port and temp dir on stop', async () => {
    const other = await startTestSshd({ authorizedKeys: [key.publicKey], portRange: PORT_RANGE });
    const client = await open({
      host: other.host,
      port: other.port,
      username: other.username,
      privateKey: key.privateKey,
      hostVerifier: pinned(other.hostKeyFingerprint),
    });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    await other.stop();
    // The open session's sshd child is stopped too, so the client sees the connection close.
    await closed;
    expect(await reachable(other.port)).toBe(false);
    expect(() => sshKeygenFingerprint(other.hostPublicKeyPath)).toThrow(/does not exist/);
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
