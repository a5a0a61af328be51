import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';

type MetricKind = 'counter' | 'gauge' | 'histogram';

/** Request and dependency latencies: 1 ms to 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One app's Prometheus registry. Never the global default registry: under `npm start` two apps
 * share a process, and each must expose only its own series, named `<app>_…`.
 */
export class AppMetrics {
  readonly registry = new Registry();
  readonly prefix: string;
  readonly httpDuration: Histogram<'route' | 'method' | 'status_class'>;
  readonly httpErrors: Counter<'route' | 'method' | 'status'>;
  /** What counter, gauge and histogram created, by unprefixed name. */
  private readonly created = new Map<string, { kind: MetricKind; labels: string; metric: unknown }>();

  constructor(readonly app: string) {
    this.prefix = `${app}_`;
    collectDefaultMetrics({ register: this.registry, prefix: this.prefix });
    this.httpDuration = this.histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by templated route, method and status class (its _count is the request rate)',
      labelNames: ['route', 'method', 'status_class'],
      buckets: LATENCY_BUCKETS,
    });
    this.httpErrors = this.counter({
      name: 'http_request_errors_total',
      help: 'HTTP responses with a 4xx or 5xx status, by templated route, method and status code',
      labelNames: ['route', 'method', 'status'],
    });
  }

  /**
   * The counter of that name, created on first ask: several providers (or instances of one) may
   * ask for the same series, and a later ask gets the first one (whose `collect`, if any, stays).
   * Throws when the name is taken by another kind of metric or other label names.
   */
  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return this.once(
      'counter',
      config,
      () => new Counter({ ...config, name: this.prefix + config.name, registers: [this.registry] }),
    );
  }

  /** The histogram of that name, created on first ask (see `counter`). */
  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return this.once(
      'histogram',
      config,
      () => new Histogram({ ...config, name: this.prefix + config.name, registers: [this.registry] }),
    );
  }

  /** The gauge of that name, created on first ask (see `counter`). */
  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return this.once(
      'gauge',
      config,
      () => new Gauge({ ...config, name: this.prefix + config.name, registers: [this.registry] }),
    );
  }

  private once<T>(
    kind: MetricKind,
    config: { name: string; labelNames?: readonly string[] },
    create: () => T,
  ): T {
    const labels = [...(config.labelNames ?? [])].sort().join(',');
    const known = this.created.get(config.name);
    if (known) {
      if (known.kind !== kind || known.labels !== labels) {
        throw new Error(
          `Metric ${this.prefix + config.name} is already a ${known.kind} with labels [${known.labels}]; asked for a ${kind} with [${labels}]`,
        );
      }
      return known.metric as T;
    }
    const metric = create();
    this.created.set(config.name, { kind, labels, metric });
    return metric;
  }

  /** A metric of this registry by its unprefixed name, if registered yet. */
  existing<T>(name: string): T | undefined {
    return this.registry.getSingleMetric(this.prefix + name) as T | undefined;
  }
}

/** Makes the app's AppMetrics injectable everywhere. */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(metrics: AppMetrics): DynamicModule {
    return {
      module: MetricsModule,
      providers: [{ provide: AppMetrics, useValue: metrics }],
      exports: [AppMetrics],
    };
  }
}

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];
/** Requests no route matched (404s for any path): one label value, never the raw URL. */
const UNMATCHED = 'unmatched';

/**
 * Times every response by its templated route (`/assets/data/:resource_uri`, never the URL sent,
 * so label cardinality stays bounded). The hot path is one Map lookup and one observe: the
 * labelled children are bound once per route, method and status class.
 */
export function registerHttpMetrics(app: NestFastifyApplication, metrics: AppMetrics): void {
  const children = new Map<string, Histogram.Internal<'route' | 'method' | 'status_class'>>();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      const status = reply.statusCode;
      const statusClass = STATUS_CLASSES[Math.floor(status / 100) - 1] ?? 'other';
      const key = `${request.method} ${statusClass} ${route}`;
      let child = children.get(key);
      if (!child) {
        child = metrics.httpDuration.labels({ route, method: request.method, status_class: statusClass });
        children.set(key, child);
      }
      child.observe(reply.elapsedTime / 1000);
      if (status >= 400) metrics.httpErrors.inc({ route, method: request.method, status: String(status) });
      done();
    });
}

/** The AppMetrics an app's module provided, if any (apps built without MetricsModule get no hook). */
export function appMetricsOf(app: NestFastifyApplication): AppMetrics | null {
  // Asked of the ModuleRef: a miss through the app itself aborts the process (abortOnError).
  try {
    return app.get(ModuleRef).get(AppMetrics, { strict: false });
  } catch {
    return null;
  }
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` on its own listener, never the public one: scrapers reach it on the pod
 * network while the API port stays what the ingress exposes. Port 0 picks a free port (tests).
 */
export async function startMetricsServer(
  metrics: AppMetrics,
  options: { port: number; host: string },
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => {
        response.writeHead(200, { 'content-type': metrics.registry.contentType });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics collection failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Governance's audit appends of reads: how many events each INSERT carried (group commit). */
export function auditAppendBatchSize(metrics: AppMetrics): Histogram<never> {
  return metrics.histogram({
    name: 'audit_append_batch_size',
    help: 'Audit events of reads written by one INSERT and commit: its _count is the statements, its _sum the events',
    buckets: [1, 2, 4, 8, 16, 32, 64, 100],
  });
}

/** Assets' calls that forward users' secret reads to Governance: how many reads each carried. */
export function forwardedSecretReadsBatchSize(metrics: AppMetrics): Histogram<never> {
  return metrics.histogram({
    name: 'forwarded_secret_reads_batch_size',
    help: "Users' secret reads carried by one call to Governance: its _count is the calls, its _sum the reads",
    buckets: [1, 2, 4, 8, 16, 32, 64, 100],
  });
}

/** Audit events that could not be written (the change or read they guard was refused with 503). */
export function auditWriteFailures(metrics: AppMetrics): Counter<'stage'> {
  return metrics.counter({
    name: 'audit_write_failures_total',
    help: 'Audit events that could not be written, by stage (open, commit, record, read); each refused its request',
    labelNames: ['stage'],
  });
}
