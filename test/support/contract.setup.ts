import { appendFileSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OpenApiContract } from '@app/testing';

/**
 * Every response an e2e test gets from Assets or Governance is checked against the committed
 * OpenAPI document (openapi/*.json): status, body schema and headers. A violation fails the test
 * that caused it. Apps are found through Fastify's `fastify.initialization` channel, so no test
 * has to opt in. `CONTRACT_REPORT=<file>` appends each suite's count of checked responses.
 */
const CAPTURE_LIMIT = 1024 * 1024;
const contracts = {
  assets: OpenApiContract.load('assets'),
  governance: OpenApiContract.load('governance'),
};
const violations: string[] = [];
let checked = 0;

function observe(contract: OpenApiContract, request: FastifyRequest, raw: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let written: Record<string, string | string[] | number | undefined> = {};
  const capture = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    size += buffer.length;
    if (size <= CAPTURE_LIMIT) chunks.push(buffer);
  };
  const { writeHead, write, end } = raw;
  raw.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((a) => typeof a === 'object' && a !== null && !Array.isArray(a));
    if (headers) written = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof raw.writeHead;
  raw.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    capture(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof raw.write;
  raw.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    capture(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as typeof raw.end;
  raw.once('finish', () => {
    checked++;
    const violation = contract.check({
      method: request.method,
      path: request.url.split('?')[0],
      route: request.routeOptions.url,
      status: raw.statusCode,
      headers: { ...written, ...raw.getHeaders() },
      body: size <= CAPTURE_LIMIT ? Buffer.concat(chunks) : undefined,
    });
    if (violation)
      violations.push(`${violation.operation} → ${violation.status}: ${violation.problems.join('; ')}`);
  });
}

/** Routes outside the contract on purpose: the docs themselves and dev-only endpoints. */
const UNDOCUMENTED = /^\/(docs|\.well-known|dev|governance\/dev-idp)(\/|-json|$)/;
/** A CORS preflight asks the browser's question about an operation; it is none itself. */
const isPreflight = (request: FastifyRequest): boolean =>
  request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;

const onInit = (message: unknown) => {
  const { fastify } = message as { fastify: FastifyInstance };
  let contract: OpenApiContract | undefined;
  fastify.addHook('onRoute', (route) => {
    if (contract) return;
    if (route.url.startsWith('/assets/')) contract = contracts.assets;
    else if (route.url.startsWith('/governance/')) contract = contracts.governance;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    if (contract && !UNDOCUMENTED.test(request.url) && !isPreflight(request))
      observe(contract, request, reply.raw);
    done();
  });
};

subscribe('fastify.initialization', onInit);

afterEach(() => {
  if (violations.length === 0) return;
  const found = violations.splice(0);
  throw new Error(`Responses that break the committed OpenAPI document:\n- ${found.join('\n- ')}`);
});

afterAll(() => {
  unsubscribe('fastify.initialization', onInit);
  const report = process.env.CONTRACT_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify({ suite: expect.getState().testPath, checked })}\n`);
});
