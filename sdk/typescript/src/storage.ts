import { Readable } from 'node:stream';
import type { Transport } from './client.js';
import type { components } from './generated/assets.js';
import { counted, isSized, type ProgressListener } from './upload-progress.js';

type Schemas = components['schemas'];
export type PutObjectResult = Schemas['PutObjectResultDto'];
export type ObjectPage = Schemas['ObjectPageDto'];
export type StoredObject = Schemas['StoredObjectDto'];
export type FileUploaded = Schemas['FileUploadedDto'];

/**
 * What an upload reads from, a chunk at a time: a web ReadableStream, a Node Readable (or any
 * async iterable of bytes), a Blob (`fs.openAsBlob` reads a file lazily), or bytes in memory.
 */
export type UploadBody = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Blob | Uint8Array | string;

export interface StorageCallOptions {
  /** Overrides the client's X-Project-ID for this call. */
  projectId?: string;
  /** A registered storage connection (resource URI, or name) to use instead of the default store. */
  connection?: string;
  signal?: AbortSignal;
}

/** Bytes `start`..`end` (inclusive; to the end when omitted), or the last `suffix` bytes. */
export type ByteRange = { start: number; end?: number } | { suffix: number };

export interface ObjectInfo {
  size: number;
  contentType: string | null;
  etag: string | null;
  lastModified: Date | null;
}

/** A download in flight: headers read, body not yet. Read `body` (or `nodeStream()`) once. */
export interface ObjectDownload extends ObjectInfo {
  /** 206 when a range was served. */
  status: number;
  /** The part served, when a range was asked for: `{ start, end, size }` of the whole object. */
  range: { start: number; end: number; size: number } | null;
  /** The bytes as they arrive; nothing is held in memory beyond what the reader has not taken yet. */
  body: ReadableStream<Uint8Array>;
  /** The same bytes as a Node Readable. */
  nodeStream(): Readable;
  /** The whole body as text (small objects only: it is read into memory). */
  text(): Promise<string>;
}

/** `solution/artifact-type/id…` → its URL path, each segment encoded (so `/` stays a separator). */
function objectPath(key: string, connection?: string): string {
  const path = `/assets/storage/${key.split('/').map(encodeURIComponent).join('/')}`;
  return connection ? `${path}?connection=${encodeURIComponent(connection)}` : path;
}

function infoOf(response: Response): ObjectInfo {
  const modified = response.headers.get('last-modified');
  return {
    size: Number(response.headers.get('content-length') ?? 0),
    contentType: response.headers.get('content-type'),
    etag: response.headers.get('etag'),
    lastModified: modified ? new Date(modified) : null,
  };
}

function isStream(body: UploadBody): body is ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  return body instanceof ReadableStream || (typeof body === 'object' && Symbol.asyncIterator in body);
}

/**
 * A fetch body that is read as the request is sent. A stream needs `duplex: 'half'`, and
 * `redirect: 'error'`: under any other redirect mode fetch tees the body to be able to resend it,
 * and the unread branch keeps every byte sent in memory until the request is over.
 */
function requestBody(body: UploadBody): Pick<RequestInit, 'body' | 'duplex' | 'redirect'> {
  if (!isStream(body)) return { body };
  return {
    body: body instanceof ReadableStream ? body : ReadableStream.from(body),
    duplex: 'half',
    redirect: 'error',
  };
}

/** Shared storage under `<org>/<project>/<solution>/`: keys are `solution/artifact-type/id…`. */
export class Storage {
  constructor(private readonly transport: Transport) {}

  /** Uploads `body` to `key`, streaming it (a stream is never read into memory). */
  async put(
    key: string,
    body: UploadBody,
    options: StorageCallOptions & { contentType?: string; onProgress?: ProgressListener } = {},
  ): Promise<PutObjectResult> {
    const headers = new Headers({ 'content-type': options.contentType ?? 'application/octet-stream' });
    const path = objectPath(key, options.connection);
    const call = { method: 'PUT', headers, projectId: options.projectId, signal: options.signal };
    const { onProgress } = options;
    const response =
      onProgress && isSized(body) && this.transport.sendsUploadProgress
        ? await this.transport.sendWithProgress(path, { ...call, body }, onProgress)
        : await this.transport.send(path, {
            ...call,
            // Elsewhere the body streams, counted as fetch reads it.
            ...requestBody(onProgress ? counted(body, onProgress) : body),
          });
    return (await response.json()) as PutObjectResult;
  }

