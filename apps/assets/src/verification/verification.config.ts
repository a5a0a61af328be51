import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { csv, loadConfig, loadTopology, type TopologyConfig } from '@app/config';

/** Limits and egress policy of connection verification. */
export class VerificationConfig {
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
  /** Whole-call timeout; capped so a request can never hold a slot for long. */
  @IsInt() @Min(100) @Max(60_000) VERIFY_TIMEOUT_MS = 10_000;
  /** Per-step timeout; 0 means "the whole timeout". */
  @IsInt() @Min(0) @Max(60_000) VERIFY_STEP_TIMEOUT_MS = 0;
  @IsInt() @Min(1) @Max(1_000) VERIFY_MAX_CONCURRENT = 8;
  @IsInt() @Min(1) @Max(1_000) VERIFY_MAX_CONCURRENT_PER_ORG = 2;
  @IsInt() @Min(1) @Max(100_000) VERIFY_MAX_OBJECTS = 10_000;
  /** Comma-separated CIDRs re-allowed (e.g. loopback in production); never overrides metadata. */
  @IsString() EGRESS_ALLOW_CIDRS = '';
  /** Comma-separated CIDRs always denied on top of the built-in list. */
  @IsString() EGRESS_DENY_CIDRS = '';
  /** This deployment's listening ports (from the topology), denied on local addresses. */
  #ports: number[] = [];

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }
  get timeoutMs(): number {
    return this.VERIFY_TIMEOUT_MS;
  }
  get stepTimeoutMs(): number {
    const step = this.VERIFY_STEP_TIMEOUT_MS;
    return step > 0 ? Math.min(step, this.VERIFY_TIMEOUT_MS) : this.VERIFY_TIMEOUT_MS;
  }
  get allowCidrs(): string[] {
    return csv(this.EGRESS_ALLOW_CIDRS);
  }
  get denyCidrs(): string[] {
    return csv(this.EGRESS_DENY_CIDRS);
  }
  get protectedPorts(): number[] {
    return [...this.#ports];
  }
  withTopology(topology: TopologyConfig): this {
    this.#ports = topology.listeningPorts;
    return this;
  }
}

export function loadVerificationConfig(env: NodeJS.ProcessEnv = process.env): VerificationConfig {
  return loadConfig('verification', VerificationConfig, env).withTopology(loadTopology(env));
}
