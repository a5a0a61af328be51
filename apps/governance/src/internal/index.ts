export * from './internal.module.js';
export { TRUSTED_SERVICES, type TrustedServices } from './trusted-service.guard.js';
