import type { ConnectionType } from '../connection-types/index.js';
import type { ProbeContext } from './probe-context.js';
import type { DriverOutcome, VerificationInput, VerificationStepName } from './verification.types.js';

/** Where a driver will connect; the service resolves and checks it before `verify` runs. */
export interface EgressTarget {
  host: string;
  port: number;
}

/**
 * One per connection type; a stateless singleton. `target` reads the destination from the
 * validated config (throwing a DriverError('invalid_config') for anything it does not accept);
 * `verify` runs the bounded probes against `ctx.destination` only and closes its client in
 * `finally`.
 */
export abstract class ConnectorDriver {
  abstract readonly type: ConnectionType;
  /** The steps this driver reports, in order (those it never reaches are shown as skipped). */
  abstract readonly steps: readonly VerificationStepName[];
  abstract target(input: VerificationInput): EgressTarget;
  abstract verify(input: VerificationInput, ctx: ProbeContext): Promise<DriverOutcome>;
}
