export * from './secret.decorator.js';
export * from './load-config.js';
