import { Controller, Delete, Get, HttpException, Inject, Logger, Put, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
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
import { ListObjectsQueryDto, ObjectPageDto, PutObjectResultDto } from './storage.dto.js';
import { CONNECTION_QUERY, RAW_BODY_ROUTE, STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=("[^"\r\n]*"|[\w!#$&^.+-]+))*$/;

function storedContentType(value: string | undefined): string {
  if (!value) return 'application/octet-stream';
  if (value.length > 255 || !CONTENT_TYPE.test(value.trim()))
    throw AppException.invalidRequest('Invalid Content-Type header');
  return value.trim();
}

/**
 * Shared storage under `<org>/<project>/<solution>/`. The org comes from the token, the project
 * from X-Project-ID, and every key goes through TenantKeyBuilder before any I/O.
 * A single path segment is an object of the `default` solution (`/storage/test.txt` →
 * `default/objects/test.txt`), except for GET of a solution-like name, which lists that solution.
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

  @Put('*')
  @RouteConfig(RAW_BODY_ROUTE)
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiOperation({
    summary: 'Upload an object (raw body, streamed; the Content-Type is kept)',
    description: 'Objects under `files/` belong to the files API: writing or deleting them here answers 409.',
  })
  @ApiParam({ name: '*', description: '`{solution}/{artifact-type}/{id…}`' })
  @ApiConsumes('application/octet-stream', '*/*')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery(CONNECTION_QUERY)
  @ApiResponse({ status: 201, type: PutObjectResultDto })
  @ApiErrors(400, 408, 409, 413, 422, 429)
  async put(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    const { solution, artifactPath } = parseStoragePath(request.url, 'PUT');
    let result;
    try {
      const key = TenantKeyBuilder.build(tenant, solution, artifactPath!);
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
      key: TenantKeyBuilder.relative(tenant, solution, result.key),
      size: result.size,
      etag: result.etag,
    } satisfies PutObjectResultDto);
  }

  @Get('*')
  @RequirePermission('can_read', projectFromHeader, 'Project')
  @ApiOperation({
    summary: 'Download an object (Range, If-None-Match) or, for `/storage/{solution}`, list its objects',
    description: 'HEAD (answered by this handler through Fastify) returns the headers only.',
  })
  @ApiParam({ name: '*', description: '`{solution}/{artifact-type}/{id…}`, or `{solution}` to list' })
  @ApiProduces('application/octet-stream', 'application/json')
  @ApiOkResponse({
    type: ObjectPageDto,
    description: 'The object bytes, or a page of objects for `/storage/{solution}`',
  })
  @ApiResponse({ status: 206, description: 'Partial content' })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiResponse({ status: 416, description: 'Range not satisfiable' })
  @ApiErrors(400, 422)
  async get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: ListObjectsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    const { solution, artifactPath } = parseStoragePath(
      request.url,
      request.method === 'HEAD' ? 'HEAD' : 'GET',
    );
    if (artifactPath === null) {
      const prefix = TenantKeyBuilder.listPrefix(tenant, solution, query.prefix ?? '');
      const store = await this.stores.resolve({ principal, projectId, request, operation: 'list' });
      const page = await store.list({ prefix, cursor: query.cursor, limit: query.limit ?? 20 });
      const data = page.items.map((item) => ({
        ...item,
        key: TenantKeyBuilder.relative(tenant, solution, item.key),
      }));
      void reply.status(200).send({ data, next_cursor: page.next_cursor } satisfies ObjectPageDto);
      return;
    }
    await this.download(tenant, solution, artifactPath, { principal, projectId, request }, reply);
  }

  @Delete('*')
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiOperation({
    summary: 'Delete an object (idempotent)',
    description: 'Objects under `files/` belong to the files API: deleting them here answers 409.',
  })
  @ApiParam({ name: '*', description: '`{solution}/{artifact-type}/{id…}`' })
  @ApiQuery(CONNECTION_QUERY)
  @ApiNoContentResponse()
  @ApiErrors(400, 409, 422)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const tenant = { orgId: principal.orgId, projectId };
    const { solution, artifactPath } = parseStoragePath(request.url, 'DELETE');
    const key = TenantKeyBuilder.build(tenant, solution, artifactPath!);
    assertNotFileKey(tenant, key);
    const store = await this.stores.resolve({ principal, projectId, request, operation: 'delete' });
    await store.delete(key);
    void reply.status(204).send();
  }

  private async download(
    tenant: { orgId: string; projectId: string },
    solution: string,
    artifactPath: string,
    context: { principal: Principal; projectId: string; request: FastifyRequest },
    reply: FastifyReply,
  ): Promise<void> {
    const key = TenantKeyBuilder.build(tenant, solution, artifactPath);
    const { request } = context;
    const store = await this.stores.resolve({
      ...context,
      operation: request.method === 'HEAD' ? 'head' : 'get',
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
      if (start >= info.size || range.suffix === 0) {
        void reply.header('content-range', `bytes */${info.size}`);
        throw new HttpException('Range not satisfiable', 416);
      }
    }
    if (request.method === 'HEAD') {
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
      if (error instanceof RangeNotSatisfiableError) {
        void reply.header('content-range', `bytes */${error.size}`);
        throw new HttpException('Range not satisfiable', 416);
      }
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
