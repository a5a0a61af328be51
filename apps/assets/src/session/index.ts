export * from './session.module.js';
