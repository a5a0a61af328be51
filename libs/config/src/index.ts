export * from './secret.decorator.js';
export * from './load-config.js';
export * from './dev-secret-file.js';
export * from './topology-defaults.js';
export * from './topology.config.js';
export * from './exit-on-config-error.js';
