import { Injectable } from '@nestjs/common';
import { DependencyUnavailableError } from '@app/core';
import { type GovernanceResponse, GovernanceClient } from './governance.client.js';
import { ServiceIdentity } from './service-identity.js';

export interface InventoryEntry {
  resource_uri: string | null;
  resource_key: string;
  name: string;
  created_at: string;
  updated_at: string;
}

/** Bound of one listing page and of one key lookup (Governance allows up to 500). */
export const INVENTORY_PAGE = 200;

function expectOk(response: GovernanceResponse, status: number): GovernanceResponse {
  if (response.status !== status) throw new DependencyUnavailableError('governance');
  return response;
}

/**
 * The secret-store sweep's calls to Governance, as the Assets service account acting in one org:
 * list that org's resource secrets (metadata only), ask the backend key of URIs, delete a secret
 * (audited by Governance as the service account, with the reason) and remove the backend's own
 * leftovers. The service account may never read a value.
 */
@Injectable()
export class GovernanceSecretInventory {
  constructor(
    private readonly governance: GovernanceClient,
    private readonly service: ServiceIdentity,
  ) {}

  async list(
    orgId: string,
    cursor: string | null,
  ): Promise<{ data: InventoryEntry[]; next_cursor: string | null }> {
    const query = new URLSearchParams({ limit: String(INVENTORY_PAGE), ...(cursor ? { cursor } : {}) });
    const response = expectOk(
      await this.governance.request(
        await this.service.credentialsFor(orgId),
        'GET',
        `internal/resource-secrets?${query}`,
      ),
      200,
    );
    return response.body as { data: InventoryEntry[]; next_cursor: string | null };
  }

  /** resource key → URI, for the given URIs of the org. */
  async keysOf(orgId: string, resourceUris: string[]): Promise<Map<string, string>> {
    const byKey = new Map<string, string>();
    for (let i = 0; i < resourceUris.length; i += INVENTORY_PAGE) {
      const chunk = resourceUris.slice(i, i + INVENTORY_PAGE);
      const response = expectOk(
        await this.governance.request(
          await this.service.credentialsFor(orgId),
          'POST',
          'internal/resource-secrets/keys',
          { resource_uris: chunk },
        ),
        200,
      );
      for (const { resource_uri, resource_key } of (
        response.body as { data: Array<{ resource_uri: string; resource_key: string }> }
      ).data) {
        byKey.set(resource_key, resource_uri);
      }
    }
    return byKey;
  }

  async delete(orgId: string, resourceUri: string, name: string, reason: string): Promise<void> {
    const path = `internal/resources/data-connections/${encodeURIComponent(resourceUri)}/secrets/${encodeURIComponent(name)}?reason=${encodeURIComponent(reason)}`;
    expectOk(await this.governance.request(await this.service.credentialsFor(orgId), 'DELETE', path), 204);
  }

  async removeLeftovers(orgId: string): Promise<number> {
    const response = expectOk(
      await this.governance.request(
        await this.service.credentialsFor(orgId),
        'DELETE',
        'internal/resource-secrets/leftovers',
      ),
      200,
    );
    return Number((response.body as { removed?: unknown }).removed) || 0;
  }
}
