export * from './embedded-postgres.lazy.js';
export * from './open-database.js';
export * from './database.config.js';
export * from './snake-naming.strategy.js';
export * from './unique-violation.js';
export * from './scoped.repository.js';
export * from './database.health.js';
export * from './database.providers.js';
