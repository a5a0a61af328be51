import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { ReadinessProbe } from '@app/core';
import { GovernanceClient, type GovernanceResponse } from './governance.client.js';
import { ServiceAccountError, ServiceIdentity } from './service-identity.js';

export interface GovernanceReadinessOptions {
  /** Each answer is reused this long, so readiness probes do not hammer Governance or the IdP. */
  cacheMs?: number;
  /** Bound on each call (token fetch, Governance); kept under the health controller's 2 s. */
  timeoutMs?: number;
  now?: () => number;
}

interface Outcome {
  serviceAccount: string | null;
  governance: string | null;
}

class ProbeFailure extends Error {
  override name = 'ProbeFailure';
}

/**
 * What an Assets request needs from outside, checked the way a request uses it: a service
 * account token from ASSETS_SERVICE_TOKEN_URL that Governance accepts and trusts, and a
 * Governance whose own dependencies (database, authorization, secrets backend) are ready.
 * One authenticated call to Governance's internal readiness route answers all of it. Results
 * (good or bad) are cached briefly and concurrent probes share one check. Messages name
 * variables, never values.
 */
/** GovernanceReadinessOptions from the config (GOVERNANCE_READINESS_CACHE_MS). */
export const GOVERNANCE_READINESS_OPTIONS = Symbol('GOVERNANCE_READINESS_OPTIONS');

@Injectable()
export class GovernanceReadiness {
  private readonly logger = new Logger('Readiness');
  private readonly cacheMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private current: { at: number; outcome: Promise<Outcome> } | null = null;
  private lastLogged = '';

  constructor(
    private readonly governance: GovernanceClient,
    private readonly identity: ServiceIdentity,
    @Optional() @Inject(GOVERNANCE_READINESS_OPTIONS) options: GovernanceReadinessOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 2000;
    this.timeoutMs = options.timeoutMs ?? 1500;
    this.now = options.now ?? Date.now;
  }

  probes(): ReadinessProbe[] {
    return [
      { name: 'service_account', check: async () => this.fail((await this.outcome()).serviceAccount) },
      { name: 'governance', check: async () => this.fail((await this.outcome()).governance) },
    ];
  }

  /** Runs (or joins) a check now; its outcome is logged and cached like a probe's. Never rejects. */
  async checkNow(): Promise<void> {
    await this.outcome();
  }

  private fail(problem: string | null): void {
    if (problem) throw new ProbeFailure(problem);
  }

  private outcome(): Promise<Outcome> {
    const now = this.now();
    if (this.current && now - this.current.at < this.cacheMs) return this.current.outcome;
    const outcome = this.check()
      .catch((): Outcome => ({
        serviceAccount: null,
        governance: 'governance: the readiness check failed unexpectedly',
      }))
      .then((result) => {
        this.report(result);
        return result;
      });
    this.current = { at: now, outcome };
    return outcome;
  }

  private async check(): Promise<Outcome> {
    let credentials;
    try {
      credentials = await this.identity.probeCredentials(this.timeoutMs);
    } catch (error) {
      const serviceAccount =
        error instanceof ServiceAccountError
          ? error.message
          : 'service account: no token (ASSETS_SERVICE_TOKEN_URL)';
      // Without a token Governance can still say whether it is up and ready, publicly.
      return { serviceAccount, governance: await this.ask(null) };
    }
    let response: GovernanceResponse;
    try {
      response = await this.governance.readiness(credentials, this.timeoutMs);
    } catch {
      return {
        serviceAccount: null,
        governance: `governance (GOVERNANCE_URL) did not answer within ${this.timeoutMs} ms or refused the connection`,
      };
    }
    switch (response.status) {
      case 200:
        return { serviceAccount: null, governance: null };
      case 401:
        this.identity.discardToken(credentials.token);
        return {
          serviceAccount:
            'service account: Governance rejected the token from ASSETS_SERVICE_TOKEN_URL (it must be issued by the platform realm, AUTH_PLATFORM_REALM, of a trusted issuer)',
          governance: await this.ask(null),
        };
      case 404:
        return {
          serviceAccount:
            'service account: Governance does not trust the account of ASSETS_SERVICE_CLIENT_ID (GOVERNANCE_TRUSTED_SERVICES must name it, and it must come from AUTH_PLATFORM_REALM)',
          governance: await this.ask(null),
        };
      default:
        return { serviceAccount: null, governance: notReady(response) };
    }
  }

  /** Governance's public readiness, for when the service account cannot be used. */
  private async ask(credentials: null): Promise<string | null> {
    try {
      const response = await this.governance.readiness(credentials, this.timeoutMs);
      return response.status === 200 ? null : notReady(response);
    } catch {
      return `governance (GOVERNANCE_URL) did not answer within ${this.timeoutMs} ms or refused the connection`;
    }
  }

  /** One log line per change of state, naming what is wrong. */
  private report(outcome: Outcome): void {
    const line = [outcome.serviceAccount, outcome.governance].filter(Boolean).join('; ');
    if (line === this.lastLogged) return;
    this.lastLogged = line;
    if (line) this.logger.warn(`Not ready: ${line}`);
    else this.logger.log('Governance and the service account are ready');
  }
}

/**
 * What Governance says is down: the internal route's envelope lists `error.details.failing`;
 * the public /health/ready puts terminus' map of each name to `{status, message}` in `error.details.error`.
 */
function notReady(response: GovernanceResponse): string {
  const details = (response.body as { error?: { details?: { failing?: unknown; error?: unknown } } } | null)
    ?.error?.details;
  const parts: string[] = [];
  if (Array.isArray(details?.failing)) {
    for (const item of details.failing as Array<{ name?: unknown; message?: unknown } | null>)
      parts.push(describe(item?.name, item?.message));
  } else if (details?.error && typeof details.error === 'object') {
    for (const [name, detail] of Object.entries(
      details.error as Record<string, { message?: unknown } | null>,
    ))
      parts.push(describe(name, detail?.message));
  }
  return `governance is not ready (HTTP ${response.status})${parts.length ? `: ${parts.join('; ')}` : ''}`;
}

function describe(name: unknown, message: unknown): string {
  const text = typeof message === 'string' ? message.slice(0, 300) : '';
  return `${String(name).slice(0, 64)}${text ? ` (${text})` : ''}`;
}
