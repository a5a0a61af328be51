import { UnavailableDriver } from '../shared/unavailable.driver.js';

/** Not implemented yet (see issue #4); reports `invalid_config` without touching the network. */
export class MongodbDriver extends UnavailableDriver {
  readonly type = 'mongodb' as const;
}
