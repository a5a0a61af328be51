import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { Binary, BSON, type Document, Long, ObjectId } from 'mongodb';

/**
 * A mongod 7.0 standalone (or one replica-set member) on the wire, for running the real `mongodb`
 * driver end to end. It speaks OP_QUERY only for the handshake (`hello`/`isMaster`; anything else
 * over OP_QUERY is error 352 as on 6.0+) and OP_MSG for everything else, with exhaust (moreToCome)
 * for the awaitable `hello` the driver's monitor streams.
 *
 * Authentication is SCRAM-SHA-256 and SCRAM-SHA-1 per RFC 5802/7677 as mongod runs it: the stored
 * keys are derived from the password once (salt, 15000/10000 iterations), the client proof is checked
 * against StoredKey and the server signature is returned; `saslSupportedMechs` in the handshake,
 * speculative authentication inside `hello`, `skipEmptyExchange`. Every failure, unknown user included,
 * is code 18 "Authentication failed." (mongod does not say which part was wrong).
 *
 * Authorization follows mongod's checks for the commands served: `listCollections` needs the
 * listCollections action on the database, or `nameOnly` + `authorizedCollections` and any privilege
 * in it (AuthorizationSessionImpl::checkAuthorizedToListCollections); `listDatabases` filters to the
 * user's databases unless it holds the cluster-wide action; unauthenticated commands that need a
 * user are code 13. Built-in roles only.
 */
export interface FakeMongoRole {
  role: string;
  db: string;
}

export interface FakeMongoUser {
  user: string;
  /** The database the user was created in (the authSource). */
  db: string;
  password: string;
  roles: FakeMongoRole[];
  /** Defaults to both, as createUser does. */
  mechanisms?: Array<'SCRAM-SHA-1' | 'SCRAM-SHA-256'>;
}

export interface FakeMongoCollection {
  name: string;
  type?: 'collection' | 'view' | 'timeseries';
}

export interface FakeMongoOptions {
  users: FakeMongoUser[];
  databases: Record<string, FakeMongoCollection[]>;
  version?: string;
  /** Replica-set name; omitted = standalone. */
  setName?: string;
  /** PEM key and certificate: the server then speaks TLS only, as with `tlsMode: requireTLS`. */
  tls?: { key: string; cert: string };
}

export interface FakeMongoCommand {
  command: string;
  db: string;
  opCode: 'OP_MSG' | 'OP_QUERY';
  user?: string;
}

export interface RunningFakeMongo {
  host: string;
  port: number;
  /** Every command received, in order (the first key of each document). */
  commands: FakeMongoCommand[];
  /** Outcome of each SCRAM conversation. */
  auth: Array<{ user: string; db: string; mechanism: string; ok: boolean; speculative: boolean }>;
  /** Commands the fake does not implement (answered 59 CommandNotFound, as mongod does). */
  unhandled: string[];
  /** Every byte each connection received, to search for leaked secrets. */
  received(): Buffer;
  openConnections(): number;
  close(): Promise<void>;
}

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const CHECKSUM_PRESENT = 1;
const MORE_TO_COME = 2;
const EXHAUST_ALLOWED = 1 << 16;
const MAX_BSON = 16 * 1024 * 1024;
const MAX_MESSAGE = 48_000_000;
const WIRE_VERSION = 21; // 7.0

const ANY_DATABASE_ROLES = new Set(['root', 'readAnyDatabase', 'readWriteAnyDatabase', 'dbAdminAnyDatabase']);
const LIST_COLLECTIONS_ROLES = new Set(['read', 'readWrite', 'dbAdmin', 'dbOwner']);
const LIST_DATABASES_ROLES = new Set([
  'root',
  'readAnyDatabase',
  'readWriteAnyDatabase',
  'dbAdminAnyDatabase',
  'clusterMonitor',
  'clusterAdmin',
  'backup',
]);

/** Commands mongod runs without an authenticated user (requiresAuth() == false). */
const NO_AUTH = new Set([
  'hello',
  'ismaster',
  'saslstart',
  'saslcontinue',
  'ping',
  'buildinfo',
  'connectionstatus',
  'endsessions',
  'logout',
]);

class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }
}

