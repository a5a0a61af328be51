import type { PinnedDestination } from '../egress/index.js';
import { classifyError, DriverError, type ClassifiedError } from './driver-error.js';
import type { DiscoveryLimits } from './discovery-filter.js';
import {
  VERIFICATION_STEPS,
  type StepStatus,
  type VerificationErrorCode,
  type VerificationStep,
  type VerificationStepName,
} from './verification.types.js';

/** Thrown out of `step()` once the failure is recorded; carries the classification. */
export class StepFailedError extends Error {
  constructor(
    readonly step: VerificationStepName,
    readonly classified: ClassifiedError,
  ) {
    super(classified.message);
    this.name = 'StepFailedError';
  }
}

export class StepTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(step: VerificationStepName) {
    super(`${step} timed out`);
    this.name = 'TimeoutError';
  }
}

function elapsed(since: number): number {
  return Math.max(0, Math.round(performance.now() - since));
}

/**
 * Records steps in the order they run. Once `seal`ed (the call finished or timed out) it ignores
 * anything a still-running driver does, so a late callback cannot change a returned report.
 */
export class StepRecorder {
  private readonly steps = new Map<VerificationStepName, VerificationStep>();
  private readonly running = new Map<VerificationStepName, number>();
  private readonly warnings: string[] = [];
  private sealed = false;
  /** What a probe learned on the way that predicts a failure (see `ProbeContext.observe…`). */
  readonly observed: { certificateNotAfter?: Date; unreadableSelected?: string[]; sshHostKey?: string } = {};
  failure?: { step: VerificationStepName; classified: ClassifiedError };

  start(name: VerificationStepName): number {
    const at = performance.now();
    if (!this.sealed) this.running.set(name, at);
    return at;
  }

  finish(name: VerificationStepName, status: StepStatus, message: string, startedAt?: number): void {
    if (this.sealed) return;
    const since = startedAt ?? this.running.get(name);
    this.running.delete(name);
    this.steps.set(name, { name, status, latency_ms: since === undefined ? 0 : elapsed(since), message });
  }

  fail(name: VerificationStepName, classified: ClassifiedError, startedAt?: number): StepFailedError {
    if (!this.sealed && !this.failure) this.failure = { step: name, classified };
    this.finish(name, 'failed', classified.message, startedAt);
    return new StepFailedError(name, classified);
  }

