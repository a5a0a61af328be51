import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

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
}

export function createLoggerModule(options: LoggingOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      name: options.service,
      level: options.quiet ? 'silent' : (options.level ?? 'info'),
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      autoLogging: { ignore: (req: IncomingMessage) => /\/health\/(live|ready)$/.test(req.url ?? '') },
      // Only what an operator needs; never headers, query values with secrets, or bodies.
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customProps: () => ({ service: options.service }),
    },
  });
}
