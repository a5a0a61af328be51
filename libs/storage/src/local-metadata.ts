import { createHash, randomUUID } from 'node:crypto';
import type { Operator } from 'opendal';
import { AppException } from '@app/core';
import { LOCAL_META_DIR, LOCAL_UPLOADS_DIR } from './object-store-spec.js';

/** What the fs backend keeps beside an object: the content type of one version of it. */
interface Sidecar {
  key: string;
  /** The version (validator) the content type belongs to. */
  etag: string;
  content_type: string;
}

/** Directories of the local root that hold the store's own files, never objects. */
const RESERVED = [LOCAL_UPLOADS_DIR, LOCAL_META_DIR];

/** Whether a path of the local root is one of the store's own files (temp uploads, sidecars). */
export function isReservedLocalPath(path: string): boolean {
  const first = path.split('/', 1)[0];
  return RESERVED.includes(first);
}

/**
 * Content types on the local disk, which keeps none itself: one small JSON sidecar per object under
 * `.opendal-meta/`, named by a hash of the key, so no key can collide with it and a listing never
 * walks it. A sidecar names the version it describes (the object's ETag, from size and mtime, which
 * a rename keeps): it is written before the object is renamed into place and trusted only while
 * the ETag still matches, so a crash, a concurrent put or a failed delete in between can make an
 * object's type unknown (null), never wrong.
 */
export class LocalMetadata {
  constructor(private readonly operator: Operator) {}

  private pathOf(key: string): string {
    const digest = createHash('sha256').update(key, 'utf8').digest('hex');
    return `${LOCAL_META_DIR}/${digest.slice(0, 2)}/${digest}.json`;
  }

  /** The content type of this version of the object, or null. */
  async contentTypeOf(key: string, etag: string | null): Promise<string | null> {
    const sidecar = await this.read(key);
    return sidecar && etag !== null && sidecar.key === key && sidecar.etag === etag
      ? sidecar.content_type
      : null;
  }

  /**
   * Records `contentType` for the version `etag` of `key` (or forgets the key's type when null),
   * atomically (temp file and rename). Returns a function that puts back what was there before,
   * for a put whose object could not be published after all.
   */
  async stage(key: string, etag: string | null, contentType: string | null): Promise<() => Promise<void>> {
    const previous = await this.read(key);
    if (contentType && etag) await this.write({ key, etag, content_type: contentType });
    else await this.remove(key);
    return async () => {
      if (previous) await this.write(previous);
      else await this.remove(key);
    };
  }

  /** Forgets the key's content type; a missing sidecar is fine. */
  async remove(key: string): Promise<void> {
    try {
      await this.operator.delete(this.pathOf(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async write(sidecar: Sidecar): Promise<void> {
    const temp = `${LOCAL_UPLOADS_DIR}/${randomUUID()}.meta`;
    try {
      await this.operator.write(temp, Buffer.from(JSON.stringify(sidecar), 'utf8'));
      await this.operator.rename(temp, this.pathOf(sidecar.key));
    } catch (error) {
      await this.operator.delete(temp).catch(() => undefined);
      throw error;
    }
  }

  private async read(key: string): Promise<Sidecar | null> {
    let raw: Buffer;
    try {
      raw = await this.operator.read(this.pathOf(key));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as Partial<Sidecar>;
      if (
        typeof parsed.key === 'string' &&
        typeof parsed.etag === 'string' &&
        typeof parsed.content_type === 'string'
      )
        return { key: parsed.key, etag: parsed.etag, content_type: parsed.content_type };
    } catch {
      // A torn or foreign file: no type rather than a failed read of the object.
    }
    return null;
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof AppException) return error.status === 404;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /^(NotFound|NotADirectory)/.test(message);
}
