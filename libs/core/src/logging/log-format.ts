import { createRequire } from 'node:module';
import pino, { type DestinationStream } from 'pino';
import type PinoPretty from 'pino-pretty';

/** LOG_FORMAT: `pretty` (human lines) or `json` (one JSON object a line, for collectors). */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export function isLogFormat(value: unknown): value is LogFormat {
  return typeof value === 'string' && (LOG_FORMATS as readonly string[]).includes(value);
}

/**
 * The format asked for, else pretty on a terminal and JSON anywhere else (CI, tests, Kubernetes,
 * pipes), so only a developer at a terminal sees anything but JSON. Configs validate LOG_FORMAT
 * first; this check covers options built by hand.
 */
export function resolveLogFormat(
  configured?: string,
  isTty: boolean = process.stdout.isTTY === true,
): LogFormat {
  if (configured === undefined || configured === '') return isTty ? 'pretty' : 'json';
  if (!isLogFormat(configured)) throw new Error(`LOG_FORMAT must be one of: ${LOG_FORMATS.join(', ')}`);
  return configured;
}

/** Request lines read `GET /assets/x 200 (3 ms)`; ids stay on the line so it can be grepped by them. */
const MESSAGE_FORMAT =
  '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} {res.statusCode}{end}' +
  '{if responseTime} ({responseTime} ms){end}' +
  '{if request_id} request_id={request_id}{end}{if trace_id} trace_id={trace_id}{end}';

/**
 * Human-readable lines for a terminal. The line is prettified and written in the caller's own
 * `write`, with no worker thread and no stream pipeline: nothing keeps the process alive and
 * nothing is lost on `process.exit`. Pino redacts before it writes, so this only ever sees
 * redacted objects. `destination` replaces stdout (tests); colours only on a colour terminal.
 */
export function createPrettyDestination(destination?: DestinationStream): DestinationStream {
  // Required here, not imported: JSON (every deployment) never loads pino-pretty and its dozen packages.
  const pinoPretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  const pretty = pinoPretty.prettyFactory({
    colorize: destination === undefined && process.stdout.isTTY === true && pinoPretty.isColorSupported,
    translateTime: 'SYS:HH:MM:ss.l',
    // Shown in the line (MESSAGE_FORMAT) or by `name`; the rest of the object follows, indented.
    ignore: 'pid,hostname,service,req,res,responseTime,request_id,trace_id',
    messageFormat: MESSAGE_FORMAT,
  });
  return { write: (line: string) => out.write(pretty(line)) };
}
