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
export { fingerprintOfPublicLine, generateManagedKey, SSH_FINGERPRINT_PATTERN } from './tunnel/ssh-keys.js';
export {
  previousKeyInGrace,
  tunnelConfigOf,
  tunnelCredentialsOf,
  type SshTunnelConfig,
  type SshTunnelCredentials,
} from './tunnel/ssh-tunnel.settings.js';
