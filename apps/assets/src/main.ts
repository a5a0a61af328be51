import 'reflect-metadata';
import { exitOnConfigError } from '@app/config';
import { startAssets } from './assets.bootstrap.js';

// Standalone entry (one service per pod). `npm start` runs both apps via apps/dev/start-all.ts.
const runtime = await startAssets().catch(exitOnConfigError);
const shutdown = async () => {
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
