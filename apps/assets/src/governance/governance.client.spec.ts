import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { newRequestContext, parseTraceparent, RequestContext } from '@app/core';
import { GovernanceClient } from './governance.client.js';

const caller = { orgId: 'acme', token: 'service-token' };

describe(GovernanceClient.name, () => {
  let server: Server;
  let url: string;
  const seen: IncomingHttpHeaders[] = [];
  let answer = true;

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (answer) res.writeHead(204).end();
      // else: never answers (a wedged Governance)
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('should tell Governance the time left on every call, within its own budget', async () => {
    const client = new GovernanceClient(url, 800);
    await client.request(caller, 'DELETE', 'internal/x');
    await client.readiness(caller, 300);
    const budgets = seen.map((h) => Number(h['x-request-timeout-ms']));
    expect(budgets[0]).toBeGreaterThan(0);
    expect(budgets[0]).toBeLessThanOrEqual(800);
    expect(budgets[1]).toBeGreaterThan(0);
    expect(budgets[1]).toBeLessThanOrEqual(300);
  });

  it('should forward the request id and trace of the request it serves on every call, and none outside one', async () => {
    const client = new GovernanceClient(url, 800);
    const context = newRequestContext(
      'req-12345678',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    seen.length = 0;
    await RequestContext.run(context, async () => {
      await client.request(caller, 'DELETE', 'internal/x');
      await client.request(
        { userId: 'alice', orgId: 'acme', actorType: 'user', issuer: 'test', token: 'user-token' },
        'GET',
        'resources/x',
      );
      await client.readiness(caller, 300);
    });
    await client.request(caller, 'DELETE', 'internal/y');
    for (const headers of seen.slice(0, 3)) {
      expect(headers['x-request-id']).toBe('req-12345678');
      expect(parseTraceparent(headers.traceparent)).toEqual({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        parentId: context.spanId,
        flags: '01',
      });
    }
    expect(seen[3]).not.toHaveProperty('x-request-id');
    expect(seen[3]).not.toHaveProperty('traceparent');
  });

  it('should give up at the same deadline it sent', async () => {
    answer = false;
    try {
      const client = new GovernanceClient(url, 300);
      const started = performance.now();
      await expect(client.request(caller, 'PUT', 'resources/x', { value: 'v' })).rejects.toMatchObject({
        status: 503,
      });
      const ms = performance.now() - started;
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(1500);
      expect(Number(seen.at(-1)?.['x-request-timeout-ms'])).toBeLessThanOrEqual(300);
    } finally {
      answer = true;
    }
  });
});
