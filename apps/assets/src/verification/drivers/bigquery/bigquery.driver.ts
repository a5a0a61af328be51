import { setTimeout as delay } from 'node:timers/promises';
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

type ApiGet = (
  path: string,
  params: Record<string, string>,
  signal: AbortSignal,
) => Promise<Record<string, unknown>>;

/** Backoff before retrying a rate-limited or failed call, as Google's clients retry these. */
const RETRY_DELAYS_MS = [250, 750];
const RETRY_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'backendError']);

function isRetryable(status: number, body: unknown): boolean {
  if (status === 429 || status === 500 || status === 502 || status === 503) return true;
  const reason = (body as { error?: { errors?: Array<{ reason?: unknown }> } } | undefined)?.error
    ?.errors?.[0]?.reason;
  return status === 403 && typeof reason === 'string' && RETRY_REASONS.has(reason);
}

/** The strongest role a dataset ACL (`access[]` of datasets.get) gives this account by name. */
function aclRoleOf(access: unknown, email: string): string | undefined {
  if (!Array.isArray(access)) return undefined;
  const rank = ['READER', 'WRITER', 'OWNER'];
  let best = -1;
  for (const entry of access as Array<Record<string, unknown>>) {
    const who = entry?.['userByEmail'] ?? entry?.['iamMember'];
    const member = typeof who === 'string' ? who.replace(/^serviceAccount:/, '') : undefined;
    if (member?.toLowerCase() === email.toLowerCase())
      best = Math.max(best, rank.indexOf(String(entry['role'])));
  }
  return best >= 0 ? rank[best] : undefined;
}

interface Page {
  items: Array<Record<string, unknown>>;
  next?: string;
}

/**
 * BigQuery through its REST API (datasets.get / datasets.list / tables.list), made here through
 * an agent pinned to the checked address: `@google-cloud/bigquery`'s transport takes no agent and
 * follows HTTP(S)_PROXY. No job is run, so verification costs nothing. Discovery lists the
 * configured dataset, or every dataset of the project, bounded in tables and pages. As Google's
 * clients do, rate limits and backend errors are retried briefly, and a token that expires during
 * the run is exchanged again once.
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
    const exchange = (signal: AbortSignal) =>
      this.tokenSource(s.key, BIGQUERY_READ_SCOPE, signal, ctx.resolveExtra);
    const tokenStart = ctx.begin('authenticate');
    let token: string;
    try {
      token = await ctx.withTimeout('authenticate', exchange);
    } catch (error) {
      throw ctx.failStep('authenticate', error, tokenStart);
    }
    // A token BigQuery has accepted once and then refuses has expired (or was revoked): like
    // Google's client libraries, exchange the key again, once, and retry.
    let accepted = false;
    let reexchanged = false;
    const phases = new PinnedHttpPhases(ctx, this.api.https);
    const get: ApiGet = async (path, params, signal) => {
      const url = new URL(
        `${this.api.origin}/bigquery/v2/projects/${encodeURIComponent(s.projectId)}${path}`,
      );
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      for (let attempt = 0; ; attempt++) {
        const response = await requestJson(phases.agent, url, {
          headers: { authorization: `Bearer ${token}` },
          signal,
        });
        if (response.status === 200) {
          accepted = true;
          return (response.body ?? {}) as Record<string, unknown>;
        }
        const error = googleApiError(response.status, response.body);
        if (response.status === 401 && accepted && !reexchanged) {
          reexchanged = true;
          token = await exchange(signal);
          continue;
        }
        if (attempt < RETRY_DELAYS_MS.length && isRetryable(response.status, response.body)) {
          await delay(RETRY_DELAYS_MS[attempt], undefined, { signal });
          continue;
        }
        throw error;
      }
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
            const role = aclRoleOf(dataset['access'], s.key.clientEmail);
            if (role === 'WRITER' || role === 'OWNER') {
              ctx.warn(
                `the service account is ${role} of dataset ${s.dataset}: it can change data; READER is enough to read it`,
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

  private async discover(s: BigquerySettings, ctx: ProbeContext, signal: AbortSignal, get: ApiGet) {
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
      if (datasets.length === 0) {
        ctx.warn(
          'no dataset of the project is visible to this service account (it needs bigquery.datasets.get, e.g. BigQuery Metadata Viewer)',
        );
      }
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
        let p: Page;
        try {
          p = await page(`/datasets/${encodeURIComponent(dataset)}/tables`, 'tables', token);
        } catch (error) {
          // Least privilege: a listed dataset whose tables this account may not list is reported,
          // not fatal (only a configured dataset must be readable).
          if (s.dataset || !(error instanceof DriverError) || error.code !== 'permission_denied') throw error;
          ctx.warn(`the tables of dataset ${dataset} cannot be listed with this service account`);
          continue outer;
        }
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
