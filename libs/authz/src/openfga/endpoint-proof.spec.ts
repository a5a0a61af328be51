import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EndpointProofError, verifyEndpointProof } from './endpoint-proof.js';
import { startOpenFgaHttpServer, type RunningOpenFgaHttpServer } from '../embedded/openfga-http.server.js';

const TOKEN = 'dev-openfga-token-of-this-deployment';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe(verifyEndpointProof.name, () => {
  let real: RunningOpenFgaHttpServer;
  beforeAll(async () => {
    real = await startOpenFgaHttpServer({ apiToken: TOKEN });
  });
  afterAll(() => real.close());

  it('should accept the endpoint that holds the token', async () => {
    await expect(verifyEndpointProof(real.url, TOKEN)).resolves.toBeUndefined();
  });

  it("should refuse another deployment's endpoint (another token)", async () => {
    const other = await startOpenFgaHttpServer({ apiToken: 'someone-elses-token' });
    try {
      await expect(verifyEndpointProof(other.url, TOKEN)).rejects.toThrow(/wrong endpoint proof/);
    } finally {
      await other.close();
    }
  });

  it('should refuse a foreign listener that answers anything, without ever sending it the token', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const urls: string[] = [];
    const foreign = createServer((req, res) => {
      seen.push(req.headers);
      urls.push(req.url ?? '');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ proof: 'x'.repeat(43), status: 'SERVING' }));
    });
    const url = await listen(foreign);
    try {
      await expect(verifyEndpointProof(url, TOKEN)).rejects.toBeInstanceOf(EndpointProofError);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.authorization).toBeUndefined();
      expect(JSON.stringify(seen) + urls.join()).not.toContain(TOKEN);
    } finally {
      foreign.close();
    }
  });

  it("should refuse a relay on another port that passes the real endpoint's answer on", async () => {
    const relay = createServer((req, res) => {
      const upstream = httpRequest(
        `${real.url}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    const url = await listen(relay);
    try {
      await expect(verifyEndpointProof(url, TOKEN)).rejects.toThrow(/wrong endpoint proof/);
    } finally {
      relay.close();
    }
  });

  it('should refuse a closed port and a non-OpenFGA server by name', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    await expect(verifyEndpointProof(url, TOKEN)).rejects.toThrow(/did not answer the endpoint proof/);
    const tokenless = await startOpenFgaHttpServer();
    try {
      await expect(verifyEndpointProof(tokenless.url, TOKEN)).rejects.toThrow(/HTTP 404/);
    } finally {
      await tokenless.close();
    }
  });
});
