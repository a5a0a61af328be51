import { Injectable } from '@nestjs/common';
import { DependencyUnavailableError } from '@app/core';
import { parseDataResourceUri } from '@app/authz';
import { expectStatus, type GovernanceCaller, GovernanceClient } from './governance.client.js';
import { ServiceIdentity } from './service-identity.js';
import { ForwardedSecretReads } from './forwarded-secret-reads.js';

/** What Assets keeps in Governance for a connection: never in its own database. */
export interface StoredCredentials {
  auth_type: string;
  credentials: Record<string, unknown>;
}

/** Versioned names let an update write the new secret before switching to it. */
export const credentialsSecretName = (version: number): string => `credentials-v${version}`;

const secretPath = (resourceUri: string, version: number): string =>
  `resources/data-connections/${encodeURIComponent(resourceUri)}/secrets/${credentialsSecretName(version)}`;

/**
 * Connection credentials in the Governance Secrets API. Reads and writes go as the caller,
 * so Governance checks the caller's permission on the connection and audits the read itself.
 */
@Injectable()
export class GovernanceCredentialsStore {
  constructor(
    private readonly governance: GovernanceClient,
    private readonly service: ServiceIdentity,
    private readonly forwarded: ForwardedSecretReads,
  ) {}

  async put(
    caller: GovernanceCaller,
    resourceUri: string,
    version: number,
    value: StoredCredentials,
  ): Promise<void> {
    expectStatus(
      await this.governance.request(caller, 'PUT', secretPath(resourceUri, version), {
        value: JSON.stringify(value),
      }),
      200,
    );
  }

  /**
   * Governance audits the read (failing closed) under the id of the request making it. A user's
   * read is forwarded with others (ForwardedSecretReads); a service account's goes alone, since
   * it names its org with X-Org-Id, which a batch item cannot carry.
   */
  async read(caller: GovernanceCaller, resourceUri: string, version: number): Promise<StoredCredentials> {
    const alone = () => this.governance.request(caller, 'GET', secretPath(resourceUri, version));
    const response = expectStatus(
      'actorType' in caller && caller.actorType === 'user'
        ? await this.forwarded.read(caller, resourceUri, credentialsSecretName(version), alone)
        : await alone(),
      200,
    );
    return parseStored(response.body);
  }

  /**
   * A read no user asked for (a scheduled health check): as the service account, through
   * Governance's internal route, which audits it with its purpose and fails closed.
   */
  async readAsService(
    orgId: string,
    resourceUri: string,
    version: number,
    purpose: 'health_check' | 'rotation_check',
  ): Promise<{ stored: StoredCredentials; storedAt: Date | null }> {
    const credentials = await this.service.credentialsFor(orgId);
    const response = expectStatus(
      await this.governance.request(
        credentials,
        'GET',
        `internal/${secretPath(resourceUri, version)}?purpose=${purpose}`,
      ),
      200,
    );
    const updatedAt = new Date((response.body as { updated_at?: string }).updated_at ?? NaN);
    return {
      stored: parseStored(response.body),
      storedAt: Number.isNaN(updatedAt.getTime()) ? null : updatedAt,
    };
  }

  /**
   * Deletes as the caller (so the audit names them). Only 204 counts: Governance answers 404 both
   * for a missing secret and for a caller who may no longer manage the connection's secrets.
   */
  async delete(caller: GovernanceCaller, resourceUri: string, version: number): Promise<void> {
    expectStatus(await this.governance.request(caller, 'DELETE', secretPath(resourceUri, version)), 204);
  }

  /**
   * Cleanup that must happen whatever the caller may still do (a compensation, a delete after the
   * tuples went): as the caller first, then as the service account when the caller cannot.
   */
  async purge(caller: GovernanceCaller | null, resourceUri: string, version: number): Promise<void> {
    if (caller) {
      try {
        await this.delete(caller, resourceUri, version);
        return;
      } catch {
        // fall through: the service account may delete any secret of the org's resources
      }
    }
    await this.deleteAsService(this.orgOf(resourceUri), resourceUri, version);
  }

  private orgOf(resourceUri: string): string {
    const ref = parseDataResourceUri(resourceUri);
    if (!ref) throw new Error('stored resource URI is malformed');
    return ref.orgId;
  }

  /** Cleanup without a user: the service account may delete, never read. */
  async deleteAsService(orgId: string, resourceUri: string, version: number): Promise<void> {
    const credentials = await this.service.credentialsFor(orgId);
    const response = await this.governance.request(
      credentials,
      'DELETE',
      `internal/${secretPath(resourceUri, version)}`,
    );
    if (response.status !== 204) throw new DependencyUnavailableError('governance');
  }
}

function parseStored(body: unknown): StoredCredentials {
  try {
    return JSON.parse((body as { value: string }).value) as StoredCredentials;
  } catch {
    throw new DependencyUnavailableError('governance (unreadable credentials)');
  }
}
