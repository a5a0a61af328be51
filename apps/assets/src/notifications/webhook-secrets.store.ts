import { Injectable } from '@nestjs/common';
import { DependencyUnavailableError } from '@app/core';
import { GovernanceClient, ServiceIdentity } from '../governance/index.js';

/** Where a subscription's signing secret is kept in Governance: `webhook:<org>:<project or ''>:<id>`. */
export const webhookSecretUri = (sub: { orgId: string; projectId: string | null; id: string }): string =>
  `webhook:${sub.orgId}:${sub.projectId ?? ''}:${sub.id}`;

const pathOf = (sub: { orgId: string; projectId: string | null; id: string }) =>
  `internal/webhook-secrets/${encodeURIComponent(webhookSecretUri(sub))}`;

/**
 * Signing secrets in Governance (its internal webhook-secrets routes), as the Assets service
 * account of the subscription's org: Assets stores none of them. Governance audits each call.
 */
@Injectable()
export class WebhookSecretsStore {
  constructor(
    private readonly governance: GovernanceClient,
    private readonly service: ServiceIdentity,
  ) {}

  async put(sub: { orgId: string; projectId: string | null; id: string }, secret: string): Promise<void> {
    const response = await this.governance.request(
      await this.service.credentialsFor(sub.orgId),
      'PUT',
      pathOf(sub),
      { value: secret },
    );
    if (response.status !== 204) throw new DependencyUnavailableError('governance');
  }

  async read(sub: { orgId: string; projectId: string | null; id: string }): Promise<string> {
    const response = await this.governance.request(
      await this.service.credentialsFor(sub.orgId),
      'GET',
      pathOf(sub),
    );
    const value = (response.body as { value?: unknown } | null)?.value;
    if (response.status !== 200 || typeof value !== 'string')
      throw new DependencyUnavailableError('governance (webhook signing secret)');
    return value;
  }

  /** Idempotent: a secret already gone is fine. */
  async delete(sub: { orgId: string; projectId: string | null; id: string }): Promise<void> {
    const response = await this.governance.request(
      await this.service.credentialsFor(sub.orgId),
      'DELETE',
      pathOf(sub),
    );
    if (response.status !== 204) throw new DependencyUnavailableError('governance');
  }
}
