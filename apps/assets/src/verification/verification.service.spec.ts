import { jest } from '@jest/globals';
import { AppException, ErrorCode } from '@app/core';
import { ConnectorDriver, type EgressTarget } from './connector-driver.js';
import { EgressPolicy } from '../egress/index.js';
import type { ProbeContext } from './probe-context.js';
import { loadVerificationConfig } from './verification.config.js';
import { VerificationService } from './verification.service.js';
import type { DriverOutcome, VerificationInput, VerificationStepName } from './verification.types.js';

/** A driver that connects nowhere: it parks in `discover` until released (or forever). */
class ParkedDriver extends ConnectorDriver {
  readonly type = 'postgres' as const;
  readonly steps: readonly VerificationStepName[] = ['resolve', 'egress_policy', 'discover'];
  constructor(private readonly gate: Promise<void>) {
    super();
  }
  target(input: VerificationInput): EgressTarget {
    return { host: String(input.config['host']), port: 5432 };
  }
  async verify(_input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome> {
    // Ignores the signal on purpose: the service's race must still end the call.
    await ctx.step('discover', () => this.gate);
    return { schemas: [], truncated: false };
  }
}

const input: VerificationInput = {
  type: 'postgres',
  auth_type: 'basic',
  config: { host: '10.0.0.1' },
  credentials: { password: 'pw-secret-1' },
};

function service(gate: Promise<void>, env: Record<string, string> = {}) {
  const config = loadVerificationConfig({ NODE_ENV: 'test', ...env });
  const policy = new EgressPolicy({ production: false });
  return new VerificationService(config, policy, { postgres: new ParkedDriver(gate) });
}

describe(VerificationService.name, () => {
  it('should reject beyond the per-org limit immediately with RATE_LIMIT_EXCEEDED', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const svc = service(gate, { VERIFY_MAX_CONCURRENT_PER_ORG: '2', VERIFY_MAX_CONCURRENT: '3' });
    const running = [svc.verify(input, { orgId: 'a' }), svc.verify(input, { orgId: 'a' })];
    // Refused at once: no timer has to fire for the refusal.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    try {
      await expect(svc.verify(input, { orgId: 'a' })).rejects.toMatchObject({
        code: ErrorCode.RATE_LIMIT_EXCEEDED,
        status: 429,
        details: { retry_after_s: 1 },
      });
    } finally {
      jest.useRealTimers();
    }
    const third = svc.verify(input, { orgId: 'b' });
    await expect(svc.verify(input, { orgId: 'c' })).rejects.toBeInstanceOf(AppException);
    release();
    await expect(Promise.all([...running, third])).resolves.toHaveLength(3);
    await expect(svc.verify(input, { orgId: 'a' })).resolves.toMatchObject({ success: true });
  });

  it('should end a call whose driver ignores the signal at the timeout and free its slot', async () => {
    const svc = service(new Promise<void>(() => undefined), {
      VERIFY_TIMEOUT_MS: '300',
      VERIFY_MAX_CONCURRENT_PER_ORG: '1',
    });
    // The clock is ours: the call must still be running 1 ms before its timeout, and over at it.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    let report!: Awaited<ReturnType<VerificationService['verify']>>;
    try {
      const call = svc.verify(input, { orgId: 'a' }).then((r) => (report = r));
      await jest.advanceTimersByTimeAsync(299);
      expect(report).toBeUndefined();
      await jest.advanceTimersByTimeAsync(1);
      await call;
    } finally {
      jest.useRealTimers();
    }
    expect(report).toMatchObject({ success: false, details: { error_code: 'timeout' } });
    expect(report.steps.find((s) => s.name === 'discover')).toMatchObject({ status: 'failed' });
    await expect(svc.verify(input, { orgId: 'a' })).resolves.toMatchObject({ success: false });
  });

  it('should apply the per-step timeout inside the whole-call timeout', async () => {
    const svc = service(new Promise<void>(() => undefined), {
      VERIFY_TIMEOUT_MS: '2000',
      VERIFY_STEP_TIMEOUT_MS: '150',
    });
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    let report!: Awaited<ReturnType<VerificationService['verify']>>;
    try {
      const call = svc.verify(input, { orgId: 'a' }).then((r) => (report = r));
      await jest.advanceTimersByTimeAsync(149);
      expect(report).toBeUndefined();
      // The step's 150 ms ends it, long before the call's 2 s.
      await jest.advanceTimersByTimeAsync(1);
      await call;
    } finally {
      jest.useRealTimers();
    }
    expect(report.details.error_code).toBe('timeout');
    expect(report.message).toContain('discover');
  });

  it('should reject options outside the bounds as a validation error naming the field', async () => {
    const svc = service(Promise.resolve());
    const problem = (field: string) => ({
      code: ErrorCode.VALIDATION_ERROR,
      details: { fields: [expect.objectContaining({ field })] },
    });
    await expect(svc.verify(input, { orgId: 'a', maxObjects: 0 })).rejects.toMatchObject(
      problem('discovery.max_objects'),
    );
    await expect(svc.verify(input, { orgId: 'a', maxObjects: 10_001 })).rejects.toMatchObject(
      problem('discovery.max_objects'),
    );
    await expect(svc.verify(input, { orgId: 'a', include: ['a\u0000'] })).rejects.toMatchObject(
      problem('discovery.include'),
    );
  });

  it('should fail at egress_policy with every later step skipped and no driver call', async () => {
    const svc = service(Promise.resolve());
    const report = await svc.verify({ ...input, config: { host: '0xa9fea9fe' } }, { orgId: 'a' });
    expect(report.success).toBe(false);
    expect(report.details.error_code).toBe('egress_denied');
    expect(report.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'ok'],
      ['egress_policy', 'failed'],
      ['discover', 'skipped'],
    ]);
  });

  it('should cap the configured timeouts', () => {
    expect(() => loadVerificationConfig({ VERIFY_TIMEOUT_MS: '60001' })).toThrow();
    expect(
      loadVerificationConfig({ VERIFY_TIMEOUT_MS: '500', VERIFY_STEP_TIMEOUT_MS: '900' }).stepTimeoutMs,
    ).toBe(500);
    expect(loadVerificationConfig({}).stepTimeoutMs).toBe(10_000);
  });
});
