import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const GENERATOR = 'sdk/typescript/scripts/generate.mjs';

/** Runs the generator (`--check` writes nothing) and answers its exit code and stderr. */
async function generator(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [GENERATOR, ...args]);
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? -1, stderr: failed.stderr ?? '' };
  }
}

describe('TypeScript SDK: generated code', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdk-generated-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should match what openapi-typescript makes of the committed documents (else: npm run sdk:generate)', async () => {
    await expect(generator('--check')).resolves.toEqual({ code: 0, stderr: '' });
  });

  it('should report exactly the stale file when a document changes', async () => {
    const openapi = join(dir, 'openapi');
    const out = join(dir, 'generated');
    await cp('openapi', openapi, { recursive: true });
    await mkdir(out);
    const paths = ['--openapi-dir', openapi, '--out-dir', out];
    await expect(generator(...paths)).resolves.toEqual({ code: 0, stderr: '' });
    await expect(generator('--check', ...paths)).resolves.toEqual({ code: 0, stderr: '' });

    // A route's summary is a comment on its generated operation.
    const path = join(openapi, 'governance.json');
    const document = JSON.parse(await readFile(path, 'utf8')) as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    Object.values(Object.values(document.paths)[0])[0].summary = 'A summary the generated code lacks';
    await writeFile(path, JSON.stringify(document));

    const stale = await generator('--check', ...paths);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^Stale generated SDK code: \S*generated\/governance\.ts\. Run `npm run sdk:generate`\.\n$/,
    );
  });
});
