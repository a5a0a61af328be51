import { AppMetrics, auditWriteFailures } from './app-metrics.js';

describe(AppMetrics.name, () => {
  const jobs = { name: 'jobs_total', help: 'Jobs run, by outcome', labelNames: ['outcome'] as const };

  it('should register each metric under the app prefix in its own registry only', async () => {
    const metrics = new AppMetrics('unit');
    const other = new AppMetrics('other');
    metrics.counter({ ...jobs }).inc({ outcome: 'ok' });
    expect(await metrics.registry.metrics()).toContain('unit_jobs_total{outcome="ok"} 1');
    expect(await other.registry.metrics()).not.toContain('jobs_total');
  });

  it('should return the metric already registered when the same kind and labels ask again', () => {
    const metrics = new AppMetrics('unit');
    const counter = metrics.counter({ ...jobs });
    expect(metrics.counter({ ...jobs, labelNames: ['outcome'] })).toBe(counter);
    const gauge = metrics.gauge({ name: 'queue_depth', help: 'Queued jobs' });
    expect(metrics.gauge({ name: 'queue_depth', help: 'Queued jobs' })).toBe(gauge);
    // Label names in another order are the same labels.
    const histogram = metrics.histogram({
      name: 'job_seconds',
      help: 'Job time',
      labelNames: ['kind', 'outcome'],
    });
    expect(
      metrics.histogram({ name: 'job_seconds', help: 'Job time', labelNames: ['outcome', 'kind'] }),
    ).toBe(histogram);
    expect(metrics.existing('jobs_total')).toBe(counter);
  });

  it('should count on the one series however many callers asked for it', async () => {
    const metrics = new AppMetrics('unit');
    auditWriteFailures(metrics).inc({ stage: 'open' });
    auditWriteFailures(metrics).inc({ stage: 'open' });
    expect(await metrics.registry.metrics()).toContain('unit_audit_write_failures_total{stage="open"} 2');
  });

  it('should throw when another kind of metric reuses a name', () => {
    const metrics = new AppMetrics('unit');
    metrics.counter({ ...jobs });
    expect(() => metrics.gauge({ ...jobs })).toThrow(
      'Metric unit_jobs_total is already a counter with labels [outcome]; asked for a gauge with [outcome]',
    );
    expect(() => metrics.histogram({ ...jobs })).toThrow('already a counter');
  });

  it('should throw when other label names reuse a name', () => {
    const metrics = new AppMetrics('unit');
    metrics.counter({ ...jobs });
    expect(() => metrics.counter({ ...jobs, labelNames: ['outcome', 'type'] })).toThrow(
      'asked for a counter with [outcome,type]',
    );
    expect(() => metrics.counter({ name: jobs.name, help: jobs.help })).toThrow(
      'asked for a counter with []',
    );
  });

  it('should leave the built-in HTTP series as the ones it made first', () => {
    const metrics = new AppMetrics('unit');
    expect(
      metrics.counter({
        name: 'http_request_errors_total',
        help: 'again',
        labelNames: ['route', 'method', 'status'],
      }),
    ).toBe(metrics.httpErrors);
  });
});
