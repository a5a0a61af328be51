import 'reflect-metadata';
import { exitOnConfigError } from '@app/config';
import { startGovernance } from './governance.bootstrap.js';

// Standalone entry (one service per pod). `npm start` runs both apps via apps/dev/start-all.ts.
const runtime = await startGovernance().catch(exitOnConfigError);
const shutdown = async () => {
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
