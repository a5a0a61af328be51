import { DependencyUnavailableError, type Principal } from '@app/core';

export interface GovernanceResponse {
  status: number;
  body: unknown;
}

/**
 * Calls Governance on behalf of the caller, forwarding their bearer token so Governance makes
 * its own permission decisions. Network failures and 5xx become 503s, never 500s.
 */
export class GovernanceClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async request(principal: Principal, method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<GovernanceResponse> {
    let response: Response;
    try {
      response = await fetch(new URL(`/governance/${path.replace(/^\//, '')}`, this.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${principal.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...extraHeaders,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new DependencyUnavailableError('governance', error);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new DependencyUnavailableError('governance');
    }
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async ping(): Promise<void> {
    const response = await fetch(new URL('/health/live', this.baseUrl), { signal: AbortSignal.timeout(this.timeoutMs) });
    await response.body?.cancel();
    if (!response.ok) throw new DependencyUnavailableError('governance');
  }
}