const authFailed = () => new CommandError(18, 'AuthenticationFailed', 'Authentication failed.');
const unauthorized = (message: string) => new CommandError(13, 'Unauthorized', message);

type Mechanism = 'SCRAM-SHA-1' | 'SCRAM-SHA-256';

interface ScramKeys {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const HASH: Record<Mechanism, 'sha1' | 'sha256'> = { 'SCRAM-SHA-1': 'sha1', 'SCRAM-SHA-256': 'sha256' };

/** What createUser stores: SHA-1 over the MONGODB-CR digest, SHA-256 over the SASLprep'd password. */
function deriveKeys(user: FakeMongoUser, mechanism: Mechanism): ScramKeys {
  const hash = HASH[mechanism];
  const iterations = mechanism === 'SCRAM-SHA-256' ? 15000 : 10000;
  const salt = randomBytes(mechanism === 'SCRAM-SHA-256' ? 28 : 16);
  const secret =
    mechanism === 'SCRAM-SHA-1'
      ? createHash('md5').update(`${user.user}:mongo:${user.password}`).digest('hex')
      : // SASLprep for the passwords tests use (no mapped or prohibited characters) is NFKC.
        user.password.normalize('NFKC');
  const salted = pbkdf2Sync(secret, salt, iterations, hash === 'sha1' ? 20 : 32, hash);
  const clientKey = createHmac(hash, salted).update('Client Key').digest();
  return {
    salt,
    iterations,
    storedKey: createHash(hash).update(clientKey).digest(),
    serverKey: createHmac(hash, salted).update('Server Key').digest(),
  };
}

interface StoredUser extends FakeMongoUser {
  keys: Partial<Record<Mechanism, ScramKeys>>;
}

interface Conversation {
  id: number;
  user: StoredUser;
  mechanism: Mechanism;
  clientFirstBare: string;
  serverFirst: string;
  nonce: string;
  proven: boolean;
  skipEmptyExchange: boolean;
  speculative: boolean;
}

interface Cursor {
  id: Long;
  ns: string;
  docs: Document[];
  owner: string;
}

/** SCRAM attribute list `a=1,b=2` (values may contain `=`). */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return out;
}

function payloadText(value: unknown): string {
  if (value instanceof Binary) return Buffer.from(value.buffer.subarray(0, value.position)).toString('utf8');
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  throw new CommandError(14, 'TypeMismatch', 'payload must be BinData');
}

function readCString(buf: Buffer, at: number): [string, number] {
  const end = buf.indexOf(0, at);
  if (end < 0) throw new Error('unterminated cstring');
  return [buf.toString('utf8', at, end), end + 1];
}

