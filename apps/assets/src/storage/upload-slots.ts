import { Inject, Injectable, Optional } from '@nestjs/common';
import { AppMetrics } from '@app/core';
import { ConcurrencyLimiter } from '../common/index.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

/**
 * Caps the uploads streaming at once (in all and per org), since each one holds its staging
 * buffers until it ends; beyond the cap a caller gets 429 at once rather than a queue.
 */
@Injectable()
export class UploadSlots {
  private readonly limiter: ConcurrencyLimiter;
  private running = 0;
  private waiters: (() => void)[] = [];

  constructor(@Inject(STORAGE_CONFIG) config: StorageConfig, @Optional() metrics?: AppMetrics) {
    if (metrics && !metrics.existing('upload_slots_in_use')) {
      const slots = () => this.running;
      metrics.gauge({
        name: 'upload_slots_in_use',
        help: 'Uploads streaming now, each holding a slot',
        collect() {
          this.set(slots());
        },
      });
      metrics
        .gauge({ name: 'upload_slots_limit', help: 'Upload slots in all (STORAGE_MAX_CONCURRENT_UPLOADS)' })
        .set(config.STORAGE_MAX_CONCURRENT_UPLOADS);
    }
    this.limiter = new ConcurrencyLimiter(
      config.STORAGE_MAX_CONCURRENT_UPLOADS,
      config.STORAGE_MAX_CONCURRENT_UPLOADS_PER_ORG,
      'uploads',
    );
  }

  /**
   * Runs `upload` in a slot of `orgId`, or throws RATE_LIMIT_EXCEEDED (429). The slot is freed only
   * once `upload` settled, its cleanup (partial bytes, reservation) included.
   */
  async run<T>(orgId: string, upload: () => Promise<T>): Promise<T> {
    const release = this.limiter.acquire(orgId);
    this.running++;
    try {
      return await upload();
    } finally {
      release();
      if (--this.running === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves once no upload holds a slot, that is once every upload, failed ones included, has cleaned up. */
  drained(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
