import { AppMetrics } from './app-metrics.js';
import { dependencyMetrics, instrumentMethods, registerPoolMetrics } from './instrument.js';

abstract class Backend {
  abstract get(key: string): Promise<string>;
  abstract kind(): string;
}

class FakeBackend extends Backend {
  readonly #prefix = 'v:';
  async get(key: string): Promise<string> {
    if (key === 'bad') throw new Error('backend down');
    return this.#prefix + key;
  }
  kind(): string {
    return this.#prefix;
  }
}

describe(instrumentMethods.name, () => {
  it('should time the named methods by outcome and leave the object as it was', async () => {
    const calls: [string, number, string][] = [];
    const backend = instrumentMethods<Backend>(new FakeBackend(), ['get'], (op, seconds, outcome) =>
      calls.push([op, seconds, outcome]),
    );
    expect(backend).toBeInstanceOf(Backend);
    expect(await backend.get('a')).toBe('v:a');
    await expect(backend.get('bad')).rejects.toThrow('backend down');
    // An untimed method runs on the target, so its private fields still work.
    expect(backend.kind()).toBe('v:');
    expect(calls.map(([op, , outcome]) => [op, outcome])).toEqual([
      ['get', 'ok'],
      ['get', 'error'],
    ]);
    expect(calls.every(([, seconds]) => seconds >= 0 && seconds < 5)).toBe(true);
  });

  it('should expose latency and errors as prefixed series of the app registry only', async () => {
    const metrics = new AppMetrics('unit');
    const other = new AppMetrics('other');
    const backend = instrumentMethods<Backend>(
      new FakeBackend(),
      ['get'],
      dependencyMetrics(metrics, 'fake_backend', 'Fake', { backend: 'fake' }),
    );
    await backend.get('a');
    await backend.get('bad').catch(() => undefined);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'unit_fake_backend_duration_seconds_count{operation="get",outcome="ok",backend="fake"} 1',
    );
    expect(text).toContain(
      'unit_fake_backend_duration_seconds_count{operation="get",outcome="error",backend="fake"} 1',
    );
    expect(text).toContain('unit_fake_backend_errors_total{operation="get",backend="fake"} 1');
    expect(await other.registry.metrics()).not.toContain('fake_backend');
  });

  it('should read the pool when scraped, not before', async () => {
    const metrics = new AppMetrics('pool');
    const pool = { totalCount: 1, idleCount: 1, waitingCount: 0 };
    registerPoolMetrics(metrics, pool);
    Object.assign(pool, { totalCount: 7, idleCount: 2, waitingCount: 3 });
    const text = await metrics.registry.metrics();
    expect(text).toContain('pool_db_pool_connections 7');
    expect(text).toContain('pool_db_pool_idle_connections 2');
    expect(text).toContain('pool_db_pool_waiting_requests 3');
  });
});
