import type { ContainerClient, RequestPolicy, RequestPolicyFactory, WebResource } from '@azure/storage-blob';
import type http from 'node:http';
import { ConfigReader } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationErrorCode, VerificationInput } from '../../verification.types.js';
import { parseServiceEndpoint, type ServiceEndpoint } from '../shared/endpoint.js';
import { PinnedHttpPhases } from '../shared/pinned-http.js';
import { codeForHttpStatus, prop, sdkError } from '../shared/sdk-error.js';
import { lazySdk } from '../shared/lazy-sdk.js';
import { STEPS_WITHOUT_PRIVILEGES } from '../shared/steps.js';

type AzureBlobSdk = typeof import('@azure/storage-blob');
const loadAzureBlob = lazySdk('@azure/storage-blob', () => import('@azure/storage-blob'));

const ACCOUNT = /^[a-z0-9]{3,24}$/;
const CONTAINER = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const PREFIX = /^(?!\/)(?!(?:.*\/)?\.\.(?:\/|$))[A-Za-z0-9!_.*'()/=+-]{1,1024}$/;
const ACCOUNT_KEY = /^[A-Za-z0-9+/]{1,252}={0,2}$/;
/** `k=v&k=v` with URL-safe values only, and a signature: nothing that could rewrite the URL. */
const SAS = /^\??[A-Za-z0-9_-]{1,32}=[A-Za-z0-9%._~+/:=-]*(&[A-Za-z0-9_-]{1,32}=[A-Za-z0-9%._~+/:=-]*)*$/;
const MAX_LIST_PAGES = 20;
const PAGE_SIZE = 1000;

type AzureAuth = { kind: 'shared_key'; accountKey: string } | { kind: 'sas_token'; sas: string };

interface AzureSettings {
  account: string;
  container: string;
  endpoint: ServiceEndpoint;
  /** Blob service URL: the endpoint (with Azurite's account segment) or the account's host. */
  serviceUrl: string;
  prefix?: string;
  auth: AzureAuth;
}

function readSettings(input: VerificationInput): AzureSettings {
  const kind = input.auth_type;
  if (kind !== 'shared_key' && kind !== 'sas_token')
    throw new DriverError('invalid_config', 'auth_type must be shared_key or sas_token');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'account_name',
    'container',
    'endpoint',
    'prefix',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only([
    kind === 'shared_key' ? 'account_key' : 'sas_token',
  ]);
  const account = config.required('account_name', { pattern: ACCOUNT, max: 24 });
  const rawEndpoint = config.string('endpoint', { max: 512 });
  const endpoint = parseServiceEndpoint(rawEndpoint ?? `https://${account}.blob.core.windows.net`, {
    allowSegment: true,
  });
  let auth: AzureAuth;
  if (kind === 'shared_key') {
    auth = { kind, accountKey: creds.required('account_key', { pattern: ACCOUNT_KEY, max: 255 }) };
  } else {
    const sas = creds.required('sas_token', { pattern: SAS, max: 4096 }).replace(/^\?/, '');
    if (!/(^|&)sig=/.test(sas))
      throw new DriverError('invalid_config', 'credentials field "sas_token" has no signature (sig=)');
    auth = { kind, sas };
  }
  return {
    account,
    container: config.required('container', { pattern: CONTAINER, max: 63 }),
    endpoint,
    serviceUrl: endpoint.segment ? `${endpoint.origin}/${endpoint.segment}` : endpoint.origin,
    prefix: config.string('prefix', { pattern: PREFIX, max: 1024 }),
    auth,
  };
}

const AZURE_CODES: Record<string, VerificationErrorCode> = {
  AuthenticationFailed: 'auth_failed',
  InvalidAuthenticationInfo: 'auth_failed',
  NoAuthenticationInformation: 'auth_failed',
  AccountIsDisabled: 'auth_failed',
  // A key grants everything and a SAS carries its own scope, so a bare "not authorized" means the
  // credential was not accepted (Azurite answers a wrong key or signature so); a SAS short of a
  // permission gets AuthorizationPermissionMismatch instead.
  AuthorizationFailure: 'auth_failed',
  AuthorizationPermissionMismatch: 'permission_denied',
  AuthorizationResourceTypeMismatch: 'permission_denied',
  AuthorizationServiceMismatch: 'permission_denied',
  AuthorizationProtocolMismatch: 'permission_denied',
  AuthorizationSourceIPMismatch: 'permission_denied',
  InsufficientAccountPermissions: 'permission_denied',
  ContainerNotFound: 'not_found',
  ContainerBeingDeleted: 'not_found',
  ResourceNotFound: 'not_found',
  InvalidResourceName: 'invalid_config',
  InvalidUri: 'invalid_config',
  InvalidQueryParameterValue: 'invalid_config',
  OperationTimedOut: 'timeout',
  ServerBusy: 'unreachable',
};

/**
 * Storage answers with an `x-ms-error-code` (RestError.code) and a status; a failure without a
 * status is a transport error (its code, e.g. ECONNREFUSED, is left for the shared classifier).
 */
export function classifyAzureError(error: unknown): unknown {
  const code = prop(error, 'code');
  const status = Number(prop(error, 'statusCode'));
  if (code && AZURE_CODES[code]) return sdkError(AZURE_CODES[code], code);
  const byStatus = Number.isFinite(status) ? codeForHttpStatus(status) : undefined;
  if (byStatus) return sdkError(byStatus, code ?? `HTTP_${status}`);
  if (Number.isFinite(status) && status >= 400)
    return sdkError(status < 500 ? 'invalid_config' : 'unreachable', code ?? `HTTP_${status}`);
  return error;
}

/** A request policy that hands every request to the pinned agent (core-rest-pipeline honours `request.agent`). */
function pinnedAgentPolicy(agent: http.Agent): RequestPolicyFactory {
  return {
    create: (next: RequestPolicy): RequestPolicy => ({
      sendRequest: (request: WebResource) => {
        (request as unknown as { agent: http.Agent }).agent = agent;
        return next.sendRequest(request);
      },
    }),
  };
}

/**
 * Azure Blob Storage with `@azure/storage-blob`: a one-entry hierarchical listing proves the key
 * or SAS and the container (a container-scoped SAS with list permission may not read container
 * properties), then a delimited listing finds top-level prefixes, bounded in pages and prefixes.
 * Every request goes through an agent pinned to the checked address, with one try and no keep-alive.
 */
export class AzureBlobDriver extends ConnectorDriver {
  readonly type = 'azure_blob' as const;
  readonly steps = STEPS_WITHOUT_PRIVILEGES;

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input);
    return { host: s.endpoint.host, port: s.endpoint.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input);
    const sdk = await loadAzureBlob();
    const phases = new PinnedHttpPhases(ctx, s.endpoint.https, {
      plainHttpWarning:
        s.auth.kind === 'sas_token'
          ? 'the endpoint uses plain HTTP: the SAS token is sent unencrypted'
          : 'the endpoint uses plain HTTP: requests are signed but data is not encrypted',
    });
    const client = this.client(sdk, s, phases, ctx.stepTimeoutMs);
    try {
      await phases.authenticate(
        (signal) => this.firstPage(client, s, signal),
        `container ${s.container} listable with this ${s.auth.kind === 'sas_token' ? 'SAS token' : 'account key'}`,
      );
      const listed = await ctx.step(
        'discover',
        (signal) => this.prefixes(client, s, ctx, signal),
        (r) => `${r.prefixes.length} prefixes${r.truncated ? ' (truncated)' : ''}`,
      );
      return { prefixes: listed.prefixes, truncated: listed.truncated };
    } finally {
      phases.close();
    }
  }

  private client(
    { AnonymousCredential, ContainerClient, newPipeline, StorageSharedKeyCredential }: AzureBlobSdk,
    s: AzureSettings,
    phases: PinnedHttpPhases,
    timeoutMs: number,
  ): ContainerClient {
    const credential =
      s.auth.kind === 'shared_key'
        ? new StorageSharedKeyCredential(s.account, s.auth.accountKey)
        : new AnonymousCredential();
    const pipeline = newPipeline(credential, {
      retryOptions: { maxTries: 1, tryTimeoutInMs: timeoutMs },
      keepAliveOptions: { enable: false },
    });
    pipeline.factories.push(pinnedAgentPolicy(phases.agent));
    const url = `${s.serviceUrl}/${s.container}${s.auth.kind === 'sas_token' ? `?${s.auth.sas}` : ''}`;
    return new ContainerClient(url, pipeline);
  }

  private async firstPage(client: ContainerClient, s: AzureSettings, signal: AbortSignal): Promise<void> {
    try {
      await client
        .listBlobsByHierarchy('/', { prefix: s.prefix, abortSignal: signal })
        .byPage({ maxPageSize: 1 })
        .next();
    } catch (error) {
      throw classifyAzureError(error);
    }
  }

  private async prefixes(client: ContainerClient, s: AzureSettings, ctx: ProbeContext, signal: AbortSignal) {
    const prefixes: string[] = [];
    let truncated = false;
    let pages = 0;
    try {
      for await (const page of client
        .listBlobsByHierarchy('/', { prefix: s.prefix, abortSignal: signal })
        .byPage({ maxPageSize: PAGE_SIZE })) {
        for (const p of page.segment.blobPrefixes ?? []) {
          if (!p.name || !matchesFilters(p.name, ctx.limits)) continue;
          if (prefixes.length >= ctx.limits.maxObjects) {
            truncated = true;
            break;
          }
          prefixes.push(p.name);
        }
        pages++;
        if (truncated) break;
        if (pages >= MAX_LIST_PAGES && page.continuationToken) {
          truncated = true;
          break;
        }
      }
    } catch (error) {
      throw classifyAzureError(error);
    }
    return { prefixes, truncated };
  }
}
