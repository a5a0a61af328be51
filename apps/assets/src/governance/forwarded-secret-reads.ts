import { Injectable, Optional } from '@nestjs/common';
import {
  AppMetrics,
  errorTypeOf,
  forwardedSecretReadsBatchSize,
  GroupedCalls,
  type Principal,
  RequestContext,
} from '@app/core';
import {
  GovernanceClient,
  type GovernanceResponse,
  GovernanceUnavailableError,
  throwIfUnavailable,
} from './governance.client.js';
import { ServiceIdentity } from './service-identity.js';

/** One caller's read, as Governance's `internal/forwarded-secret-reads` takes it. */
interface ForwardedRead {
  token: string;
  resource_uri: string;
  name: string;
  request_id?: string;
  traceparent?: string;
}

type ForwardedResult =
  { status: 200; secret: unknown } | { status: number; error?: { code?: string; message?: string } };

/**
 * Calls of one org in flight at once. Measured (bench/README.md, over 100 connections): 1 makes
 * batches about twice as big as 2, and Governance's and PostgreSQL's CPU per read fall by about a
 * quarter, which on a loaded machine is worth more than keeping Governance busy between calls.
 */
const MAX_IN_FLIGHT = 1;
/** A Governance that answered 404 for the route (one older than it, mid-upgrade) is asked again after this. */
const RETRY_FORWARDING_MS = 30_000;
/** What a batch answers each read when Governance does not serve the route: go alone. */
const NOT_FORWARDED = Symbol('not forwarded');
/** Governance's MAX_FORWARDED_READS. */
const MAX_BATCH = 100;
/** Governance takes request bodies up to 1 MiB: a call stays well under it, whatever the tokens weigh. */
const MAX_BODY_BYTES = 768 * 1024;
/** A read's answer is at most a 64 KiB secret, escaped (up to 6 bytes a character), with its metadata. */
const MAX_RESULT_BYTES = 6 * 64 * 1024 + 4096;

/**
 * Users' secret reads, coalesced per org: a read that finds room goes to Governance at once, and
 * reads that arrive together, or while MAX_IN_FLIGHT calls are out, go together in the next call,
 * as Assets' service account. Each read still carries its caller's own token (Governance verifies
 * it, and decides and audits as that caller), its request's id and its trace, and gets the answer
 * the same GET as the caller would have got. A call that fails as a whole fails each of its reads
 * the same way (503).
 */
@Injectable()
export class ForwardedSecretReads {
  private readonly calls: GroupedCalls<ForwardedRead, GovernanceResponse | typeof NOT_FORWARDED>;
  /** Until when reads go alone because Governance did not serve the route (Date.now() ms). */
  private aloneUntil = 0;

  constructor(
    private readonly governance: GovernanceClient,
    private readonly service: ServiceIdentity,
    @Optional() metrics?: AppMetrics,
  ) {
    const batchSize = metrics ? forwardedSecretReadsBatchSize(metrics) : null;
    this.calls = new GroupedCalls({
      run: (orgId, reads) => this.send(orgId, reads),
      maxBatch: MAX_BATCH,
      maxInFlight: MAX_IN_FLIGHT,
      gatherWithinTurn: true,
      onBatch: batchSize ? (size) => batchSize.observe(size) : undefined,
    });
  }

  /**
   * Governance's answer to `caller` reading `name` of `resourceUri`: status, and the secret on 200.
   * Throws GovernanceUnavailableError where a call of the caller's own would have (5xx, 401).
   * `alone` is the caller's own GET of the secret: used while Governance does not serve the
   * forwarded route (a version older than this one during a rolling upgrade), so no read fails
   * for it.
   */
  async read(
    caller: Principal,
    resourceUri: string,
    name: string,
    alone: () => Promise<GovernanceResponse>,
  ): Promise<GovernanceResponse> {
    if (Date.now() < this.aloneUntil) return alone();
    const context = RequestContext.current();
    const span = this.governance.startItemSpan('governance forwarded secret read');
    let forwarded: GovernanceResponse | typeof NOT_FORWARDED;
    try {
      forwarded = await this.calls.submit(caller.orgId, {
        token: caller.token,
        resource_uri: resourceUri,
        name,
        ...(context
          ? {
              request_id: context.requestId,
              traceparent: span?.traceparent ?? RequestContext.traceparentOf(context),
            }
          : {}),
      });
      if (forwarded !== NOT_FORWARDED) {
        span?.setAttribute('http.response.status_code', forwarded.status);
        const error = (forwarded.body as { error?: { code?: unknown } } | null)?.error;
        throwIfUnavailable(forwarded.status, typeof error?.code === 'string' ? error.code : null);
      }
    } catch (error) {
      span?.fail(errorTypeOf(error));
      throw error;
    } finally {
      span?.end();
    }
    return forwarded === NOT_FORWARDED ? alone() : forwarded;
  }

  /** One call for `reads`, split in two while its body would be too big for Governance. */
  private async send(
    orgId: string,
    reads: ForwardedRead[],
  ): Promise<(GovernanceResponse | typeof NOT_FORWARDED)[]> {
    if (reads.length > 1 && bodyBytesOf(reads) > MAX_BODY_BYTES) {
      const half = Math.ceil(reads.length / 2);
      const [first, second] = await Promise.all([
        this.send(orgId, reads.slice(0, half)),
        this.send(orgId, reads.slice(half)),
      ]);
      return [...first, ...second];
    }
    const credentials = await this.service.credentialsFor(orgId);
    const response = await this.governance.request(
      credentials,
      'POST',
      'internal/forwarded-secret-reads',
      { reads },
      { forManyRequests: true, maxResponseBytes: Math.max(1024 * 1024, reads.length * MAX_RESULT_BYTES) },
    );
    if (response.status === 404) {
      // Only a Governance without the route (or that does not trust this service) answers 404.
      this.aloneUntil = Date.now() + RETRY_FORWARDING_MS;
      return reads.map(() => NOT_FORWARDED);
    }
    const results = (response.body as { results?: ForwardedResult[] } | null)?.results;
    if (response.status !== 200 || !Array.isArray(results) || results.length !== reads.length)
      throw new GovernanceUnavailableError(null);
    return results.map((result) =>
      result.status === 200 && 'secret' in result
        ? { status: 200, body: result.secret }
        : { status: result.status, body: { error: 'error' in result ? result.error : undefined } },
    );
  }
}

/** Tokens, URIs and ids are JSON-safe (base64url, slugs, hex), so their lengths bound the body. */
function bodyBytesOf(reads: ForwardedRead[]): number {
  let bytes = 16;
  for (const read of reads) bytes += read.token.length + read.resource_uri.length + read.name.length + 200;
  return bytes;
}
