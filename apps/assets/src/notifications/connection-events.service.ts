import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/index.js';
import { AuditRecorder, ASSETS_SERVICE_SUBJECT } from '../governance/index.js';
import { auditActionOf, type ConnectionEvent } from './connection-event.js';
import { WebhookDeliveriesRepository } from './persistence/webhook-deliveries.repository.js';

/**
 * Publishes what happens to data connections: the event and one delivery per matching enabled
 * subscription are stored in one transaction (the delivery worker sends them), and the event is
 * an audit event too, written first (AuditRecorder.write: no event is stored without it).
 */
@Injectable()
export class ConnectionEvents {
  private readonly logger = new Logger(ConnectionEvents.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly audit: AuditRecorder,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  /** The event's id, whether it was stored now or by an earlier publish with the same `id`. */
  async publish(event: ConnectionEvent): Promise<string> {
    const id = event.id ?? randomUUID();
    const scope = { orgId: event.orgId, projectId: event.projectId };
    const actorId = event.actor ?? ASSETS_SERVICE_SUBJECT;
    const stored = await this.audit.write(
      null,
      {
        org_id: event.orgId,
        project_id: event.projectId,
        action: auditActionOf(event.type),
        resource_type: 'data_connection',
        resource_id: event.resourceUri,
        details: { event_id: id, event_type: event.type, actor: actorId },
      },
      () =>
        this.deliveries.publish(
          scope,
          {
            id,
            orgId: event.orgId,
            projectId: event.projectId,
            type: event.type,
            resourceUri: event.resourceUri,
            data: event.data,
            actorId,
            occurredAt: new Date(this.now()),
          },
          new Date(this.now()),
        ),
    );
    if (stored)
      this.logger.debug({ event_id: id, type: event.type, deliveries: stored.deliveries }, 'Event published');
    return id;
  }
}
