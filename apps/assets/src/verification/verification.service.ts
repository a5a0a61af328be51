import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { AppException, AppMetrics, fieldProblem } from '@app/core';
import { ConcurrencyLimiter } from '../common/index.js';
import type { ConnectorDriver, EgressTarget } from './connector-driver.js';
import {
  DEFAULT_MAX_OBJECTS,
  DiscoveryOptionError,
  validatePatterns,
  type DiscoveryLimits,
} from './discovery-filter.js';
import { DRIVERS } from './driver.registry.js';
import {
  classifyError,
  collectSecrets,
  DriverError,
  fixedMessage,
  scrubSecrets,
  type ClassifiedError,
} from './driver-error.js';
import { EgressPolicy, type PinnedDestination } from '../egress/index.js';
import { ProbeContext, StepFailedError, StepRecorder } from './probe-context.js';
import { CallTimeoutError, deniedBy, resolveAndPin, type ResolveSteps } from './pinned-destination.js';
import { openSshTunnel, type SshTunnel } from './tunnel/ssh-tunnel.js';
import { tunnelConfigOf, tunnelSettingsOf, type SshTunnelSettings } from './tunnel/ssh-tunnel.settings.js';
import { CONNECTION_TYPE_REGISTRY } from '../connection-types/index.js';
import type { NormalizedHost } from '../egress/index.js';
import { VerificationConfig } from './verification.config.js';
import type {
  DriverOutcome,
  VerificationErrorCode,
  VerificationInput,
  VerificationReport,
  VerificationStepName,
  VerifyOptions,
} from './verification.types.js';
import { TUNNEL_STEPS } from './verification.types.js';

