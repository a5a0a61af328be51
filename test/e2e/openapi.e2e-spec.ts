import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startAssetsHarness, type AssetsHarness } from '../support/assets-harness.js';

/**
 * The OpenAPI documents are generated from the code and committed (openapi/*.json), so API
 * changes show up in review. `npm run openapi` (UPDATE_OPENAPI=1) regenerates them; this test fails
 * when one is stale or missing.
 */
describe('OpenAPI documents', () => {
  let h: AssetsHarness;

  beforeAll(async () => {
    h = await startAssetsHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['governance', () => h.governance.app.getHttpServer()],
    ['assets', () => h.app.getHttpServer()],
  ])('should match the committed openapi/%s.json', async (name, server) => {
    const res = await request(server()).get('/docs-json').expect(200);
    const file = join(process.cwd(), 'openapi', `${name}.json`);
    const generated = `${JSON.stringify(res.body, null, 2)}\n`;
    // Written only on request: a missing document fails rather than being compared with itself.
    if (process.env.UPDATE_OPENAPI === '1') writeFileSync(file, generated);
    else if (!existsSync(file)) throw new Error(`openapi/${name}.json is missing: run \`npm run openapi\``);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(res.body);
  });

  type Media = { example?: unknown; examples?: unknown };
  type Operation = {
    operationId?: string;
    parameters?: { name: string }[];
    requestBody?: { content: Record<string, Media> };
    responses: Record<string, { content?: Record<string, Media> }>;
  };
  const operations = (name: string) => {
    const doc = JSON.parse(readFileSync(join(process.cwd(), 'openapi', `${name}.json`), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    return Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, op })),
    );
  };

  it.each(['assets', 'governance'])(
    'should give every %s operation an SDK method name and examples',
    (name) => {
      const problems: string[] = [];
      const ids = new Set<string>();
      for (const { label, op } of operations(name)) {
        if (!/^[a-z][A-Za-z]+$/.test(op.operationId ?? ''))
          problems.push(`${label}: operationId ${op.operationId}`);
        if (ids.has(op.operationId!)) problems.push(`${label}: duplicate operationId`);
        ids.add(op.operationId!);
        for (const p of op.parameters ?? [])
          if (!/^[A-Za-z][\w-]*$/.test(p.name)) problems.push(`${label}: parameter named ${p.name}`);
        const json = op.requestBody?.content['application/json'];
        if (json && json.example === undefined && json.examples === undefined)
          problems.push(`${label}: request body without an example`);
        for (const [status, response] of Object.entries(op.responses)) {
          const media = response.content?.['application/json'];
          if (media && media.example === undefined && media.examples === undefined)
            problems.push(`${label}: ${status} response without an example`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(['assets', 'governance'])('should never say nullable where OpenAPI 3.0 ignores it (%s)', (name) => {
    // `nullable` admits null only beside a `type` (3.0.3): `nullable` + `allOf`/`$ref` alone
    // admitted no null, and every unverified connection broke the contract.
    const untyped: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.nullable === true && !('type' in schema)) untyped.push(at);
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`);
    };
    walk(JSON.parse(readFileSync(join(process.cwd(), 'openapi', `${name}.json`), 'utf8')), '#');
    expect(untyped).toEqual([]);
  });
});
