import { type DynamicModule, Module, Scope } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import { RequestContext } from '../context/request-context.js';
import { RequestContextModule } from '../context/request-context.module.js';
import { createPrettyDestination, resolveLogFormat } from './log-format.js';
import { AppLogger, ServiceLogger } from './app-logger.js';

export { LOG_FORMATS, type LogFormat, resolveLogFormat } from './log-format.js';

/** Defence in depth: we never log bodies or headers, and redact these anyway. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  '*.secret_key',
  '*.client_secret',
  'credentials',
  '*.credentials',
  'value',
  '*.value',
  '*.private_key',
  '*.token',
  'token',
];

export interface LoggingOptions {
  service: string;
  level?: string;
  /** Silence request logs (tests). */
  quiet?: boolean;
  /** LOG_FORMAT (`pretty` | `json`); absent: pretty on a terminal, JSON otherwise. */
  format?: string;
  /** Where lines go; stdout when absent (tests capture them here). */
  destination?: DestinationStream;
}

/** Pino's mixin: the request's ids on every line logged inside a request, nothing outside one. */
export function requestContextFields(): { request_id?: string; trace_id?: string } {
  const context = RequestContext.current();
  return context ? { request_id: context.requestId, trace_id: context.traceId } : {};
}

@Module({})
class LoggingModule {}

/**
 * The app's own logger, built once: its pino instance (service, level, destination) for the
 * request lines (configureHttpApp) and Nest's logger, and a `ServiceLogger` for each service that
 * injects one. Global, like the request context its lines read. Each app in a process gets its
 * own: nothing here is per process but the stdout stream.
 */
export function createLoggerModule(options: LoggingOptions): DynamicModule {
  const appLogger = createAppLogger(options);
  const providers = [
    { provide: AppLogger, useValue: appLogger },
    // Transient: each service gets its own, so setContext names that service only.
    { provide: ServiceLogger, useFactory: () => new ServiceLogger(appLogger.pino), scope: Scope.TRANSIENT },
  ];
  return {
    module: LoggingModule,
    global: true,
    imports: [RequestContextModule],
    providers,
    exports: [AppLogger, ServiceLogger],
  };
}

/**
 * One app's loggers, over one destination: its service on every line, its level. Request lines
 * go through a second instance without the redaction pass (about half the cost of a line): they
 * hold nothing but the serializers' output (method, path without query, status, ids), so no
 * header, body or query value can reach them.
 */
export function createAppLogger(options: LoggingOptions): AppLogger {
  const settings = loggerSettings(options);
  const build = (pinoOptions: LoggerOptions) =>
    settings.destination ? pino(pinoOptions, settings.destination) : pino(pinoOptions);
  return new AppLogger(build(settings.options), build({ ...settings.options, redact: undefined }));
}

/**
 * What the logger is built from: the same options (redaction included) in both formats; pretty
 * only swaps the destination, so JSON lines are exactly what they were before LOG_FORMAT.
 */
export function loggerSettings(options: LoggingOptions): {
  options: LoggerOptions;
  destination?: DestinationStream;
} {
  // The terminal test is about stdout: a given destination (tests) stays JSON unless asked.
  const format = resolveLogFormat(options.format, options.destination ? false : undefined);
  const pinoOptions: LoggerOptions = {
    name: options.service,
    level: options.quiet ? 'silent' : (options.level ?? 'info'),
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    // Only what an operator needs; never headers, query values with secrets, or bodies.
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    base: { pid: process.pid, hostname: hostname(), service: options.service },
    mixin: requestContextFields,
  };
  const destination =
    format === 'pretty'
      ? createPrettyDestination(options.destination)
      : (options.destination ?? (pinoOptions.level === 'silent' ? undefined : asyncStdout()));
  return { options: pinoOptions, destination };
}

let stdout: DestinationStream | undefined;

/**
 * JSON lines to stdout without a blocking write(2) per line: while one write is in flight, the
 * lines logged meanwhile are buffered and go out together in the next one (under load, one
 * syscall for many request lines; when idle, each line at once). pino flushes what is buffered
 * synchronously on exit, so only a SIGKILL can lose the lines of the last write. One stream per
 * process, so two apps in one process (npm start) never write to fd 1 concurrently.
 */
function asyncStdout(): DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false });
  return stdout;
}
