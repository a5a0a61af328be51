import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/** The part of PGlite the server drives: one backend session, fed raw protocol messages. */
export type WireBackend = Pick<PGlite, 'runExclusive' | 'execProtocolRawStream'>;

// Untyped requests a client may send before its StartupMessage (the second int32 of the frame).
const PROTOCOL_3_0 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** PostgreSQL refuses larger messages too (PQ_LARGE_MESSAGE_LIMIT). */
const MAX_MESSAGE_BYTES = 0x3fffffff;

const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const COPY_IN_RESPONSE = 0x47; // 'G'
const IDLE = 0x49; // 'I': ReadyForQuery status outside a transaction block
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** A frontend message with a type byte: type, int32 length (counting itself), body. */
function frontendMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');
const ROLLBACK = frontendMessage('Q', cstring('ROLLBACK'));
const COPY_FAIL = frontendMessage('f', cstring('client disconnected'));
/** Parse of an unnamed statement that is a syntax error: an error aborts the current transaction. */
const FAILING_PARSE = frontendMessage(
  'P',
  Buffer.concat([cstring(''), cstring('client disconnected'), Buffer.alloc(2)]),
);

/** A FATAL ErrorResponse, for refusals the server answers itself (the backend never sees them). */
function fatal(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    cstring('SFATAL'),
    cstring('VFATAL'),
    cstring(`C${code}`),
    cstring(`M${message}`),
    Buffer.from([0]),
  ]);
  return frontendMessage('E', fields);
}

class ProtocolViolation extends Error {}

/**
 * Cuts a socket's byte stream into whole protocol messages. Chunks are kept as they arrived and
 * joined once per message, so a large message split over many TCP reads is copied once, not once per read.
 */
export class MessageFramer {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /**
   * The next whole message, or undefined until all of it has arrived. Before the StartupMessage,
   * frames have no type byte (`untyped`).
   */
  next(untyped: boolean): Buffer | undefined {
    const headerBytes = untyped ? 4 : 5;
    const header = this.peek(headerBytes);
    if (!header) return undefined;
    const length = untyped ? header.readInt32BE(0) : 1 + header.readInt32BE(1);
    if (length < headerBytes || length > MAX_MESSAGE_BYTES)
      throw new ProtocolViolation(`invalid message length ${length}`);
    return this.size >= length ? this.take(length) : undefined;
  }

  private peek(bytes: number): Buffer | undefined {
    if (this.size < bytes) return undefined;
    // Only a header split across reads is joined here, a few bytes at a time.
    while (this.chunks[0]!.length < bytes)
      this.chunks.splice(0, 2, Buffer.concat([this.chunks[0]!, this.chunks[1]!]));
    return this.chunks[0]!;
  }

  private take(bytes: number): Buffer {
    this.size -= bytes;
    const first = this.chunks[0]!;
    if (first.length > bytes) {
      this.chunks[0] = first.subarray(bytes);
      return first.subarray(0, bytes);
    }
    if (first.length === bytes) return this.chunks.shift()!;
    const parts: Buffer[] = [];
    for (let missing = bytes; missing > 0;) {
      const chunk = this.chunks[0]!;
      if (chunk.length <= missing) {
        parts.push(this.chunks.shift()!);
        missing -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, missing));
        this.chunks[0] = chunk.subarray(missing);
        missing = 0;
      }
    }
    return Buffer.concat(parts, bytes);
  }
}

/**
 * Follows the message boundaries of the backend's output (which arrives in arbitrary chunks) to know
 * its last message, and the transaction status of its last ReadyForQuery.
 */
export class BackendOutputTracker {
  /** Type byte of the last complete message; ReadyForQuery before the first one. */
  lastType = READY_FOR_QUERY;
  /** 'I' idle, 'T' in a transaction block, 'E' in a failed one. */
  status = IDLE;
  private readonly header = Buffer.alloc(5);
  private headerFill = 0;
  private bodyLeft = 0;

