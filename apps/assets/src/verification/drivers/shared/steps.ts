import { VERIFICATION_STEPS, type VerificationStepName } from '../../verification.types.js';

/** The step sequences drivers report, declared once. */

/** Every step: databases and warehouses that also check the role's privileges. */
export const ALL_STEPS: readonly VerificationStepName[] = VERIFICATION_STEPS;

/** Up to discovery: stores and services whose probe checks no privileges. */
export const STEPS_WITHOUT_PRIVILEGES: readonly VerificationStepName[] = VERIFICATION_STEPS.filter(
  (step) => step !== 'privileges',
);
