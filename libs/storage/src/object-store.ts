import type { Readable, Writable } from 'node:stream';

/** What a store knows about one object. `etag` and `contentType` are null when the backend keeps none. */
export interface ObjectInfo {
  key: string;
  size: number;
  etag: string | null;
  lastModified: Date | null;
  contentType: string | null;
}

export interface ByteRange {
  start: number;
  /** Inclusive, like HTTP; omitted means "to the end". */
  end?: number;
}

export interface WriteToOptions {
  /** Runs once, right before the first byte is written (or the destination ended); set headers here. */
  beforeFirstWrite?: () => void;
}

/** The bytes of a `get`, read once: either as a stream or written into a destination. */
export interface ObjectBody {
  /** Fresh buffers the consumer may keep. */
  stream(): Readable;
  /**
   * Writes the bytes and ends `destination`, reusing a few buffers (so the destination must be
   * done with a chunk when its write calls back, as sockets are). A failure after the first write
   * rejects with HeadersSentError.
   */
  writeTo(destination: Writable, options?: WriteToOptions): Promise<void>;
}

export interface GetResult extends ObjectInfo {
  body: ObjectBody;
  /** Present on ranged reads: the bytes actually served, inclusive, and the object's full size. */
  contentRange?: { start: number; end: number; size: number };
}

export interface PutOptions {
  contentType?: string;
  /** Abort (and leave no object) once more than this many bytes have arrived. */
  maxBytes?: number;
  /**
   * Abort with UploadIdleTimeoutError (408) when the body sends nothing for this long. Only time
   * spent waiting for the body counts, never time spent writing (backpressure).
   */
  idleTimeoutMs?: number;
  /** Aborts the put from outside; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Wraps the step that makes the received bytes visible at their key (the rename on disk, the
   * final request on clouds). Throw instead of calling `publish` and nothing reaches the key.
   * Default: publish at once.
   */
  commit?: (publish: () => Promise<PutResult>) => Promise<PutResult>;
}

export interface PutResult {
  key: string;
  size: number;
  etag: string | null;
}

export interface ListOptions {
  prefix: string;
  /** Opaque value from a previous page's `next_cursor`. */
  cursor?: string | null;
  limit: number;
}

/** Wire shape (snake_case) so that routes can return it as is. */
export interface ListedObject {
  key: string;
  size: number;
  etag: string | null;
  last_modified: string | null;
  content_type: string | null;
}

export interface ListPage {
  items: ListedObject[];
  next_cursor: string | null;
}

/**
 * Object storage for one bucket/container/root. Keys are relative, `/`-separated and already
 * validated (see TenantKeyBuilder); adapters re-check them so that no key can leave the root.
 * Missing objects raise `AppException.notFound('Object')`.
 */
export abstract class ObjectStore {
  /**
   * Writes `body` to `key`. A put that fails or is aborted leaves nothing behind on the local disk,
   * neither at its key nor as a temp file, by the time it rejects. Cloud stores cannot abort an
   * unfinished multipart upload through OpenDAL's Node binding; it stays invisible until the
   * bucket's lifecycle rule expires it.
   */
  abstract put(key: string, body: Buffer | Readable, options?: PutOptions): Promise<PutResult>;
  abstract get(key: string, options?: { range?: ByteRange }): Promise<GetResult>;
  abstract head(key: string): Promise<ObjectInfo>;
  /** Keys in ascending byte order; the order is stable across pages. */
  abstract list(options: ListOptions): Promise<ListPage>;
  /** Idempotent: deleting a missing key succeeds. */
  abstract delete(key: string): Promise<void>;
  abstract copy(from: string, to: string): Promise<void>;
  /**
   * Removes what uploads that never finished left behind and nobody touched for `idleMs`; returns
   * how many. The local disk keeps such temp files; cloud stores keep incomplete multipart uploads
   * out of sight, for the bucket's lifecycle rule to expire, so they report 0.
   */
  abstract removeAbandonedUploads(idleMs: number): Promise<number>;
}
