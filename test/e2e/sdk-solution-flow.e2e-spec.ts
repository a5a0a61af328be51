import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createObjectStoreFromSpec } from '@app/storage';
import { AssetsApiError } from '../../sdk/typescript/src/index.js';
import {
  getStorageCreds,
  saveConversation,
  solutionClient,
} from '../../sdk/typescript/examples/solution-flow.js';
import { startSdkTenant, type SdkTenant } from '../support/sdk-harness.js';
import { S3rver, s3rverAccount } from '../support/storage-fixtures.js';

const BUCKET = 'talk2data-artifacts';
const KEY = { access_key: 'SDKFLOWKEY1', secret_key: 'sdk-flow-secret-5d2e' };

describe('TypeScript SDK: the seed solution flow (e2e)', () => {
  let t: SdkTenant;
  let s3: S3rver;
  let s3Dir: string;
  let endpoint: string;

  /** The solution as it runs: its own client from its environment, acting as `user`. */
  const solution = (user: string) =>
    solutionClient({ ASSETS_URL: t.assetsUrl, ASSETS_TOKEN: t.token(user), PROJECT_ID: t.project });

  beforeAll(async () => {
    s3rverAccount.createKeyPair(KEY.access_key, KEY.secret_key);
    s3Dir = await mkdtemp(join(tmpdir(), 'sdk-s3rver-'));
    s3 = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
    t = await startSdkTenant();

    // The customer registers the bucket and lets the solution's account (a developer) use it.
    await t.assets().POST('/assets/data', {
      body: {
        name: 'Shared Lake',
        connection_type: 's3',
        storage_config: { bucket: BUCKET, region: 'us-east-1', endpoint, path_style: true },
        credentials: KEY,
      },
    });
    await t.assets().POST('/assets/data', {
      body: {
        name: 'Shared Lake Archive',
        connection_type: 's3',
        storage_config: { bucket: 'archive', region: 'us-east-1', endpoint, path_style: true },
        credentials: { access_key: 'OTHER', secret_key: 'other-secret' },
      },
    });
    for (const [user, relation] of [
      ['talk2data', 'developer'],
      ['victor', 'viewer'],
    ] as const)
      await t.governance().POST('/governance/grants', {
        body: { user: `user:${user}`, relation, object: `project:${t.project}` },
      });
  });

  afterAll(async () => {
    await t?.close();
    await s3?.close();
    s3rverAccount.revokeAccessKey(KEY.access_key);
    await rm(s3Dir, { recursive: true, force: true });
  });

  it('should find the connection by name and fetch its credentials (get_storage_creds)', async () => {
    await expect(getStorageCreds(solution('talk2data'), 'shared lake')).resolves.toEqual({
      resourceUri: `data:${t.org}:${t.project}:shared-lake`,
      endpoint,
      bucket: BUCKET,
      region: 'us-east-1',
      accessKey: KEY.access_key,
      secretKey: KEY.secret_key,
    });
    await expect(getStorageCreds(solution('talk2data'), 'Data Lake')).rejects.toThrow(
      'No data connection named "Data Lake" in this project',
    );
  });

  it('should write and read an artifact in the bucket through the connection', async () => {
    const messages = [
      { role: 'user', text: 'hi' },
      { role: 'assistant', text: 'there' },
    ];
    const saved = await saveConversation(solution('talk2data'), {
      connectionName: 'Shared Lake',
      solution: 'talk2data',
      conversationId: 'abc123',
      messages,
    });
    expect(saved).toEqual({
      key: 'talk2data/conversations/abc123/messages.jsonl',
      size: expect.any(Number),
      readBack: messages,
    });

    // In the customer's bucket under <org>/<project>/, readable with the credentials the flow got.
    const creds = await getStorageCreds(solution('talk2data'), 'Shared Lake');
    const bucket = createObjectStoreFromSpec({
      backend: 's3',
      bucket: creds.bucket!,
      region: creds.region!,
      endpoint: creds.endpoint!,
      accessKey: creds.accessKey!,
      secretKey: creds.secretKey!,
      pathStyle: true,
      ambientCredentials: false,
    });
    await expect(bucket.head(`${t.org}/${t.project}/${saved.key}`)).resolves.toMatchObject({
      size: saved.size,
    });
    // Nothing went to the default store.
    const local = await t.assets().storage.list({ solution: 'talk2data' });
    expect(local.data).toEqual([]);
  });

  it('should refuse the credentials to a viewer, with a typed error', async () => {
    const error = await getStorageCreds(solution('victor'), 'Shared Lake').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error).toMatchObject({ status: 403, code: 'INSUFFICIENT_PERMISSIONS' });
    expect((error as AssetsApiError).message).not.toContain(KEY.secret_key);
  });
});
