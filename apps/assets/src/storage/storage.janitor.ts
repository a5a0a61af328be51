import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type OnDrain, SystemScope } from '@app/core';
import type { ObjectStore } from '@app/storage';
import { PeriodicPass } from '../common/index.js';
import { FilesService } from './files.service.js';
import { DEFAULT_OBJECT_STORE } from './storage.tokens.js';

/** Abandoned uploads of every tenant are swept by one system job. */
const JANITOR = SystemScope.of('storage-janitor');

/**
 * A reservation not refreshed for this long was abandoned: a live upload refreshes its row every
 * STORAGE_UPLOAD_HEARTBEAT_MS (UploadHeartbeat), and a failed one removes its row and bytes itself.
 */
export const ABANDONED_UPLOAD_IDLE_MS = 60 * 60_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * Cleans up after uploads whose process died: file rows still `uploading` whose heartbeat stopped,
 * with their bytes, and the local disk's temp files. Runs at start and every ten minutes; replicas
 * may overlap, as every step is idempotent and a row is taken under its lock.
 */
@Injectable()
export class StorageJanitor implements OnApplicationBootstrap, OnDrain, OnApplicationShutdown {
  private readonly logger = new Logger(StorageJanitor.name);
  private readonly periodic = new PeriodicPass(() => this.sweepOnce(ABANDONED_UPLOAD_IDLE_MS));

  constructor(
    private readonly files: FilesService,
    @Inject(DEFAULT_OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.start(SWEEP_INTERVAL_MS);
    void this.sweep();
  }

  /** Draining: no upload is taken after this; resolves once the one in flight is done. */
  onDrain(): Promise<void> {
    return this.periodic.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** One pass (or the one in flight); never throws (a failed pass is logged and retried on the next tick). */
  sweep(idleMs = ABANDONED_UPLOAD_IDLE_MS): Promise<void> {
    // Stopped (draining): nothing runs, and that is not a failure.
    return this.periodic.run(() => this.sweepOnce(idleMs)).catch(() => undefined);
  }

  private async sweepOnce(idleMs: number): Promise<void> {
    try {
      const rows = await this.files.sweepAbandoned(JANITOR, this.store, idleMs, () => this.periodic.stopping);
      const temp = this.periodic.stopping ? 0 : await this.store.removeAbandonedUploads(idleMs);
      if (rows + temp > 0)
        this.logger.log({ abandoned_files: rows, temp_files: temp }, 'Removed abandoned uploads');
    } catch (error) {
      this.logger.warn({ err: (error as Error)?.name }, 'Abandoned-upload sweep failed; retrying later');
    }
  }
}
