import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TerminusModule } from '@nestjs/terminus';
import { ErrorEnvelopeFilter } from '../errors/error-envelope.filter.js';
import { HealthController, READINESS_PROBES } from '../health/health.controller.js';
import { createHttpAdapter } from './create-http-app.js';
import { loadConfig } from '@app/config';
import { drainAndClose, type OnDrain, ShutdownConfig, shutdownTimingsOf } from './graceful-shutdown.js';

const loadShutdownConfigForTest = (env: NodeJS.ProcessEnv) => loadConfig('shutdown', ShutdownConfig, env);

/** A promise the test settles by hand. */
function gate<T = void>() {
  let open!: (value: T | PromiseLike<T>) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const slowGates: Array<ReturnType<typeof gate<void>>> = [];
let slowStarted = gate();

@Controller('slow')
class SlowController {
  @Get()
  async slow(): Promise<{ done: true }> {
    const held = gate();
    slowGates.push(held);
    slowStarted.open();
    await held.promise;
    return { done: true };
  }
}

@Injectable()
class BackgroundWorker implements OnDrain {
  readonly drained = gate();
  onDrainCalls = 0;
  onDrain(): Promise<void> {
    this.onDrainCalls++;
    return this.drained.promise;
  }
}

@Module({
  imports: [TerminusModule],
  controllers: [HealthController, SlowController],
  providers: [BackgroundWorker, { provide: READINESS_PROBES, useValue: [] }],
})
class DrainTestModule {}

async function startApp(): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await NestFactory.create<NestFastifyApplication>(DrainTestModule, createHttpAdapter({}), {
    logger: false,
  });
  app.useGlobalFilters(new ErrorEnvelopeFilter('test'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** One request on its own connection; resolves with the status, or the socket error's code. */
function get(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

const quietLogger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe(drainAndClose.name, () => {
  beforeEach(() => {
    slowGates.length = 0;
    slowStarted = gate();
  });

  it('should answer readiness 503 at once, serve through the delay, let requests in flight finish, then close', async () => {
    const { app, url } = await startApp();
    const worker = app.get(BackgroundWorker);
    const closed = jest.fn(async () => app.close());
    const delay = gate();
    const inFlight = get(`${url}/slow`);
    await slowStarted.promise;

    let settled = false;
    const outcome = drainAndClose([{ name: 'test', app, close: closed }], {
      drainDelayMs: 5000,
      timeoutMs: 60_000,
      logger: quietLogger,
      sleep: () => delay.promise,
    }).finally(() => (settled = true));

    // During the delay: not ready, alive, still serving new requests; background work told to stop.
    expect(await get(`${url}/health/ready`)).toBe(503);
    expect(await get(`${url}/health/live`)).toBe(200);
    expect(worker.onDrainCalls).toBe(1);
    slowStarted = gate();
    const lateButServed = get(`${url}/slow`);
    await slowStarted.promise;

    // After the delay the listener closes: no new connection, but both requests in flight finish.
    delay.open();
    for (;;) {
      const status = await get(`${url}/health/live`);
      if (status !== 200) {
        // Refused, or reset if it raced the listener's close: either way not served.
        expect(['ECONNREFUSED', 'ECONNRESET']).toContain(status);
        break;
      }
    }
    expect(settled).toBe(false);
    for (const held of slowGates) held.open();
    await expect(inFlight).resolves.toBe(200);
    await expect(lateButServed).resolves.toBe(200);
    // Closing waits for the background work in flight.
    expect(closed).not.toHaveBeenCalled();
    worker.drained.open();
    await expect(outcome).resolves.toBe('drained');
    expect(closed).toHaveBeenCalledTimes(1);
  });

  it('should cut the requests still open once the deadline passes, and say it timed out', async () => {
    const { app, url } = await startApp();
    app.get(BackgroundWorker).drained.open();
    const inFlight = get(`${url}/slow`);
    await slowStarted.promise;
    const outcome = await drainAndClose([{ name: 'test', app, close: () => app.close() }], {
      drainDelayMs: 0,
      timeoutMs: 300,
      logger: quietLogger,
    });
    expect(outcome).toBe('timed_out');
    expect(quietLogger.error).toHaveBeenCalledWith(expect.stringContaining('cutting 1 open connection'));
    await expect(inFlight).resolves.toBe('ECONNRESET');
    await app.close();
  });
});

describe(shutdownTimingsOf.name, () => {
  it('should wait 5 s for load balancers in production and none elsewhere, unless told', () => {
    expect(shutdownTimingsOf(loadShutdownConfigForTest({ NODE_ENV: 'production' }))).toEqual({
      drainDelayMs: 5000,
      timeoutMs: 10_000,
    });
    expect(shutdownTimingsOf(loadShutdownConfigForTest({}))).toEqual({ drainDelayMs: 0, timeoutMs: 10_000 });
    expect(
      shutdownTimingsOf(
        loadShutdownConfigForTest({ SHUTDOWN_DRAIN_DELAY_MS: '2000', SHUTDOWN_TIMEOUT_MS: '20000' }),
      ),
    ).toEqual({ drainDelayMs: 2000, timeoutMs: 20_000 });
  });
});
