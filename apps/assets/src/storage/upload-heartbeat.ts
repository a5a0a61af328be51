import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type AppException, SystemScope } from '@app/core';
import { PeriodicPass } from '../common/index.js';
import { FilesService, reservationLost } from './files.service.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

/** The process refreshes the reservations of all its uploads in progress, whatever their tenant. */
const HEARTBEAT = SystemScope.of('upload-heartbeat');

/**
 * Keeps the reservations of the file uploads this process is streaming alive: every
 * STORAGE_UPLOAD_HEARTBEAT_MS one statement refreshes their `uploading` rows, so the janitor, which
 * takes rows untouched for an hour, never takes a live upload's. A row found gone was taken anyway
 * (this process stalled past the janitor's threshold): its upload is aborted at once.
 */
@Injectable()
export class UploadHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadHeartbeat.name);
  private readonly live = new Map<string, { key: string; onLost: (reason: AppException) => void }>();
  private readonly periodic = new PeriodicPass(() => this.beatOnce());

  constructor(
    private readonly files: FilesService,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.start(this.config.STORAGE_UPLOAD_HEARTBEAT_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.periodic.stop();
  }

  /** Keeps the reservation of `file` fresh until the returned function is called. */
  hold(file: { id: string; key: string }, onLost: (reason: AppException) => void): () => void {
    this.live.set(file.id, { key: file.key, onLost });
    return () => {
      this.live.delete(file.id);
    };
  }

  /** One tick, as the timer runs it. Never throws: a failed tick is logged and the next one retries. */
  beat(): Promise<void> {
    return this.periodic.run();
  }

  private async beatOnce(): Promise<void> {
    const ids = [...this.live.keys()];
    if (ids.length === 0) return;
    let kept: Set<string>;
    try {
      kept = new Set(await this.files.refresh(HEARTBEAT, ids));
    } catch (error) {
      this.logger.warn(
        { uploads: ids.length, err: (error as Error)?.name },
        'Upload heartbeat failed; retrying on the next tick',
      );
      return;
    }
    for (const id of ids) {
      const upload = this.live.get(id);
      if (kept.has(id) || !upload) continue;
      this.live.delete(id);
      upload.onLost(reservationLost(upload));
    }
  }
}
