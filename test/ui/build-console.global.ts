// The browser suites' global setup: one production build of the console for every suite of the run,
// into dist/console-ui-test (each suite serves it from its own stack).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const CONSOLE_UI_DIST = join(process.cwd(), 'dist', 'console-ui-test');

export default function buildConsoleOnce(): void {
  execFileSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '-c',
      'apps/console/vite.config.ts',
      '--outDir',
      CONSOLE_UI_DIST,
      '--logLevel',
      'warn',
    ],
    // Jest sets NODE_ENV=test, which Vite would build React's development code with: build what ships.
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}
