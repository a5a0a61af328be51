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
});
