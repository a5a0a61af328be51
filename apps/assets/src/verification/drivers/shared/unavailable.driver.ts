import { ConnectorDriver, type EgressTarget } from '../../connector-driver.js';
import { DriverError } from '../../driver-error.js';
import type { DriverOutcome, VerificationInput, VerificationStepName } from '../../verification.types.js';

/**
 * Placeholder for a type whose driver is not written yet: an honest `invalid_config` failure
 * before any network activity, never a fake success.
 */
export abstract class UnavailableDriver extends ConnectorDriver {
  readonly steps: readonly VerificationStepName[] = [];

  target(_input: VerificationInput): EgressTarget {
    throw new DriverError('invalid_config', `verification for ${this.type} is not available yet`);
  }

  async verify(_input: VerificationInput): Promise<DriverOutcome> {
    throw new DriverError('invalid_config', `verification for ${this.type} is not available yet`);
  }
}