  warn(message: string): void {
    if (!this.sealed && !this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Marks whatever is still running as failed with this code (the whole call timed out). */
  abortRunning(classified: ClassifiedError): void {
    const [first] = [...this.running.keys()];
    if (first) this.fail(first, classified);
    for (const name of [...this.running.keys()]) this.finish(name, 'skipped', 'aborted');
    if (!first && !this.failure) this.failure = { step: 'connect', classified };
  }

  seal(): void {
    this.sealed = true;
  }

  /** Steps in canonical order; applicable steps never reached after a failure are `skipped`. */
  snapshot(applicable: readonly VerificationStepName[]): { steps: VerificationStep[]; warnings: string[] } {
    const steps: VerificationStep[] = [];
    for (const name of VERIFICATION_STEPS) {
      const recorded = this.steps.get(name);
      if (recorded) steps.push({ ...recorded });
      else if (applicable.includes(name)) {
        steps.push({
          name,
          status: 'skipped',
          latency_ms: 0,
          message: this.failure ? 'not run: an earlier step failed' : 'not applicable',
        });
      }
    }
    return { steps, warnings: [...this.warnings] };
  }
}

/**
 * What a driver gets for one verification. Everything is per call; drivers keep no state.
 */
export class ProbeContext {
  private readonly cleanups: Array<() => void> = [];
  /** A redirect the pinned agent refused; blamed for the failure whatever error an SDK made of it. */
  private refusedRedirect?: Error;

  constructor(
    readonly destination: PinnedDestination,
    /** Aborts when the whole call times out. */
    readonly signal: AbortSignal,
    readonly stepTimeoutMs: number,
    readonly limits: DiscoveryLimits,
    readonly selectedTables: readonly string[],
    private readonly recorder: StepRecorder,
    /**
     * Resolves, checks and pins a second destination a driver must reach (e.g. Google's token
     * endpoint): the same egress policy as the main one, never a bare DNS lookup.
     */
    readonly resolveExtra: (host: string, port: number) => Promise<PinnedDestination> = () =>
      Promise.reject(Object.assign(new Error('no second destination allowed'), { code: 'EGRESS_DENIED' })),
  ) {
    signal.addEventListener('abort', () => this.runCleanups(), { once: true });
  }

  /**
   * Runs one step under the per-step timeout and the call's signal. The race is hard: a step
   * whose driver ignores the signal still ends at the deadline; `onAbort` hooks destroy sockets.
   */
  async step<T>(
    name: VerificationStepName,
    fn: (signal: AbortSignal) => Promise<T>,
    okMessage: string | ((value: T) => string) = 'ok',
  ): Promise<T> {
    const startedAt = this.recorder.start(name);
    try {
      const value = await this.withTimeout(name, fn);
      this.recorder.finish(
        name,
        'ok',
        typeof okMessage === 'function' ? okMessage(value) : okMessage,
        startedAt,
      );
      return value;
    } catch (error) {
      if (error instanceof StepFailedError) throw error;
      throw this.recorder.fail(name, classifyError(this.refusedRedirect ?? error, name), startedAt);
    }
  }

  /** Runs `fn` bounded by the per-step timeout and the call's signal, without recording. */
  async withTimeout<T>(
    name: VerificationStepName,
    fn: (signal: AbortSignal) => Promise<T>,
    ms = this.stepTimeoutMs,
  ): Promise<T> {
    if (this.signal.aborted) throw new StepTimeoutError(name);
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => controller.abort(new StepTimeoutError(name));
    this.signal.addEventListener('abort', onAbort, { once: true });
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort(new StepTimeoutError(name));
        reject(new StepTimeoutError(name));
      }, ms);
      controller.signal.addEventListener('abort', () => reject(new StepTimeoutError(name)), { once: true });
    });
    try {
      return await Promise.race([fn(controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
      this.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Records a step the driver measured itself (e.g. phases of one client.connect()). */
  record(name: VerificationStepName, status: 'ok' | 'skipped', latencyStart: number, message: string): void {
    this.recorder.finish(name, status, message, latencyStart);
  }

  /** Records a failed step the driver measured itself and returns the error to throw. */
  failStep(name: VerificationStepName, error: unknown, latencyStart: number): StepFailedError {
    return this.recorder.fail(name, classifyError(this.refusedRedirect ?? error, name), latencyStart);
  }

  /** Pass to `createPinnedAgent({ onRedirectRefused })`: the next failure is reported as that redirect. */
  readonly redirectRefused = (error: Error): void => {
    this.refusedRedirect ??= error;
  };

  /** Marks a step as started so a whole-call timeout blames it. */
  begin(name: VerificationStepName): number {
    return this.recorder.start(name);
  }

  /** The server certificate's expiry, when the session was TLS (a health forecast). */
  observeCertificate(notAfter: Date): void {
    if (!Number.isNaN(notAfter.getTime())) this.recorder.observed.certificateNotAfter = notAfter;
  }

  /** Selected tables that exist but this login may no longer read. */
  noteUnreadableSelected(tables: string[]): void {
    this.recorder.observed.unreadableSelected = tables;
    for (const name of tables.slice(0, 20))
      this.warn(`this credential cannot SELECT from selected table ${name}`);
  }

  skip(name: VerificationStepName, message: string): void {
    this.recorder.finish(name, 'skipped', message, performance.now());
  }

  warn(message: string): void {
    this.recorder.warn(message);
  }

  fail(code: VerificationErrorCode, message: string): DriverError {
    return new DriverError(code, message);
  }

  /** Registers a hook (destroy a socket, end a client) run on abort and at the end of the call. */
  onAbort(cleanup: () => void): void {
    if (this.signal.aborted) this.safely(cleanup);
    else this.cleanups.push(cleanup);
  }

  runCleanups(): void {
    for (const cleanup of this.cleanups.splice(0)) this.safely(cleanup);
  }

  private safely(cleanup: () => void): void {
    try {
      cleanup();
    } catch {
      // Cleanup is best effort: the socket may already be gone.
    }
  }
}
