// A solution's storage flow with the SDK, as in the platform guide's `get_storage_creds`: find the
// storage connection the customer registered by its name, fetch its credentials, then write and
// read an artifact under `<solution>/<artifact-type>/<id>` through that connection.
// In your code, import from '@assets-platform/sdk'.
import { type AssetsClient, createAssetsClient } from '../src/index.js';

export interface StorageCreds {
  resourceUri: string;
  endpoint: string | undefined;
  bucket: string | undefined;
  region: string | undefined;
  accessKey: string | undefined;
  secretKey: string | undefined;
}

/** Looks the connection up by name (a search, then the exact name) and reads its credentials. */
export async function getStorageCreds(assets: AssetsClient, connectionName: string): Promise<StorageCreds> {
  const { data: page } = await assets.GET('/assets/data', {
    params: { query: { search: connectionName, limit: 100 } },
  });
  const connection = page.data.find((c) => c.name.toLowerCase() === connectionName.toLowerCase());
  if (!connection) throw new Error(`No data connection named "${connectionName}" in this project`);
  // Credentials are never part of the connection itself: they come from the audited secret route.
  const { data: secret } = await assets.GET('/assets/data/{resource_uri}/secret', {
    params: { path: { resource_uri: connection.resource_uri } },
  });
  const config = (connection.storage_config ?? {}) as Record<string, string | undefined>;
  const credentials = secret.credentials as Record<string, string | undefined>;
  return {
    resourceUri: connection.resource_uri,
    endpoint: config.endpoint,
    bucket: config.bucket,
    region: config.region,
    accessKey: credentials.access_key,
    secretKey: credentials.secret_key,
  };
}

/**
 * Appends a message to a conversation's log in the customer's bucket and reads the log back.
 * The bytes go through Assets (`?connection=`), which keeps them under the caller's org and project.
 */
export async function saveConversation(
  assets: AssetsClient,
  options: { connectionName: string; solution: string; conversationId: string; messages: object[] },
): Promise<{ key: string; size: number; readBack: object[] }> {
  const { resourceUri } = await getStorageCreds(assets, options.connectionName);
  const key = `${options.solution}/conversations/${options.conversationId}/messages.jsonl`;
  const body = options.messages.map((message) => JSON.stringify(message) + '\n').join('');
  const put = await assets.storage.put(key, body, {
    connection: resourceUri,
    contentType: 'application/x-ndjson',
  });
  const download = await assets.storage.get(key, { connection: resourceUri });
  const readBack = (await download.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as object);
  return { key: put.key, size: put.size, readBack };
}

/** A client as a solution makes one: its base URL, a token provider, and the project it serves. */
export function solutionClient(env: Record<string, string | undefined>): AssetsClient {
  return createAssetsClient({
    baseUrl: env.ASSETS_URL ?? 'http://localhost:8002',
    // Called before every request: return a fresh token here when yours expire.
    token: () => env.ASSETS_TOKEN ?? '',
    projectId: env.PROJECT_ID,
  });
}
