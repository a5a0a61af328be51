import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { AuditSink, type AuditEventInput } from '@app/audit';
import { AuditEventEntity } from './audit-event.entity.js';

const SECRETISH_KEY = /pass|secret|token|credential|private|key$|value/i;

/** Drops detail keys that look like secret material, whatever a caller put there. */
export function scrubDetails(details: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !SECRETISH_KEY.test(key)));
}

@Injectable()
export class DatabaseAuditSink extends AuditSink {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async record(event: AuditEventInput): Promise<void> {
    const row: AuditEventEntity = {
      id: randomUUID(),
      timestamp: new Date(),
      orgId: event.org_id,
      projectId: event.project_id ?? null,
      actorId: event.actor_id,
      actorType: event.actor_type,
      action: event.action,
      resourceType: event.resource_type,
      resourceId: event.resource_id ?? null,
      sourceService: event.source_service,
      requestId: event.request_id ?? null,
      traceId: event.trace_id ?? null,
      details: scrubDetails(event.details),
    };
    await this.dataSource.getRepository(AuditEventEntity).insert(row as QueryDeepPartialEntity<AuditEventEntity>);
  }
}
