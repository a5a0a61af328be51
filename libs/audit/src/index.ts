export * from './audit-sink.js';
export * from './audited.decorator.js';
export * from './scrub-details.js';
