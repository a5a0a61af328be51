import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ROTATION_STATUSES = [
  'staged',
  'verifying',
  'promoted',
  'failed',
  'rolled_back',
  'retired',
] as const;
export type RotationStatus = (typeof ROTATION_STATUSES)[number];

/** One credential rotation of a connection: its history, and what the retirement pass works on. */
@Entity('connection_rotations')
export class ConnectionRotationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') connectionId: string;
  @Column('text') orgId: string;
  @Column('text', { nullable: true }) projectId: string | null;
  @Column('text') resourceUri: string;
  @Column('integer') fromVersion: number;
  @Column('integer') toVersion: number;
  @Column('text') fromAuthType: string;
  @Column('text') toAuthType: string;
  @Column('text') status: RotationStatus;
  @Column('text') actorId: string;
  @Column('integer') gracePeriodSeconds: number;
  /** A failed rotation's reason: the verification report's error code and message, never a credential. */
  @Column('text', { nullable: true }) errorCode: string | null;
  @Column('text', { nullable: true }) errorMessage: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) promotedAt: Date | null;
  @Column('timestamptz', { nullable: true }) previousVersionExpiresAt: Date | null;
  @Column('timestamptz', { nullable: true }) rolledBackAt: Date | null;
  @Column('timestamptz', { nullable: true }) retiredAt: Date | null;
  @Column('timestamptz', { nullable: true }) leaseUntil: Date | null;
}
