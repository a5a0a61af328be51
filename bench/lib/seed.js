// The data every HTTP bench starts from: project acme/analytics-prod (org acme, owner alice, made
// by lib/services.js) and one postgres data connection created through the API.
export const ORG = 'acme';
export const PROJECT = 'analytics-prod';
export const USER = 'alice';

export async function api(stack, method, path, { body, project = PROJECT, base = stack.assetsUrl } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: stack.bearer(USER, ORG),
      ...(project ? { 'x-project-id': project } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Creates the project and one connection; resolves with the connection's resource URI. */
export async function seedStack(stack) {
  await createProject(stack);
  return createConnection(stack, 'Customer Analytics DB');
}

/**
 * The project's first connection and `count - 1` more like it (4 created at a time), so a load can
 * spread over many rows as real traffic does instead of reading one row over and over.
 */
export async function seedConnections(stack, count) {
  const uris = [await seedStack(stack)];
  for (let next = 1; next < count; next += 4) {
    const names = Array.from({ length: Math.min(4, count - next) }, (_, i) => `Analytics DB ${next + i}`);
    uris.push(...(await Promise.all(names.map((name) => createConnection(stack, name)))));
  }
  return uris;
}

async function createProject(stack) {
  const res = await api(stack, 'POST', '/governance/projects', {
    base: stack.governanceUrl,
    project: null,
    body: { id: PROJECT, name: PROJECT },
  });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${JSON.stringify(res.body)}`);
}

async function createConnection(stack, name) {
  const created = await api(stack, 'POST', '/assets/data', {
    body: {
      name,
      connection_type: 'postgres',
      description: 'Production read replica for analytics',
      database_config: {
        host: 'pg-replica.example.com',
        port: 5432,
        database: 'analytics',
        schema: 'public',
        selected_tables: ['customers', 'orders'],
      },
      credentials: { username: 'analytics_reader', password: 'bench-only-password' },
      tags: ['production', 'analytics'],
    },
  });
  if (created.status !== 201)
    throw new Error(`create connection: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.resource_uri;
}
