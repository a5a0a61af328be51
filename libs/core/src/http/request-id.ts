import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { parseTraceparent } from '../context/request-context.js';

const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a well-formed incoming X-Request-Id (so ids follow a call across services), else makes one. */
export function generateRequestId(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
  // The request-log serializer reads raw.id, so the log line and the response share the id.
  (raw as IncomingMessage & { id?: string }).id = id;
  return id;
}

/** W3C trace-id from `traceparent`, when the caller sent a valid one (RequestContext has the request's own). */
export function traceIdOf(request: Pick<FastifyRequest, 'headers'>): string | null {
  return parseTraceparent(request.headers?.traceparent)?.traceId ?? null;
}
