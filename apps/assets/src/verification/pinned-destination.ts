import type { EgressPolicy, PinnedDestination } from '../egress/index.js';
import { classifyError, type ClassifiedError } from './driver-error.js';
import type { StepRecorder } from './probe-context.js';
import type { VerificationStepName } from './verification.types.js';

export class CallTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor() {
    super('verification timed out');
    this.name = 'TimeoutError';
  }
}

/** The two steps that find and check an address: the database's own, or the bastion's. */
export interface ResolveSteps {
  resolve: VerificationStepName;
  policy: VerificationStepName;
}

export function deniedBy(error: unknown, step: VerificationStepName): ClassifiedError {
  const classified = classifyError(error, step);
  // The reason (e.g. "metadata name") is ours, not the target's: safe and useful to show.
  return classified.code === 'egress_denied'
    ? { code: 'egress_denied', message: (error as Error).message }
    : classified;
}

/**
 * Resolve, then check: one lookup, every address checked, one address pinned. A name the policy
 * refuses as written (a metadata name) is never resolved.
 */
export async function resolveAndPin(
  policy: EgressPolicy,
  target: { host: string; port: number },
  recorder: StepRecorder,
  steps: ResolveSteps,
  signal: AbortSignal,
  resolveStart = recorder.start(steps.resolve),
): Promise<PinnedDestination> {
  let parsed;
  try {
    parsed = policy.parse(target.host, target.port);
  } catch (error) {
    const classified = classifyError(error, steps.policy);
    if (classified.code === 'egress_denied') {
      recorder.finish(steps.resolve, 'skipped', 'not resolved: the name itself is denied', resolveStart);
      throw recorder.fail(steps.policy, deniedBy(error, steps.policy), performance.now());
    }
    throw recorder.fail(steps.resolve, classified, resolveStart);
  }
  let addresses;
  try {
    if (signal.aborted) throw new CallTimeoutError();
    addresses = await policy.lookup(parsed);
  } catch (error) {
    throw recorder.fail(steps.resolve, classifyError(error, steps.resolve), resolveStart);
  }
  recorder.finish(
    steps.resolve,
    'ok',
    parsed.kind === 'ip' ? 'IP address literal' : `${addresses.length} address(es)`,
    resolveStart,
  );
  const policyStart = recorder.start(steps.policy);
  try {
    const dest = policy.pin(parsed, addresses, target.port);
    recorder.finish(steps.policy, 'ok', `allowed; pinned to ${dest.address}`, policyStart);
    return dest;
  } catch (error) {
    throw recorder.fail(steps.policy, deniedBy(error, steps.policy), policyStart);
  }
}
