import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STORAGE_CONFIG, type StorageConfig } from './storage.tokens.js';

const RAW_CONTENT_TYPE = 'application/x-assets-raw-body';
const ORIGINAL_CONTENT_TYPE = Symbol('originalContentType');

/** The client's Content-Type of a raw-body route, before the hook below replaced it. */
export function originalContentType(request: FastifyRequest): string | undefined {
  return (request as unknown as Record<symbol, string | undefined>)[ORIGINAL_CONTENT_TYPE];
}

/**
 * Fastify wiring for the storage routes:
 * - routes flagged with RAW_BODY_ROUTE get their body as the untouched request stream, whatever
 *   the content type (JSON included), by renaming the content type to a private one in onRequest;
 *   every other route keeps Fastify's parsers and the global body limit;
 * - `@fastify/multipart` for `POST /assets/files`, limited to STORAGE_MAX_UPLOAD_BYTES.
 */
@Injectable()
export class StorageHttpSetup implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', async (request) => {
      if (!(request.routeOptions.config as { storageRawBody?: boolean } | undefined)?.storageRawBody) return;
      (request as unknown as Record<symbol, string | undefined>)[ORIGINAL_CONTENT_TYPE] =
        request.headers['content-type'];
      request.headers['content-type'] = RAW_CONTENT_TYPE;
    });
    fastify.addContentTypeParser(RAW_CONTENT_TYPE, (_request, payload, done) => done(null, payload));
    await fastify.register(multipart, {
      throwFileSizeLimit: true,
      limits: {
        fileSize: this.config.STORAGE_MAX_UPLOAD_BYTES + 1,
        files: 1,
        fields: 10,
        fieldSize: 4096,
        parts: 12,
      },
    });
  }
}
