import { ConfigReader } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationInput } from '../../verification.types.js';
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

const BUCKET =
  /^(?!goog)(?!.*google)(?!.*g00gle)(?!\d{1,3}(?:\.\d{1,3}){3}$)(?!.*\.\.)(?!.*[^.]{64})[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/;
const PREFIX = /^(?!\/)(?!(?:.*\/)?\.\.(?:\/|$))[A-Za-z0-9!_.*'()/=+-]{1,1024}$/;
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1)$/;
const DEFAULT_ENDPOINT = 'https://storage.googleapis.com';
export const GCS_READ_SCOPE = 'https://www.googleapis.com/auth/devstorage.read_only';
const MAX_LIST_PAGES = 20;
const PAGE_SIZE = 1000;

interface GcsSettings {
  bucket: string;
  projectId?: string;
  endpoint: ServiceEndpoint;
  prefix?: string;
  key: ServiceAccountKey;
}

function readSettings(input: VerificationInput): GcsSettings {
  if (input.auth_type !== 'service_account')
    throw new DriverError('invalid_config', 'auth_type must be service_account');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'bucket',
    'project_id',
    'endpoint',
    'prefix',
  ]);
  const rawEndpoint = config.string('endpoint', { max: 512 });
  const endpoint = parseServiceEndpoint(rawEndpoint ?? DEFAULT_ENDPOINT);
  // Plain HTTP only to an emulator on this machine: a bearer token must not cross a network in clear.
  if (!endpoint.https && !LOOPBACK.test(endpoint.host)) {
    throw new DriverError('invalid_config', 'endpoint must use https (plain http only to localhost)');
  }
  return {
    bucket: config.required('bucket', { pattern: BUCKET, max: 222 }),
    projectId: config.string('project_id', { pattern: GCP_PROJECT, max: 94 }),
    endpoint,
    prefix: config.string('prefix', { pattern: PREFIX, max: 1024 }),
    key: readServiceAccount(input.credentials),
  };
}

export interface GcsDriverOptions {
  /** How a key becomes an access token; tests inject one, production signs a JWT for Google. */
  tokenSource?: GoogleTokenSource;
}

/**
 * Google Cloud Storage through its JSON API: a one-object listing proves the token and the
 * bucket (it needs only `storage.objects.list`, which Object Viewer grants, where a bucket GET
 * would need `storage.buckets.get`), then a delimited listing finds top-level prefixes, bounded
 * in pages and prefixes. The calls are made here, through an agent pinned to the checked
 * address: `@google-cloud/storage`'s transport takes no agent and follows HTTP(S)_PROXY.
 */
export class GcsDriver extends ConnectorDriver {
  readonly type = 'gcs' as const;
  readonly steps = STEPS_WITHOUT_PRIVILEGES;
  private readonly tokenSource: GoogleTokenSource;

  constructor(options: GcsDriverOptions = {}) {
    super();
    this.tokenSource = options.tokenSource ?? jwtBearerTokenSource();
  }

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.endpoint.host, port: s.endpoint.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    const tokenStart = ctx.begin('authenticate');
    let token: string;
    try {
      token = await ctx.withTimeout('authenticate', (signal) =>
        this.tokenSource(s.key, GCS_READ_SCOPE, signal, ctx.resolveExtra),
      );
    } catch (error) {
      throw ctx.failStep('authenticate', error, tokenStart);
    }
    const phases = new PinnedHttpPhases(ctx, s.endpoint.https, {
      plainHttpWarning: 'the endpoint uses plain HTTP: the access token is sent unencrypted',
    });
    try {
      await phases.authenticate(
        (signal) => this.list(phases, s, token, { maxResults: '1' }, signal),
        `bucket ${s.bucket} readable with this service account`,
      );
      const listed = await ctx.step(
        'discover',
        (signal) => this.prefixes(phases, s, token, ctx, signal),
        (r) => `${r.prefixes.length} prefixes${r.truncated ? ' (truncated)' : ''}`,
      );
      return { prefixes: listed.prefixes, truncated: listed.truncated };
    } finally {
      phases.close();
    }
  }

  private async list(
    phases: PinnedHttpPhases,
    s: GcsSettings,
    token: string,
    params: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ prefixes?: unknown; nextPageToken?: unknown }> {
    const url = new URL(`${s.endpoint.origin}/storage/v1/b/${encodeURIComponent(s.bucket)}/o`);
    for (const [k, v] of Object.entries({ ...(s.prefix ? { prefix: s.prefix } : {}), ...params }))
      url.searchParams.set(k, v);
    url.searchParams.set('fields', 'prefixes,nextPageToken,items(name)');
    const response = await requestJson(phases.agent, url, {
      headers: { authorization: `Bearer ${token}` },
      signal,
    });
    if (response.status !== 200) throw googleApiError(response.status, response.body);
    return (response.body ?? {}) as { prefixes?: unknown; nextPageToken?: unknown };
  }

  private async prefixes(
    phases: PinnedHttpPhases,
    s: GcsSettings,
    token: string,
    ctx: ProbeContext,
    signal: AbortSignal,
  ) {
    const prefixes: string[] = [];
    const seen = new Set<string>();
    let pageToken: string | undefined;
    let truncated = false;
    for (let page = 0; ; page++) {
      if (page >= MAX_LIST_PAGES) {
        truncated = true;
        break;
      }
      const body = await this.list(
        phases,
        s,
        token,
        { delimiter: '/', maxResults: String(PAGE_SIZE), ...(pageToken ? { pageToken } : {}) },
        signal,
      );
      for (const p of Array.isArray(body.prefixes) ? body.prefixes : []) {
        if (typeof p !== 'string' || seen.has(p) || !matchesFilters(p, ctx.limits)) continue;
        seen.add(p);
        if (prefixes.length >= ctx.limits.maxObjects) {
          truncated = true;
          break;
        }
        prefixes.push(p);
      }
      if (truncated || typeof body.nextPageToken !== 'string' || !body.nextPageToken) break;
      pageToken = body.nextPageToken;
    }
    return { prefixes, truncated };
  }
}
