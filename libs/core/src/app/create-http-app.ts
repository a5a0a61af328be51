import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter.js';
import { EnvelopeValidationPipe } from '../http/validation.pipe.js';
import { generateRequestId } from '../http/request-id.js';
import { newRequestContext, RequestContext } from '../context/request-context.js';
import { registerInputGuards } from '../http/hostile-input.js';
import { type DocumentServer, finishOpenApiDocument } from '../swagger/openapi-finish.js';
import { assertEveryRouteDeclaresAuthorization } from './route-authorization.check.js';
import { appMetricsOf, registerHttpMetrics } from '../metrics/app-metrics.js';
import { NO_TRACING, type Tracing } from '../tracing/tracing.js';
import { AppLogger, runInAppScope } from '../logging/app-logger.js';
import { registerRequestLog } from '../logging/request-log.js';

export interface HttpAppOptions {
  service: string;
  /** Global route prefix, e.g. `assets`. Health and docs stay unprefixed for probes. */
  prefix: string;
  title: string;
  description: string;
  version?: string;
  bodyLimitBytes?: number;
  /** Where the service listens by default, for the document's `servers`. */
  server: DocumentServer;
  /** The app's tracer (startTracing): a SERVER span per request when on. Default: off. */
  tracing?: Tracing;
}

export const UNPREFIXED_ROUTES = ['health/live', 'health/ready'];

/** What builds an app from its root module: `createHttpApp`, or in tests one that overrides providers. */
export type AppBuilder = (
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
) => Promise<NestFastifyApplication>;

/** Builds a configured (not yet listening) app: used by main.ts and by e2e tests alike. */
export async function createHttpApp(
  module: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, createHttpAdapter(options), {
    bufferLogs: true,
  });
  return configureHttpApp(app, options);
}

/** The Fastify adapter every app runs on (tests that compile their own module use it too). */
export function createHttpAdapter(options: Pick<HttpAppOptions, 'bodyLimitBytes'>): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: generateRequestId,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
}

/** Logger, request id, error envelope, input guards, prefix, validation and Swagger on a created app. */
export function configureHttpApp(
  app: NestFastifyApplication,
  options: HttpAppOptions,
): NestFastifyApplication {
  // An app with a route that says nothing about authorization does not start.
  assertEveryRouteDeclaresAuthorization(app);
  const logger = app.get(AppLogger);
  // Nest's logger is one per process: its lines name the app in scope (app-logger.ts), which is
  // this one for the lines buffered while it booted, what its init starts and its requests.
  runInAppScope(logger.pino, () => app.useLogger(logger.nest));
  const init = app.init.bind(app);
  app.init = () => runInAppScope(logger.pino, init);
  const fastify = app.getHttpAdapter().getInstance();
  // The request's context opens before anything else runs for it (logs, guards, handlers, the
  // error envelope), so everything the request does can read its ids; the id goes back as a header.
  const tracing = options.tracing ?? NO_TRACING;
  if (tracing.enabled) {
    // Traced, the ids are the SERVER span's, so logs, envelope, audit and spans name one trace.
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      const context = tracing.startRequest(request, reply);
      runInAppScope(logger.pino, () => RequestContext.run(context, done));
    });
    // Spans still queued go out when the app closes (bounded: a dead receiver cannot hold it up).
    fastify.addHook('onClose', () => tracing.shutdown());
  } else {
    fastify.addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      const context = newRequestContext(String(request.id), request.headers.traceparent);
      runInAppScope(logger.pino, () => RequestContext.run(context, done));
    });
  }
  // After the context hook: the line is written when the response is done, with the request's ids.
  registerRequestLog(app, logger.requests);
  const errors = new ErrorEnvelopeFilter(options.service);
  // Errors raised before Nest runs (body parsers, hooks) go to the route's Fastify error handler.
  // Nest installs its own only at init, after a plugin registered in onModuleInit may already
  // have fixed the routes' handlers, so every route gets the envelope here.
  fastify.addHook('onRoute', (route) => {
    route.errorHandler ??= (error, request, reply) =>
      errors.send(error, request as unknown as FastifyRequest, reply as unknown as FastifyReply);
  });
  // Apps whose module provides AppMetrics time every response by its templated route.
  const metrics = appMetricsOf(app);
  if (metrics) registerHttpMetrics(app, metrics);
  registerInputGuards(app);
  app.setGlobalPrefix(options.prefix, { exclude: UNPREFIXED_ROUTES });
  app.useGlobalFilters(errors);
  app.useGlobalPipes(new EnvelopeValidationPipe());
  setupSwagger(app, options);
  return app;
}

export function buildOpenApiDocument(app: INestApplication, options: HttpAppOptions) {
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(options.version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  return finishOpenApiDocument(document, options.server);
}

function setupSwagger(app: NestFastifyApplication, options: HttpAppOptions): void {
  // Built on the first /docs request (and kept by Swagger), not at boot: most replicas never
  // serve it, and the document with its schemas is megabytes of idle heap.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, options), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
