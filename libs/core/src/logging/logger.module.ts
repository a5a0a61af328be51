import { type DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import pino, { type DestinationStream } from 'pino';
import { RequestContext } from '../context/request-context.js';
import { RequestContextModule } from '../context/request-context.module.js';
import { createPrettyDestination, resolveLogFormat } from './log-format.js';

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

/** The app's logger (nestjs-pino), and the request context its lines read (global, like the logger). */
export function createLoggerModule(options: LoggingOptions): DynamicModule {
  const { pinoHttp, destination } = loggerSettings(options);
  return {
    module: LoggingModule,
    imports: [
      LoggerModule.forRoot({ pinoHttp: destination ? [pinoHttp, destination] : pinoHttp }),
      RequestContextModule,
    ],
  };
}

/**
 * What the logger is built from: the same options (redaction included) in both formats; pretty
 * only swaps the destination, so JSON lines are exactly what they were before LOG_FORMAT.
 */
export function loggerSettings(options: LoggingOptions): {
  pinoHttp: Options;
  destination?: DestinationStream;
} {
  // The terminal test is about stdout: a given destination (tests) stays JSON unless asked.
  const format = resolveLogFormat(options.format, options.destination ? false : undefined);
  const pinoHttp: Options = {
    name: options.service,
    level: options.quiet ? 'silent' : (options.level ?? 'info'),
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    autoLogging: { ignore: (req: IncomingMessage) => /\/health\/(live|ready)$/.test(req.url ?? '') },
    // Only what an operator needs; never headers, query values with secrets, or bodies.
    serializers: {
      req: (req: IncomingMessage & { id?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    // On every line through the base bindings: pino-http's customProps would cost a child logger
    // and a stringify per request for the same field.
    base: { pid: process.pid, hostname: hostname(), service: options.service },
    mixin: requestContextFields,
  };
  const destination =
    format === 'pretty'
      ? createPrettyDestination(options.destination)
      : (options.destination ?? (pinoHttp.level === 'silent' ? undefined : asyncStdout()));
  return { pinoHttp, destination };
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
