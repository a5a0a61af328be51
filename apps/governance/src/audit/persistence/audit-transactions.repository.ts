import { Injectable } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AuditEventInput } from '@app/audit';
import { ScopedTransaction } from '@app/database';
import { AuditEventsRepository } from './audit-events.repository.js';

/**
 * An open transaction on the Governance database that holds an audit event, for AuditedChanges.
 * It holds one connection until `release`: embedded PGlite serializes transactions, so nothing may
 * wait on another connection while it is open.
 */
export class AuditTransaction {
  /** For repository calls of the change. */
  readonly tx: ScopedTransaction;

  constructor(
    private readonly runner: QueryRunner,
    /** The connection itself, for backends that write on it (embedded secrets and tuples). */
    readonly connection: ClientBase,
    private readonly events: AuditEventsRepository,
  ) {
    this.tx = ScopedTransaction.of(runner.manager);
  }

  /** Appends an event on this transaction. */
  append(event: AuditEventInput): Promise<void> {
    return this.events.appendEvent(event, this.tx);
  }

  commit(): Promise<void> {
    return this.runner.commitTransaction();
  }

  /** Rolls back, unless the transaction has ended already. */
  async rollback(): Promise<void> {
    if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
  }

  release(): Promise<void> {
    return this.runner.release();
  }
}

/** Opens the transactions of AuditedChanges, each with its audit event inserted first. */
@Injectable()
export class AuditTransactionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AuditEventsRepository,
  ) {}

  /**
   * Opens a transaction and inserts `event` on it. A `provisional` event goes in on a savepoint
   * that is rolled back at once: it proves the log takes the event, whose final form is appended
   * after the change. When this throws, nothing is open.
   */
  async open(
    event: AuditEventInput,
    { provisional = false }: { provisional?: boolean } = {},
  ): Promise<AuditTransaction> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as ClientBase;
      await runner.startTransaction();
      const transaction = new AuditTransaction(runner, connection, this.events);
      if (provisional) await runner.startTransaction();
      await transaction.append(event);
      if (provisional) await runner.rollbackTransaction();
      return transaction;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }
}