export async function startFakeMongo(options: FakeMongoOptions): Promise<RunningFakeMongo> {
  const users: StoredUser[] = options.users.map((u) => ({
    ...u,
    keys: Object.fromEntries(
      (u.mechanisms ?? ['SCRAM-SHA-1', 'SCRAM-SHA-256']).map((m) => [m, deriveKeys(u, m)]),
    ),
  }));
  const version = options.version ?? '7.0.14';
  const processId = new ObjectId();
  const commands: FakeMongoCommand[] = [];
  const auth: RunningFakeMongo['auth'] = [];
  const unhandled: string[] = [];
  const received: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const cursors = new Map<string, Cursor>();
  let connectionIds = 0;
  let requestIds = 1000;

  const findUser = (db: string, name: string) => users.find((u) => u.db === db && u.user === name);

  const onConnection = (socket: net.Socket) => {
    const connectionId = ++connectionIds;
    const timers = new Set<NodeJS.Timeout>();
    let buffered = Buffer.alloc(0);
    let user: StoredUser | undefined;
    let conversation: Conversation | undefined;
    let conversations = 0;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      for (const t of timers) clearTimeout(t);
    });

    const send = (opCode: number, responseTo: number, body: Buffer): number => {
      const requestId = requestIds++;
      const header = Buffer.alloc(16);
      header.writeInt32LE(16 + body.length, 0);
      header.writeInt32LE(requestId, 4);
      header.writeInt32LE(responseTo, 8);
      header.writeInt32LE(opCode, 12);
      if (!socket.destroyed) socket.write(Buffer.concat([header, body]));
      return requestId;
    };
    const sendMsg = (responseTo: number, doc: Document, flags = 0): number => {
      const head = Buffer.alloc(5);
      head.writeUInt32LE(flags, 0);
      head[4] = 0;
      return send(OP_MSG, responseTo, Buffer.concat([head, Buffer.from(BSON.serialize(doc))]));
    };
    const sendReply = (responseTo: number, doc: Document) => {
      const head = Buffer.alloc(20);
      head.writeInt32LE(0, 0); // responseFlags
      head.writeBigInt64LE(0n, 4); // cursorID
      head.writeInt32LE(0, 12); // startingFrom
      head.writeInt32LE(1, 16); // numberReturned
      send(OP_REPLY, responseTo, Buffer.concat([head, Buffer.from(BSON.serialize(doc))]));
    };

    const hello = (cmd: Document, legacy: boolean): Document => {
      const reply: Document = {
        helloOk: cmd['helloOk'] === true ? true : undefined,
        [legacy ? 'ismaster' : 'isWritablePrimary']: true,
        topologyVersion: { processId, counter: Long.fromNumber(0) },
        maxBsonObjectSize: MAX_BSON,
        maxMessageSizeBytes: MAX_MESSAGE,
        maxWriteBatchSize: 100000,
        localTime: new Date(),
        logicalSessionTimeoutMinutes: 30,
        connectionId,
        minWireVersion: 0,
        maxWireVersion: WIRE_VERSION,
        readOnly: false,
      };
      if (options.setName) {
        Object.assign(reply, {
          hosts: [`localhost:${port}`],
          setName: options.setName,
          setVersion: 1,
          secondary: false,
          primary: `localhost:${port}`,
          me: `localhost:${port}`,
          electionId: new ObjectId('7fffffff0000000000000001'),
        });
      }
      const mechsFor = cmd['saslSupportedMechs'];
      if (typeof mechsFor === 'string') {
        const dot = mechsFor.indexOf('.');
        const found = dot > 0 ? findUser(mechsFor.slice(0, dot), mechsFor.slice(dot + 1)) : undefined;
        // An unknown user gets no list at all, so the reply does not tell whether it exists.
        if (found) reply['saslSupportedMechs'] = Object.keys(found.keys).sort();
      }
      const speculative = cmd['speculativeAuthenticate'] as Document | undefined;
      if (speculative && typeof speculative['saslStart'] !== 'undefined') {
        try {
          reply['speculativeAuthenticate'] = saslStart(speculative, String(speculative['db']), true);
        } catch {
          // mongod drops a failed speculative attempt silently; the driver then runs saslStart.
        }
      }
      reply['ok'] = 1;
      for (const k of Object.keys(reply)) if (reply[k] === undefined) delete reply[k];
      return reply;
    };

    const saslStart = (cmd: Document, db: string, speculative: boolean): Document => {
      const mechanism = String(cmd['mechanism']);
      if (mechanism !== 'SCRAM-SHA-1' && mechanism !== 'SCRAM-SHA-256')
        throw new CommandError(
          334,
          'MechanismUnavailable',
          `Received authentication for mechanism ${mechanism} which is unknown or not enabled`,
        );
      const text = payloadText(cmd['payload']);
      // GS2 header: no channel binding, no authzid.
      if (!/^[ny],,/.test(text))
        throw new CommandError(17, 'ProtocolError', 'Incorrect SCRAM client message prefix');
      const clientFirstBare = text.slice(3);
      const attrs = attributes(clientFirstBare);
      const name = (attrs.get('n') ?? '').replace(/=2C/g, ',').replace(/=3D/g, '=');
      const clientNonce = attrs.get('r') ?? '';
      if (!clientNonce) throw new CommandError(17, 'ProtocolError', 'Invalid SCRAM client nonce');
      const found = findUser(db, name);
      const keys = found?.keys[mechanism];
      if (!found || !keys) {
        auth.push({ user: name, db, mechanism, ok: false, speculative });
        throw authFailed();
      }
      const nonce = clientNonce + randomBytes(24).toString('base64');
      const serverFirst = `r=${nonce},s=${keys.salt.toString('base64')},i=${keys.iterations}`;
      conversation = {
        id: ++conversations,
        user: found,
        mechanism,
        clientFirstBare,
        serverFirst,
        nonce,
        proven: false,
        skipEmptyExchange: (cmd['options'] as Document | undefined)?.['skipEmptyExchange'] === true,
        speculative,
      };
      return {
        conversationId: conversation.id,
        done: false,
        payload: new Binary(Buffer.from(serverFirst)),
        ...(speculative ? {} : { ok: 1 }),
      };
    };

    const saslContinue = (cmd: Document, db: string): Document => {
      const c = conversation;
      if (!c || Number(cmd['conversationId']) !== c.id || c.user.db !== db)
        throw new CommandError(17, 'ProtocolError', 'No SASL session state found');
      const text = payloadText(cmd['payload']);
      if (c.proven) {
        // The empty final exchange of a client that did not ask to skip it.
        conversation = undefined;
        user = c.user;
        return { conversationId: c.id, done: true, payload: new Binary(Buffer.alloc(0)), ok: 1 };
      }
      const keys = c.user.keys[c.mechanism]!;
      const hash = HASH[c.mechanism];
      const proofAt = text.lastIndexOf(',p=');
      const withoutProof = proofAt > 0 ? text.slice(0, proofAt) : text;
      const attrs = attributes(withoutProof);
      const proof = Buffer.from(proofAt > 0 ? text.slice(proofAt + 3) : '', 'base64');
      const fail = () => {
        conversation = undefined;
        auth.push({ user: c.user.user, db, mechanism: c.mechanism, ok: false, speculative: c.speculative });
        return authFailed();
      };
      if (attrs.get('c') !== 'biws' || attrs.get('r') !== c.nonce) throw fail();
      const authMessage = `${c.clientFirstBare},${c.serverFirst},${withoutProof}`;
      const clientSignature = createHmac(hash, keys.storedKey).update(authMessage).digest();
      if (proof.length !== clientSignature.length) throw fail();
      const clientKey = Buffer.from(proof.map((b, i) => b ^ clientSignature[i]!));
      const candidate = createHash(hash).update(clientKey).digest();
      if (!timingSafeEqual(candidate, keys.storedKey)) throw fail();
      const serverSignature = createHmac(hash, keys.serverKey).update(authMessage).digest('base64');
      auth.push({ user: c.user.user, db, mechanism: c.mechanism, ok: true, speculative: c.speculative });
      c.proven = true;
      if (c.skipEmptyExchange) {
        conversation = undefined;
        user = c.user;
      }
      return {
        conversationId: c.id,
        done: c.skipEmptyExchange,
        payload: new Binary(Buffer.from(`v=${serverSignature}`)),
        ok: 1,
      };
    };

    const rolesGrant = (db: string, allowed: Set<string>) =>
      (user?.roles ?? []).some(
        (r) => (r.db === db && allowed.has(r.role)) || (r.db === 'admin' && ANY_DATABASE_ROLES.has(r.role)),
      );
    const anyPrivilegeIn = (db: string) =>
      (user?.roles ?? []).some((r) => r.db === db || (r.db === 'admin' && ANY_DATABASE_ROLES.has(r.role)));

    const cursorReply = (ns: string, docs: Document[], batchSize: number | undefined) => {
      const size = batchSize === undefined ? 101 : batchSize;
      const first = docs.slice(0, size);
      const rest = docs.slice(first.length);
      let id = Long.ZERO;
      if (rest.length > 0) {
        id = Long.fromBigInt(BigInt.asUintN(62, randomBytes(8).readBigUInt64LE()) + 1n);
        cursors.set(id.toString(), { id, ns, docs: rest, owner: `${user?.db}.${user?.user}` });
      }
      return { cursor: { id, ns, firstBatch: first }, ok: 1 };
    };

    const run = (
      name: string,
      cmd: Document,
      db: string,
      flags: number,
      requestId: number,
    ): Document | null => {
      const lower = name.toLowerCase();
      if (!NO_AUTH.has(lower) && !user) throw unauthorized(`Command ${name} requires authentication`);
      switch (lower) {
        case 'hello':
        case 'ismaster': {
          const reply = hello(cmd, lower === 'ismaster');
          const awaited = cmd['topologyVersion'] as Document | undefined;
          const maxAwait = Number(cmd['maxAwaitTimeMS']);
          if (awaited && Number.isFinite(maxAwait)) {
            // Awaitable hello: answer when the topology changes (never here) or after maxAwaitTimeMS;
            // with exhaustAllowed, keep answering on that period without further requests.
            const exhaust = (flags & EXHAUST_ALLOWED) !== 0;
            const tick = (responseTo: number) => {
              const t = setTimeout(() => {
                timers.delete(t);
                const again = { ...hello(cmd, lower === 'ismaster'), localTime: new Date() };
                const sent = sendMsg(responseTo, again, exhaust ? MORE_TO_COME : 0);
                if (exhaust) tick(sent);
              }, maxAwait);
              timers.add(t);
            };
            tick(requestId);
            return null;
          }
          return reply;
        }
        case 'saslstart':
          return saslStart(cmd, db, false);
        case 'saslcontinue':
          return saslContinue(cmd, db);
        case 'ping':
          return { ok: 1 };
        case 'buildinfo':
          return {
            version,
            gitVersion: '0000000000000000000000000000000000000000',
            versionArray: [...version.split('.').map(Number), 0],
            bits: 64,
            debug: false,
            maxBsonObjectSize: MAX_BSON,
            storageEngines: ['devnull', 'wiredTiger'],
            ok: 1,
          };
        case 'connectionstatus':
          return {
            authInfo: {
              authenticatedUsers: user ? [{ user: user.user, db: user.db }] : [],
              authenticatedUserRoles: user ? user.roles.map((r) => ({ role: r.role, db: r.db })) : [],
            },
            ok: 1,
          };
        case 'endsessions':
          return { ok: 1 };
        case 'logout':
          user = undefined;
          return { ok: 1 };
        case 'listdatabases': {
          if (db !== 'admin') throw unauthorized('listDatabases may only be run against the admin database.');
          const all = (user?.roles ?? []).some((r) => r.db === 'admin' && LIST_DATABASES_ROLES.has(r.role));
          const authorizedOnly = cmd['authorizedDatabases'] !== false;
          if (!all && !authorizedOnly)
            throw unauthorized(`not authorized on admin to execute command { listDatabases: 1 }`);
          const names = Object.keys(options.databases)
            .filter((n) => all || anyPrivilegeIn(n))
            .sort();
          const nameOnly = cmd['nameOnly'] === true;
          const databases = names.map((n) =>
            nameOnly
              ? { name: n }
              : { name: n, sizeOnDisk: 8192 * (options.databases[n]!.length + 1), empty: false },
          );
          return nameOnly
            ? { databases, ok: 1 }
            : {
                databases,
                totalSize: databases.reduce((s, d) => s + Number(d.sizeOnDisk), 0),
                totalSizeMb: 0,
                ok: 1,
              };
        }
        case 'listcollections': {
          // AuthorizationSessionImpl::checkAuthorizedToListCollections
          const ownOnly =
            cmd['authorizedCollections'] === true && cmd['nameOnly'] === true && anyPrivilegeIn(db);
          if (!ownOnly && !rolesGrant(db, LIST_COLLECTIONS_ROLES))
            throw unauthorized(`Not authorized to list collections on db: ${db}`);
          const filter = (cmd['filter'] ?? {}) as Document;
          const docs = (options.databases[db] ?? [])
            .filter((c) => typeof filter['name'] !== 'string' || filter['name'] === c.name)
            .map((c) =>
              cmd['nameOnly'] === true
                ? { name: c.name, type: c.type ?? 'collection' }
                : {
                    name: c.name,
                    type: c.type ?? 'collection',
                    options: {},
                    info: { readOnly: c.type === 'view' },
                  },
            );
          const batchSize = (cmd['cursor'] as Document | undefined)?.['batchSize'];
          return cursorReply(
            `${db}.$cmd.listCollections`,
            docs,
            batchSize === undefined ? undefined : Number(batchSize),
          );
        }
        case 'getmore': {
          const id = cmd['getMore'] as Long;
          const c = cursors.get(String(id));
          if (!c) throw new CommandError(43, 'CursorNotFound', `cursor id ${String(id)} not found`);
          if (c.owner !== `${user?.db}.${user?.user}`)
            throw unauthorized(`Cursor session id is not the same as the operation context's session id`);
          const size = cmd['batchSize'] === undefined ? c.docs.length : Number(cmd['batchSize']);
          const next = c.docs.splice(0, size);
          if (c.docs.length === 0) cursors.delete(String(id));
          return { cursor: { id: c.docs.length ? c.id : Long.ZERO, ns: c.ns, nextBatch: next }, ok: 1 };
        }
        case 'killcursors': {
          const ids = (cmd['cursors'] as Long[] | undefined) ?? [];
          const killed = ids.filter((id) => cursors.delete(String(id)));
          return {
            cursorsKilled: killed,
            cursorsNotFound: ids.filter((id) => !killed.includes(id)),
            cursorsAlive: [],
            cursorsUnknown: [],
            ok: 1,
          };
        }
        default:
          unhandled.push(name);
          throw new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
      }
    };

    const answer = (
      doc: Document,
      db: string,
      opCode: FakeMongoCommand['opCode'],
      flags: number,
      requestId: number,
    ) => {
      const name = Object.keys(doc)[0] ?? '';
      commands.push({ command: name, db, opCode, ...(user ? { user: user.user } : {}) });
      try {
        if (opCode === 'OP_QUERY' && !['hello', 'ismaster'].includes(name.toLowerCase()))
          throw new CommandError(
            352,
            'UnsupportedOpQueryCommand',
            `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
          );
        return run(name, doc, db, flags, requestId);
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        return { ok: 0, errmsg: error.message, code: error.code, codeName: error.codeName };
      }
    };

    const handle = (message: Buffer) => {
      const requestId = message.readInt32LE(4);
      const opCode = message.readInt32LE(12);
      if (opCode === OP_QUERY) {
        let at = 20;
        const [ns, next] = readCString(message, at);
        at = next + 8; // numberToSkip, numberToReturn
        const doc = BSON.deserialize(message.subarray(at, at + message.readInt32LE(at)));
        const reply = answer(doc, ns.replace(/\.\$cmd$/, ''), 'OP_QUERY', 0, requestId);
        if (reply) sendReply(requestId, reply);
        return;
      }
      if (opCode !== OP_MSG) {
        // mongod closes the connection on an opcode it does not serve.
        socket.destroy();
        return;
      }
      const flags = message.readUInt32LE(16);
      const end = message.length - ((flags & CHECKSUM_PRESENT) !== 0 ? 4 : 0);
      let at = 20;
      let body: Document | undefined;
      while (at < end) {
        const kind = message[at]!;
        at += 1;
        if (kind === 0) {
          const size = message.readInt32LE(at);
          body = BSON.deserialize(message.subarray(at, at + size));
          at += size;
        } else if (kind === 1) {
          const size = message.readInt32LE(at);
          const [field, docsAt] = readCString(message, at + 4);
          const docs: Document[] = [];
          for (let p = docsAt; p < at + size; p += message.readInt32LE(p))
            docs.push(BSON.deserialize(message.subarray(p, p + message.readInt32LE(p))));
          if (body) body[field] = docs;
          at += size;
        } else {
          socket.destroy();
          return;
        }
      }
      if (!body) return void socket.destroy();
      const db = String(body['$db'] ?? '');
      const reply = answer(body, db, 'OP_MSG', flags, requestId);
      if (reply && (flags & MORE_TO_COME) === 0) sendMsg(requestId, reply);
    };

    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = buffered.readInt32LE(0);
        if (length < 16 || length > MAX_MESSAGE) return void socket.destroy();
        if (buffered.length < length) return;
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        try {
          handle(message);
        } catch {
          socket.destroy();
          return;
        }
      }
    });
  };

  const server = options.tls
    ? tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onConnection)
    : net.createServer(onConnection);
  if (options.tls) server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    commands,
    auth,
    unhandled,
    received: () => Buffer.concat(received),
    openConnections: () => sockets.size,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
