// The console's browser suite: NODE_OPTIONS=--experimental-vm-modules npx jest -c test/ui/jest.ui.config.js
// (the root config's transform and mapping; the console built once for every suite; Chromium at /usr/bin/chromium).
import { common } from '../../jest.config.js';

export default {
  ...common,
  rootDir: '../..',
  displayName: 'ui',
  testMatch: ['<rootDir>/test/ui/**/*.ui-spec.ts'],
  testTimeout: 120_000,
  // One console build for all suites (dist/console-ui-test).
  globalSetup: '<rootDir>/test/ui/build-console.global.ts',
};
