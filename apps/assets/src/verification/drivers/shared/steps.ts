import { TUNNEL_STEPS, VERIFICATION_STEPS, type VerificationStepName } from '../../verification.types.js';

/** The step sequences drivers report, declared once (the tunnel's are the engine's, not a driver's). */

/** Every step: databases and warehouses that also check the role's privileges. */
export const ALL_STEPS: readonly VerificationStepName[] = VERIFICATION_STEPS.filter(
  (step) => !TUNNEL_STEPS.includes(step),
);

/** Up to discovery: stores and services whose probe checks no privileges. */
export const STEPS_WITHOUT_PRIVILEGES: readonly VerificationStepName[] = ALL_STEPS.filter(
  (step) => step !== 'privileges',
);
