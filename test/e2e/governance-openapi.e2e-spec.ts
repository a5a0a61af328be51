import request from 'supertest';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { startGovernanceHarness, type GovernanceHarness } from '../support/governance-harness.js';

type Json = Record<string, unknown>;
interface Media {
  schema?: Json;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface Operation {
  operationId?: string;
  parameters?: Array<{ name: string; in: string; deprecated?: boolean; schema?: Json }>;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: Json;
}

/**
 * What Governance's published contract promises per operation: the SDK method name and every status
 * the route can answer. 400 and 401 are on every authenticated route, 415 on every JSON body route.
 */
const OPERATIONS: Record<string, [operationId: string, statuses: number[]]> = {
  'POST /governance/projects': ['createProject', [201, 400, 401, 403, 404, 409, 413, 415, 422, 503]],
  'GET /governance/projects': ['listProjects', [200, 400, 401, 503]],
  // 403 only because @RequirePermission documents it on every route; can_read alone denies with 404.
  'GET /governance/projects/{project_id}': ['getProject', [200, 400, 401, 403, 404, 503]],
  'POST /governance/grants': ['createGrant', [201, 400, 401, 403, 404, 413, 415, 422, 503]],
  'DELETE /governance/grants': ['deleteGrant', [204, 400, 401, 403, 404, 413, 415, 422, 503]],
  'GET /governance/grants': ['listGrants', [200, 400, 401, 403, 404, 503]],
  'GET /governance/audit': ['listAuditEvents', [200, 400, 401, 403, 404, 503]],
  'GET /governance/audit/{id}': ['getAuditEvent', [200, 400, 401, 403, 404, 503]],
  'POST /governance/resources/projects/secrets': [
    'createProjectSecret',
    [201, 400, 401, 403, 404, 409, 413, 415, 422, 429, 503, 504],
  ],
  'GET /governance/resources/projects/secrets': [
    'listProjectSecrets',
    [200, 400, 401, 403, 404, 429, 503, 504],
  ],
  'GET /governance/resources/projects/secrets/{name}': [
    'getProjectSecret',
    [200, 400, 401, 403, 404, 429, 503, 504],
  ],
  'PUT /governance/resources/projects/secrets/{name}': [
    'updateProjectSecret',
    [200, 400, 401, 403, 404, 413, 415, 422, 429, 503, 504],
  ],
  'DELETE /governance/resources/projects/secrets/{name}': [
    'deleteProjectSecret',
    [204, 400, 401, 403, 404, 429, 503, 504],
  ],
  'GET /governance/resources/data-connections/{resource_uri}/secrets': [
    'listResourceSecrets',
    [200, 400, 401, 403, 404, 429, 503, 504],
  ],
  'GET /governance/resources/data-connections/{resource_uri}/secrets/{name}': [
    'getResourceSecret',
    [200, 400, 401, 403, 404, 429, 503, 504],
  ],
  'PUT /governance/resources/data-connections/{resource_uri}/secrets/{name}': [
    'putResourceSecret',
    [200, 400, 401, 403, 404, 413, 415, 422, 429, 503, 504],
  ],
  'DELETE /governance/resources/data-connections/{resource_uri}/secrets/{name}': [
    'deleteResourceSecret',
    [204, 400, 401, 403, 404, 429, 503, 504],
  ],
  'GET /governance/internal/ready': ['getInternalReadiness', [200, 400, 401, 404, 503]],
  'POST /governance/internal/audit/events': ['recordAuditEvent', [204, 400, 401, 404, 413, 415, 422, 503]],
  'POST /governance/internal/forwarded-secret-reads': [
    'readResourceSecretsForCallers',
    [200, 400, 401, 404, 413, 415, 422, 503, 504],
  ],
  'DELETE /governance/internal/resources/data-connections/{resource_uri}/secrets/{name}': [
    'deleteResourceSecretInternal',
    [204, 400, 401, 404, 429, 503, 504],
  ],
  'GET /governance/internal/resources/data-connections/{resource_uri}/secrets/{name}': [
    'readResourceSecretInternal',
    [200, 400, 401, 404, 429, 503, 504],
  ],
  'GET /governance/internal/resource-secrets': ['listSecretInventory', [200, 400, 401, 404, 429, 503]],
  'PUT /governance/internal/webhook-secrets/{webhook_uri}': [
    'putWebhookSigningSecret',
    [204, 400, 401, 404, 415, 422, 503, 504],
  ],
  'GET /governance/internal/webhook-secrets/{webhook_uri}': [
    'getWebhookSigningSecret',
    [200, 400, 401, 404, 503, 504],
  ],
  'DELETE /governance/internal/webhook-secrets/{webhook_uri}': [
    'deleteWebhookSigningSecret',
    [204, 400, 401, 404, 503, 504],
  ],
  'POST /governance/internal/resource-secrets/keys': [
    'findSecretInventoryKeys',
    [200, 400, 401, 404, 413, 415, 422, 503],
  ],
  'DELETE /governance/internal/resource-secrets/leftovers': [
    'removeSecretLeftovers',
    [200, 400, 401, 404, 429, 503],
  ],
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

describe('Governance OpenAPI document (e2e)', () => {
  let h: GovernanceHarness;
  let doc: Document;
  let operations: Array<[string, Operation]>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);

  /** Errors of `value` against a schema of the document (its $refs resolved against the document). */
  const problemsOf = (schema: Json | undefined, value: unknown): string[] => {
    if (!schema) return ['no schema'];
    const validate = ajv.compile({ ...schema, components: doc.components });
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };

  beforeAll(async () => {
    h = await startGovernanceHarness();
    doc = (await request(h.app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/governance/'))
      .flatMap(([path, item]) =>
        METHODS.filter((m) => item[m]).map(
          (m) => [`${m.toUpperCase()} ${path}`, item[m]] as [string, Operation],
        ),
      );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('should name every operation as an SDK method, uniquely', () => {
    const named = Object.fromEntries(operations.map(([key, op]) => [key, op.operationId]));
    expect(named).toEqual(Object.fromEntries(Object.entries(OPERATIONS).map(([key, [id]]) => [key, id])));
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('should document every status each route can answer', () => {
    const documented = Object.fromEntries(
      operations.map(([key, op]) => [
        key,
        Object.keys(op.responses)
          .map(Number)
          .sort((a, b) => a - b),
      ]),
    );
    expect(documented).toEqual(
      Object.fromEntries(Object.entries(OPERATIONS).map(([key, [, s]]) => [key, s])),
    );
  });

  it('should give every success response a body example that its schema accepts', () => {
    const problems = operations.flatMap(([key, op]) => {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (success.length !== 1) return [`${key}: ${success.length} success responses`];
      const [status, response] = success[0];
      if (status === '204') return response.content ? [`${key}: 204 with a body`] : [];
      const media = response.content?.['application/json'];
      if (media?.example === undefined) return [`${key}: no example on ${status}`];
      return problemsOf(media.schema, media.example).map((p) => `${key} ${status} example: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('should give every request body named examples that its schema accepts', () => {
    const withBody = operations.filter(([, op]) => op.requestBody);
    expect(withBody.map(([key]) => key).sort()).toEqual(
      Object.keys(OPERATIONS)
        .filter((key) => /^(POST|PUT)|^DELETE \/governance\/grants$/.test(key))
        .sort(),
    );
    const problems = withBody.flatMap(([key, op]) => {
      const media = op.requestBody!.content['application/json'];
      const examples = Object.entries(media?.examples ?? {});
      if (examples.length === 0) return [`${key}: no request examples`];
      return examples.flatMap(([name, example]) =>
        problemsOf(media.schema, example.value).map((p) => `${key} example ${name}: ${p}`),
      );
    });
    expect(problems).toEqual([]);
  });

  it('should page every page-numbered list with page and limit (1-100), page_size only as a deprecated alias', () => {
    const lists = [
      'GET /governance/projects',
      'GET /governance/grants',
      'GET /governance/audit',
      'GET /governance/resources/projects/secrets',
      'GET /governance/resources/data-connections/{resource_uri}/secrets',
    ];
    for (const key of lists) {
      const op = operations.find(([k]) => k === key)![1];
      const query = Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]),
      );
      expect({ key, page: query.page?.schema }).toMatchObject({ key, page: { minimum: 1, default: 1 } });
      expect({ key, limit: query.limit?.schema }).toMatchObject({ key, limit: { minimum: 1, maximum: 100 } });
      const schema = op.responses['200'].content!['application/json'].schema!;
      const page = (doc.components.schemas as Record<string, Json>)[String(schema.$ref).split('/').pop()!];
      expect({ key, required: page.required }).toEqual({ key, required: ['data', 'pagination'] });
      expect(Object.keys(query).filter((name) => query[name].deprecated)).toEqual(
        key === 'GET /governance/audit' ? ['page_size'] : [],
      );
    }
  });
});