  feed(data: Uint8Array): void {
    for (let at = 0; at < data.length;) {
      if (this.headerFill < 5) {
        const n = Math.min(5 - this.headerFill, data.length - at);
        this.header.set(data.subarray(at, at + n), this.headerFill);
        this.headerFill += n;
        at += n;
        if (this.headerFill < 5) return;
        this.bodyLeft = this.header.readInt32BE(1) - 4;
      }
      const n = Math.min(this.bodyLeft, data.length - at);
      at += n;
      this.bodyLeft -= n;
      if (this.bodyLeft > 0) return;
      this.lastType = this.header[0]!;
      // ReadyForQuery's one-byte body is its status.
      if (this.lastType === READY_FOR_QUERY) this.status = data[at - 1]!;
      this.headerFill = 0;
    }
  }

  /** The backend waits for a new command outside any transaction: any connection may use it. */
  get idle(): boolean {
    return this.lastType === READY_FOR_QUERY && this.status === IDLE;
  }
}

/** One client socket: its framer and the messages it sent that the backend has not run yet. */
class WireConnection {
  readonly framer = new MessageFramer();
  readonly inbox: Buffer[] = [];
  started = false;
  closed = false;

  constructor(readonly socket: Socket) {}

  send(data: Uint8Array): void {
    // The data is a view of the backend's memory, which the next message reuses: copy it.
    if (!this.closed && data.length > 0) this.socket.write(Buffer.from(data));
  }

  /** Stops serving it at once; a `farewell` (an ErrorResponse) is flushed before the socket closes. */
  close(farewell?: Buffer): void {
    this.closed = true;
    this.inbox.length = 0;
    if (farewell) this.socket.end(farewell, () => this.socket.destroy());
    else this.socket.destroy();
  }
}

export interface EmbeddedWireServerOptions {
  /** Client sockets served at once; more are refused with SQLSTATE 53300. */
  maxConnections: number;
}

/**
 * Serves one PGlite backend (a single session) to many `pg` connections over the wire protocol.
 *
 * Running messages one at a time is not enough: the backend has one unnamed statement, one unnamed
 * portal and one transaction, so another connection's Parse between our Parse and Execute makes us
 * run its statement, and its statements between our BEGIN and COMMIT join our transaction. A
 * connection therefore owns the backend from its first message until the backend answers
 * ReadyForQuery with status idle (after Sync or a simple query, outside a transaction block).
 * Meanwhile the others' messages wait in their inboxes, in order; when the backend is free, the
 * connection that has waited longest goes next. So everything serializes, as it did before, but per
 * exchange and per transaction rather than per message.
 *
 * A connection that goes away while owning the backend is cleaned up before anyone else runs: an
 * unfinished COPY is failed, an unfinished extended-protocol exchange is failed and synced, an open
 * transaction is rolled back, and the output is discarded. Session state that is not transactional
 * (SET, named prepared statements, temporary tables) is still shared by all connections.
 */
