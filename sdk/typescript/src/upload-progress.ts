import type { UploadBody } from './storage.js';

/** How much of an upload has been sent: `total` is null when the body's size is not known (a stream). */
export interface UploadProgress {
  loaded: number;
  total: number | null;
}

export type ProgressListener = (progress: UploadProgress) => void;

const encoder = new TextEncoder();

// The part of the browser's XMLHttpRequest used here (the SDK builds without the DOM library).
interface ProgressEventLike {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  getAllResponseHeaders(): string;
  send(body: Blob | string): void;
  abort(): void;
  responseType: string;
  readonly response: unknown;
  readonly status: number;
  readonly upload: { onprogress: ((event: ProgressEventLike) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  ontimeout: (() => void) | null;
  onabort: (() => void) | null;
}
declare const XMLHttpRequest: (new () => XhrLike) | undefined;

/** The body's size in bytes when it can be told without reading it. */
export type SizedBody = Blob | Uint8Array | string;

export const isSized = (body: UploadBody): body is SizedBody =>
  typeof body === 'string' || body instanceof Uint8Array || body instanceof Blob;

export function sizeOf(body: UploadBody): number | null {
  if (typeof body === 'string') return encoder.encode(body).byteLength;
  if (body instanceof Uint8Array) return body.byteLength;
  if (body instanceof Blob) return body.size;
  return null;
}

/**
 * The same bytes as a stream that reports each chunk as fetch pulls it: fetch reads a streamed body
 * only as fast as it sends it, so what was pulled is what is on its way.
 */
export function counted(body: UploadBody, listener: ProgressListener): ReadableStream<Uint8Array> {
  const total = sizeOf(body);
  const source: AsyncIterable<Uint8Array> =
    typeof body === 'string'
      ? ReadableStream.from([encoder.encode(body)])
      : body instanceof Uint8Array
        ? ReadableStream.from([body])
        : body instanceof Blob
          ? body.stream()
          : body;
  const iterator = source[Symbol.asyncIterator]();
  let loaded = 0;
  listener({ loaded, total });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) return controller.close();
      loaded += next.value.byteLength;
      controller.enqueue(next.value);
      listener({ loaded, total });
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** True where XMLHttpRequest exists (browsers): its upload events are the only progress a page can see. */
export const canReportUploadProgress = () => typeof XMLHttpRequest === 'function';

/**
 * One request through XMLHttpRequest, answered as a fetch Response. Browsers send a streamed fetch
 * body only over HTTP/2, and report no progress for any other, so uploads that want progress take
 * this path there.
 */
export function sendWithProgress(
  url: string,
  init: { method: string; headers: Headers; body: SizedBody; signal?: AbortSignal | null },
  listener: ProgressListener,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest!();
    request.open(init.method, url);
    request.responseType = 'blob';
    init.headers.forEach((value, name) => request.setRequestHeader(name, value));
    const total = sizeOf(init.body);
    request.upload.onprogress = (event) =>
      listener({ loaded: event.loaded, total: event.lengthComputable ? event.total : total });
    request.onload = () => {
      const headers = new Headers();
      for (const line of request
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      const empty = request.status === 204 || request.status === 304;
      resolve(new Response(empty ? null : (request.response as Blob), { status: request.status, headers }));
    };
    request.onerror = () => reject(new TypeError('Failed to fetch'));
    request.ontimeout = () => reject(new TypeError('Failed to fetch'));
    const abort = () => request.abort();
    request.onabort = () =>
      reject(init.signal?.reason ?? new DOMException('The upload was aborted', 'AbortError'));
    if (init.signal?.aborted) return abort();
    init.signal?.addEventListener('abort', abort, { once: true });
    listener({ loaded: 0, total });
    request.send(
      init.body instanceof Uint8Array ? new Blob([init.body as Uint8Array<ArrayBuffer>]) : init.body,
    );
  });
}
