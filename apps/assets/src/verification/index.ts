// Verification's public surface: the engine, its config and report types, and the Google token
// exchange that shared storage reuses for GCS.
export * from './verification.module.js';
export * from './verification.service.js';
export * from './verification.config.js';
export * from './verification.types.js';
export { DriverError } from './driver-error.js';
export {
  GOOGLE_TOKEN_URL,
  jwtBearerAccessTokenSource,
  readServiceAccount,
  type DestinationResolver,
  type GoogleAccessTokenSource,
  type ServiceAccountKey,
} from './drivers/shared/google-service-account.js';
