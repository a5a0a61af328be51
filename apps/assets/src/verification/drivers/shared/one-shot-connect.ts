import { describeDestination } from '../../../egress/index.js';
import { classifyError, DriverError } from '../../driver-error.js';
import type { ProbeContext } from '../../probe-context.js';
import type { VerificationErrorCode, VerificationStepName } from '../../verification.types.js';

export interface OneShotConnectOptions {
  tls: boolean;
  /** Why `tls` is skipped when it is off. */
  noTlsMessage: string;
  authMessage: string;
  /** Turns an SDK error into a DriverError, or returns it for the shared classifier. */
  classify: (error: unknown) => unknown;
}

/** Which step a failure of a combined connect+TLS+login call belongs to. */
export function phaseOf(code: VerificationErrorCode, tls: boolean): VerificationStepName {
  if (code === 'auth_failed' || code === 'permission_denied') return 'authenticate';
  if (code === 'tls_error' && tls) return 'tls';
  return 'connect';
}

/**
 * For drivers whose client opens the socket, negotiates TLS and logs in within one call
 * (MongoClient.connect, oracledb.getConnection): the call runs under the `connect` step's
 * timeout, and its outcome is split into connect / tls / authenticate by what the error says.
 */
export async function connectInOneCall<T>(
  ctx: ProbeContext,
  options: OneShotConnectOptions,
  open: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const dest = ctx.destination;
  const startedAt = ctx.begin('connect');
  if (!options.tls) ctx.skip('tls', options.noTlsMessage);
  let value: T;
  try {
    value = await ctx.withTimeout('connect', open);
  } catch (error) {
    const classified = options.classify(error);
    const code =
      classified instanceof DriverError ? classified.code : classifyError(classified, 'connect').code;
    const phase = phaseOf(code, options.tls);
    const reachedAt = performance.now();
    if (phase !== 'connect')
      ctx.record('connect', 'ok', startedAt, `connected to ${describeDestination(dest)}`);
    if (phase === 'authenticate' && options.tls)
      ctx.record('tls', 'ok', reachedAt, 'TLS negotiated, certificate verified');
    throw ctx.failStep(phase, classified, phase === 'connect' ? startedAt : reachedAt);
  }
  const doneAt = performance.now();
  ctx.record('connect', 'ok', startedAt, `connected to ${describeDestination(dest)}`);
  if (options.tls) ctx.record('tls', 'ok', doneAt, 'TLS negotiated, certificate verified');
  ctx.record('authenticate', 'ok', doneAt, options.authMessage);
  return value;
}
