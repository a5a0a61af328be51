import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppMetrics, SystemScope } from '@app/core';
import { BackgroundPass, CLOCK, type Clock } from '../../common/index.js';
import { GovernanceCredentialsStore } from '../../governance/index.js';
import { type ConnectionEvent, ConnectionEvents } from '../../notifications/index.js';
import type { ConnectionType } from '../../connection-types/index.js';
import { VerificationService } from '../../verification/index.js';
import {
  type CheckResult,
  type DueConnection,
  HealthChecksRepository,
} from '../persistence/health-checks.repository.js';
import { classifyHealth, type HealthPolicy } from './health-classifier.js';

/** Claiming due checks is a query across tenants; each claimed row then carries its own scope. */
const SCHEDULER = SystemScope.of('health-scheduler');
/** How long a claimed check may run before another replica may take it over. */
const LEASE_MS = 5 * 60_000;
/** A check that could not run (credentials unreadable, Governance down) is tried again this soon. */
const RETRY_MS = 60_000;
/** Discovery is not the point of a health check: the selected tables are checked directly. */
const MAX_OBJECTS = 100;

export interface HealthScheduleOptions extends HealthPolicy {
  tickMs: number;
  defaultIntervalS: number;
  concurrency: number;
  orgConcurrency: number;
  historyLimit: number;
}
export const HEALTH_SCHEDULE_OPTIONS = Symbol('HEALTH_SCHEDULE_OPTIONS');

export interface HealthPassSummary {
  placed: number;
  checked: number;
  changed: number;
  skipped: number;
}

/**
 * Runs the scheduled health checks. Each pass places connections that have no next check yet,
 * then claims due ones in batches of `concurrency` (at most `orgConcurrency` per org, so no org
 * starves the others) and checks each batch in parallel. Safe on many replicas: a claim moves
 * `next_check_at` past a lease in one statement, so no connection is checked twice at once.
 */
@Injectable()
export class HealthScheduler extends BackgroundPass<HealthPassSummary> {
  private readonly logger = new Logger(HealthScheduler.name);
  private readonly checks: Counter<'health'> | null;

  protected get intervalMs(): number {
    return this.options.tickMs;
  }

  constructor(
    private readonly repository: HealthChecksRepository,
    private readonly credentials: GovernanceCredentialsStore,
    private readonly engine: VerificationService,
    private readonly events: ConnectionEvents,
    @Inject(HEALTH_SCHEDULE_OPTIONS) private readonly options: HealthScheduleOptions,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
    @Optional() metrics?: AppMetrics,
  ) {
    super();
    this.checks = metrics
      ? metrics.counter({
          name: 'health_checks_total',
          help: 'Scheduled health checks run, by the health they found',
          labelNames: ['health'],
        })
      : null;
  }

  protected async pass(): Promise<HealthPassSummary> {
    const summary: HealthPassSummary = { placed: 0, checked: 0, changed: 0, skipped: 0 };
    summary.placed = await this.repository.placeUnscheduled(
      SCHEDULER,
      new Date(this.now()),
      this.options.defaultIntervalS,
    );
    while (!this.stopping) {
      const due = await this.repository.claimDue(SCHEDULER, new Date(this.now()), {
        total: this.options.concurrency,
        perOrg: this.options.orgConcurrency,
        leaseMs: LEASE_MS,
      });
      const outcomes = await Promise.all(
        due.map((connection) => this.check(connection).catch((error) => this.skip(connection, error))),
      );
      for (const outcome of outcomes) {
        if (outcome === 'skipped') summary.skipped += 1;
        else {
          summary.checked += 1;
          if (outcome === 'changed') summary.changed += 1;
        }
      }
      // A batch smaller than `concurrency` may only mean the per-org cap: go on until none is due.
      if (due.length === 0) break;
    }
    return summary;
  }

  private async check(due: DueConnection): Promise<'same' | 'changed' | 'skipped'> {
    const scope = { orgId: due.orgId, projectId: due.projectId };
    const read = await this.credentials.readAsService(
      due.orgId,
      due.resourceUri,
      due.credentialsVersion,
      'health_check',
    );
    const report = await this.engine.verify(
      {
        type: due.connectionType as ConnectionType,
        auth_type: due.authType,
        config: due.config,
        credentials: read.stored.credentials,
      },
      { orgId: due.orgId, selectedTables: due.selectedTables, maxObjects: MAX_OBJECTS, background: true },
    );
    const checkedAt = this.now();
    const verdict = classifyHealth(
      report,
      { now: checkedAt, credentialsStoredAt: read.storedAt },
      this.options,
    );
    const result: CheckResult = {
      checkedAt: new Date(checkedAt),
      health: verdict.health,
      errorCode: report.details.error_code ?? null,
      message: report.message,
      latencyMs: report.latency_ms,
      warnings: [...verdict.reasons, ...report.details.warnings],
      forecast: verdict.forecast,
      nextCheckAt: new Date(checkedAt + this.jitteredIntervalMs(due)),
    };
    this.checks?.inc({ health: verdict.health });
    const changed = verdict.health !== due.health;
    // A change is published (an audit event, and a webhook event) before it is recorded: if the
    // record fails, the next check sees the same change and publishes it again, never none.
    if (changed) await this.events.publish(healthChanged(due, result));
    await this.repository.record(scope, due.id, result, this.options.historyLimit);
    return changed ? 'changed' : 'same';
  }

  /**
   * Our side failed, not the connection (credentials unreadable, Governance or the audit log
   * down): no result is recorded, and the check is tried again soon.
   */
  private async skip(due: DueConnection, error: unknown): Promise<'skipped'> {
    this.logger.warn({ connection: due.id, err: (error as Error)?.name }, 'Health check could not run');
    await this.repository
      .reschedule({ orgId: due.orgId, projectId: due.projectId }, due.id, new Date(this.now() + RETRY_MS))
      .catch(() => undefined);
    return 'skipped';
  }

  /** The interval ±10%, so checks created together drift apart instead of staying in step. */
  private jitteredIntervalMs(due: DueConnection): number {
    const seconds = due.intervalS ?? this.options.defaultIntervalS;
    return Math.round(seconds * 1000 * (0.9 + Math.random() * 0.2));
  }
}

function healthChanged(due: DueConnection, result: CheckResult): ConnectionEvent {
  return {
    type: 'connection.health_changed',
    orgId: due.orgId,
    projectId: due.projectId,
    resourceUri: due.resourceUri,
    data: {
      previous_health: due.health,
      health: result.health,
      error_code: result.errorCode,
      message: result.message,
      checked_at: result.checkedAt.toISOString(),
      next_check_at: result.nextCheckAt.toISOString(),
    },
  };
}
