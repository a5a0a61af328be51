// Small building blocks shared by every feature; nothing here knows about a feature.
export * from './clock.js';
export * from './concurrency-limiter.js';
export * from './periodic-pass.js';
export * from './slug.js';
export * from './background-pass.js';
