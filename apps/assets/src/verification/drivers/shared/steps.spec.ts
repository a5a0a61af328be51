import { ALL_STEPS, STEPS_WITHOUT_PRIVILEGES } from './steps.js';

describe('driver step sequences', () => {
  it('should run every step, privileges last, for drivers that check privileges', () => {
    expect(ALL_STEPS).toEqual([
      'resolve',
      'egress_policy',
      'connect',
      'tls',
      'authenticate',
      'discover',
      'privileges',
    ]);
  });

  it('should stop at discover for drivers that check no privileges', () => {
    expect(STEPS_WITHOUT_PRIVILEGES).toEqual([
      'resolve',
      'egress_policy',
      'connect',
      'tls',
      'authenticate',
      'discover',
    ]);
  });
});
