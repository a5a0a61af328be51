import { getSourceMapsSupport, setSourceMapsSupport } from 'node:module';

// --enable-source-maps (production NODE_OPTIONS) also parses and keeps the map of every module under
// node_modules: about 10 MiB of idle heap (typeorm alone 6.7), to map frames to .ts files those
// packages do not ship. Our own frames stay mapped. Modules compile before any code of the module
// that imports them runs, hence the dynamic imports after this line.
const sourceMaps = getSourceMapsSupport();
if (sourceMaps.enabled) setSourceMapsSupport(true, { ...sourceMaps, nodeModules: false });

await import('reflect-metadata');
const { exitOnConfigError, loadConfig } = await import('@app/config');
const { exitGracefullyOnSignals, ShutdownConfig, shutdownTimingsOf } = await import('@app/core');
const { startGovernance } = await import('./governance.bootstrap.js');

// Standalone entry (one service per pod). `npm start` runs both apps via apps/dev/start-all.ts.
const timings = await Promise.resolve()
  .then(() => shutdownTimingsOf(loadConfig('shutdown', ShutdownConfig)))
  .catch(exitOnConfigError);
const runtime = await startGovernance().catch(exitOnConfigError);
// SIGTERM: readiness 503, still serving for SHUTDOWN_DRAIN_DELAY_MS, then requests in flight finish.
exitGracefullyOnSignals([{ name: 'governance', app: runtime.app, close: () => runtime.close() }], timings);
