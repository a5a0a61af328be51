import { Module } from '@nestjs/common';
import { AssetsConfig } from '../assets.config.js';
import { CLOCK, type Clock } from '../common/index.js';
import { GovernanceGatewayModule } from '../governance/index.js';
import { VerificationModule } from '../verification/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { ConnectionVerificationService } from './connection-verification.service.js';
import { ConnectionsController } from './connections.controller.js';
import { ConnectionsService } from './connections.service.js';
import { ConnectionSaga } from './lifecycle/connection-saga.js';
import { ConnectionsReconciler, RECONCILE_INTERVAL_MS } from './lifecycle/connections.reconciler.js';
import {
  SECRETS_SWEEP_OPTIONS,
  SecretStoreSweeper,
  type SecretSweepOptions,
} from './lifecycle/secret-store.sweeper.js';
import { ConnectionOperationsRepository } from './persistence/connection-operations.repository.js';
import { ConnectionsRepository } from './persistence/connections.repository.js';
import { SecretSweepRepository } from './persistence/secret-sweep.repository.js';
import { VERIFY_RATE_LIMIT, VerifyRateLimiter } from './verify-rate.limiter.js';
import { ConnectionRotationSaga } from './lifecycle/rotation-saga.js';
import { ConnectionRotationsRepository } from './persistence/connection-rotations.repository.js';
import { RotationsController } from './rotations.controller.js';
import { ConnectionRotationsService, ROTATION_GRACE_PERIOD_DEFAULT_S } from './rotations.service.js';

import { ConnectionHealthController } from './health/connection-health.controller.js';
import { SshTunnelController } from './tunnel/ssh-tunnel.controller.js';
import { ConnectionPermissionsController } from './permissions/connection-permissions.controller.js';
import { ConnectionPermissionsService } from './permissions/connection-permissions.service.js';
import { SshTunnelService } from './tunnel/ssh-tunnel.service.js';
import { TunnelKeys } from './tunnel/tunnel-keys.js';
import {
  HEALTH_SCHEDULE_OPTIONS,
  type HealthScheduleOptions,
  HealthScheduler,
} from './health/health-scheduler.js';
import { HealthChecksRepository } from './persistence/health-checks.repository.js';

/** Data connections: metadata here, credentials in Governance, lifecycle and its reconciliation. */
@Module({
  imports: [GovernanceGatewayModule, VerificationModule, NotificationsModule],
  controllers: [
    ConnectionsController,
    ConnectionHealthController,
    RotationsController,
    SshTunnelController,
    ConnectionPermissionsController,
  ],
  providers: [
    ConnectionsRepository,
    ConnectionOperationsRepository,
    SecretSweepRepository,
    ConnectionSaga,
    ConnectionsService,
    ConnectionPermissionsService,
    ConnectionVerificationService,
    ConnectionsReconciler,
    SecretStoreSweeper,
    HealthChecksRepository,
    HealthScheduler,
    VerifyRateLimiter,
    ConnectionRotationsRepository,
    ConnectionRotationSaga,
    ConnectionRotationsService,
    TunnelKeys,
    SshTunnelService,
    {
      provide: ROTATION_GRACE_PERIOD_DEFAULT_S,
      useFactory: (config: AssetsConfig) => config.ROTATION_GRACE_PERIOD_DEFAULT_S,
      inject: [AssetsConfig],
    },
    // Time where it decides behaviour (the scheduler, rotation grace periods and retirement); tests replace it to move time instead of sleeping.
    { provide: CLOCK, useValue: Date.now satisfies Clock },
    {
      provide: VERIFY_RATE_LIMIT,
      useFactory: (config: AssetsConfig) => config.VERIFY_RATE_PER_MINUTE,
      inject: [AssetsConfig],
    },
    {
      provide: RECONCILE_INTERVAL_MS,
      useFactory: (config: AssetsConfig) => config.RECONCILE_INTERVAL_MS,
      inject: [AssetsConfig],
    },
    {
      provide: SECRETS_SWEEP_OPTIONS,
      useFactory: (config: AssetsConfig): SecretSweepOptions => ({
        intervalMs: config.SECRETS_SWEEP_INTERVAL_MS,
        graceMs: config.SECRETS_SWEEP_GRACE_MS,
      }),
      inject: [AssetsConfig],
    },
    {
      provide: HEALTH_SCHEDULE_OPTIONS,
      useFactory: (config: AssetsConfig): HealthScheduleOptions => ({
        tickMs: config.HEALTH_CHECK_TICK_MS,
        defaultIntervalS: config.HEALTH_CHECK_DEFAULT_INTERVAL_S,
        concurrency: config.HEALTH_CHECK_CONCURRENCY,
        orgConcurrency: config.HEALTH_CHECK_ORG_CONCURRENCY,
        historyLimit: config.HEALTH_HISTORY_LIMIT,
        slowMs: config.HEALTH_CHECK_SLOW_MS,
        tlsExpiryWarningDays: config.HEALTH_TLS_EXPIRY_WARNING_DAYS,
        credentialsMaxAgeDays: config.HEALTH_CREDENTIALS_MAX_AGE_DAYS,
      }),
      inject: [AssetsConfig],
    },
  ],
  exports: [ConnectionsService],
})
export class ConnectionsModule {}
