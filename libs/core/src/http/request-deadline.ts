import type { IncomingMessage } from 'node:http';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppException } from '../errors/app.exception.js';
import { fieldProblem } from './validation.pipe.js';
import { ErrorCode } from '../errors/error-code.js';

/**
 * The caller's remaining budget for this request, in milliseconds, relative to when the request
 * arrives. Relative rather than an absolute time: the two services' clocks need not agree, and a
 * skewed clock cannot extend (or erase) a budget. The time the request spends on the wire is not
 * counted, so the callee's deadline can end that much after the caller's; callers that must be
 * sure nothing lands after they gave up (the connection saga) wait out a margin far larger than
 * that before their final cleanup.
 */
export const REQUEST_TIMEOUT_HEADER = 'x-request-timeout-ms';

const TIMEOUT_VALUE = /^\d{1,10}$/;
const signals = new WeakMap<IncomingMessage, AbortSignal>();

/** Why a request's signal fired. */
export type DeadlineReason = 'deadline_exceeded' | 'client_disconnected';

export class RequestDeadlineAbort extends Error {
  constructor(readonly reason: DeadlineReason) {
    super(reason === 'deadline_exceeded' ? 'request deadline exceeded' : 'client disconnected');
    this.name = 'RequestDeadlineAbort';
  }
}

/**
 * The budget a request may use: the header's value bounded by `maxMs`, or `maxMs` without the
 * header. Anything but a plain non-negative integer (a sign, a fraction, units, a repeated header)
 * is 400. `0` means the caller has no time left: nothing is done.
 */
export function requestBudgetMs(header: string | string[] | undefined, maxMs: number): number {
  if (header === undefined) return maxMs;
  if (typeof header !== 'string' || !TIMEOUT_VALUE.test(header)) {
    throw AppException.invalidRequest(
      `${REQUEST_TIMEOUT_HEADER} must be a whole number of milliseconds`,
      fieldProblem(REQUEST_TIMEOUT_HEADER, 'must be a whole number of milliseconds'),
    );
  }
  return Math.min(Number(header), maxMs);
}

/**
 * Gives every request an AbortSignal that fires when its budget (X-Request-Timeout-Ms, at most
 * `maxMs`, and `maxMs` without the header) is spent, or when the client goes away before the
 * answer is sent. Handlers take it with @RequestSignal() and pass it to every call they make.
 */
export function registerRequestDeadline(app: NestFastifyApplication, options: { maxMs: number }): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      const budget = requestBudgetMs(request.headers[REQUEST_TIMEOUT_HEADER], options.maxMs);
      const controller = new AbortController();
      const expire = () => controller.abort(new RequestDeadlineAbort('deadline_exceeded'));
      const timer = budget > 0 ? setTimeout(expire, budget) : undefined;
      if (budget === 0) expire();
      reply.raw.once('close', () => {
        clearTimeout(timer);
        if (!reply.raw.writableFinished) controller.abort(new RequestDeadlineAbort('client_disconnected'));
      });
      signals.set(request.raw, controller.signal);
    });
}

/** The request's deadline signal (undefined where registerRequestDeadline is not used). */
export function requestSignalOf(request: Pick<FastifyRequest, 'raw'>): AbortSignal | undefined {
  return signals.get(request.raw);
}

/** Handler parameter: the request's deadline signal. */
export const RequestSignal = createParamDecorator(
  (_: unknown, context: ExecutionContext): AbortSignal | undefined =>
    requestSignalOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/**
 * 504 in the envelope. `outcome`: `not_applied` when nothing was sent or what was sent has been
 * undone; `unknown` when an undo failed too (the caller must reconcile).
 */
export function deadlineExceeded(outcome: 'not_applied' | 'unknown'): AppException {
  return new AppException(
    ErrorCode.DEADLINE_EXCEEDED,
    outcome === 'not_applied'
      ? 'The request deadline passed; nothing was changed'
      : 'The request deadline passed; the change may be partly applied',
    { outcome },
  );
}
