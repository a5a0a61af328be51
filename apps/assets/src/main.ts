// Source maps for our own code only: see own-source-maps.ts (it must run before the app loads).
import '../../own-source-maps.js';

await import('reflect-metadata');
const { exitOnConfigError, loadConfig } = await import('@app/config');
const { exitGracefullyOnSignals, ShutdownConfig, shutdownTimingsOf } = await import('@app/core');
const { startAssets } = await import('./assets.bootstrap.js');
const { releaseBootGarbage } = await import('../../release-boot-garbage.js');

// Standalone entry (one service per pod). `npm start` runs both apps via apps/dev/start-all.ts.
const timings = await Promise.resolve()
  .then(() => shutdownTimingsOf(loadConfig('shutdown', ShutdownConfig)))
  .catch(exitOnConfigError);
const runtime = await startAssets().catch(exitOnConfigError);
releaseBootGarbage();
// SIGTERM: readiness 503, still serving for SHUTDOWN_DRAIN_DELAY_MS, then requests in flight finish.
exitGracefullyOnSignals([{ name: 'assets', app: runtime.app, close: () => runtime.close() }], timings);
