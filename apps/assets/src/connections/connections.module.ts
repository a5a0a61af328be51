import { Module } from '@nestjs/common';
import { AssetsConfig } from '../assets.config.js';
import { GovernanceGatewayModule } from '../governance/index.js';
import { VerificationModule } from '../verification/index.js';
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
import { CLOCK } from '../common/index.js';
import { ConnectionRotationSaga } from './lifecycle/rotation-saga.js';
import { ConnectionRotationsRepository } from './persistence/connection-rotations.repository.js';
import { RotationsController } from './rotations.controller.js';
import { ConnectionRotationsService, ROTATION_GRACE_PERIOD_DEFAULT_S } from './rotations.service.js';

/** Data connections: metadata here, credentials in Governance, lifecycle and its reconciliation. */
@Module({
  imports: [GovernanceGatewayModule, VerificationModule],
  controllers: [ConnectionsController, RotationsController],
  providers: [
    ConnectionsRepository,
    ConnectionOperationsRepository,
    SecretSweepRepository,
    ConnectionSaga,
    ConnectionsService,
    ConnectionVerificationService,
    ConnectionsReconciler,
    SecretStoreSweeper,
    VerifyRateLimiter,
    ConnectionRotationsRepository,
    ConnectionRotationSaga,
    ConnectionRotationsService,
    // Time where it decides behaviour (grace periods, retirement); tests replace it.
    { provide: CLOCK, useValue: Date.now },
    {
      provide: ROTATION_GRACE_PERIOD_DEFAULT_S,
      useFactory: (config: AssetsConfig) => config.ROTATION_GRACE_PERIOD_DEFAULT_S,
      inject: [AssetsConfig],
    },
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
  ],
  exports: [ConnectionsService],
})
export class ConnectionsModule {}
