import 'reflect-metadata';
import { exitOnConfigError, loadConfig } from '@app/config';
import { exitGracefullyOnSignals, ShutdownConfig, shutdownTimingsOf } from '@app/core';
import { startGovernance } from './governance.bootstrap.js';

// Standalone entry (one service per pod). `npm start` runs both apps via apps/dev/start-all.ts.
const timings = await Promise.resolve()
  .then(() => shutdownTimingsOf(loadConfig('shutdown', ShutdownConfig)))
  .catch(exitOnConfigError);
const runtime = await startGovernance().catch(exitOnConfigError);
// SIGTERM: readiness 503, still serving for SHUTDOWN_DRAIN_DELAY_MS, then requests in flight finish.
exitGracefullyOnSignals([{ name: 'governance', app: runtime.app, close: () => runtime.close() }], timings);
