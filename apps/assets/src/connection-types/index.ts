// The connection type catalog: each type's schemas, auth methods and input rules. Pure data and
// functions, shared by connections (validation) and verification (drivers per type).
export * from './connection-type.js';
export * from './connection-type.registry.js';
export * from './connection-input.validator.js';
export * from './credential-rebind.rules.js';
export * from './connection-types.view.js';
export {
  SSH_AUTH_METHODS,
  SSH_FINGERPRINT_PATTERN,
  SSH_TUNNEL_SERVER_FIELDS,
} from './connection-schema.fragments.js';
