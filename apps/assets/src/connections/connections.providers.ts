import type { Provider } from '@nestjs/common';
import { AuthzClient } from '@app/authz';
import { AuditSink } from '@app/audit';
import { ConnectionsRepository } from './persistence/connections.repository.js';
import { ConnectionOperationsRepository } from './persistence/connection-operations.repository.js';
import { ConnectionSaga } from './lifecycle/connection-saga.js';
import { ConnectionsReconciler } from './lifecycle/connections.reconciler.js';
import { ConnectionsService } from './connections.service.js';
import { GovernanceCredentialsStore } from '../governance/governance-credentials.store.js';
import { ConnectionVerificationService } from './connection-verification.service.js';
import { VerificationService } from '../verification/verification.service.js';
import type { VerifyRateLimiter } from './verify-rate.limiter.js';
import { DataSource } from 'typeorm';
import { SecretSweepRepository } from './persistence/secret-sweep.repository.js';
import { SecretStoreSweeper, type SecretSweepOptions } from './lifecycle/secret-store.sweeper.js';
import { GovernanceSecretInventory } from '../governance/governance-secret-inventory.js';

export const RECONCILE_INTERVAL_MS = Symbol('RECONCILE_INTERVAL_MS');
export const VERIFY_RATE_LIMITER = Symbol('VERIFY_RATE_LIMITER');
export const SECRETS_SWEEP_OPTIONS = Symbol('SECRETS_SWEEP_OPTIONS');

/** Wiring for data connections; the ports (AuthzClient, AuditSink, …) come from the app module. */
export const CONNECTIONS_PROVIDERS: Provider[] = [
  ConnectionsRepository,
  ConnectionOperationsRepository,
  {
    provide: ConnectionSaga,
    useFactory: (c: ConnectionsRepository, o: ConnectionOperationsRepository, a: AuthzClient, g: GovernanceCredentialsStore, s: AuditSink) => new ConnectionSaga(c, o, a, g, s),
    inject: [ConnectionsRepository, ConnectionOperationsRepository, AuthzClient, GovernanceCredentialsStore, AuditSink],
  },
  {
    provide: ConnectionsService,
    useFactory: (c: ConnectionsRepository, a: AuthzClient, saga: ConnectionSaga, g: GovernanceCredentialsStore) => new ConnectionsService(c, a, saga, g),
    inject: [ConnectionsRepository, AuthzClient, ConnectionSaga, GovernanceCredentialsStore],
  },
  {
    provide: ConnectionVerificationService,
    useFactory: (c: ConnectionsService, r: ConnectionsRepository, a: AuthzClient, g: GovernanceCredentialsStore, v: VerificationService, s: AuditSink, l: VerifyRateLimiter) =>
      new ConnectionVerificationService(c, r, a, g, v, s, l),
    inject: [ConnectionsService, ConnectionsRepository, AuthzClient, GovernanceCredentialsStore, VerificationService, AuditSink, VERIFY_RATE_LIMITER],
  },
  {
    provide: ConnectionsReconciler,
    useFactory: (o: ConnectionOperationsRepository, saga: ConnectionSaga, interval: number) => new ConnectionsReconciler(o, saga, interval),
    inject: [ConnectionOperationsRepository, ConnectionSaga, RECONCILE_INTERVAL_MS],
  },
  { provide: SecretSweepRepository, useFactory: (d: DataSource) => new SecretSweepRepository(d), inject: [DataSource] },
  {
    provide: SecretStoreSweeper,
    useFactory: (r: SecretSweepRepository, i: GovernanceSecretInventory, o: SecretSweepOptions) => new SecretStoreSweeper(r, i, o),
    inject: [SecretSweepRepository, GovernanceSecretInventory, SECRETS_SWEEP_OPTIONS],
  },
];
