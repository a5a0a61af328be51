import {
  Agent,
  type ClientRequest,
  createServer,
  type IncomingMessage,
  request as httpRequest,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testDatabaseKind } from '@app/testing';

/**
 * `E2E_REPLICAS=2`: the harnesses boot every app twice on one database, behind a round-robin
 * proxy, so consecutive requests reach different replicas (Assets calls Governance through one
 * too). PostgreSQL only: PGlite cannot be shared by two processes' worth of pools.
 */
export async function replicaCount(): Promise<number> {
  const wanted = Number(process.env.E2E_REPLICAS ?? 1);
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error('E2E_REPLICAS must be a positive integer');
  if (wanted > 1 && (await testDatabaseKind()) !== 'postgres')
    throw new Error('E2E_REPLICAS>1 needs TEST_DB=postgres: replicas share one PostgreSQL database');
  return wanted;
}

/** Headers of one hop, not forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
]);
const endToEnd = <T>(headers: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));

const WHOLE_BODY_LIMIT = 16 * 1024 * 1024;
const STALLED_BODY_MS = 200;

/**
 * A body that arrives whole (up to 16 MiB) goes upstream in one write, as a client sends it: an app
 * that answers early (415, 413) and closes would otherwise cut a chunked forward with EPIPE and
 * lose its answer. A body that stalls (a test holding an upload open) is streamed as it comes.
 */
function forwardBody(req: IncomingMessage, upstream: ClientRequest): void {
  const length = Number(req.headers['content-length'] ?? NaN);
  if (!(length > 0 && length <= WHOLE_BODY_LIMIT)) {
    req.pipe(upstream);
    return;
  }
  const chunks: Buffer[] = [];
  const collect = (chunk: Buffer) => chunks.push(chunk);
  const stalled = setTimeout(() => {
    req.off('data', collect).off('end', whole);
    for (const chunk of chunks.splice(0)) upstream.write(chunk);
    req.pipe(upstream);
  }, STALLED_BODY_MS);
  const whole = () => {
    clearTimeout(stalled);
    upstream.end(Buffer.concat(chunks));
  };
  req.on('data', collect).on('end', whole);
}

/** A plain HTTP proxy that sends each request to the next upstream in turn. */
export class RoundRobinProxy {
  private next = 0;
  // A connection per forwarded request: no idle upstream socket to be reused just as it closes.
  private readonly agent = new Agent({ keepAlive: false });
  /** Requests forwarded to each upstream, by index. */
  readonly forwarded: number[];

  private constructor(
    readonly server: Server,
    private readonly upstreams: string[],
  ) {
    this.forwarded = upstreams.map(() => 0);
  }

  static async start(upstreams: string[]): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server, upstreams);
    server.on('request', (req, res) => {
      const index = proxy.next++ % upstreams.length;
      proxy.forwarded[index]!++;
      const { hostname, port } = new URL(upstreams[index]!);
      // The request target goes on byte for byte (a URL object would resolve its dot segments).
      const upstream = httpRequest(
        {
          host: hostname,
          port,
          path: req.url ?? '/',
          method: req.method,
          headers: endToEnd(req.headers),
          agent: proxy.agent,
        },
        (answer) => {
          // An app that ends the connection (after a 408, say) ends the client's too.
          if (answer.headers.connection?.toLowerCase() === 'close') res.shouldKeepAlive = false;
          res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      forwardBody(req, upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** `http://127.0.0.1:<port>` of a listening app. */
export const listeningUrl = (app: NestFastifyApplication): string =>
  `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

/**
 * The first replica, as tests know an app (`get`, `infra`, …), except for HTTP: its server, URL and
 * `listen` are the proxy's (already listening), and `close` closes every replica.
 */
export function behindProxy(
  first: NestFastifyApplication,
  proxy: RoundRobinProxy,
  closeAll: () => Promise<void>,
): NestFastifyApplication {
  return new Proxy(first, {
    get(target, property) {
      switch (property) {
        case 'getHttpServer':
          return () => proxy.server;
        case 'listen':
          return () => Promise.resolve(proxy.server);
        case 'getUrl':
          return () => Promise.resolve(proxy.url);
        case 'close':
          return closeAll;
        default: {
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        }
      }
    },
  });
}

/** One booted app replica: its Nest app and the infra (its own pool) it was built from. */
export interface BootedReplica {
  app: NestFastifyApplication;
  infra: { database: { close(): Promise<void> } };
}

/**
 * Puts booted replicas behind one round-robin proxy and returns the app tests talk to: the first
 * replica's, answering on the proxy. Closing it closes the proxy and every replica (the first
 * replica's database is left to its harness, which owns it).
 */
export async function serveReplicas(replicas: BootedReplica[]): Promise<NestFastifyApplication> {
  for (const replica of replicas) await replica.app.listen({ port: 0, host: '127.0.0.1' });
  const proxy = await RoundRobinProxy.start(replicas.map((r) => listeningUrl(r.app)));
  return behindProxy(replicas[0]!.app, proxy, async () => {
    await proxy.close();
    for (const [i, replica] of replicas.entries()) {
      await replica.app.close();
      if (i > 0) await replica.infra.database.close();
    }
  });
}
