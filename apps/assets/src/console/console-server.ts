import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { securityHeadersOf } from './console-headers.js';
import { CONSOLE_SETTINGS } from './console.tokens.js';
import type { ConsoleSettings } from './console.settings.js';

export const CONSOLE_PATH = '/console';
/** Vite's hashed file names: safe to cache for a year, and nothing else is served from there. */
const ASSET_NAME = /^[A-Za-z0-9_.-]{1,200}$/;
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body><main><h1>The console is not built</h1><p>Run <code>npm run console:build</code>, then reload this page.</p></main></body></html>`;

/**
 * Serves the built SPA at /console as plain Fastify routes: outside the API's prefix, its guards
 * and its OpenAPI document, with no authentication (the SPA signs in against the identity
 * provider and calls the API with its token). Client routes get index.html.
 */
@Injectable()
export class ConsoleServer implements OnModuleInit {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings,
  ) {
    this.headers = securityHeadersOf(settings);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.get(CONSOLE_PATH, (_request, reply) => this.secure(reply).redirect(`${CONSOLE_PATH}/`, 302));
    fastify.get(`${CONSOLE_PATH}/config.json`, (_request, reply) =>
      this.secure(reply).header('cache-control', 'no-store').send(this.clientConfig()),
    );
    fastify.get<{ Params: { name: string } }>(`${CONSOLE_PATH}/assets/:name`, (request, reply) =>
      this.asset(request.params.name, reply),
    );
    fastify.get(`${CONSOLE_PATH}/*`, (_request, reply) => this.index(reply));
    fastify.get(`${CONSOLE_PATH}/`, (_request, reply) => this.index(reply));
  }

  /** What the SPA needs to sign in and call Governance; nothing secret (a public client). */
  clientConfig() {
    return {
      oidc_base: this.settings.oidcBase,
      client_id: this.settings.clientId,
      governance_url: this.settings.governanceUrl,
    };
  }

  private secure(reply: FastifyReply): FastifyReply {
    return reply.headers(this.headers);
  }

  private async index(reply: FastifyReply) {
    const html = await readFile(join(this.settings.distDir, 'index.html'), 'utf8').catch(() => null);
    this.secure(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (html === null) return reply.code(503).header('retry-after', '30').send(NOT_BUILT);
    return reply.send(html);
  }

  private async asset(name: string, reply: FastifyReply) {
    this.secure(reply);
    const type = CONTENT_TYPES[extname(name)];
    const path = join(this.settings.distDir, 'assets', name);
    const file =
      ASSET_NAME.test(name) && !name.startsWith('.') && type ? await stat(path).catch(() => null) : null;
    if (!file?.isFile())
      return reply.code(404).header('cache-control', 'no-store').type('text/plain').send('Not found');
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-length', file.size)
      .type(type!)
      .send(createReadStream(path));
  }
}
