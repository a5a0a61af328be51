import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseHealth } from './database.health.js';
import type { Database } from './open-database.js';

/**
 * What an app's infrastructure module provides for its database: the DataSource that repositories
 * (and only they) inject, and DatabaseHealth for the readiness probe. Modules need no DataSource.
 */
export function databaseProviders(database: Database): Provider[] {
  return [{ provide: DataSource, useValue: database.dataSource }, DatabaseHealth];
}
