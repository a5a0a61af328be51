import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { ConfigReader } from '../../config-fields.js';
import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { matchesFilters } from '../../discovery-filter.js';
import { DriverError } from '../../driver-error.js';
import { createPinnedAgent, describeDestination } from '../../../egress/index.js';
import type { ProbeContext } from '../../probe-context.js';
import type { DriverOutcome, VerificationInput, VerificationStepName } from '../../verification.types.js';
import { lazySdk } from '../shared/lazy-sdk.js';
import { STEPS_WITHOUT_PRIVILEGES } from '../shared/steps.js';

type S3Sdk = typeof import('@aws-sdk/client-s3') &
  Pick<typeof import('@smithy/node-http-handler'), 'NodeHttpHandler'>;

const loadS3Sdk = lazySdk(['@aws-sdk/client-s3', '@smithy/node-http-handler'], async (): Promise<S3Sdk> => {
  const [client, { NodeHttpHandler }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@smithy/node-http-handler'),
  ]);
  return { ...client, NodeHttpHandler };
});

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,64}$/;
const PREFIX = /^(?!\/)(?!.*\.\.)[^\u0000-\u001f\u007f\\]{1,1024}$/;
const NO_WHITESPACE = /^\S+$/;
const MAX_LIST_PAGES = 20;

interface S3Settings {
  bucket: string;
  region: string;
  /** Origin only (scheme://host[:port]) when a custom endpoint is used. */
  endpoint?: URL;
  pathStyle: boolean;
  prefix?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Where requests go: the endpoint host, or the bucket's virtual host under it. */
  host: string;
  port: number;
  https: boolean;
}

export interface S3Flavour {
  requireEndpoint: boolean;
  defaultPathStyle: boolean;
  allowSessionToken: boolean;
}

/** scheme://host[:port][/] only; userinfo, paths, queries and fragments are rejected. */
function parseEndpoint(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DriverError('invalid_config', 'endpoint must be an http(s) URL');
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search ||
    url.hash ||
    /[?#@]/.test(raw)
  ) {
    throw new DriverError('invalid_config', 'endpoint must be scheme://host[:port] with nothing else');
  }
  return url;
}

function readSettings(input: VerificationInput, flavour: S3Flavour): S3Settings {
  if (input.auth_type !== 'access_key')
    throw new DriverError('invalid_config', 'auth_type must be access_key');
  const config = new ConfigReader(input.config, 'config').only([
    'auth_type',
    'bucket',
    'region',
    'endpoint',
    'path_style',
    'prefix',
  ]);
  const creds = new ConfigReader(input.credentials, 'credentials').only(
    flavour.allowSessionToken ? ['access_key', 'secret_key', 'session_token'] : ['access_key', 'secret_key'],
  );
  const bucket = config.required('bucket', { pattern: BUCKET, max: 63 });
  const region = config.string('region', { pattern: REGION, max: 64 }) ?? 'us-east-1';
  const rawEndpoint = flavour.requireEndpoint
    ? config.required('endpoint', { max: 512 })
    : config.string('endpoint', { max: 512 });
  const endpoint = rawEndpoint ? parseEndpoint(rawEndpoint) : undefined;
  const pathStyle = config.boolean('path_style', flavour.defaultPathStyle);
  const https = endpoint ? endpoint.protocol === 'https:' : true;
  const baseHost = endpoint ? endpoint.hostname.replace(/^\[|\]$/g, '') : `s3.${region}.amazonaws.com`;
  return {
    bucket,
    region,
    endpoint,
    pathStyle,
    prefix: config.string('prefix', { pattern: PREFIX, max: 1024 }),
    accessKeyId: creds.required('access_key', { pattern: NO_WHITESPACE, max: 128 }),
    secretAccessKey: creds.required('secret_key', { pattern: NO_WHITESPACE, max: 1024 }),
    sessionToken: creds.string('session_token', { pattern: NO_WHITESPACE, max: 8192 }),
    host: pathStyle ? baseHost : `${bucket}.${baseHost}`,
    port: endpoint?.port ? Number(endpoint.port) : https ? 443 : 80,
    https,
  };
}

/**
 * S3 API probe shared by S3 and MinIO: HeadBucket proves credentials and bucket, then
 * ListObjectsV2 with delimiter `/` lists top-level prefixes (under `prefix`), bounded in pages
 * and objects. All traffic goes through an agent pinned to the checked address.
 */
export abstract class S3CompatibleDriver extends ConnectorDriver {
  protected abstract readonly flavour: S3Flavour;

  readonly steps = STEPS_WITHOUT_PRIVILEGES;

  target(input: VerificationInput): EgressTarget {
    const s = readSettings(input, this.flavour);
    return { host: s.host, port: s.port };
  }

