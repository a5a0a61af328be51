import { UnavailableDriver } from '../shared/unavailable.driver.js';

/** Not implemented yet (see issue #4); reports `invalid_config` without touching the network. */
export class OracleDriver extends UnavailableDriver {
  readonly type = 'oracle' as const;
}