/** Where the service writes one line per verification: codes and timings only, never messages. */
export interface VerificationLogger {
  log(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

/** The app's structured log (VerificationLog); absent in bare unit tests, which stay silent. */
export const VERIFICATION_LOGGER = Symbol('VERIFICATION_LOGGER');
/** The drivers by type; tests inject their own. */
export const VERIFICATION_DRIVERS = Symbol('VERIFICATION_DRIVERS');

const SILENT_LOGGER: VerificationLogger = { log: () => undefined, warn: () => undefined };
const MAX_MISSING_WARNINGS = 20;

const DATABASE_STEPS: ResolveSteps = { resolve: 'resolve', policy: 'egress_policy' };

function verificationOutcomes(metrics: AppMetrics): Counter<'type' | 'outcome' | 'error_code'> {
  return metrics.counter({
    name: 'verifications_total',
    help: 'Verifications run, by connection type, outcome and error_code (none when it succeeded)',
    labelNames: ['type', 'outcome', 'error_code'],
  });
}

function withoutTunnel(input: VerificationInput): VerificationInput {
  if (!('ssh_tunnel' in input.config) && !('ssh_tunnel' in input.credentials)) return input;
  const { ssh_tunnel: _config, ...config } = input.config;
  const { ssh_tunnel: _secret, ...credentials } = input.credentials;
  return { ...input, config, credentials };
}

/**
 * Runs one verification: resolve and check the destination, hand the pinned destination to the
 * type's driver, and turn whatever happens into a report. Never throws for a failed probe; only
 * for bad options (400) and when the concurrency limits are reached (429).
 */
@Injectable()
export class VerificationService {
  private readonly limiter: ConcurrencyLimiter;
  private readonly outcomes: Counter<'type' | 'outcome' | 'error_code'> | null;

  constructor(
    @Inject(VerificationConfig) private readonly config: VerificationConfig,
    @Optional()
    private readonly policy: EgressPolicy = new EgressPolicy({
      production: config.production,
      allowCidrs: config.allowCidrs,
      denyCidrs: config.denyCidrs,
      protectedPorts: config.protectedPorts,
    }),
    @Optional()
    @Inject(VERIFICATION_DRIVERS)
    private readonly drivers: Readonly<Record<string, ConnectorDriver>> = DRIVERS,
    @Optional() @Inject(VERIFICATION_LOGGER) private readonly logger: VerificationLogger = SILENT_LOGGER,
    @Optional() metrics?: AppMetrics,
  ) {
    this.outcomes = metrics ? verificationOutcomes(metrics) : null;
    this.limiter = new ConcurrencyLimiter(config.VERIFY_MAX_CONCURRENT, config.VERIFY_MAX_CONCURRENT_PER_ORG);
  }

  async verify(input: VerificationInput, options: VerifyOptions): Promise<VerificationReport> {
    const limits = this.limits(options);
    const release = options.background ? () => undefined : this.limiter.acquire(options.orgId);
    try {
      const report = await this.run(input, options, limits);
      this.outcomes?.inc({
        // Only known types become label values (the type is the caller's input).
        type: input.type in this.drivers ? input.type : 'unknown',
        outcome: report.success ? 'success' : 'failure',
        error_code: report.details.error_code ?? 'none',
      });
      return report;
    } finally {
      release();
    }
  }

  private limits(options: VerifyOptions): DiscoveryLimits {
    try {
      const max = options.maxObjects ?? Math.min(DEFAULT_MAX_OBJECTS, this.config.VERIFY_MAX_OBJECTS);
      if (!Number.isInteger(max) || max < 1 || max > this.config.VERIFY_MAX_OBJECTS) {
        throw new DiscoveryOptionError(
          'max_objects',
          `must be between 1 and ${this.config.VERIFY_MAX_OBJECTS} (this deployment's VERIFY_MAX_OBJECTS)`,
        );
      }
      if (options.selectedTables !== undefined && !Array.isArray(options.selectedTables)) {
        throw new DiscoveryOptionError('selected_tables', 'must be a list');
      }
      return {
        maxObjects: max,
        include: validatePatterns(options.include, 'include'),
        exclude: validatePatterns(options.exclude, 'exclude'),
      };
    } catch (error) {
      if (!(error instanceof DiscoveryOptionError)) throw error;
      // A well-formed body whose discovery options exceed this deployment's bounds.
      const field = error.field === 'selected_tables' ? error.field : `discovery.${error.field}`;
      throw AppException.validation('Invalid discovery options', fieldProblem(field, error.problem));
    }
  }

  private async run(
    input: VerificationInput,
    options: VerifyOptions,
    limits: DiscoveryLimits,
  ): Promise<VerificationReport> {
    const started = performance.now();
    const secrets = collectSecrets(input.credentials);
    const recorder = new StepRecorder();
    const driver = this.drivers[input.type];
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort(new CallTimeoutError());
        resolve('timeout');
      }, this.config.timeoutMs);
    });
    let ctx: ProbeContext | undefined;
    let tunnel: SshTunnel | undefined;
    const tunnelled = Boolean(tunnelConfigOf(input.config));
    // The tunnel is the engine's business: drivers see the database's own settings only.
    const forDriver = withoutTunnel(input);
    const work = (async (): Promise<DriverOutcome | undefined> => {
      if (!driver) throw new DriverError('invalid_config', `unknown connection type`);
      const dest = tunnelled
        ? (tunnel = await this.throughTunnel(driver, input, forDriver, recorder, controller.signal))
            .destination
        : await this.destination(driver, forDriver, recorder, controller.signal);
      ctx = new ProbeContext(
        dest,
        controller.signal,
        this.config.stepTimeoutMs,
        limits,
        (options.selectedTables ?? []).filter((t) => typeof t === 'string'),
        recorder,
        (host, port) => this.policy.resolve(host, port),
      );
      return driver.verify(forDriver, ctx);
    })();
    // The work may outlive a timeout; its late rejection must not become unhandled.
    work.catch(() => undefined);

    let outcome: DriverOutcome | undefined;
    let failure: ClassifiedError | undefined;
    try {
      const winner = await Promise.race([work, deadline]);
      if (winner === 'timeout') {
        failure = {
          code: 'timeout',
          message: `${fixedMessage('timeout')} (limit ${this.config.timeoutMs} ms)`,
        };
        recorder.abortRunning(failure);
      } else outcome = winner;
    } catch (error) {
      failure =
        error instanceof StepFailedError
          ? error.classified
          : (recorder.failure?.classified ?? classifyError(error, 'connect'));
      if (!recorder.failure) recorder.failure = { step: 'connect', classified: failure };
    } finally {
      clearTimeout(timer);
      recorder.seal();
      if (!controller.signal.aborted) controller.abort(new CallTimeoutError());
      ctx?.runCleanups();
      tunnel?.close();
    }
    const applicable = [...(tunnelled ? TUNNEL_STEPS : []), ...(driver?.steps ?? [])];
    const report = this.report(applicable, recorder, started, outcome, failure);
    const scrubbed = this.scrub(report, secrets);
    this.logger.log('verification finished', {
      type: input.type,
      success: scrubbed.success,
      error_code: scrubbed.details.error_code,
      failed_step: recorder.failure?.step,
      latency_ms: scrubbed.latency_ms,
    });
    return scrubbed;
  }

  /** `resolve` then `egress_policy`: one lookup, every address checked, one address pinned. */
  private async destination(
    driver: ConnectorDriver,
    input: VerificationInput,
    recorder: StepRecorder,
    signal: AbortSignal,
  ): Promise<PinnedDestination> {
    let target: EgressTarget;
    const resolveStart = recorder.start('resolve');
    try {
      target = driver.target(input);
    } catch (error) {
      const classified = classifyError(error, 'resolve');
      if (driver.steps.includes('resolve')) throw recorder.fail('resolve', classified, resolveStart);
      recorder.failure = { step: 'resolve', classified };
      throw new StepFailedError('resolve', classified);
    }
    return resolveAndPin(this.policy, target, recorder, DATABASE_STEPS, signal, resolveStart);
  }

  /**
   * The database named behind an SSH bastion: checked as written (only the bastion resolves it),
   * then the tunnel is opened and the driver is pointed at its loopback relay.
   */
  private async throughTunnel(
    driver: ConnectorDriver,
    input: VerificationInput,
    forDriver: VerificationInput,
    recorder: StepRecorder,
    signal: AbortSignal,
  ): Promise<SshTunnel> {
    const resolveStart = recorder.start('resolve');
    const fail = (step: VerificationStepName, error: unknown) => {
      throw recorder.fail(step, deniedBy(error, step), resolveStart);
    };
    if (!CONNECTION_TYPE_REGISTRY[input.type]?.supports_ssh_tunnel) {
      fail(
        'resolve',
        new DriverError('invalid_config', `${input.type} connections cannot use an SSH tunnel`),
      );
    }
    let settings: SshTunnelSettings | undefined;
    let target: EgressTarget;
    let checked: NormalizedHost;
    try {
      settings = tunnelSettingsOf(input, Date.now());
      target = driver.target(forDriver);
    } catch (error) {
      return fail('resolve', error);
    }
    try {
      checked = this.policy.checkBehindBastion(target.host, target.port);
    } catch (error) {
      recorder.finish('resolve', 'skipped', 'resolved by the bastion, not here', resolveStart);
      return fail('egress_policy', error);
    }
    recorder.finish('resolve', 'skipped', 'resolved by the bastion, not here', resolveStart);
    recorder.finish(
      'egress_policy',
      'ok',
      'checked as written (metadata names and denied addresses refused); the bastion resolves it',
      performance.now(),
    );
    return openSshTunnel(
      settings!,
      { ...target, hostname: checked.kind === 'name' ? checked.name : checked.address },
      {
        policy: this.policy,
        recorder,
        signal,
        stepTimeoutMs: this.config.stepTimeoutMs,
        onHostKey: (fingerprint) => {
          recorder.observed.sshHostKey = fingerprint;
        },
      },
    );
  }

  private report(
    applicable: readonly VerificationStepName[],
    recorder: StepRecorder,
    started: number,
    outcome: DriverOutcome | undefined,
    failure: ClassifiedError | undefined,
  ): VerificationReport {
    const { steps, warnings } = recorder.snapshot(applicable);
    const { certificateNotAfter, unreadableSelected, sshHostKey } = recorder.observed;
    const observed = {
      ...(sshHostKey ? { ssh_host_key_fingerprint: sshHostKey } : {}),
      ...(unreadableSelected?.length ? { unreadable_selected_tables: unreadableSelected } : {}),
      ...(certificateNotAfter ? { tls_certificate_not_after: certificateNotAfter.toISOString() } : {}),
    };
    const missing = outcome?.missing_selected_tables;
    if (missing?.length) {
      for (const name of missing.slice(0, MAX_MISSING_WARNINGS))
        warnings.push(`selected table ${name} no longer exists`);
      if (missing.length > MAX_MISSING_WARNINGS) {
        warnings.push(`${missing.length - MAX_MISSING_WARNINGS} more selected tables no longer exist`);
      }
    }
    const latency_ms = Math.round(performance.now() - started);
    if (failure || !outcome) {
      const f = failure ?? {
        code: 'unreachable' as VerificationErrorCode,
        message: fixedMessage('unreachable'),
      };
      const step = recorder.failure?.step;
      return {
        success: false,
        message: step && steps.some((s) => s.name === step) ? `failed at ${step}: ${f.message}` : f.message,
        latency_ms,
        steps,
        details: { truncated: false, warnings, ...observed, error_code: f.code },
      };
    }
    return {
      success: true,
      message: outcome.truncated ? 'connection verified; discovery was truncated' : 'connection verified',
      latency_ms,
      steps,
      details: {
        ...(outcome.server_version ? { server_version: outcome.server_version } : {}),
        ...(outcome.schemas ? { schemas: outcome.schemas } : {}),
        ...(outcome.prefixes ? { prefixes: outcome.prefixes } : {}),
        truncated: outcome.truncated ?? false,
        warnings,
        ...(missing ? { missing_selected_tables: missing } : {}),
        ...observed,
      },
    };
  }

  /** Last line of defence: no text field of the report may carry a credential. */
  private scrub(report: VerificationReport, secrets: readonly string[]): VerificationReport {
    if (secrets.length === 0) return report;
    const clean = (text: string) => scrubSecrets(text, secrets);
    return {
      ...report,
      message: clean(report.message),
      steps: report.steps.map((s) => ({ ...s, message: clean(s.message) })),
      details: {
        ...report.details,
        ...(report.details.server_version ? { server_version: clean(report.details.server_version) } : {}),
        warnings: report.details.warnings.map(clean),
      },
    };
  }
}
