import { jest } from '@jest/globals';
import { PassStoppedError, PeriodicPass } from './periodic-pass.js';

/** A pass the test finishes by hand. */
function gated() {
  let release!: (value: number) => void;
  const pass = jest.fn(() => new Promise<number>((resolve) => (release = resolve)));
  return { pass, release: (value: number) => release(value) };
}

describe(PeriodicPass.name, () => {
  afterEach(() => jest.useRealTimers());

  it('should share the pass in flight between concurrent runs, and start a new one after it', async () => {
    const { pass, release } = gated();
    const periodic = new PeriodicPass(pass);
    const first = periodic.run();
    const second = periodic.run(() => Promise.resolve(-1));
    expect(second).toBe(first);
    release(1);
    await expect(second).resolves.toBe(1);
    expect(pass).toHaveBeenCalledTimes(1);
    const third = periodic.run();
    release(2);
    await expect(third).resolves.toBe(2);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it('should run on the timer, drop a failed timed pass, and run none after stop()', async () => {
    jest.useFakeTimers();
    const pass = jest.fn(() => Promise.reject(new Error('store down')));
    const periodic = new PeriodicPass(pass);
    periodic.start(1000);
    await jest.advanceTimersByTimeAsync(2500);
    expect(pass).toHaveBeenCalledTimes(2);
    await periodic.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it('should not run on a timer when the interval is 0', async () => {
    jest.useFakeTimers();
    const pass = jest.fn(() => Promise.resolve(0));
    new PeriodicPass(pass).start(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(pass).not.toHaveBeenCalled();
  });

  it('should wait in stop() for the pass in flight, even one that fails', async () => {
    let fail!: (error: Error) => void;
    const periodic = new PeriodicPass(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const running = periodic.run();
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    fail(new Error('boom'));
    await expect(running).rejects.toThrow('boom');
    await stopping;
    expect(stopped).toBe(true);
  });

  it('should start no pass once stopped, and tell the pass in flight to take no new item', async () => {
    const { pass, release } = gated();
    const periodic = new PeriodicPass(pass);
    const running = periodic.run();
    expect(periodic.stopping).toBe(false);
    const stopped = periodic.stop();
    expect(periodic.stopping).toBe(true);
    // A run during the stop joins the pass in flight rather than starting one.
    expect(periodic.run()).toBe(running);
    release(7);
    await stopped;
    await expect(running).resolves.toBe(7);
    await expect(periodic.run()).rejects.toBeInstanceOf(PassStoppedError);
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