export class EmbeddedWireServer {
  private readonly server: Server;
  private readonly connections = new Set<WireConnection>();
  private readonly backendOutput = new BackendOutputTracker();
  /** The connection whose exchange the backend is in, if any. */
  private owner: WireConnection | null = null;
  /** Connections with messages, in the order they started waiting. */
  private readonly waiting: WireConnection[] = [];
  private draining: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly db: WireBackend,
    private readonly options: EmbeddedWireServerOptions,
  ) {
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on loopback only, on an ephemeral port; resolves with that port. */
  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Closes every client socket and resolves once the backend is idle (in-flight work and rollbacks done). */
  async stop(): Promise<void> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.close();
    await closed;
    while (this.draining) await this.draining;
  }

  private accept(socket: Socket): void {
    if (this.stopping || this.connections.size >= this.options.maxConnections) {
      socket.on('error', () => undefined);
      socket.end(fatal('53300', 'sorry, too many clients already'), () => socket.destroy());
      return;
    }
    socket.setNoDelay(true);
    const connection = new WireConnection(socket);
    this.connections.add(connection);
    socket.on('data', (chunk: Buffer) => this.receive(connection, chunk));
    // 'close' follows every error; cleanup happens there.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.connections.delete(connection);
      connection.closed = true;
      connection.inbox.length = 0;
      this.wake();
    });
  }

  private receive(connection: WireConnection, chunk: Buffer): void {
    if (connection.closed) return;
    connection.framer.push(chunk);
    try {
      for (
        let message = connection.framer.next(!connection.started);
        message;
        message = connection.framer.next(!connection.started)
      ) {
        if (connection.started) {
          // The client is leaving: nothing to run, and its session state is cleaned up on close.
          if (message[0] === TERMINATE) connection.close();
          else this.enqueue(connection, message);
        } else {
          this.receiveUntyped(connection, message);
        }
        if (connection.closed) return;
      }
    } catch (error) {
      if (!(error instanceof ProtocolViolation)) throw error;
      connection.close(fatal('08P01', error.message));
    }
  }

  /** The frames before the StartupMessage are answered here; the StartupMessage goes to the backend. */
  private receiveUntyped(connection: WireConnection, message: Buffer): void {
    const code = message.length >= 8 ? message.readInt32BE(4) : 0;
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      connection.socket.write('N'); // no encryption on loopback; the client continues in plain text
    } else if (code === CANCEL_REQUEST) {
      connection.close(); // cancelling is not supported; PostgreSQL also closes after a cancel request
    } else if (code === PROTOCOL_3_0) {
      connection.started = true;
      this.enqueue(connection, message);
    } else {
      throw new ProtocolViolation(`unsupported frontend protocol ${code >>> 16}.${code & 0xffff}`);
    }
  }

  private enqueue(connection: WireConnection, message: Buffer): void {
    connection.inbox.push(message);
    if (connection !== this.owner && !this.waiting.includes(connection)) this.waiting.push(connection);
    this.wake();
  }

  private wake(): void {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      // A socket may have closed between the last turn and now.
      if (this.nextTurn(false)) this.wake();
    });
  }

  private async drain(): Promise<void> {
    for (let connection = this.nextTurn(true); connection; connection = this.nextTurn(true)) {
      if (connection.closed) {
        await this.abandon(connection);
        continue;
      }
      this.owner = connection;
      try {
        await this.execute(connection.inbox.shift()!, (data) => connection.send(data));
      } catch {
        // The backend failed outright (closed, crashed): this client cannot be answered any more.
        connection.close();
        continue;
      }
      if (this.backendOutput.idle) {
        this.owner = null;
        // Still has messages (pipelined): it queues again behind those already waiting.
        if (connection.inbox.length > 0) this.waiting.push(connection);
      }
    }
  }

  /**
   * Whose message runs next: the owner's while there is one (or its cleanup once it has closed),
   * otherwise the longest-waiting connection with messages. `take` removes it from the waiting line.
   */
  private nextTurn(take: boolean): WireConnection | undefined {
    if (this.owner) return this.owner.closed || this.owner.inbox.length > 0 ? this.owner : undefined;
    while (this.waiting.length > 0) {
      const candidate = this.waiting[0]!;
      if (candidate.inbox.length > 0) {
        if (take) this.waiting.shift();
        return candidate;
      }
      this.waiting.shift(); // closed while waiting: nothing left to run
    }
    return undefined;
  }

  /** Brings the backend back to idle after its owner went away mid-exchange, then frees it. */
  private async abandon(connection: WireConnection): Promise<void> {
    const discard = () => undefined;
    try {
      if (this.backendOutput.lastType === COPY_IN_RESPONSE) await this.execute(COPY_FAIL, discard);
      // Anything but ReadyForQuery last means an extended-protocol exchange waits for its Sync. A bare
      // Sync would commit its implicit transaction; PostgreSQL aborts it when the client vanishes, so
      // fail the exchange first.
      if (this.backendOutput.lastType !== READY_FOR_QUERY) {
        await this.execute(FAILING_PARSE, discard);
        await this.execute(SYNC, discard);
      }
      if (!this.backendOutput.idle) await this.execute(ROLLBACK, discard);
    } catch {
      // The backend itself failed; the next client will get its error.
    } finally {
      if (this.owner === connection) this.owner = null;
    }
  }

  private execute(message: Buffer, onOutput: (data: Uint8Array) => void): Promise<void> {
    return this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (data) => {
          this.backendOutput.feed(data);
          onOutput(data);
        },
      }),
    );
  }
}
