import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { loadConfig, Secret } from '@app/config';

export const TRACES_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type TracesSampler = (typeof TRACES_SAMPLERS)[number];

const OTLP_HTTP = ['http/json', 'http/protobuf'];
const PROTOCOL = (variable: string) =>
  `${variable} must be http/json or http/protobuf (spans are sent over OTLP/HTTP; gRPC is not supported)`;
const RATIO = 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1';
const OTLP_URL = { require_tld: false, protocols: ['http', 'https'], require_protocol: true };

/**
 * The standard OpenTelemetry variables this service reads (the `OTEL_` namespace). Tracing is
 * off unless an OTLP endpoint is set; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none turn
 * it off even then.
 */
export class TracingConfig {
  @IsBoolean({ message: 'OTEL_SDK_DISABLED must be true or false' }) OTEL_SDK_DISABLED = false;
  /** Base URL of an OTLP/HTTP receiver; traces go to `<base>/v1/traces`. */
  @IsOptional()
  @IsUrl(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  /** The full traces URL, used as is; wins over OTEL_EXPORTER_OTLP_ENDPOINT. */
  @IsOptional()
  @IsUrl(OTLP_URL, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  /** `key=value,…` headers for the receiver (often an API key, hence secret). */
  @IsOptional() @IsString() @Secret({ requiredInProduction: false }) OTEL_EXPORTER_OTLP_HEADERS?: string;
  @IsOptional()
  @IsString()
  @Secret({ requiredInProduction: false })
  OTEL_EXPORTER_OTLP_TRACES_HEADERS?: string;
  /**
   * Spans go out as OTLP/HTTP JSON, which every OTLP/HTTP receiver accepts next to protobuf on
   * the same endpoint; gRPC (another port, another transport) is refused rather than failing later.
   */
  @IsOptional()
  @IsIn(OTLP_HTTP, { message: PROTOCOL('OTEL_EXPORTER_OTLP_PROTOCOL') })
  OTEL_EXPORTER_OTLP_PROTOCOL?: string;
  @IsOptional()
  @IsIn(OTLP_HTTP, { message: PROTOCOL('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') })
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?: string;
  @IsIn(['otlp', 'none'], { message: 'OTEL_TRACES_EXPORTER must be otlp or none' })
  OTEL_TRACES_EXPORTER = 'otlp';
  /** Default: the app's name (`assets`, `governance`). */
  @IsOptional() @IsString() OTEL_SERVICE_NAME?: string;
  /** `key=value,…` resource attributes (deployment.environment.name=prod, say). */
  @IsOptional() @IsString() OTEL_RESOURCE_ATTRIBUTES?: string;
  @IsIn(TRACES_SAMPLERS, { message: `OTEL_TRACES_SAMPLER must be one of ${TRACES_SAMPLERS.join(', ')}` })
  OTEL_TRACES_SAMPLER: TracesSampler = 'parentbased_always_on';
  /** The ratio of the `*traceidratio` samplers, 0 to 1. */
  @IsNumber({}, { message: RATIO })
  @Min(0, { message: RATIO })
  @Max(1, { message: RATIO })
  OTEL_TRACES_SAMPLER_ARG = 1;
}

/** What the SDK is built from, once tracing is on. */
export interface TracingSettings {
  serviceName: string;
  /** Where spans are POSTed (OTLP/HTTP JSON). */
  tracesUrl: string;
  headers: Record<string, string>;
  resourceAttributes: Record<string, string>;
  sampler: TracesSampler;
  /** The `*traceidratio` samplers' ratio. */
  samplerRatio: number;
}

/**
 * The tracing settings of one app from its environment, or null when tracing is off (the
 * default: no OTLP endpoint). Invalid values fail like any other configuration error.
 */
export function loadTracingSettings(
  env: NodeJS.ProcessEnv,
  defaultServiceName: string,
): TracingSettings | null {
  const config = loadConfig('tracing', TracingConfig, env);
  const tracesUrl =
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? tracesUrlOf(config.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (config.OTEL_SDK_DISABLED || config.OTEL_TRACES_EXPORTER === 'none' || !tracesUrl) return null;
  const resourceAttributes = keyValuePairs(config.OTEL_RESOURCE_ATTRIBUTES);
  return {
    serviceName: config.OTEL_SERVICE_NAME || resourceAttributes['service.name'] || defaultServiceName,
    tracesUrl,
    headers: {
      ...keyValuePairs(config.OTEL_EXPORTER_OTLP_HEADERS),
      ...keyValuePairs(config.OTEL_EXPORTER_OTLP_TRACES_HEADERS),
    },
    resourceAttributes,
    sampler: config.OTEL_TRACES_SAMPLER,
    samplerRatio: config.OTEL_TRACES_SAMPLER_ARG,
  };
}

/** The spec's rule for the non-signal-specific endpoint: append `v1/traces` to the base. */
function tracesUrlOf(base: string | undefined): string | undefined {
  if (!base) return undefined;
  return `${base.endsWith('/') ? base : `${base}/`}v1/traces`;
}

/** `a=1, b=x%20y` (W3C baggage-style, values percent-decoded), as the OTel spec reads headers and attributes. */
function keyValuePairs(raw: string | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const entry of (raw ?? '').split(',')) {
    const at = entry.indexOf('=');
    if (at <= 0) continue;
    const key = entry.slice(0, at).trim();
    const value = entry.slice(at + 1).trim();
    if (!key) continue;
    try {
      pairs[key] = decodeURIComponent(value);
    } catch {
      pairs[key] = value;
    }
  }
  return pairs;
}
