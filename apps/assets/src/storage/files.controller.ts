import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors, AppException, type Page, pageOf, PageQueryDto, type Principal } from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { projectFromHeader, RequirePermission } from '@app/authz';
import { ObjectTooLargeError, waitForBody } from '@app/storage';
import { ObjectStoreResolver } from './object-store.resolver.js';
import { UploadSlots } from './upload-slots.js';
import { UploadHeartbeat } from './upload-heartbeat.js';
import { type FileFields, FILES_SOLUTION, FilesService } from './files.service.js';
import type { FileEntity } from './persistence/file.entity.js';
import { FileDto, FilePageDto, FileUploadedDto } from './storage.dto.js';
import { CONNECTION_QUERY, STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

const FIELD_NAMES = new Set(['key', 'name', 'resource_uri', 'description', 'tags']);

function validateFields(raw: Record<string, string>): FileFields {
  const problems: string[] = [];
  if (!raw.key) problems.push('key is required');
  const name = raw.name?.trim() ?? '';
  if (name.length < 1 || name.length > 255) problems.push('name must be 1 to 255 characters');
  if (raw.description !== undefined && raw.description.length > 1000)
    problems.push('description must be at most 1000 characters');
  const tags = (raw.tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > 50 || tags.some((t) => t.length > 64))
    problems.push('tags must be at most 50 comma-separated values of up to 64 characters');
  if (problems.length) throw AppException.validation('Invalid file upload', { problems });
  return {
    key: raw.key,
    name,
    resourceUri: raw.resource_uri || undefined,
    description: raw.description,
    tags,
  };
}

/** Where a file's bytes are read: the storage route, naming the connection when they live in one. */
function urlOf(key: string, connectionUri: string | null): string {
  const path = `/assets/storage/${FILES_SOLUTION}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return connectionUri ? `${path}?connection=${encodeURIComponent(connectionUri)}` : path;
}

function toFileDto(file: FileEntity): FileDto {
  return {
    resource_uri: file.resourceUri,
    key: file.key,
    name: file.name,
    description: file.description,
    tags: file.tags,
    content_type: file.contentType,
    size: file.size,
    etag: file.etag,
    url: urlOf(file.key, file.connectionUri),
    connection_uri: file.connectionUri,
    created_by: file.createdBy,
    created_at: file.createdAt.toISOString(),
    updated_at: file.updatedAt.toISOString(),
  };
}

const FILE_URI_PARAM = {
  name: 'resource_uri',
  example: 'file:acme:analytics-prod:quarterly-report',
  description: 'One path segment; raw colons and `%3A` both work',
};

function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

@ApiTags('files')
@ProjectHeader('required')
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly stores: ObjectStoreResolver,
    private readonly uploads: UploadSlots,
    private readonly heartbeat: UploadHeartbeat,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiOperation({
    summary:
      'Upload a file (multipart): bytes to storage under `<org>/<project>/files/<key>`, metadata to Assets',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'key', 'name'],
      properties: {
        file: { type: 'string', format: 'binary' },
        key: { type: 'string', example: 'reports/q1.pdf' },
        name: { type: 'string', minLength: 1, maxLength: 255 },
        resource_uri: { type: 'string', example: 'file:acme:proj-42:q1-report' },
        description: { type: 'string', maxLength: 1000 },
        tags: { type: 'string', example: 'finance,quarterly' },
      },
    },
  })
  @ApiQuery(CONNECTION_QUERY)
  @ApiCreatedResponse({ type: FileUploadedDto })
  @ApiErrors(400, 408, 409, 413, 422, 429)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FileUploadedDto> {
    if (!request.isMultipart()) throw AppException.invalidRequest('Expected a multipart/form-data body');
    return this.uploads.run(principal.orgId, () => this.receive(principal, projectId, request, reply));
  }

  @Get()
  @RequirePermission('can_read', projectFromHeader, 'Project')
  @ApiOperation({ summary: "The project's files (metadata; read the bytes at each `url`), newest first" })
  @ApiOkResponse({ type: FilePageDto })
  @ApiErrors(400)
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<FileDto>> {
    const [rows, total] = await this.files.list(
      { orgId: principal.orgId, projectId },
      query.page,
      query.limit,
    );
    return pageOf(rows.map(toFileDto), total, query.page, query.limit);
  }

  @Get(':resource_uri')
  @RequirePermission('can_read', projectFromHeader, 'Project')
  @ApiParam(FILE_URI_PARAM)
  @ApiOperation({ summary: "A file's metadata" })
  @ApiOkResponse({ type: FileDto })
  @ApiErrors(409)
  async get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('resource_uri') resourceUri: string,
  ): Promise<FileDto> {
    return toFileDto(await this.files.get({ orgId: principal.orgId, projectId }, resourceUri));
  }

  @Delete(':resource_uri')
  @HttpCode(204)
  @RequirePermission('can_write', projectFromHeader, 'Project')
  @ApiParam(FILE_URI_PARAM)
  @ApiOperation({
    summary: 'Delete a file: its bytes and its record go together',
    description:
      'Bytes held in a storage connection are deleted there, which needs `can_execute` on the connection. If the store cannot delete them, the file stays whole (503).',
  })
  @ApiNoContentResponse()
  @ApiErrors(409, 503)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('resource_uri') resourceUri: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const file = await this.files.get({ orgId: principal.orgId, projectId }, resourceUri);
    const store = await this.stores.resolve({
      principal,
      projectId,
      request,
      operation: 'delete',
      connection: file.connectionUri,
    });
    await this.files.remove(file, store);
  }

  private async receive(
    principal: Principal,
    projectId: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FileUploadedDto> {
    const raw: Record<string, string> = {};
    let file: FileEntity | undefined;
    let fields: FileFields | undefined;
    const lost = new AbortController();
    let release: (() => void) | undefined;
    const idle = { idleTimeoutMs: this.config.STORAGE_UPLOAD_IDLE_TIMEOUT_MS };
    const { store, connectionUri } = await this.stores.resolveWithSource({
      principal,
      projectId,
      request,
      operation: 'upload',
    });
    const parts = request.parts()[Symbol.asyncIterator]();
    try {
      for (;;) {
        // A client that stalls between parts is timed out like one that stalls inside the file.
        const next = await waitForBody(parts.next(), idle);
        if (next.done) break;
        const part = next.value;
        if (part.type === 'field') {
          if (FIELD_NAMES.has(part.fieldname) && typeof part.value === 'string')
            raw[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || file) {
          part.file.resume();
          throw AppException.validation('Exactly one file field named "file" is expected', {
            field: part.fieldname,
          });
        }
        // Fields must precede the file, so that nothing is written before the request is known valid.
        fields = validateFields(raw);
        file = await this.files.reserve(principal, projectId, fields, {
          contentType: (part as MultipartFile).mimetype || 'application/octet-stream',
          connectionUri,
        });
        release = this.heartbeat.hold(file, (reason) => lost.abort(reason));
        const stored = await this.files.store(store, file, part.file, lost.signal);
        if (part.file.truncated) throw new ObjectTooLargeError(this.config.STORAGE_MAX_UPLOAD_BYTES);
        file = { ...file, size: stored.size, etag: stored.etag };
      }
      if (!file || !fields)
        throw AppException.validation('The file field is required (send key and name before it)', {
          field: 'file',
        });
      file = await this.files.complete(file, { size: file.size, etag: file.etag });
    } catch (error) {
      // Nothing half-written: no bytes, no temp file and no row survive a failed upload.
      if (file) await this.files.abandon(store, file, lost.signal.aborted);
      // The rest of the body may never come (an idle client) or be large: answer, then close.
      void reply.header('connection', 'close');
      if (isFileTooLarge(error)) throw new ObjectTooLargeError(this.config.STORAGE_MAX_UPLOAD_BYTES);
      // A second file part trips the multipart file limit (1) before this loop sees it.
      if ((error as { code?: string } | null)?.code === 'FST_FILES_LIMIT')
        throw AppException.validation('Exactly one file field named "file" is expected', { field: 'file' });
      throw error;
    } finally {
      release?.();
    }
    return {
      resource_uri: file.resourceUri,
      // The bytes are where they were written: a connection's store is named in the URL.
      url: urlOf(fields.key, connectionUri),
      key: fields.key,
      name: fields.name,
      message: 'File uploaded',
      size: file.size,
      content_type: file.contentType,
    };
  }
}
