import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator.js';

/** One dependency readiness depends on (database, authz, secrets, …). */
export interface ReadinessProbe {
  name: string;
  check(): Promise<unknown>;
}

export const READINESS_PROBES = Symbol('READINESS_PROBES');
const PROBE_TIMEOUT_MS = 2000;

/** Register in an app module that imports TerminusModule and provides READINESS_PROBES. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: database, authorization and secrets backends answer' })
  ready() {
    return this.health.check(
      this.probes.map((probe) => () =>
        this.indicators
          .check(probe.name)
          .attempt(async () => {
            await probe.check();
            return {};
          })
          .withTimeout(PROBE_TIMEOUT_MS),
      ),
    );
  }
}

