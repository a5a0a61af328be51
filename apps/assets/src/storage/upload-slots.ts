import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyLimiter } from '../verification/concurrency-limiter.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

/**
 * Caps the uploads streaming at once (in all and per org), since each one holds its staging
 * buffers until it ends; beyond the cap a caller gets 429 at once rather than a queue.
 */
@Injectable()
export class UploadSlots {
  private readonly limiter: ConcurrencyLimiter;

  constructor(@Inject(STORAGE_CONFIG) config: StorageConfig) {
    this.limiter = new ConcurrencyLimiter(config.STORAGE_MAX_CONCURRENT_UPLOADS, config.STORAGE_MAX_CONCURRENT_UPLOADS_PER_ORG, 'uploads');
  }

  /** Runs `upload` in a slot of `orgId`, or throws RATE_LIMIT_EXCEEDED (429). */
  async run<T>(orgId: string, upload: () => Promise<T>): Promise<T> {
    const release = this.limiter.acquire(orgId);
    try {
      return await upload();
    } finally {
      release();
    }
  }
}
