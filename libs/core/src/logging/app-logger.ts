import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Which app a line belongs to when several run in one process (`npm start`, e2e): Nest's
 * `Logger` is one static instance per process, so it asks here. configureHttpApp runs each
 * request in its app's scope, and the app's boot (logs flushed at `useLogger`, and what `init`
 * starts: timers, sweepers) too. One async-local value: no per-request map to fill or collect.
 */
const appScope = new AsyncLocalStorage<Logger>();

/** Runs `work`, and everything it starts, as `logger`'s app. */
export function runInAppScope<T>(logger: Logger, work: () => T): T {
  return appScope.run(logger, work);
}

/** One app's logger, built once (createAppLogger); its pino instances carry the app's service. */
export class AppLogger {
  /** Nest's logger for this app (`app.useLogger`). */
  readonly nest: NestLogger;

  /**
   * @param pino the app's lines, redacted
   * @param requests the request lines (registerRequestLog): the same settings, without redaction
   */
  constructor(
    readonly pino: Logger,
    readonly requests: Logger = pino,
  ) {
    this.nest = new NestLogger(pino);
  }
}

/**
 * Nest's LoggerService over pino, with nestjs-pino's conventions (so call sites did not change):
 * `log(obj, msg, context)` merges `obj` into the line, an Error goes under `err`, the context
 * (Nest appends it last) goes under `context`. The line goes to the current app's logger (the
 * one whose request or boot is running), this one's when no app is current.
 */
export class NestLogger implements LoggerService {
  constructor(private readonly fallback: Logger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.call('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.call('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.call('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.call('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.call('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.call('fatal', message, params);
  }

  private call(level: Level, message: unknown, params: unknown[]): void {
    const logger = appScope.getStore() ?? this.fallback;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      fields.context = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    if (typeof message === 'object' && message !== null) {
      if (message instanceof Error) fields.err = message;
      else Object.assign(fields, message);
      emit(logger, level, [fields, ...rest]);
    } else if (isExceptionHandlerContract(level, message, rest)) {
      // Nest's exception handlers call error(message, stack, context).
      const err = new Error(message as string);
      err.stack = rest[0] as string;
      emit(logger, level, [{ ...fields, err }]);
    } else {
      emit(logger, level, [fields, message, ...rest]);
    }
  }
}

function emit(logger: Logger, level: Level, args: unknown[]): void {
  (logger[level] as (...values: unknown[]) => void).apply(logger, args);
}

function isExceptionHandlerContract(level: Level, message: unknown, rest: unknown[]): boolean {
  return (
    level === 'error' &&
    typeof message === 'string' &&
    rest.length === 1 &&
    typeof rest[0] === 'string' &&
    /\n\s*at /.test(rest[0])
  );
}

/**
 * The logger services inject: pino's call signatures,
 * with the context set by `setContext` on every line. Always its own app's logger: DI built it.
 */
export class ServiceLogger {
  private context = '';

  constructor(readonly logger: Logger) {}

  setContext(value: string): void {
    this.context = value;
  }

  trace(...args: unknown[]): void {
    this.call('trace', args);
  }

  debug(...args: unknown[]): void {
    this.call('debug', args);
  }

  info(...args: unknown[]): void {
    this.call('info', args);
  }

  warn(...args: unknown[]): void {
    this.call('warn', args);
  }

  error(...args: unknown[]): void {
    this.call('error', args);
  }

  fatal(...args: unknown[]): void {
    this.call('fatal', args);
  }

  private call(level: Level, args: unknown[]): void {
    if (this.context) {
      const [first, ...rest] = args;
      if (first instanceof Error) args = [{ context: this.context, err: first }, ...rest];
      else if (typeof first === 'object' && first !== null)
        args = [{ context: this.context, ...first }, ...rest];
      else args = [{ context: this.context }, ...args];
    }
    emit(this.logger, level, args);
  }
}
