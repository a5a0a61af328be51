import { createHash, randomUUID } from 'node:crypto';
import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import type { Metadata, Operator } from 'opendal';
import { AppException, DependencyUnavailableError, ErrorCode } from '@app/core';
import {
  type ByteRange,
  type GetResult,
  type ListedObject,
  type ListOptions,
  type ListPage,
  type ObjectInfo,
  ObjectStore,
  type PutOptions,
  type PutResult,
} from './object-store.js';
import { assertSafeObjectKey, assertSafePrefix } from './object-key.js';
import { LOCAL_UPLOADS_DIR, type OpenDalTarget } from './object-store-spec.js';
import { isReservedLocalPath, LocalMetadata } from './local-metadata.js';
import { compareKeys, decodeListCursor, encodeListCursor } from './list-cursor.js';
import { streamedGarbage } from './streamed-garbage.js';
import { OpenDalObjectBody } from './opendal-object-body.js';

/** Multipart part size of streamed writes to cloud stores (S3 needs at least 5 MiB per part). */
export const STREAM_CHUNK_BYTES = 8 * 1024 * 1024;
/** Staging buffers of streamed writes to the local disk: no parts there, only fewer, larger writes (4 MiB measured no faster, +10–20 MiB RSS). */
export const LOCAL_WRITE_BYTES = 1024 * 1024;
const MAX_LIST_LIMIT = 1000;
const STAT_CONCURRENCY = 8;

/** A single range that cannot be served (HTTP 416); carries the object size for `Content-Range`. */
export class RangeNotSatisfiableError extends AppException {
  constructor(readonly size: number) {
    super(ErrorCode.RANGE_NOT_SATISFIABLE, 'Requested range not satisfiable', { size });
  }
}

export class ObjectTooLargeError extends AppException {
  constructor(readonly maxBytes: number) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, `The object is larger than the ${maxBytes}-byte limit`, {
      max_bytes: maxBytes,
    });
  }
}

/** The body of an upload sent nothing for `idleMs` (HTTP 408); the upload was aborted. */
export class UploadIdleTimeoutError extends AppException {
  constructor(readonly idleMs: number) {
    super(ErrorCode.REQUEST_TIMEOUT, `No data received for ${idleMs} ms; the upload was aborted`, {
      idle_timeout_ms: idleMs,
    });
  }
}

/**
 * The next piece of an upload's body, or a rejection once the body stayed silent for the idle
 * timeout or the put was aborted. The body's own promise is left to settle on its own.
 */
export function waitForBody<T>(
  pending: Promise<T>,
  options: Pick<PutOptions, 'idleTimeoutMs' | 'signal'>,
): Promise<T> {
  const { idleTimeoutMs, signal } = options;
  if (!idleTimeoutMs && !signal) return pending;
  signal?.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const stop = (error: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = () => stop(signal!.reason);
    const timer = idleTimeoutMs
      ? setTimeout(() => stop(new UploadIdleTimeoutError(idleTimeoutMs)), idleTimeoutMs)
      : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.then((value) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    }, stop);
  });
}

/**
 * OpenDAL errors start with their kind (`NotFound (permanent) at stat, context: …`). Only the kind
 * and operation survive: the context may quote endpoints or signed query strings.
 */
export function mapOpenDalError(error: unknown): Error {
  if (error instanceof AppException) return error;
  // Not `instanceof Error`: native errors may come from another realm (jest VM modules).
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  const kind = /^([A-Za-z]+)/.exec(message)?.[1] ?? 'Unexpected';
  switch (kind) {
    case 'NotFound':
    case 'IsADirectory':
    case 'NotADirectory':
      return AppException.notFound('Object');
    case 'ConditionNotMatch':
      return AppException.conflict('The object changed while it was being read');
    default:
      return new DependencyUnavailableError(
        'Object storage',
        new Error(message.split(/,\s*context:/)[0].slice(0, 200)),
      );
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw mapOpenDalError(error);
  }
}

