import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeJwksServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Paths requested, in order. */
  readonly requests: string[];
  /** Serve this JWKS (200) at a path; other paths answer 404. */
  setJwks(path: string, jwks: { keys: unknown[] }): void;
  close(): Promise<void>;
}

/** A real node:http server that serves JWKS documents and records every fetch. */
export async function startFakeJwksServer(): Promise<FakeJwksServer> {
  const documents = new Map<string, string>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const body = documents.get(path);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setJwks: (path, jwks) => documents.set(path, JSON.stringify(jwks)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
