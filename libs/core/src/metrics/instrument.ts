import type { AppMetrics } from './app-metrics.js';
import { LATENCY_BUCKETS } from './app-metrics.js';
import type { SpanAttributes, SpanKindName, Tracing } from '../tracing/tracing.js';

type Outcome = 'ok' | 'error';

/** Each timed call also as a span `<name> <operation>` (e.g. `openfga check`), when tracing is on. */
export interface MethodSpans {
  tracing: Tracing;
  name: string;
  /** `client` for a remote system (OpenFGA, Infisical), `internal` for an embedded one (its queries nest below). */
  kind: SpanKindName;
  /** Fixed attributes (the backend, the server): never an argument, a result or a secret. */
  attributes?: SpanAttributes;
}

/**
 * The same object with the named async methods timed: `observe(operation, seconds, outcome)`
 * runs after each call settles, and with `spans` (tracing on) each call is a span too. A Proxy
 * keeps the target's prototype, so `instanceof` and the Nest token (the abstract class) still hold.
 */
export function instrumentMethods<T extends object>(
  target: T,
  operations: readonly (keyof T & string)[],
  observe: (operation: string, seconds: number, outcome: Outcome) => void,
  spans?: MethodSpans,
): T {
  const timed = new Set<string | symbol>(operations);
  const traced = spans?.tracing.enabled ? spans : undefined;
  // Keyed by the method itself, so a method replaced on the target (a test's spy) is wrapped anew.
  const wrappers = new WeakMap<object, unknown>();
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function' || property === 'constructor') return value;
      let wrapper = wrappers.get(value);
      if (!wrapper) {
        const method = value as (...args: unknown[]) => Promise<unknown>;
        const run = traced
          ? (args: unknown[]) =>
              traced.tracing.inSpan(
                `${traced.name} ${String(property)}`,
                traced.kind,
                traced.attributes ?? {},
                () => method.apply(object, args),
              )
          : (args: unknown[]) => method.apply(object, args);
        // Untimed methods still run on the target itself (private fields need the real `this`).
        wrapper = !timed.has(property)
          ? method.bind(object)
          : async (...args: unknown[]) => {
              const start = process.hrtime.bigint();
              const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
              try {
                const result = await run(args);
                observe(String(property), seconds(), 'ok');
                return result;
              } catch (error) {
                observe(String(property), seconds(), 'error');
                throw error;
              }
            };
        wrappers.set(value, wrapper);
      }
      return wrapper;
    },
  });
}

/** A dependency's call latency and failures: `<name>_duration_seconds` and `<name>_errors_total`. */
export function dependencyMetrics(
  metrics: AppMetrics,
  name: string,
  what: string,
  constLabels: Record<string, string> = {},
): (operation: string, seconds: number, outcome: Outcome) => void {
  const duration = metrics.histogram({
    name: `${name}_duration_seconds`,
    help: `${what} call latency by operation and outcome`,
    labelNames: ['operation', 'outcome', ...Object.keys(constLabels)],
    buckets: LATENCY_BUCKETS,
  });
  const errors = metrics.counter({
    name: `${name}_errors_total`,
    help: `${what} calls that failed, by operation`,
    labelNames: ['operation', ...Object.keys(constLabels)],
  });
  return (operation, seconds, outcome) => {
    duration.observe({ operation, outcome, ...constLabels }, seconds);
    if (outcome === 'error') errors.inc({ operation, ...constLabels });
  };
}

/** The pg pool's connections, read only when scraped. */
export function registerPoolMetrics(
  metrics: AppMetrics,
  pool: { totalCount: number; idleCount: number; waitingCount: number },
): void {
  const gauge = (name: string, help: string, read: () => number) =>
    metrics.gauge({
      name,
      help,
      collect() {
        this.set(read());
      },
    });
  gauge(
    'db_pool_connections',
    'Connections the database pool holds (idle and in use)',
    () => pool.totalCount,
  );
  gauge('db_pool_idle_connections', 'Idle connections in the database pool', () => pool.idleCount);
  gauge('db_pool_waiting_requests', 'Queries waiting for a pool connection', () => pool.waitingCount);
}
