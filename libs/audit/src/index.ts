export * from './audit-sink.js';
export * from './audited.decorator.js';
