import { ConfigReader } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DiscoveredSchema, DriverOutcome, VerificationInput } from '../../verification.types.js';
import { parseServiceEndpoint, type ServiceEndpoint } from '../shared/endpoint.js';
import {
  GCP_PROJECT,
  googleApiError,
  jwtBearerTokenSource,
  readServiceAccount,
  type GoogleTokenSource,
  type ServiceAccountKey,
} from '../shared/google-service-account.js';
import { PinnedHttpPhases, requestJson } from '../shared/pinned-http.js';
import { STEPS_WITHOUT_PRIVILEGES } from '../shared/steps.js';

const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
const LOCATION = /^[A-Za-z0-9-]{1,64}$/;
export const BIGQUERY_API = 'https://bigquery.googleapis.com';
export const BIGQUERY_READ_SCOPE = 'https://www.googleapis.com/auth/bigquery.readonly';
const PAGE_SIZE = 1000;
const MAX_PAGES = 50;
const TABLE_TYPES: Record<string, string> = {
  TABLE: 'table',
  VIEW: 'view',
  MATERIALIZED_VIEW: 'materialized_view',
  EXTERNAL: 'external_table',
  SNAPSHOT: 'snapshot',
};

interface BigquerySettings {
  projectId: string;
  dataset?: string;
  location?: string;
  key: ServiceAccountKey;
}

function readSettings(input: VerificationInput): BigquerySettings {
  if (input.auth_type !== 'service_account')
    throw new DriverError('invalid_config', 'auth_type must be service_account');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'project_id',
    'dataset',
    'location',
  ]);
  return {
    projectId: config.required('project_id', { pattern: GCP_PROJECT, max: 94 }),
    dataset: config.string('dataset', { pattern: DATASET, max: 1024 }),
    location: config.string('location', { pattern: LOCATION, max: 64 }),
    key: readServiceAccount(input.credentials),
  };
}

export interface BigqueryDriverOptions {
  tokenSource?: GoogleTokenSource;
  /** The API's origin; tests point it at a local fake. */
  apiOrigin?: string;
}

interface Page {
  items: Array<Record<string, unknown>>;
  next?: string;
}

/**
 * BigQuery through its REST API (datasets.get / datasets.list / tables.list), made here through
 * an agent pinned to the checked address: `@google-cloud/bigquery`'s transport takes no agent and
 * follows HTTP(S)_PROXY. No job is run, so verification costs nothing. Discovery lists the
 * configured dataset, or every dataset of the project, bounded in tables and pages.
 */
export class BigqueryDriver extends ConnectorDriver {
  readonly type = 'bigquery' as const;
  readonly steps = STEPS_WITHOUT_PRIVILEGES;
  private readonly tokenSource: GoogleTokenSource;
  private readonly api: ServiceEndpoint;

  constructor(options: BigqueryDriverOptions = {}) {
    super();
    this.tokenSource = options.tokenSource ?? jwtBearerTokenSource();
    this.api = parseServiceEndpoint(options.apiOrigin ?? BIGQUERY_API);
  }

  target(input: VerificationInput): EgressTarget {
    readSettings(input);
    return { host: this.api.host, port: this.api.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    const tokenStart = ctx.begin('authenticate');
    let token: string;
    try {
      token = await ctx.withTimeout('authenticate', (signal) =>
        this.tokenSource(s.key, BIGQUERY_READ_SCOPE, signal, ctx.resolveExtra),
      );
    } catch (error) {
      throw ctx.failStep('authenticate', error, tokenStart);
    }
    const phases = new PinnedHttpPhases(ctx, this.api.https);
    const get = async (path: string, params: Record<string, string>, signal: AbortSignal) => {
      const url = new URL(
        `${this.api.origin}/bigquery/v2/projects/${encodeURIComponent(s.projectId)}${path}`,
      );
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const response = await requestJson(phases.agent, url, {
        headers: { authorization: `Bearer ${token}` },
        signal,
      });
      if (response.status !== 200) throw googleApiError(response.status, response.body);
      return (response.body ?? {}) as Record<string, unknown>;
    };
    try {
      await phases.authenticate(
        async (signal) => {
          if (s.dataset) {
            const dataset = await get(`/datasets/${encodeURIComponent(s.dataset)}`, {}, signal);
            const location = typeof dataset['location'] === 'string' ? dataset['location'] : undefined;
            if (s.location && location && location.toLowerCase() !== s.location.toLowerCase()) {
              ctx.warn(
                `dataset ${s.dataset} is in ${location}, not in the configured location ${s.location}`,
              );
            }
          } else {
            await get('/datasets', { maxResults: '1' }, signal);
          }
        },
        s.dataset
          ? `dataset ${s.dataset} readable with this service account`
          : `project ${s.projectId} readable with this service account`,
      );
      const found = await ctx.step(
        'discover',
        (signal) => this.discover(s, ctx, signal, get),
        (r) => `${r.listed} tables in ${r.schemas.length} dataset(s)${r.truncated ? ' (truncated)' : ''}`,
      );
      return { server_version: 'BigQuery', schemas: found.schemas, truncated: found.truncated };
    } finally {
      phases.close();
    }
  }

  private async discover(
    s: BigquerySettings,
    ctx: ProbeContext,
    signal: AbortSignal,
    get: (
      path: string,
      params: Record<string, string>,
      signal: AbortSignal,
    ) => Promise<Record<string, unknown>>,
  ) {
    let pages = 0;
    const page = async (path: string, field: 'datasets' | 'tables', token?: string): Promise<Page> => {
      pages++;
      const body = await get(
        path,
        { maxResults: String(PAGE_SIZE), ...(token ? { pageToken: token } : {}) },
        signal,
      );
      const items = Array.isArray(body[field]) ? (body[field] as Array<Record<string, unknown>>) : [];
      return { items, next: typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : undefined };
    };
    let truncated = false;
    const datasets: string[] = [];
    if (s.dataset) datasets.push(s.dataset);
    else {
      let token: string | undefined;
      do {
        const p = await page('/datasets', 'datasets', token);
        for (const d of p.items) {
          const id = (d['datasetReference'] as { datasetId?: unknown } | undefined)?.datasetId;
          if (typeof id === 'string') datasets.push(id);
        }
        token = p.next;
      } while (token && pages < MAX_PAGES);
      if (token) truncated = true;
    }
    const schemas: DiscoveredSchema[] = [];
    let listed = 0;
    outer: for (const dataset of datasets) {
      const schema: DiscoveredSchema = { name: dataset, tables: [] };
      schemas.push(schema);
      let token: string | undefined;
      do {
        if (pages >= MAX_PAGES) {
          truncated = true;
          break outer;
        }
        const p = await page(`/datasets/${encodeURIComponent(dataset)}/tables`, 'tables', token);
        for (const t of p.items) {
          const name = (t['tableReference'] as { tableId?: unknown } | undefined)?.tableId;
          if (typeof name !== 'string' || !matchesFilters(`${dataset}.${name}`, ctx.limits)) continue;
          if (listed >= ctx.limits.maxObjects) {
            truncated = true;
            break outer;
          }
          schema.tables.push({
            name,
            type: TABLE_TYPES[String(t['type'])] ?? String(t['type'] ?? 'table').toLowerCase(),
          });
          listed++;
        }
        token = p.next;
      } while (token);
    }
    // Datasets with nothing left after the filters are not worth reporting (unless configured).
    return { schemas: schemas.filter((d) => d.tables.length > 0 || d.name === s.dataset), truncated, listed };
  }
}
