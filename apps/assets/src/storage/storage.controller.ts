import { Controller, Delete, Get, Head, Inject, Logger, Put, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiExcludeEndpoint,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ApiErrors, AppException, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { projectFromHeader, RequirePermission } from '@app/authz';
import {
  HeadersSentError,
  type ObjectBody,
  ObjectTooLargeError,
  RangeNotSatisfiableError,
  TenantKeyBuilder,
} from '@app/storage';
import { ObjectStoreResolver } from './object-store.resolver.js';
import { UploadSlots } from './upload-slots.js';
import { assertNotFileKey } from './files.service.js';
import { etagMatches, parseRangeHeader, parseStoragePath } from './storage-path.js';
import { originalContentType } from './storage-http.setup.js';
import {
  ListObjectsQueryDto,
  ObjectPageDto,
  ObjectQueryDto,
  PutObjectResultDto,
  StoredObjectDto,
} from './storage.dto.js';
import { OBJECT_PAGE_EXAMPLE, PUT_OBJECT_EXAMPLE, PUT_SHORTHAND_EXAMPLE } from './storage.examples.js';
import {
  BAD_KEY,
  binary,
  BODY_HEADERS,
  CHANGED,
  CHANGED_EXAMPLE,
  CONTENT_RANGE,
  DISABLED,
  DISABLED_EXAMPLE,
  error,
  FILES_AREA,
  FILES_AREA_EXAMPLE,
  FORBIDDEN,
  headError,
  KEY_PARAM,
  KEY_RETURNED,
  NOT_STORAGE,
  NOT_STORAGE_EXAMPLE,
  OBJECT_HEADERS,
  OBJECT_MISSING,
  OBJECT_MISSING_EXAMPLE,
  PROJECT_MISSING_EXAMPLE,
  PROJECT_OR_CONNECTION_MISSING,
  ProjectPermission,
  UNAVAILABLE,
  UNSATISFIABLE_EXAMPLE,
  UNSATISFIED_RANGE,
  WRITE_FORBIDDEN,
} from './storage.docs.js';
import { RAW_BODY_ROUTE, STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*$/;

function storedContentType(value: string | undefined): string {
  if (!value) return 'application/octet-stream';
  if (value.length > 255 || !CONTENT_TYPE.test(value.trim()))
    throw AppException.invalidRequest('Invalid Content-Type header', {
      fields: [{ field: 'Content-Type', message: 'must be a media type of at most 255 characters' }],
    });
  return value.trim();
}

/**
 * The object routes: `:key` takes a one-segment key (raw `/` or `%2F`-encoded), `*` the ones with
 * raw slashes (Fastify's wildcard spans them, and a route parameter cannot). Both run the same
 * handler, which reads the raw URL; the document shows the operation once, as
 * `/assets/storage/{key}` (Nest would name the wildcard `{path}`).
 */
const OBJECT_PATH = ':key';
const OBJECT_WILDCARD = '*';

/**
 * Shared storage under `<org>/<project>/<solution>/`. The org comes from the token, the project
 * from X-Project-ID, and every key goes through TenantKeyBuilder before any I/O.
 * A single path segment is an object of the `default` solution (`/storage/test.txt` →
 * `default/objects/test.txt`). Listing is its own route (`GET /storage?solution=`), so a path
 * always names an object.
 */
@ApiTags('storage')
@ProjectHeader('required')
@Controller('storage')
export class StorageController {
  private readonly logger = new Logger(StorageController.name);

  constructor(
    private readonly stores: ObjectStoreResolver,
    private readonly uploads: UploadSlots,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listObjects',
    summary: "List a solution's objects, by key prefix, in pages",
    description: `Keys in ascending byte order; the order is stable across pages. Each item's \`key\` is the canonical path of the object under \`/assets/storage/\` (\`{solution}/{artifact-type}/{id…}\`): GET, HEAD or DELETE exactly that.`,
  })
  @ApiResponse({
    status: 200,
    type: ObjectPageDto,
    description: 'A page of objects',
    example: OBJECT_PAGE_EXAMPLE,
  })
  @error(
    400,
    'INVALID_REQUEST: a missing or malformed `solution`, a malformed `prefix`, a `cursor` not issued for this listing, or `limit` outside 1–100',
  )
  @ApiErrors(401)
  @error(403, FORBIDDEN)
  @error(404, PROJECT_OR_CONNECTION_MISSING, PROJECT_MISSING_EXAMPLE)
  @error(409, DISABLED, DISABLED_EXAMPLE)
  @error(422, NOT_STORAGE, NOT_STORAGE_EXAMPLE)
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_read')
  async listObjects(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ListObjectsQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ObjectPageDto> {
    const tenant = { orgId: principal.orgId, projectId };
    const prefix = TenantKeyBuilder.listPrefix(tenant, query.solution, query.prefix ?? '');
    const store = await this.stores.resolve({ principal, projectId, request, operation: 'list' });
    const page = await store.list({ prefix, cursor: query.cursor, limit: query.limit ?? 20 });
    return {
      data: page.items.map((item) => ({
        ...item,
        key: TenantKeyBuilder.address(tenant, item.key),
      })) satisfies StoredObjectDto[],
      next_cursor: page.next_cursor,
    };
  }

  @Put(OBJECT_PATH)
  @RouteConfig(RAW_BODY_ROUTE)
  @ApiOperation({
    operationId: 'putObject',
    summary: 'Upload an object: the raw body, streamed, with its Content-Type kept',
    description: `Replaces any object at the key. The body is stored as sent, whatever its Content-Type (JSON is not parsed); that type is served back on GET and HEAD and listed. ${KEY_RETURNED}`,
  })
  @ApiParam(KEY_PARAM)
  @ApiConsumes('*/*')
  @ApiBody({
    description: 'The object bytes (`curl --data-binary @file`); its Content-Type is stored with it',
    schema: { type: 'string', format: 'binary' },
    examples: { jsonl: { summary: 'A JSON Lines file', value: '{"role":"user","text":"hello"}\n' } },
  })
  @ApiResponse({
    status: 201,
    type: PutObjectResultDto,
    description: 'Stored',
    examples: {
      full: {
        summary: 'PUT /assets/storage/talk2data/conversations/abc123/messages.jsonl',
        value: PUT_OBJECT_EXAMPLE,
      },
      shorthand: { summary: 'PUT /assets/storage/test.txt', value: PUT_SHORTHAND_EXAMPLE },
    },
  })
  @error(400, `${BAD_KEY}, or a malformed Content-Type`)
  @ApiErrors(401)
  @error(403, WRITE_FORBIDDEN)
  @error(404, PROJECT_OR_CONNECTION_MISSING, PROJECT_MISSING_EXAMPLE)
  @error(
    408,
    'REQUEST_TIMEOUT: the body stopped arriving for `STORAGE_UPLOAD_IDLE_TIMEOUT_MS`; nothing was stored',
  )
  @error(409, FILES_AREA, FILES_AREA_EXAMPLE)
  @error(413, 'PAYLOAD_TOO_LARGE: over `STORAGE_MAX_OBJECT_BYTES`, declared or streamed; nothing was stored')
  @error(422, NOT_STORAGE, NOT_STORAGE_EXAMPLE)
  @error(429, 'RATE_LIMIT_EXCEEDED: the organization has its maximum of uploads in progress')
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_write')
  async putObject(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() _query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    let result;
    try {
      const { solution, artifactPath } = parseStoragePath(request.url);
      const key = TenantKeyBuilder.build(tenant, solution, artifactPath);
      assertNotFileKey(tenant, key);
      const contentType = storedContentType(originalContentType(request));
      const max = this.config.STORAGE_MAX_OBJECT_BYTES;
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > max) throw new ObjectTooLargeError(max);
      const store = await this.stores.resolve({ principal, projectId, request, operation: 'put' });
      const body = request.body instanceof Readable ? request.body : Readable.from([]);
      result = await this.uploads.run(principal.orgId, () =>
        store.put(key, body, {
          contentType,
          maxBytes: max,
          idleTimeoutMs: this.config.STORAGE_UPLOAD_IDLE_TIMEOUT_MS,
        }),
      );
    } catch (error) {
      // The rest of the body may never come (an idle client) or be large: answer, then close.
      void reply.header('connection', 'close');
      throw error;
    }
    void reply.status(201).send({
      key: TenantKeyBuilder.address(tenant, result.key),
      size: result.size,
      etag: result.etag,
    } satisfies PutObjectResultDto);
  }

  @Put(OBJECT_WILDCARD)
  @RouteConfig(RAW_BODY_ROUTE)
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiExcludeEndpoint() // documented as {key} above
  putObjectAtPath(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.putObject(principal, projectId, query, request, reply);
  }

  // HEAD before GET: Fastify adds a HEAD route to every GET route unless one exists already.
  @Head(OBJECT_PATH)
  @ApiOperation({
    operationId: 'headObject',
    summary: "An object's headers (size, type, validators) without its bytes",
    description: 'Answers as GET would (If-None-Match → 304, an unsatisfiable Range → 416), with no body.',
  })
  @ApiParam(KEY_PARAM)
  @ApiResponse({
    status: 200,
    description: 'The object exists; `Content-Length` is its size',
    headers: { ...OBJECT_HEADERS, ...BODY_HEADERS },
  })
  @ApiResponse({
    status: 304,
    description: 'If-None-Match matched the current ETag',
    headers: OBJECT_HEADERS,
  })
  @headError(400, BAD_KEY)
  @headError(401, 'INVALID_TOKEN: missing, expired or invalid bearer token')
  @headError(403, FORBIDDEN)
  @headError(404, OBJECT_MISSING)
  @headError(409, DISABLED)
  @headError(416, 'RANGE_NOT_SATISFIABLE: the Range starts at or past the end', {
    'Content-Range': UNSATISFIED_RANGE,
  })
  @headError(422, NOT_STORAGE)
  @headError(503, UNAVAILABLE)
  @ProjectPermission('can_read')
  async headObject(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() _query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.download(principal, projectId, request, reply);
  }

  @Head(OBJECT_WILDCARD)
  @RequirePermission('can_read', projectFromHeader, 'Project')
  @ApiExcludeEndpoint() // documented as {key} above
  headObjectAtPath(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.headObject(principal, projectId, query, request, reply);
  }

  @Get(OBJECT_PATH)
  @ApiOperation({
    operationId: 'getObject',
    summary: 'Download an object (streamed; Range, If-None-Match, If-Range)',
    description:
      'Always the object at the key, never a listing (that is `GET /assets/storage?solution=`). One `bytes=` range gives 206; a multi-range or malformed Range gives the whole object (200). Served with the Content-Type it was uploaded with.',
  })
  @ApiParam(KEY_PARAM)
  @ApiResponse({
    status: 200,
    description: 'The whole object',
    headers: { ...OBJECT_HEADERS, ...BODY_HEADERS },
    content: binary('{"role":"user","text":"hello"}\n'),
  })
  @ApiResponse({
    status: 206,
    description: 'The requested range',
    headers: { ...OBJECT_HEADERS, ...BODY_HEADERS, 'Content-Range': CONTENT_RANGE },
    content: binary('{"role":"user"'),
  })
  @ApiResponse({
    status: 304,
    description: 'If-None-Match matched the current ETag; no body',
    headers: OBJECT_HEADERS,
  })
  @error(400, BAD_KEY)
  @ApiErrors(401)
  @error(403, FORBIDDEN)
  @error(404, OBJECT_MISSING, OBJECT_MISSING_EXAMPLE)
  @error(409, CHANGED, CHANGED_EXAMPLE)
  @error(416, 'RANGE_NOT_SATISFIABLE: the Range starts at or past the end of the object', {
    headers: { 'Content-Range': UNSATISFIED_RANGE },
    ...UNSATISFIABLE_EXAMPLE,
  })
  @error(422, NOT_STORAGE, NOT_STORAGE_EXAMPLE)
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_read')
  async getObject(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() _query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.download(principal, projectId, request, reply);
  }

  @Get(OBJECT_WILDCARD)
  @RequirePermission('can_read', projectFromHeader, 'Project')
  @ApiExcludeEndpoint() // documented as {key} above
  getObjectAtPath(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.getObject(principal, projectId, query, request, reply);
  }

  @Delete(OBJECT_PATH)
  @ApiOperation({
    operationId: 'deleteObject',
    summary: 'Delete an object (idempotent: a missing one answers 204 too)',
    description: 'Objects under `files/` belong to the files API: deleting them here answers 409.',
  })
  @ApiParam(KEY_PARAM)
  @ApiResponse({ status: 204, description: 'Deleted, or there was nothing at the key' })
  @error(400, BAD_KEY)
  @ApiErrors(401)
  @error(403, WRITE_FORBIDDEN)
  @error(404, PROJECT_OR_CONNECTION_MISSING, PROJECT_MISSING_EXAMPLE)
  @error(409, FILES_AREA, FILES_AREA_EXAMPLE)
  @error(422, NOT_STORAGE, NOT_STORAGE_EXAMPLE)
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_write')
  async deleteObject(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() _query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    const { solution, artifactPath } = parseStoragePath(request.url);
    const key = TenantKeyBuilder.build(tenant, solution, artifactPath);
    assertNotFileKey(tenant, key);
    const store = await this.stores.resolve({ principal, projectId, request, operation: 'delete' });
    await store.delete(key);
    void reply.status(204).send();
  }

  @Delete(OBJECT_WILDCARD)
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiExcludeEndpoint() // documented as {key} above
  deleteObjectAtPath(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.deleteObject(principal, projectId, query, request, reply);
  }

  /** GET and HEAD of an object. */
  private async download(
    principal: Principal,
    projectId: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    const { solution, artifactPath } = parseStoragePath(request.url);
    const key = TenantKeyBuilder.build(tenant, solution, artifactPath);
    const isHead = request.method === 'HEAD';
    const store = await this.stores.resolve({
      principal,
      projectId,
      request,
      operation: isHead ? 'head' : 'get',
    });
    const info = await store.head(key);
    const headers: Record<string, string> = {
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
      // User content served from the API origin must never run as a page.
      'content-security-policy': "sandbox; default-src 'none'",
    };
    if (info.etag) headers.etag = info.etag;
    if (info.lastModified) headers['last-modified'] = info.lastModified.toUTCString();
    if (etagMatches(request.headers['if-none-match'], info.etag)) {
      void reply.status(304).headers(headers).send();
      return;
    }
    headers['content-type'] = info.contentType ?? 'application/octet-stream';
    const ifRange = request.headers['if-range'];
    const range = ifRange && ifRange !== info.etag ? null : parseRangeHeader(request.headers.range);
    if (range) {
      const start = range.suffix !== undefined ? Math.max(0, info.size - range.suffix) : range.start;
      if (start >= info.size || range.suffix === 0) this.unsatisfiable(reply, info.size);
    }
    if (isHead) {
      // An empty stream keeps our Content-Length (Fastify's HEAD handling would reset it to 0).
      void reply
        .status(200)
        .headers({ ...headers, 'content-length': String(info.size) })
        .send(Readable.from([]));
      return;
    }
    let result;
    try {
      result = await store.get(
        key,
        range
          ? {
              range:
                range.suffix !== undefined
                  ? { start: Math.max(0, info.size - range.suffix) }
                  : { start: range.start, end: range.end },
            }
          : {},
      );
    } catch (error) {
      if (error instanceof RangeNotSatisfiableError) this.unsatisfiable(reply, error.size);
      throw error;
    }
    let status = 200;
    if (result.contentRange) {
      const { start, end, size } = result.contentRange;
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
      headers['content-length'] = String(end - start + 1);
    } else {
      headers['content-length'] = String(result.size);
    }
    await this.send(reply, status, headers, result.body);
  }

  /** 416 with the object size in `Content-Range`, as RFC 9110 §15.5.17 asks. */
  private unsatisfiable(reply: FastifyReply, size: number): never {
    void reply.header('content-range', `bytes */${size}`);
    throw new RangeNotSatisfiableError(size);
  }

  /**
   * Writes the body straight into the socket with reused buffers (Fastify's stream piping would
   * take a fresh buffer per slice). The reply is taken over only once the first slice was read, so
   * a failure before that still gets the error envelope; after it, closing the connection is the
   * only honest signal left.
   */
  private async send(
    reply: FastifyReply,
    status: number,
    headers: Record<string, string>,
    body: ObjectBody,
  ): Promise<void> {
    const response = reply.raw;
    try {
      await body.writeTo(response, {
        beforeFirstWrite: () => {
          reply.hijack();
          response.writeHead(status, { ...(reply.getHeaders() as Record<string, string>), ...headers });
        },
      });
    } catch (error) {
      if (!(error instanceof HeadersSentError)) throw error;
      response.destroy();
      // A client that leaves mid-download is routine; a storage failure after the headers is not.
      if (error.reason instanceof AppException)
        this.logger.warn(
          { request_id: reply.request.id, err: error.reason.code },
          'Object download failed after its headers were sent',
        );
      else
        this.logger.debug(
          { request_id: reply.request.id, err: (error.reason as Error)?.name },
          'Object download ended early',
        );
    }
  }
}
