import { loadTracingSettings } from './tracing.config.js';
import { NO_TRACING, type Tracing } from './tracing.js';

/**
 * The app's tracing from the standard OTEL_* variables: NO_TRACING unless an OTLP endpoint is
 * configured, in which case (and only then) the OpenTelemetry SDK and exporter are loaded.
 * `service` is the default `service.name` (OTEL_SERVICE_NAME overrides it).
 */
export async function startTracing(env: NodeJS.ProcessEnv, service: string): Promise<Tracing> {
  const settings = loadTracingSettings(env, service);
  if (!settings) return NO_TRACING;
  const { createOtelTracing } = await import('./otel-tracing.js');
  return createOtelTracing(settings);
}
