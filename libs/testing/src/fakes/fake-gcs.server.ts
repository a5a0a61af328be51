import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-memory Google Cloud Storage speaking the subset OpenDAL's gcs service sends: the JSON API
 * (`/storage/v1/b/{bucket}/o…` stat, `?alt=media` reads with Range, list with prefix/startOffset/
 * pageToken, delete, copyTo), media and multipart/related uploads (`/upload/storage/v1/…`) and the
 * XML multipart-upload API (`/{bucket}/{object}?uploads`, `?partNumber&uploadId`, complete) that
 * OpenDAL uses for chunked writes. Requests must carry `Authorization: Bearer <token>`.
 */
export interface FakeGcsOptions {
  bucket?: string;
  token?: string;
}

export interface RunningFakeGcs {
  url: string;
  bucket: string;
  token: string;
  /** Requests the fake did not understand (method and path), to spot gaps in tests. */
  unhandled: string[];
  objectCount(): number;
  close(): Promise<void>;
}

interface StoredObject {
  data: Buffer;
  contentType: string;
  generation: number;
  updated: string;
  etag: string;
}

interface PendingUpload {
  name: string;
  contentType: string;
  parts: Map<number, Buffer>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseRange(header: string | undefined, size: number): [number, number] | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header) : null;
  if (!match) return null;
  let start = match[1] === '' ? size - Number(match[2]) : Number(match[1]);
  let end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start < 0) start = 0;
  if (start >= size || end < start) throw new HttpError(416, 'Requested range not satisfiable');
  end = Math.min(end, size - 1);
  return [start, end];
}

/** multipart/related: a JSON metadata part then the media part. */
function parseMultipartRelated(
  body: Buffer,
  contentType: string,
): { metadata: Record<string, unknown>; media: Buffer; mediaType: string } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new HttpError(400, 'multipart boundary missing');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let index = body.indexOf(delimiter);
  while (index !== -1) {
    const next = body.indexOf(delimiter, index + delimiter.length);
    if (next === -1) break;
    parts.push(body.subarray(index + delimiter.length, next));
    index = next;
  }
  const parsed = parts.map((part) => {
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    let content = part.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    return {
      type: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream',
      content,
    };
  });
  if (parsed.length < 2) throw new HttpError(400, 'multipart body needs metadata and media');
  return {
    metadata: JSON.parse(parsed[0].content.toString('utf8')) as Record<string, unknown>,
    media: parsed[1].content,
    mediaType: parsed[1].type,
  };
}

