import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ConfigValidationError, csv, isProduction } from '@app/config';

/** What a browser page on an allowed origin may send (no cookies: the API takes bearer tokens). */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Project-ID'];
const EXPOSED_HEADERS = ['X-Request-Id', 'Location'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * CORS_ORIGINS, or in dev (NODE_ENV not production) the web console's origins: those of the dev
 * IdP's redirect URIs (Assets' origins unless AUTH_DEV_CONSOLE_REDIRECT_URIS says otherwise).
 * Production allows none unless CORS_ORIGINS lists them. Each entry must be an exact origin.
 */
export function browserOriginsOf(
  corsOrigins: string | undefined,
  consoleRedirectUris: string | undefined,
  env: NodeJS.ProcessEnv,
): string[] {
  if (corsOrigins === undefined || corsOrigins === '') {
    if (isProduction(env)) return [];
    return [...new Set(csv(consoleRedirectUris).flatMap((uri) => originOf(uri) ?? []))];
  }
  const listed = csv(corsOrigins);
  if (listed.some((origin) => originOf(origin) !== origin))
    throw new ConfigValidationError('governance', [
      'CORS_ORIGINS must list origins (scheme://host[:port], no path), e.g. http://localhost:8002',
    ]);
  return listed;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Lets pages on `origins` call the API with a bearer token. Routes under `excludedPrefix` (the dev
 * IdP, which answers CORS for its own client) are left alone.
 */
export function enableBrowserCors(
  app: NestFastifyApplication,
  origins: string[],
  excludedPrefix: string,
): void {
  if (origins.length === 0) return;
  const options = {
    origin: origins,
    methods: METHODS,
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  };
  const delegate = (request: FastifyRequest, done: (error: Error | null, options: object) => void) =>
    done(null, request.url.startsWith(excludedPrefix) ? { origin: false } : options);
  app.enableCors(delegate as never);
}
