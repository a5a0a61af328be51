import { Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiErrors,
  AppException,
  ErrorCode,
  type Page,
  pageOf,
  PageQueryDto,
  type Principal,
} from '@app/core';
import { CurrentPrincipal, CurrentProject, ProjectHeader } from '@app/auth';
import { ObjectTooLargeError, waitForBody } from '@app/storage';
import { ObjectStoreResolver } from './object-store.resolver.js';
import { UploadSlots } from './upload-slots.js';
import { UploadHeartbeat } from './upload-heartbeat.js';
import { type FileFields, FILES_SOLUTION, FilesService } from './files.service.js';
import type { FileEntity } from './persistence/file.entity.js';
import { FileDto, FilePageDto, FileUploadedDto, ObjectQueryDto } from './storage.dto.js';
import {
  envelopeExample,
  FILE_EXAMPLE,
  FILE_PAGE_EXAMPLE,
  FILE_UPLOADED_EXAMPLE,
  UPLOAD_FILE_EXAMPLE,
} from './storage.examples.js';
import { error, ProjectPermission } from './storage.docs.js';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

const FIELD_NAMES = new Set(['key', 'name', 'resource_uri', 'description', 'tags']);

/** One validation problem of the form, in the shape every route uses (`details.fields`). */
interface FieldProblem {
  field: string;
  message: string;
}

/** A 422 naming one field; `message` says what is wrong without repeating the field's name. */
function invalidField(field: string, message: string): AppException {
  return AppException.validation(`Invalid file upload: ${field} ${message}`, {
    fields: [{ field, message }],
  });
}

function validateFields(raw: Record<string, string>): FileFields {
  const fields: FieldProblem[] = [];
  if (!raw.key) fields.push({ field: 'key', message: 'is required' });
  const name = raw.name?.trim() ?? '';
  if (name.length < 1 || name.length > 255)
    fields.push({ field: 'name', message: 'must be 1 to 255 characters' });
  if (raw.description !== undefined && raw.description.length > 1000)
    fields.push({ field: 'description', message: 'must be at most 1000 characters' });
  const tags = (raw.tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.length > 50 || tags.some((t) => t.length > 64))
    fields.push({
      field: 'tags',
      message: 'must be at most 50 comma-separated values of up to 64 characters',
    });
  if (fields.length) throw AppException.validation('Invalid file upload', { fields });
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
  example: 'file:acme-corp:analytics-prod:quarterly-report-q1',
  description: 'One path segment; raw colons and `%3A` both work',
};

function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

const PROJECT_MISSING =
  'RESOURCE_NOT_FOUND: the X-Project-ID project does not exist or the caller cannot read it';
const FILE_MISSING =
  "RESOURCE_NOT_FOUND: no such file in the project (another project's or org's URI is not found either), or the X-Project-ID project does not exist or the caller cannot read it";
