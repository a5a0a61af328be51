import { Controller, Get, Inject, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../http/route-authorization.decorator.js';
import { AppException } from '../errors/app.exception.js';
import { ApiErrors } from '../swagger/error-responses.js';
import { ErrorCode } from '../errors/error-code.js';

/** One dependency readiness depends on (database, authz, secrets, …). */
export interface ReadinessProbe {
  name: string;
  check(): Promise<unknown>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');
const PROBE_TIMEOUT_MS = 2000;
const INDICATORS = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
    additionalProperties: true,
  },
};
const READY_SCHEMA = {
  type: 'object',
  required: ['status', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: INDICATORS,
    error: INDICATORS,
    details: INDICATORS,
  },
};
const LIVE_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok'] } },
};

/** What a failed probe says: an adapter's safe `details.reason` when it gave one, else its message. */
function reasonOf(error: unknown): string {
  const reason = (error as { details?: { reason?: unknown } } | null)?.details?.reason;
  if (typeof reason === 'string' && reason) return reason;
  return error instanceof Error ? error.message : String(error);
}

/** Register in an app module that imports TerminusModule and provides READINESS_PROBES. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Readiness');
  /** Set once by the graceful shutdown: load balancers must stop routing here; nothing is probed. */
  private draining = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  /** Readiness answers 503 from now on (liveness stays 200): the process is draining. */
  startDraining(): void {
    this.draining = true;
  }

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process is up' })
  @ApiOkResponse({ schema: LIVE_SCHEMA, example: { status: 'ok' } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  // Our own document: Terminus' says its 503 body is the raw result, but ours is the envelope.
  @HealthCheck({ noCache: false, swaggerDocumentation: false })
  @ApiOkResponse({
    schema: READY_SCHEMA,
    example: {
      status: 'ok',
      info: { database: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' } },
    },
  })
  @ApiErrors(503)
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: database, authorization and secrets backends answer',
  })
  async ready() {
    if (this.draining)
      throw new AppException(ErrorCode.SERVICE_UNAVAILABLE, 'Not ready: shutting down', {
        status: 'shutting_down',
      });
    try {
      return await this.health.check(
        this.probes.map(
          (probe) => () =>
            this.indicators
              .check(probe.name)
              .attempt(async () => {
                try {
                  await probe.check();
                } catch (error) {
                  throw new Error(reasonOf(error));
                }
                return {};
              })
              .withTimeout(PROBE_TIMEOUT_MS),
        ),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus' body ({status, info, error, details}) goes out in the envelope's details, and
      // the cause in its message and one log line: probe messages name settings, never values.
      const result = error.getResponse() as { error?: Record<string, { message?: unknown }> };
      const down = Object.entries(result.error ?? {}).map(([name, detail]) =>
        typeof detail?.message === 'string' ? `${name} (${detail.message})` : name,
      );
      const message = `Not ready: ${down.join('; ') || 'shutting down'}`;
      this.logger.warn(message);
      throw new AppException(ErrorCode.SERVICE_UNAVAILABLE, message, result as Record<string, unknown>);
    }
  }
}
