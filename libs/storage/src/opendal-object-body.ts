import { Readable, type Writable } from 'node:stream';
import type { Operator, Reader } from 'opendal';
import { AppException } from '@app/core';
import type { ObjectBody, WriteToOptions } from './object-store.js';
import { streamedGarbage } from './streamed-garbage.js';

/**
 * Slice size of streamed reads: each read is one N-API call, and a slice sits in the socket's
 * queue until written, so it also bounds the memory of one download (two slices when written).
 */
export const READ_SLICE_BYTES = 256 * 1024;

const changedWhileReading = () => AppException.conflict('The object changed while it was being read');

/**
 * Bytes `[start, endExclusive)` of one object, read once, either as a Readable or written into a
 * Writable. Reads from the start go through one OpenDAL reader; ranges fetch each slice with its
 * own ranged read (the Node binding's reader cannot seek).
 */
export class OpenDalObjectBody implements ObjectBody {
  private consumed = false;

  constructor(
    private readonly operator: Operator,
    private readonly key: string,
    private readonly start: number,
    private readonly endExclusive: number,
    private readonly ifMatch: string | undefined,
    private readonly mapError: (error: unknown) => Error,
  ) {}

  stream(): Readable {
    const next = this.slices();
    return new Readable({
      highWaterMark: READ_SLICE_BYTES,
      read() {
        next(undefined).then(
          (buffer) => {
            // Fresh buffers: the consumer may keep them, so they become garbage only later.
            if (buffer) streamedGarbage().note(buffer.length);
            this.push(buffer ?? null);
          },
          (error: unknown) => this.destroy(error as Error),
        );
      },
    });
  }

  /**
   * Reads into two buffers used in turn and refills one only after its write called back (the
   * socket no longer references it), so a download allocates nothing per slice and waits for the
   * destination (backpressure). Ends the destination and resolves once it finished.
   */
  async writeTo(destination: Writable, options: WriteToOptions = {}): Promise<void> {
    const next = this.slices();
    const buffers = [Buffer.allocUnsafeSlow(READ_SLICE_BYTES), Buffer.allocUnsafeSlow(READ_SLICE_BYTES)];
    const writes: Array<Promise<void> | undefined> = [undefined, undefined];
    // Some destinations never call back once closed (an HTTP response whose client left); an
    // 'error' is handled here rather than left unhandled.
    let onEnd: (error?: Error) => void = () => undefined;
    const closed = new Promise<never>((_, reject) => {
      onEnd = (error) => reject(error ?? new Error('The destination closed before the body was written'));
    });
    closed.catch(() => undefined);
    destination.on('close', onEnd).on('error', onEnd);
    const unlessClosed = <T>(promise: Promise<T>) => Promise.race([promise, closed]);
    let started = false;
    const start = () => {
      if (!started) options.beforeFirstWrite?.();
      started = true;
    };
    try {
      for (let turn = 0; ; turn = 1 - turn) {
        await unlessClosed(writes[turn] ?? Promise.resolve());
        const slice = await next(buffers[turn]);
        if (!slice) break;
        start();
        writes[turn] = written(destination, slice);
        // Awaited on this buffer's next turn or below; this only keeps a failure from being unhandled meanwhile.
        writes[turn]!.catch(() => undefined);
      }
      await unlessClosed(Promise.all(writes.map((write) => write ?? Promise.resolve())));
      start();
      await unlessClosed(
        new Promise<void>((resolve, reject) =>
          destination.end((error?: Error | null) => (error ? reject(error) : resolve())),
        ),
      );
    } catch (error) {
      throw started ? new HeadersSentError(error) : error;
    } finally {
      destination.off('close', onEnd).off('error', onEnd);
    }
  }

  /**
   * The slice reader: `into` is filled and a view of it returned (a fresh buffer without `into`);
   * undefined once the range is done.
   */
  private slices(): (into: Buffer | undefined) => Promise<Buffer | undefined> {
    if (this.consumed) throw new Error('An object body can be read only once');
    this.consumed = true;
    let position = this.start;
    let reader: Promise<Reader> | undefined;
    return async (into) => {
      if (position >= this.endExclusive) return undefined;
      const size = Math.min(into?.length ?? READ_SLICE_BYTES, this.endExclusive - position);
      let slice: Buffer;
      try {
        if (this.start === 0) {
          reader ??= this.operator.reader(this.key, this.ifMatch ? { ifMatch: this.ifMatch } : {});
          const target = (into ?? Buffer.allocUnsafeSlow(size)).subarray(0, size);
          slice = target.subarray(0, Number(await (await reader).read(target)));
        } else {
          const read = await this.operator.read(this.key, {
            offset: BigInt(position),
            size: BigInt(size),
            ...(this.ifMatch ? { ifMatch: this.ifMatch } : {}),
          });
          streamedGarbage().note(read.length);
          slice = into ? into.subarray(0, read.copy(into)) : read;
        }
      } catch (error) {
        throw this.mapError(error);
      }
      if (slice.length === 0) throw changedWhileReading();
      position += slice.length;
      return slice;
    };
  }
}

/** A failure after `beforeFirstWrite` ran: the response has begun, so only closing it is left. */
export class HeadersSentError extends Error {
  constructor(readonly reason: unknown) {
    super('The object body failed after its first bytes were written', { cause: reason });
  }
}

function written(destination: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    destination.write(chunk, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