const FILE_MISSING_EXAMPLE = {
  example: envelopeExample(404, ErrorCode.RESOURCE_NOT_FOUND, 'File not found'),
};
const STILL_UPLOADING_EXAMPLE = {
  example: envelopeExample(409, ErrorCode.RESOURCE_ALREADY_EXISTS, 'The file is still being uploaded', {
    resource_uri: 'file:acme-corp:analytics-prod:quarterly-report-q1',
  }),
};
const UNAVAILABLE =
  'SERVICE_UNAVAILABLE: the database, the object store or Governance is unavailable; AUDIT_UNAVAILABLE when a use of a connection cannot be audited';

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
  @ApiOperation({
    operationId: 'uploadFile',
    summary:
      'Upload a file (multipart): bytes to storage under `<org>/<project>/files/<key>`, metadata to Assets',
    description:
      'Send `key` and `name` (and the optional fields) before the `file` part: nothing is written until they are valid. The key is reserved before the first byte is written, so a concurrent upload of the same key gets 409. The bytes are then read at the returned `url`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'key', 'name'],
      properties: {
        key: {
          type: 'string',
          description: '`{artifact-type}/{id…}` under the `files` solution',
          example: 'reports/q1.pdf',
        },
        name: { type: 'string', minLength: 1, maxLength: 255, example: 'Quarterly Report Q1' },
        resource_uri: {
          type: 'string',
          description: 'Default: `file:{org}:{project}:{slug of name}`',
          example: 'file:acme-corp:analytics-prod:quarterly-report-q1',
        },
        description: { type: 'string', maxLength: 1000 },
        tags: {
          type: 'string',
          description: 'Comma-separated, at most 50 of up to 64 characters',
          example: 'finance,quarterly',
        },
        file: { type: 'string', format: 'binary', description: 'Last; its Content-Type is kept' },
      },
    },
    examples: { report: { summary: 'A quarterly report', value: UPLOAD_FILE_EXAMPLE } },
  })
  @ApiCreatedResponse({
    type: FileUploadedDto,
    description: 'Stored: the bytes at `url`, the record at `/assets/files/{resource_uri}`',
    example: FILE_UPLOADED_EXAMPLE,
  })
  @error(
    400,
    'INVALID_REQUEST: not a multipart/form-data body, a malformed `key` (see `PUT /assets/storage/{key}`), X-Project-ID or `connection`',
  )
  @ApiErrors(401)
  @error(
    403,
    'INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the `connection` (`can_execute`); `EGRESS_DENIED`: its endpoint is not an allowed destination',
  )
  @error(
    404,
    'RESOURCE_NOT_FOUND: the project or the `connection` does not exist or is not visible to the caller',
  )
  @error(
    408,
    'REQUEST_TIMEOUT: the body stopped arriving for `STORAGE_UPLOAD_IDLE_TIMEOUT_MS`; nothing was kept',
  )
  @error(
    409,
    'RESOURCE_ALREADY_EXISTS: the key or the resource URI is taken (or being uploaded), the upload lost its reservation, or the `connection` is disabled; nothing was kept',
    {
      example: envelopeExample(
        409,
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        'A file with this resource URI already exists',
        { resource_uri: 'file:acme-corp:analytics-prod:quarterly-report-q1' },
      ),
    },
  )
  @error(413, 'PAYLOAD_TOO_LARGE: the file is over `STORAGE_MAX_UPLOAD_BYTES`; nothing was kept')
  @error(
    422,
    'VALIDATION_ERROR: a field is missing or invalid, the file part is missing, repeated or sent before `key` and `name`, the `resource_uri` is not `file:{org}:{project}:<name>`, or the `connection` is not a storage connection; `details.fields` lists each `{ field, message }`',
  )
  @error(429, 'RATE_LIMIT_EXCEEDED: the organization has its maximum of uploads in progress')
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_write')
  async upload(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Query() _query: ObjectQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FileUploadedDto> {
    if (!request.isMultipart()) throw AppException.invalidRequest('Expected a multipart/form-data body');
    return this.uploads.run(principal.orgId, () => this.receive(principal, projectId, request, reply));
  }

  @Get()
  @ApiOperation({
    operationId: 'listFiles',
    summary: "The project's files (metadata; read the bytes at each `url`), newest first",
    description: 'Uploads still in progress are not listed.',
  })
  @ApiOkResponse({ type: FilePageDto, description: 'A page of file records', example: FILE_PAGE_EXAMPLE })
  @error(400, 'INVALID_REQUEST: `page` or `limit` out of range')
  @ApiErrors(401)
  @error(404, PROJECT_MISSING)
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_read')
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
  @ApiParam(FILE_URI_PARAM)
  @ApiOperation({
    operationId: 'getFile',
    summary: "A file's metadata, with the `url` its bytes are read at",
  })
  @ApiOkResponse({ type: FileDto, description: 'The file record', example: FILE_EXAMPLE })
  @ApiErrors(401)
  @error(404, FILE_MISSING, FILE_MISSING_EXAMPLE)
  @error(409, 'RESOURCE_ALREADY_EXISTS: the file is still being uploaded', STILL_UPLOADING_EXAMPLE)
  @error(503, UNAVAILABLE)
  @ProjectPermission('can_read')
  async get(
    @CurrentPrincipal() principal: Principal,
    @CurrentProject() projectId: string,
    @Param('resource_uri') resourceUri: string,
  ): Promise<FileDto> {
    return toFileDto(await this.files.get({ orgId: principal.orgId, projectId }, resourceUri));
  }

  @Delete(':resource_uri')
  @HttpCode(204)
  @ApiParam(FILE_URI_PARAM)
  @ApiOperation({
    operationId: 'deleteFile',
    summary: 'Delete a file: its bytes and its record go together',
    description:
      'Bytes held in a storage connection are deleted there, which needs `can_execute` on the connection. If the store cannot delete them, the file stays whole (503). The key is free for a new upload afterwards.',
  })
  @ApiNoContentResponse({ description: 'Deleted: bytes and record' })
  @ApiErrors(401)
  @error(
    403,
    'INSUFFICIENT_PERMISSIONS: the caller may read the project but not write it, or cannot use the connection holding the bytes (`can_execute`); `EGRESS_DENIED`: its endpoint is not an allowed destination',
  )
  @error(404, FILE_MISSING, FILE_MISSING_EXAMPLE)
  @error(
    409,
    'RESOURCE_ALREADY_EXISTS: the file is still being uploaded, or the connection holding its bytes is disabled',
    STILL_UPLOADING_EXAMPLE,
  )
  @error(503, `${UNAVAILABLE}; the file is kept whole`)
  @ProjectPermission('can_write')
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
          throw invalidField(
            part.fieldname === 'file' ? 'file' : part.fieldname,
            part.fieldname === 'file'
              ? 'must be sent exactly once'
              : 'is not a file field: send exactly one file, named "file"',
          );
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
      if (!file || !fields) throw invalidField('file', 'is required (send key and name before it)');
      file = await this.files.complete(file, { size: file.size, etag: file.etag });
    } catch (error) {
      // Nothing half-written: no bytes, no temp file and no row survive a failed upload.
      if (file) await this.files.abandon(store, file, lost.signal.aborted);
      // The rest of the body may never come (an idle client) or be large: answer, then close.
      void reply.header('connection', 'close');
      if (isFileTooLarge(error)) throw new ObjectTooLargeError(this.config.STORAGE_MAX_UPLOAD_BYTES);
      // A second file part trips the multipart file limit (1) before this loop sees it.
      if ((error as { code?: string } | null)?.code === 'FST_FILES_LIMIT')
        throw invalidField('file', 'must be sent exactly once');
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
