import { ConfigValidationError } from '@app/config';
import { loadTracingSettings } from './tracing.config.js';
import { NO_TRACING } from './tracing.js';
import { startTracing } from './start-tracing.js';

describe(loadTracingSettings.name, () => {
  it('should be off by default, and off when disabled or the exporter is none, whatever the endpoint', () => {
    expect(loadTracingSettings({}, 'assets')).toBeNull();
    expect(
      loadTracingSettings({ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on' }, 'assets'),
    ).toBeNull();
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(loadTracingSettings({ ...endpoint, OTEL_SDK_DISABLED: 'true' }, 'assets')).toBeNull();
    expect(loadTracingSettings({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }, 'assets')).toBeNull();
  });

  it('should send to <endpoint>/v1/traces, or to the traces endpoint as given, which wins', () => {
    expect(
      loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'assets')?.tracesUrl,
    ).toBe('http://collector:4318/v1/traces');
    expect(
      loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com/otlp/' }, 'assets')
        ?.tracesUrl,
    ).toBe('https://otel.example.com/otlp/v1/traces');
    expect(
      loadTracingSettings(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://tempo:4318/custom/traces',
        },
        'assets',
      )?.tracesUrl,
    ).toBe('http://tempo:4318/custom/traces');
  });

  it("should name the service after the app unless OTEL_SERVICE_NAME (or the resource's service.name) says otherwise", () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(loadTracingSettings(endpoint, 'governance')).toMatchObject({
      serviceName: 'governance',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      headers: {},
      resourceAttributes: {},
    });
    expect(
      loadTracingSettings({ ...endpoint, OTEL_RESOURCE_ATTRIBUTES: 'service.name=from-resource' }, 'assets')
        ?.serviceName,
    ).toBe('from-resource');
    expect(
      loadTracingSettings(
        { ...endpoint, OTEL_SERVICE_NAME: 'assets-eu', OTEL_RESOURCE_ATTRIBUTES: 'service.name=x' },
        'assets',
      )?.serviceName,
    ).toBe('assets-eu');
  });

  it('should read headers (traces-specific ones winning), resource attributes and the sampler', () => {
    expect(
      loadTracingSettings(
        {
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=a, x-tenant=t1',
          OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'x-api-key=b%3Dc',
          OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod,broken',
          OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
          OTEL_TRACES_SAMPLER_ARG: '0.25',
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        },
        'assets',
      ),
    ).toMatchObject({
      headers: { 'x-api-key': 'b=c', 'x-tenant': 't1' },
      resourceAttributes: { 'deployment.environment.name': 'prod' },
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
    });
  });

  it('should refuse invalid values, naming the variable and never echoing a value', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    for (const [variable, value, env] of [
      ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector-9f3:4318', {}],
      ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'ftp://x9f3/v1/traces', {}],
      ['OTEL_TRACES_SAMPLER', 'sometimes9f3', endpoint],
      ['OTEL_TRACES_SAMPLER_ARG', '1.5', endpoint],
      ['OTEL_TRACES_SAMPLER_ARG', 'half9f3', endpoint],
      ['OTEL_SDK_DISABLED', 'maybe9f3', endpoint],
      ['OTEL_TRACES_EXPORTER', 'zipkin9f3', endpoint],
      ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc9f3', endpoint],
      ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'grpc9f3', endpoint],
    ] as const) {
      let error: unknown;
      try {
        loadTracingSettings({ ...env, [variable]: value }, 'assets');
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as Error).message).toContain(variable);
      expect((error as Error).message).not.toContain(value);
    }
  });
});

describe(startTracing.name, () => {
  it('should hand out the no-op tracer (and load no SDK) when nothing is configured', async () => {
    await expect(startTracing({}, 'assets')).resolves.toBe(NO_TRACING);
    expect(NO_TRACING.enabled).toBe(false);
  });

  it('should start an SDK tracer when an endpoint is configured', async () => {
    const tracing = await startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' }, 'assets');
    try {
      expect(tracing.enabled).toBe(true);
    } finally {
      await tracing.shutdown(100);
    }
  });
});
