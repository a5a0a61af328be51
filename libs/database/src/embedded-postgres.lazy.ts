import type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres.js';

export type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres.js';

/**
 * Starts PGlite behind a wire server. PGlite and its WASM build are loaded on this first call:
 * a process on a real PostgreSQL never loads them (about 4.5 MiB resident at idle).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const { startEmbeddedPostgres: start } = await import('./embedded-postgres.js');
  return start(options);
}