function toNumber(value: bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

interface OpenedOperator {
  operator: Operator;
  capability: { contentType: boolean; ifMatch: boolean; startAfter: boolean };
  /** Content types on the local disk, which keeps none itself; undefined for cloud stores. */
  local?: LocalMetadata;
}

/**
 * OpenDAL's native library (about 10 MiB resident) loads with the first store that is used, not
 * when Assets boots: the default store exists from the start but may serve nothing for hours.
 */
function openOperator(target: OpenDalTarget): OpenedOperator {
  const { Operator } = createRequire(import.meta.url)('opendal') as typeof import('opendal');
  const operator = new Operator(target.scheme, target.options);
  const cap = operator.capability();
  return {
    operator,
    capability: {
      contentType: cap.writeWithContentType,
      ifMatch: cap.readWithIfMatch,
      startAfter: cap.listWithStartAfter,
    },
    ...(target.scheme === 'fs' ? { local: new LocalMetadata(operator) } : {}),
  };
}

/** The one adapter for every backend; scheme specifics live in `toOpenDal`. */
export class OpenDalObjectStore extends ObjectStore {
  private opened?: OpenedOperator;
  /** Temp files of this store's uploads in progress (local disk only). */
  private readonly liveTemps = new Set<string>();

  constructor(private readonly target: OpenDalTarget) {
    super();
  }

  private get operator(): Operator {
    return (this.opened ??= openOperator(this.target)).operator;
  }

  private get capability(): OpenedOperator['capability'] {
    return (this.opened ??= openOperator(this.target)).capability;
  }

  private get local(): LocalMetadata | undefined {
    return (this.opened ??= openOperator(this.target)).local;
  }

  /** Cloud parts must be full chunks; the disk just takes fewer, larger writes. */
  private get stagingBytes(): number {
    return this.target.scheme === 'fs' ? LOCAL_WRITE_BYTES : STREAM_CHUNK_BYTES;
  }

  get scheme(): string {
    return this.target.scheme;
  }

  /** The key rules, plus on the local disk: nothing under the store's own directories. */
  private assertKey(key: string): string {
    assertSafeObjectKey(key);
    if (this.local && isReservedLocalPath(key))
      throw AppException.invalidRequest('Invalid object key: reserved by the store');
    return key;
  }

  async put(key: string, body: Buffer | Readable, options: PutOptions = {}): Promise<PutResult> {
    this.assertKey(key);
    // On disk the bytes go to a temp file of our own, renamed to the key on commit and deleted on
    // any failure. (OpenDAL's own atomic write leaves its temp file behind when a write is
    // abandoned: the Node binding has no abort, and its temp files cannot be told apart.)
    const temp = this.target.scheme === 'fs' ? `${LOCAL_UPLOADS_DIR}/${randomUUID()}` : undefined;
    const commit = options.commit ?? ((publish) => publish());
    if (temp) this.liveTemps.add(temp);
    try {
      const finish = await this.receive(temp ?? key, body, options);
      // The disk's temp file is complete before the commit; a cloud upload completes in it.
      if (temp) await finish();
      return await commit(async () => {
        if (temp) await this.publishLocal(temp, key, options.contentType ?? null);
        else await finish();
        const info = await this.head(key);
        return { key, size: info.size, etag: info.etag };
      });
    } catch (error) {
      if (temp) await this.operator.delete(temp).catch(() => undefined);
      throw error;
    } finally {
      if (temp) this.liveTemps.delete(temp);
    }
  }

  /**
   * Renames a complete temp file to its key, its content type recorded first for exactly that
   * version (a rename keeps size and mtime, hence the ETag); a failed rename puts the previous
   * record back.
   */
  private async publishLocal(temp: string, key: string, contentType: string | null): Promise<void> {
    const staged = this.infoOf(temp, await call(() => this.operator.stat(temp)));
    const restore = await call(() => this.local!.stage(key, staged.etag, contentType));
    try {
      await call(() => this.operator.rename(temp, key));
    } catch (error) {
      await restore().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Writes everything but the final step to `target` and returns that step: closing the writer, or
   * the single write of an object that fit in one staging buffer.
   */
  private async receive(
    target: string,
    body: Buffer | Readable,
    options: PutOptions,
  ): Promise<() => Promise<void>> {
    const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
    const writeOptions =
      this.capability.contentType && options.contentType ? { contentType: options.contentType } : {};
    if (!Buffer.isBuffer(body)) return this.putStream(target, body, max, writeOptions, options);
    if (body.length > max) throw new ObjectTooLargeError(max);
    options.signal?.throwIfAborted();
    return async () => {
      await call(() => this.operator.write(target, body, writeOptions));
    };
  }

  /**
   * Incoming pieces (64 KiB socket reads) are copied into two staging buffers reused for the whole
   * upload: while OpenDAL writes one, the socket fills the other, so receiving and writing overlap
   * instead of taking turns. A buffer is refilled only after its write resolved (OpenDAL may read
   * it until then), and at most one write is in flight, so the socket is paused (backpressure)
   * whenever the disk or cloud is slower. That keeps one upload at two buffers of JS memory, cuts
   * N-API calls by the buffer-to-piece ratio, and never holds a whole object. Objects that fit in
   * one buffer go up in a single request (Azure drops the content type of block lists); larger ones
   * through OpenDAL's writer, one part per full buffer.
   *
   * The body is never destroyed here: on a failure the caller can still answer on the socket.
   */
  private async putStream(
    key: string,
    body: Readable,
    max: number,
    writeOptions: { contentType?: string },
    options: PutOptions,
  ): Promise<() => Promise<void>> {
    let staging: Buffer = Buffer.allocUnsafeSlow(this.stagingBytes);
    let spare: Buffer | undefined;
    let filled = 0;
    let received = 0;
    let writer: Awaited<ReturnType<Operator['writer']>> | undefined;
    let inFlight: Promise<void> | undefined;
    const settle = async (): Promise<void> => {
      const pending = inFlight;
      inFlight = undefined;
      await pending;
    };
    const flush = async (): Promise<void> => {
      writer ??= await call(() =>
        this.operator.writer(key, {
          ...writeOptions,
          ...(this.target.scheme === 'fs' ? {} : { chunk: BigInt(STREAM_CHUNK_BYTES) }),
        }),
      );
      await settle();
      const open = writer;
      const full = staging.subarray(0, filled);
      inFlight = call(() => open.write(full));
      // Awaited by the next settle(); this only keeps a failure from being reported as unhandled meanwhile.
      inFlight.catch(() => undefined);
      [staging, spare] = [spare ?? Buffer.allocUnsafeSlow(staging.length), staging];
      filled = 0;
    };
    const pieces = body[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    // A failure abandons the writer: the caller deletes the disk's temp file; clouds leave an
    // uncompleted multipart upload for the lifecycle rule.
    try {
      for (;;) {
        const next = await waitForBody(pieces.next(), options);
        if (next.done) break;
        const piece = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        received += piece.length;
        streamedGarbage().note(piece.length);
        if (received > max) throw new ObjectTooLargeError(max);
        let offset = 0;
        while (offset < piece.length) {
          const copied = piece.copy(staging, filled, offset);
          filled += copied;
          offset += copied;
          if (filled === staging.length) await flush();
        }
      }
      if (writer) {
        if (filled > 0) await flush();
        await settle();
        const open = writer;
        return () => call(() => open.close());
      }
      const whole = staging.subarray(0, filled);
      return async () => {
        await call(() => this.operator.write(key, whole, writeOptions));
      };
    } catch (error) {
      // Let a write still in flight finish first, so nothing touches the abandoned upload afterwards.
      await inFlight?.catch(() => undefined);
      throw error;
    }
  }

  async head(key: string): Promise<ObjectInfo> {
    this.assertKey(key);
    const meta = await call(() => this.operator.stat(key));
    if (!meta.isFile()) throw AppException.notFound('Object');
    const info = this.infoOf(key, meta);
    if (this.local) info.contentType = await call(() => this.local!.contentTypeOf(key, info.etag));
    return info;
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<GetResult> {
    const info = await this.head(key);
    let start = 0;
    let end = info.size - 1;
    let contentRange: GetResult['contentRange'];
    if (options.range) {
      const { start: from, end: to } = options.range;
      if (
        !Number.isSafeInteger(from) ||
        from < 0 ||
        from >= info.size ||
        (to !== undefined && (!Number.isSafeInteger(to) || to < from))
      ) {
        throw new RangeNotSatisfiableError(info.size);
      }
      start = from;
      end = Math.min(to ?? info.size - 1, info.size - 1);
      contentRange = { start, end, size: info.size };
    }
    // Pin every slice to the version we stat'ed where the backend supports If-Match.
    const ifMatch =
      this.capability.ifMatch && info.etag && !info.etag.startsWith('W/') ? info.etag : undefined;
    return {
      ...info,
      body: new OpenDalObjectBody(this.operator, key, start, end + 1, ifMatch, mapOpenDalError),
      contentRange,
    };
  }

  async list(options: ListOptions): Promise<ListPage> {
    const prefix = assertSafePrefix(options.prefix);
    const limit = Math.max(1, Math.min(MAX_LIST_LIMIT, Math.trunc(options.limit)));
    const after = options.cursor ? decodeListCursor(options.cursor, prefix) : null;
    const directory = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    // Keep the `limit + 1` smallest keys after the cursor; stop early when the backend is ordered.
    const page: string[] = [];
    const metadata = new Map<string, Metadata>();
    let lister;
    try {
      lister = await this.operator.lister(directory, {
        recursive: true,
        ...(after && this.capability.startAfter ? { startAfter: after } : {}),
      });
    } catch (error) {
      const mapped = mapOpenDalError(error);
      if (mapped instanceof AppException && mapped.status === 404) return { items: [], next_cursor: null };
      throw mapped;
    }
    for (;;) {
      const entry = await call(() => lister.next());
      if (!entry) break;
      const path = entry.path();
      if (path.endsWith('/') || !path.startsWith(prefix)) continue;
      if (this.local && isReservedLocalPath(path)) continue;
      if (after !== null && compareKeys(path, after) <= 0) continue;
      if (page.length > limit && compareKeys(path, page[page.length - 1]) >= 0) {
        if (this.target.orderedListing) break;
        continue;
      }
      insertSorted(page, path);
      metadata.set(path, entry.metadata());
      if (page.length > limit + 1) metadata.delete(page.pop()!);
      if (this.target.orderedListing && page.length > limit) break;
    }
    const hasMore = page.length > limit;
    const keys = page.slice(0, limit);
    const items = await mapLimited(keys, STAT_CONCURRENCY, (key) =>
      this.listedObject(key, metadata.get(key)!),
    );
    return {
      items: items.filter((i): i is ListedObject => i !== null),
      next_cursor: hasMore ? encodeListCursor(keys[keys.length - 1]) : null,
    };
  }

  async delete(key: string): Promise<void> {
    this.assertKey(key);
    await call(() => this.operator.delete(key));
    // After the object: a sidecar left by a failure here matches no later version of the key.
    if (this.local) await call(() => this.local!.remove(key));
  }

  async removeAbandonedUploads(idleMs: number): Promise<number> {
    if (this.target.scheme !== 'fs') return 0;
    const directory = join(this.target.options.root, LOCAL_UPLOADS_DIR);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    // A failed upload deletes its own temp file, so what is left was abandoned by a process that
    // died. Uploads of this process are skipped whatever their age (a slow one may not have
    // touched its file for a while); another process's live upload touches its file all the time.
    const cutoff = Date.now() - idleMs;
    let removed = 0;
    for (const name of names) {
      if (this.liveTemps.has(`${LOCAL_UPLOADS_DIR}/${name}`)) continue;
      const path = join(directory, name);
      const info = await lstat(path).catch(() => undefined);
      if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  async copy(from: string, to: string): Promise<void> {
    this.assertKey(to);
    const source = await this.head(from);
    await call(() => this.operator.copy(from, to));
    if (this.local) {
      // The copy is a new file (new mtime, new ETag): its type is recorded for that version.
      const copied = this.infoOf(to, await call(() => this.operator.stat(to)));
      await call(() => this.local!.stage(to, copied.etag, source.contentType));
    }
  }

  /**
   * Listings rarely carry everything (S3 has no content type, fs no size, and fs keeps its types
   * in sidecars); stat what is missing.
   */
  private async listedObject(key: string, listed: Metadata): Promise<ListedObject | null> {
    let info = this.infoOf(key, listed);
    const incomplete =
      this.local !== undefined ||
      listed.lastModified === null ||
      listed.contentLength === null ||
      (this.capability.contentType && !listed.contentType) ||
      !info.etag;
    if (incomplete) {
      try {
        info = await this.head(key);
      } catch (error) {
        // Deleted between list and stat: leave it out of the page.
        if (error instanceof AppException && error.status === 404) return null;
        throw error;
      }
    }
    return {
      key,
      size: info.size,
      etag: info.etag,
      last_modified: info.lastModified ? info.lastModified.toISOString() : null,
      content_type: info.contentType,
    };
  }

  private infoOf(key: string, meta: Metadata): ObjectInfo {
    const size = toNumber(meta.contentLength);
    const lastModified = meta.lastModified ? new Date(meta.lastModified) : null;
    return {
      key,
      size,
      etag: normalizeEtag(meta.etag) ?? syntheticEtag(size, meta.lastModified),
      lastModified: lastModified && !Number.isNaN(lastModified.getTime()) ? lastModified : null,
      contentType: meta.contentType || null,
    };
  }
}

function normalizeEtag(etag: string | null): string | null {
  if (!etag) return null;
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
}

/** fs keeps no ETag: a weak validator from size and the full-precision mtime. */
function syntheticEtag(size: number, lastModified: string | null): string | null {
  if (!lastModified) return null;
  const digest = createHash('sha256').update(`${size}:${lastModified}`).digest('base64url').slice(0, 22);
  return `W/"${digest}"`;
}

function insertSorted(keys: string[], key: string): void {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(keys[mid], key) < 0) low = mid + 1;
    else high = mid;
  }
  if (keys[low] !== key) keys.splice(low, 0, key);
}

async function mapLimited<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
