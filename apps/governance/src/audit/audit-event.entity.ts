import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('audit_events')
@Index(['orgId', 'timestamp'])
export class AuditEventEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('timestamptz') timestamp: Date;
  @Column('text') orgId: string;
  @Column('text', { nullable: true }) projectId: string | null;
  @Column('text') actorId: string;
  @Column('text') actorType: string;
  @Column('text') action: string;
  @Column('text') resourceType: string;
  @Column('text', { nullable: true }) resourceId: string | null;
  @Column('text') sourceService: string;
  @Column('text', { nullable: true }) requestId: string | null;
  @Column('text', { nullable: true }) traceId: string | null;
  @Column('jsonb', { default: {} }) details: Record<string, unknown>;
}
