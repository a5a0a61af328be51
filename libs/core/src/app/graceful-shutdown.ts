import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { HealthController } from '../health/health.controller.js';

/**
 * A provider that runs background work (a reconciler, a janitor, a sweep). `onDrain` runs as
 * soon as the process starts draining: the work starts no new item, and the returned promise
 * settles once the item in flight is done. Found on every provider of the app, like Nest's own
 * lifecycle hooks.
 */
export interface OnDrain {
  onDrain(): Promise<void> | void;
}

/** SHUTDOWN_* settings; load with `loadConfig('shutdown', ShutdownConfig)`. */
export class ShutdownConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  /**
   * After SIGTERM, how long /health/ready answers 503 while everything is still served, so load
   * balancers stop routing here before the listener closes. Unset: 5000 with NODE_ENV=production, else 0.
   */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(60_000) SHUTDOWN_DRAIN_DELAY_MS?: number;
  /** From the signal to exit: past it, requests still open are cut and the process exits 1. */
  @Type(() => Number) @IsInt() @Min(1000) @Max(600_000) SHUTDOWN_TIMEOUT_MS = 10_000;
}

export interface ShutdownTimings {
  drainDelayMs: number;
  timeoutMs: number;
}

const PRODUCTION_DRAIN_DELAY_MS = 5000;

export function shutdownTimingsOf(config: ShutdownConfig): ShutdownTimings {
  const drainDelayMs =
    config.SHUTDOWN_DRAIN_DELAY_MS ?? (config.NODE_ENV === 'production' ? PRODUCTION_DRAIN_DELAY_MS : 0);
  return {
    drainDelayMs: Math.min(drainDelayMs, config.SHUTDOWN_TIMEOUT_MS),
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  };
}

/** One started app of this process, and what to release once its HTTP server has closed. */
export interface DrainableService {
  name: string;
  app: NestFastifyApplication;
  /** Everything after the listener: Nest's shutdown hooks, the metrics listener, the database. */
  close(): Promise<void>;
}

export type ShutdownOutcome = 'drained' | 'timed_out';

export interface GracefulShutdownOptions extends ShutdownTimings {
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  /** How the drain delay is waited out (tests pass one they control). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Turns readiness off (503) for the app at once; liveness and every other route keep answering.
 * False when the app has no HealthController.
 */
export function markDraining(app: NestFastifyApplication): boolean {
  try {
    app.get(HealthController, { strict: false }).startDraining();
    return true;
  } catch {
    return false;
  }
}

/** Calls `onDrain` on every provider of the app that has one; settles when they all have. */
export async function callDrainHooks(app: NestFastifyApplication): Promise<void> {
  const hooks: Array<Promise<void>> = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if (!wrapper.isDependencyTreeStatic() || wrapper.isTransient) continue;
      const instance = wrapper.instance as Partial<OnDrain> | undefined;
      if (instance && typeof instance.onDrain === 'function') {
        hooks.push(Promise.resolve().then(() => instance.onDrain!()));
      }
    }
  }
  await Promise.allSettled(hooks);
}

/**
 * Stops accepting connections and waits for the requests in flight. Fastify's own close: new
 * requests on open keep-alive connections get 503 with `Connection: close`, and a connection is
 * closed once its response is sent. Nest's `app.close()` runs the modules' destroy hooks first
 * (the JWT strategy unregisters itself, background passes stop) and closes the listener only
 * after, so it is called once this has settled and finds nothing left to serve.
 */
export function stopServing(app: NestFastifyApplication): Promise<void> {
  return app.getHttpAdapter().getInstance().close();
}

/** Cuts every connection still open (requests in flight included): the deadline passed. */
export function cutConnections(app: NestFastifyApplication): void {
  (app.getHttpServer() as Server).closeAllConnections();
}

/**
 * The drain, in order: readiness 503 and background work told to stop starting items (at once),
 * everything still served for `drainDelayMs`, then each listener closed in the given order (list
 * a service others call last) with its requests in flight finishing, then background work awaited
 * and each service closed. Bounded by `timeoutMs` from the start: past it the remaining
 * connections are cut and the outcome is `timed_out`.
 */
export async function drainAndClose(
  services: DrainableService[],
  options: GracefulShutdownOptions,
): Promise<ShutdownOutcome> {
  const logger = options.logger ?? new Logger('Shutdown');
  const sleep = options.sleep ?? defaultSleep;
  const started = Date.now();
  let phase = 'draining';
  const drain = async () => {
    for (const service of services) markDraining(service.app);
    const background = services.map((service) => callDrainHooks(service.app));
    logger.log(
      `Draining: readiness is 503; still serving for ${options.drainDelayMs} ms, then closing (deadline ${options.timeoutMs} ms)`,
    );
    if (options.drainDelayMs > 0) await sleep(options.drainDelayMs);
    phase = 'finishing requests in flight';
    const open = await Promise.all(services.map((s) => openConnections(s.app)));
    logger.log(
      `Closing the listener: ${open.reduce((a, b) => a + b, 0)} open connection(s) finish their requests in flight`,
    );
    for (const service of services) await stopServing(service.app);
    phase = 'waiting for background work';
    await Promise.all(background);
    phase = 'closing';
    for (const service of services) await service.close();
    return 'drained' as const;
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => resolve('timed_out'), options.timeoutMs);
  });
  const outcome = await Promise.race([drain(), deadline]).finally(() => clearTimeout(timer));
  if (outcome === 'timed_out') {
    const open = await Promise.all(services.map((s) => openConnections(s.app)));
    logger.error(
      `Shutdown deadline (${options.timeoutMs} ms) passed while ${phase}: cutting ${open.reduce((a, b) => a + b, 0)} open connection(s)`,
    );
    for (const service of services) cutConnections(service.app);
  } else {
    logger.log(`Drained and closed in ${Date.now() - started} ms`);
  }
  return outcome;
}

function openConnections(app: NestFastifyApplication): Promise<number> {
  return new Promise((resolve) =>
    (app.getHttpServer() as Server).getConnections((error, count) => resolve(error ? 0 : count)),
  );
}

/**
 * SIGTERM and SIGINT start one drain (`drainAndClose`); the process exits 0 once drained, 1 past
 * the deadline or on an error. A repeated signal is logged and ignored: the drain in progress is
 * already bounded, and a second teardown racing it could leave the database half closed.
 */
export function exitGracefullyOnSignals(
  services: DrainableService[],
  options: GracefulShutdownOptions & { exit?: (code: number) => void },
): void {
  const logger = options.logger ?? new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let draining = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (draining) {
      logger.warn(
        `${signal} received while draining: already shutting down (deadline ${options.timeoutMs} ms)`,
      );
      return;
    }
    draining = true;
    logger.log(`${signal} received`);
    drainAndClose(services, { ...options, logger }).then(
      (outcome) => exit(outcome === 'drained' ? 0 : 1),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error)?.message ?? String(error)}`);
        exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
