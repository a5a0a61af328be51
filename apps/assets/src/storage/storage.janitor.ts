import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ObjectStore } from '@app/storage';
import { FilesService } from './files.service.js';
import { DEFAULT_OBJECT_STORE } from './storage.tokens.js';

/** An upload untouched this long was abandoned (a live one writes all the time). */
export const ABANDONED_UPLOAD_IDLE_MS = 60 * 60_000;
const SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * Cleans up after uploads that never finished: file rows still `uploading` with their bytes, and
 * the local disk's temp files. Runs at start and every ten minutes; replicas may overlap, as every
 * step is idempotent.
 */
@Injectable()
export class StorageJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StorageJanitor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly files: FilesService,
    @Inject(DEFAULT_OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS).unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; never throws (a failed pass is logged and retried on the next tick). */
  sweep(idleMs = ABANDONED_UPLOAD_IDLE_MS): Promise<void> {
    this.running ??= this.sweepOnce(idleMs).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepOnce(idleMs: number): Promise<void> {
    try {
      const rows = await this.files.sweepAbandoned(this.store, idleMs);
      const temp = await this.store.removeAbandonedUploads(idleMs);
      if (rows + temp > 0) this.logger.log({ abandoned_files: rows, temp_files: temp }, 'Removed abandoned uploads');
    } catch (error) {
      this.logger.warn({ err: (error as Error)?.name }, 'Abandoned-upload sweep failed; retrying later');
    }
  }
}
