import { AppException, DependencyUnavailableError, type Principal } from '@app/core';
import type { ServiceCredentials } from './service-identity.js';

export interface GovernanceResponse {
  status: number;
  body: unknown;
}

/** A user's own token (Governance decides as that user) or the Assets service account. */
export type GovernanceCaller = Principal | ServiceCredentials;

const isPrincipal = (caller: GovernanceCaller): caller is Principal => 'userId' in caller;

/**
 * HTTP client for Governance. User calls forward the caller's bearer token so Governance makes
 * its own permission decisions; service calls act in one org via X-Org-Id. Network failures
 * and 5xx become 503s, never 500s; bodies are never logged.
 */
export class GovernanceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /** `requestId` is forwarded so Governance's records (audit) carry the id of the Assets request. */
  async request(caller: GovernanceCaller, method: string, path: string, body?: unknown, requestId?: string): Promise<GovernanceResponse> {
    let response: Response;
    try {
      response = await fetch(new URL(`/governance/${path.replace(/^\//, '')}`, this.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${caller.token}`,
          accept: 'application/json',
          ...(isPrincipal(caller) ? {} : { 'x-org-id': caller.orgId }),
          ...(requestId ? { 'x-request-id': requestId } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new DependencyUnavailableError('governance', error);
    }
    if (response.status >= 500 || response.status === 401) {
      // 401 here means our own credentials are wrong, not the caller's: a dependency problem.
      await response.body?.cancel();
      throw new DependencyUnavailableError('governance');
    }
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async ping(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(new URL('/health/live', this.baseUrl), { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new DependencyUnavailableError('governance', error);
    }
    await response.body?.cancel();
    if (!response.ok) throw new DependencyUnavailableError('governance');
  }
}

/** Maps Governance's answer for a caller-scoped call: 403/404 pass through, anything else odd is a 503. */
export function expectStatus(response: GovernanceResponse, ...ok: number[]): GovernanceResponse {
  if (ok.includes(response.status)) return response;
  if (response.status === 404) throw AppException.notFound('Data connection');
  if (response.status === 403) throw AppException.forbidden();
  throw new DependencyUnavailableError('governance');
}
