export * from './errors/error-code.js';
export * from './errors/app.exception.js';
export * from './tenancy.js';