export async function startFakeGcs(options: FakeGcsOptions = {}): Promise<RunningFakeGcs> {
  const bucket = options.bucket ?? 'test-bucket';
  const token = options.token ?? `fake-${randomBytes(8).toString('hex')}`;
  const objects = new Map<string, StoredObject>();
  const uploads = new Map<string, PendingUpload>();
  const unhandled: string[] = [];
  let generation = 1;

  const store = (name: string, data: Buffer, contentType: string): StoredObject => {
    const object: StoredObject = {
      data,
      contentType: contentType || 'application/octet-stream',
      generation: generation++,
      updated: new Date().toISOString(),
      etag: createHash('md5').update(data).update(String(generation)).digest('base64'),
    };
    objects.set(name, object);
    return object;
  };
  const resource = (name: string, o: StoredObject) => ({
    kind: 'storage#object',
    id: `${bucket}/${name}/${o.generation}`,
    name,
    bucket,
    generation: String(o.generation),
    metageneration: '1',
    contentType: o.contentType,
    size: String(o.data.length),
    md5Hash: createHash('md5').update(o.data).digest('base64'),
    etag: o.etag,
    updated: o.updated,
    timeCreated: o.updated,
  });
  const found = (name: string): StoredObject => {
    const object = objects.get(name);
    if (!object) throw new HttpError(404, 'No such object');
    return object;
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' }).end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${token}`) throw new HttpError(401, 'Invalid credentials');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const jsonObject = new RegExp(`^/storage/v1/b/${bucket}/o/([^/]+)$`).exec(path);
    const copy = new RegExp(
      `^/storage/v1/b/${bucket}/o/([^/]+)/(?:copyTo|rewriteTo)/b/${bucket}/o/([^/]+)$`,
    ).exec(path);

    if (method === 'GET' && path === `/storage/v1/b/${bucket}/o`) {
      const prefix = url.searchParams.get('prefix') ?? '';
      const delimiter = url.searchParams.get('delimiter');
      const startOffset = url.searchParams.get('startOffset') ?? '';
      const max = Math.min(Number(url.searchParams.get('maxResults') ?? 1000) || 1000, 1000);
      const pageToken = url.searchParams.get('pageToken');
      const after = pageToken ? Buffer.from(pageToken, 'base64url').toString('utf8') : null;
      const names = [...objects.keys()]
        .filter(
          (n) =>
            n.startsWith(prefix) &&
            (!startOffset || Buffer.compare(Buffer.from(n), Buffer.from(startOffset)) >= 0),
        )
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const items: string[] = [];
      const prefixes = new Set<string>();
      let nextPageToken: string | undefined;
      for (const name of names) {
        if (after !== null && Buffer.compare(Buffer.from(name), Buffer.from(after)) <= 0) continue;
        const rest = name.slice(prefix.length);
        const cut = delimiter ? rest.indexOf(delimiter) : -1;
        if (cut !== -1) {
          prefixes.add(prefix + rest.slice(0, cut + 1));
          continue;
        }
        if (items.length === max) {
          nextPageToken = Buffer.from(items[items.length - 1]).toString('base64url');
          break;
        }
        items.push(name);
      }
      json(res, 200, {
        kind: 'storage#objects',
        items: items.map((n) => resource(n, objects.get(n)!)),
        prefixes: [...prefixes],
        nextPageToken,
      });
      return;
    }
    if (copy && method === 'POST') {
      const source = found(decodeURIComponent(copy[1]));
      const target = store(decodeURIComponent(copy[2]), Buffer.from(source.data), source.contentType);
      json(
        res,
        200,
        copy[0].includes('rewriteTo')
          ? {
              kind: 'storage#rewriteResponse',
              done: true,
              resource: resource(decodeURIComponent(copy[2]), target),
            }
          : resource(decodeURIComponent(copy[2]), target),
      );
      return;
    }
    if (jsonObject) {
      const name = decodeURIComponent(jsonObject[1]);
      if (method === 'DELETE') {
        found(name);
        objects.delete(name);
        res.writeHead(204).end();
        return;
      }
      if (method === 'GET' && url.searchParams.get('alt') === 'media') {
        const object = found(name);
        const ifMatch = req.headers['if-match'];
        if (ifMatch && ifMatch.replace(/^"|"$/g, '') !== object.etag)
          throw new HttpError(412, 'Precondition failed');
        const range = parseRange(req.headers.range, object.data.length);
        const body = range ? object.data.subarray(range[0], range[1] + 1) : object.data;
        const headers: Record<string, string> = {
          'content-type': object.contentType,
          'content-length': String(body.length),
          etag: o(object.etag),
          'x-goog-generation': String(object.generation),
        };
        if (range) headers['content-range'] = `bytes ${range[0]}-${range[1]}/${object.data.length}`;
        res.writeHead(range ? 206 : 200, headers).end(body);
        return;
      }
      if (method === 'GET') {
        json(res, 200, resource(name, found(name)));
        return;
      }
    }
    if (method === 'POST' && path === `/upload/storage/v1/b/${bucket}/o`) {
      const body = await readBody(req);
      const type = url.searchParams.get('uploadType');
      if (type === 'media') {
        const name = url.searchParams.get('name') ?? '';
        json(res, 200, resource(name, store(name, body, String(req.headers['content-type'] ?? ''))));
        return;
      }
      if (type === 'multipart') {
        const parsed = parseMultipartRelated(body, String(req.headers['content-type'] ?? ''));
        const name = String(parsed.metadata.name ?? url.searchParams.get('name') ?? '');
        const contentType = String(parsed.metadata.contentType ?? parsed.mediaType);
        json(res, 200, resource(name, store(name, parsed.media, contentType)));
        return;
      }
    }
    // XML API multipart upload: /{bucket}/{object}?uploads | ?partNumber=&uploadId= | ?uploadId=
    if (path.startsWith(`/${bucket}/`)) {
      const name = decodeURIComponent(path.slice(bucket.length + 2));
      const uploadId = url.searchParams.get('uploadId');
      if (method === 'POST' && url.searchParams.has('uploads')) {
        const id = randomBytes(12).toString('hex');
        uploads.set(id, {
          name,
          contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
          parts: new Map(),
        });
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${name}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
          );
        return;
      }
      const upload = uploadId ? uploads.get(uploadId) : undefined;
      if (uploadId && !upload) throw new HttpError(404, 'No such upload');
      if (upload && method === 'PUT' && url.searchParams.has('partNumber')) {
        const data = await readBody(req);
        upload.parts.set(Number(url.searchParams.get('partNumber')), data);
        res.writeHead(200, { etag: `"${createHash('md5').update(data).digest('hex')}"` }).end();
        return;
      }
      if (upload && method === 'POST') {
        const xml = (await readBody(req)).toString('utf8');
        const numbers = [...xml.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => Number(m[1]));
        const data = Buffer.concat(numbers.map((n) => upload.parts.get(n) ?? Buffer.alloc(0)));
        store(upload.name, data, upload.contentType);
        uploads.delete(uploadId!);
        res
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(
            `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${upload.name}</Key><ETag>"${objects.get(upload.name)!.etag}"</ETag></CompleteMultipartUploadResult>`,
          );
        return;
      }
      if (upload && method === 'DELETE') {
        uploads.delete(uploadId!);
        res.writeHead(204).end();
        return;
      }
    }
    unhandled.push(`${method} ${path}${url.search}`);
    throw new HttpError(501, `Not implemented by the fake: ${method} ${path}`);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (!res.headersSent)
        json(res, status, {
          error: { code: status, message: error instanceof Error ? error.message : 'error' },
        });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    token,
    unhandled,
    objectCount: () => objects.size,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** GCS sends ETags quoted in headers. */
function o(etag: string): string {
  return `"${etag}"`;
}