  /** Starts a download of `key` (or of `range` of it); the body streams as it is read. */
  async get(key: string, options: StorageCallOptions & { range?: ByteRange } = {}): Promise<ObjectDownload> {
    const headers = new Headers();
    const { range } = options;
    if (range)
      headers.set(
        'range',
        'suffix' in range ? `bytes=-${range.suffix}` : `bytes=${range.start}-${range.end ?? ''}`,
      );
    const response = await this.transport.send(objectPath(key, options.connection), {
      method: 'GET',
      headers,
      projectId: options.projectId,
      signal: options.signal,
    });
    const served = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
    const body = response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    return {
      ...infoOf(response),
      status: response.status,
      range: served ? { start: Number(served[1]), end: Number(served[2]), size: Number(served[3]) } : null,
      body,
      nodeStream: () => Readable.fromWeb(body),
      text: () => new Response(body).text(),
    };
  }

  /** The object's size, type, ETag and date, without its body. */
  async head(key: string, options: StorageCallOptions = {}): Promise<ObjectInfo> {
    const response = await this.transport.send(objectPath(key, options.connection), {
      method: 'HEAD',
      projectId: options.projectId,
      signal: options.signal,
    });
    return infoOf(response);
  }

  /** One page of a solution's objects; pass `next_cursor` back as `cursor` for the next. */
  async list(
    query: { solution: string; prefix?: string; cursor?: string; limit?: number },
    options: StorageCallOptions = {},
  ): Promise<ObjectPage> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) params.set(name, String(value));
    if (options.connection) params.set('connection', options.connection);
    const response = await this.transport.send(`/assets/storage?${params}`, {
      method: 'GET',
      projectId: options.projectId,
      signal: options.signal,
    });
    return (await response.json()) as ObjectPage;
  }

  /** Every object of a solution (under `prefix`), page after page. */
  async *listAll(
    query: { solution: string; prefix?: string; limit?: number },
    options: StorageCallOptions = {},
  ): AsyncGenerator<StoredObject> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, cursor }, options);
      yield* page.data;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  /** Deletes `key`; deleting a missing object succeeds too. */
  async delete(key: string, options: StorageCallOptions = {}): Promise<void> {
    await this.transport.send(objectPath(key, options.connection), {
      method: 'DELETE',
      projectId: options.projectId,
      signal: options.signal,
    });
  }
}

export interface FileUpload {
  /** Where it lives in the `files` solution, e.g. `reports/q1.pdf`. */
  key: string;
  name: string;
  file: UploadBody;
  filename?: string;
  contentType?: string;
  description?: string;
  tags?: string[];
  resourceUri?: string;
}

const encoder = new TextEncoder();

/** A form-data header value: quotes and line breaks escaped as browsers do. */
const quoted = (value: string) =>
  `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

async function* bytesOf(body: UploadBody): AsyncGenerator<Uint8Array> {
  if (typeof body === 'string') yield encoder.encode(body);
  else if (body instanceof Uint8Array) yield body;
  else if (body instanceof Blob) yield* body.stream();
  else yield* body;
}

/** `multipart/form-data` written as it is sent: the fields first (the server reads them before the file), then the file's bytes. */
async function* multipart(boundary: string, fields: [string, string][], upload: FileUpload) {
  for (const [name, value] of fields)
    yield encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
  yield encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quoted(upload.filename ?? upload.key.split('/').pop()!)}\r\n` +
      `Content-Type: ${upload.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  yield* bytesOf(upload.file);
  yield encoder.encode(`\r\n--${boundary}--\r\n`);
}

/** Files: an object in the `files` solution plus its record (name, tags, resource URI). */
export class Files {
  constructor(private readonly transport: Transport) {}

  /** Uploads a file as `multipart/form-data`, streaming its bytes (a stream is never read into memory). */
  async upload(upload: FileUpload, options: StorageCallOptions = {}): Promise<FileUploaded> {
    const boundary = `assets-sdk-${crypto.randomUUID()}`;
    const fields: [string, string][] = [
      ['key', upload.key],
      ['name', upload.name],
    ];
    if (upload.resourceUri !== undefined) fields.push(['resource_uri', upload.resourceUri]);
    if (upload.description !== undefined) fields.push(['description', upload.description]);
    if (upload.tags !== undefined) fields.push(['tags', upload.tags.join(',')]);
    const query = options.connection ? `?connection=${encodeURIComponent(options.connection)}` : '';
    const response = await this.transport.send(`/assets/files${query}`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      ...requestBody(multipart(boundary, fields, upload)),
      projectId: options.projectId,
      signal: options.signal,
    });
    return (await response.json()) as FileUploaded;
  }
}
