import { Injectable } from '@nestjs/common';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { DependencyUnavailableError } from '@app/core';
import { GovernanceClient } from './governance.client.js';
import { ServiceIdentity } from './service-identity.js';

/** Audit events go to Governance's log, posted by the Assets service account. */
@Injectable()
export class GovernanceAuditSink extends AuditSink {
  constructor(
    private readonly governance: GovernanceClient,
    private readonly service: ServiceIdentity,
  ) {
    super();
  }

  async record(event: AuditEventInput): Promise<void> {
    const { org_id, source_service: _source, ...rest } = event;
    const credentials = await this.service.credentialsFor(org_id);
    const response = await this.governance.request(credentials, 'POST', 'internal/audit/events', rest);
    if (response.status !== 204) throw new DependencyUnavailableError('audit log');
  }
}