  async verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    const s = readSettings(input, this.flavour);
    const sdk = await loadS3Sdk();
    const dest = ctx.destination;
    let connected = false;
    let secured = false;
    let phase: VerificationStepName = 'connect';
    let startedAt = ctx.begin('connect');
    const advance = (next: VerificationStepName, message: string) => {
      ctx.record(phase, 'ok', startedAt, message);
      phase = next;
      startedAt = ctx.begin(next);
    };
    const agent = createPinnedAgent(dest, {
      https: s.https,
      onRedirectRefused: ctx.redirectRefused,
      onSocket: (socket) => {
        socket.once('connect', () => {
          if (connected) return;
          connected = true;
          advance(s.https ? 'tls' : 'authenticate', `connected to ${describeDestination(dest)}`);
        });
        socket.once('secureConnect', () => {
          if (secured) return;
          secured = true;
          advance('authenticate', 'TLS negotiated, certificate verified');
        });
      },
    });
    ctx.onAbort(() => agent.destroyAll());
    if (!s.https) {
      ctx.skip('tls', 'plain HTTP endpoint');
      ctx.warn('the endpoint uses plain HTTP: credentials are signed but data is not encrypted');
    }
    const client = new sdk.S3Client(this.clientConfig(sdk, s, agent, ctx.stepTimeoutMs));
    try {
      try {
        await ctx.withTimeout(phase, (signal) => this.headBucket(sdk, client, s.bucket, signal));
      } catch (error) {
        throw ctx.failStep(phase, error, startedAt);
      }
      ctx.record('authenticate', 'ok', startedAt, `bucket ${s.bucket} reachable with these credentials`);
      const listed = await ctx.step(
        'discover',
        (signal) => this.listPrefixes(sdk, client, s, ctx, signal),
        (r) => `${r.prefixes.length} prefixes${r.truncated ? ' (truncated)' : ''}`,
      );
      return { prefixes: listed.prefixes, truncated: listed.truncated };
    } finally {
      client.destroy();
      agent.destroyAll();
    }
  }

  private clientConfig(
    { NodeHttpHandler }: S3Sdk,
    s: S3Settings,
    agent: ReturnType<typeof createPinnedAgent>,
    timeoutMs: number,
  ): S3ClientConfig {
    return {
      region: s.region,
      ...(s.endpoint ? { endpoint: s.endpoint.origin } : {}),
      forcePathStyle: s.pathStyle,
      credentials: {
        accessKeyId: s.accessKeyId,
        secretAccessKey: s.secretAccessKey,
        sessionToken: s.sessionToken,
      },
      requestHandler: new NodeHttpHandler({
        httpAgent: agent,
        httpsAgent: agent,
        connectionTimeout: timeoutMs,
        requestTimeout: timeoutMs,
      }),
      // Everything explicit, so nothing is taken from the environment or shared config files.
      maxAttempts: 1,
      retryMode: 'standard',
      followRegionRedirects: false,
      useFipsEndpoint: false,
      useDualstackEndpoint: false,
      useArnRegion: false,
      disableMultiregionAccessPoints: true,
      disableS3ExpressSessionAuth: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
    };
  }

  /** HeadBucket answers 403 without a body; a one-key listing then tells bad keys from denied access. */
  private async headBucket(
    { HeadBucketCommand, ListObjectsV2Command }: S3Sdk,
    client: S3Client,
    bucket: string,
    signal: AbortSignal,
  ): Promise<void> {
    try {
      await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal: signal });
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status !== 403 && status !== 400 && status !== 301) throw error;
      await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1 }), { abortSignal: signal });
    }
  }

  private async listPrefixes(
    { ListObjectsV2Command }: S3Sdk,
    client: S3Client,
    s: S3Settings,
    ctx: ProbeContext,
    signal: AbortSignal,
  ) {
    const prefixes: string[] = [];
    let token: string | undefined;
    let truncated = false;
    for (let page = 0; ; page++) {
      if (page >= MAX_LIST_PAGES) {
        truncated = true;
        break;
      }
      const out = await client.send(
        new ListObjectsV2Command({
          Bucket: s.bucket,
          Delimiter: '/',
          Prefix: s.prefix,
          MaxKeys: 1000,
          ContinuationToken: token,
        }),
        { abortSignal: signal },
      );
      for (const p of out.CommonPrefixes ?? []) {
        if (!p.Prefix || !matchesFilters(p.Prefix, ctx.limits)) continue;
        if (prefixes.length >= ctx.limits.maxObjects) {
          truncated = true;
          break;
        }
        prefixes.push(p.Prefix);
      }
      if (truncated || !out.IsTruncated || !out.NextContinuationToken) break;
      token = out.NextContinuationToken;
    }
    return { prefixes, truncated };
  }
}

export class S3Driver extends S3CompatibleDriver {
  readonly type = 's3' as const;
  protected readonly flavour: S3Flavour = {
    requireEndpoint: false,
    defaultPathStyle: false,
    allowSessionToken: true,
  };
}
