import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ConnectionStatus = 'PENDING' | 'ACTIVE' | 'ERROR' | 'DISABLED';
/** Internal: only `active` rows are ever visible; the others are mid-saga. */
export type ConnectionLifecycle = 'provisioning' | 'active' | 'deleting';

/** See README "Health": `status` is the last explicit outcome, `health` the scheduler's view. */
export const CONNECTION_HEALTH = [
  'healthy',
  'degraded',
  'auth_failed',
  'unreachable',
  'permission_lost',
  'tls_error',
  'unknown',
] as const;
export type ConnectionHealth = (typeof CONNECTION_HEALTH)[number];

/** What a check could tell ahead of a failure; absent fields were not knowable for the type. */
export interface HealthForecast {
  tls_certificate_not_after?: string;
  credentials_set_at?: string;
  credentials_max_age_days?: number;
  credentials_expire_at?: string;
}

export interface LastVerification {
  success: boolean;
  message: string;
  latency_ms: number;
}

@Entity('data_connections')
export class DataConnectionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') orgId: string;
  @Column('text', { nullable: true }) projectId: string | null;
  @Column('text') resourceUri: string;
  @Column('text') name: string;
  @Column('text') connectionType: string;
  @Column('text') authType: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') status: ConnectionStatus;
  @Column('text', { array: true }) tags: string[];
  @Column('jsonb') config: Record<string, unknown>;
  @Column('text', { array: true }) selectedTables: string[];
  @Column('jsonb') pool: Record<string, unknown>;
  @Column('text') createdBy: string;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
  @Column('timestamptz', { nullable: true }) lastVerifiedAt: Date | null;
  @Column('jsonb', { nullable: true }) lastVerification: LastVerification | null;
  @Column('text') lifecycle: ConnectionLifecycle;
  @Column('integer') credentialsVersion: number;
  /** Bumped by every change; each write compares and sets it, so a stale writer changes nothing. */
  @Column('integer') revision: number;
  @Column('text') health: ConnectionHealth;
  /** NULL: the deployment's default; 0: never checked on a schedule. */
  @Column('integer', { nullable: true }) healthCheckIntervalS: number | null;
  @Column('timestamptz', { nullable: true }) lastCheckedAt: Date | null;
  @Column('timestamptz', { nullable: true }) lastHealthyAt: Date | null;
  @Column('integer') consecutiveFailures: number;
  /** Also the scheduler's lease: a claimed connection is due again only if its check never finished. */
  @Column('timestamptz', { nullable: true }) nextCheckAt: Date | null;
  @Column('jsonb', { nullable: true }) healthForecast: HealthForecast | null;
  /** Rotation: the version the active one replaced, readable until its expiry (then retired). */
  @Column('integer', { nullable: true }) previousCredentialsVersion: number | null;
  @Column('timestamptz', { nullable: true }) previousVersionExpiresAt: Date | null;
  /** When the active version was promoted by a rotation (null: never rotated). */
  @Column('timestamptz', { nullable: true }) rotatedAt: Date | null;
}

/** Written only by rotations: a new connection starts without them. */
export type RotationColumns = 'previousCredentialsVersion' | 'previousVersionExpiresAt' | 'rotatedAt';

export type OperationKind = 'create' | 'update_credentials' | 'delete' | 'rotate';

@Entity('connection_operations')
export class ConnectionOperationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') connectionId: string;
  @Column('text') orgId: string;
  @Column('text', { nullable: true }) projectId: string | null;
  @Column('text') resourceUri: string;
  @Column('text') kind: OperationKind;
  @Column('integer') secretVersion: number;
  @Column('integer', { nullable: true }) previousSecretVersion: number | null;
  @Column('text') actorId: string;
  @Column('text') status: 'pending' | 'completed' | 'rolled_back';
  @Column('integer') attempts: number;
  @Column('timestamptz', { nullable: true }) leaseUntil: Date | null;
  @Column('text', { nullable: true }) lastError: string | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
