// ESM jest (NestJS 12 is ESM-only); scripts set NODE_OPTIONS=--experimental-vm-modules.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];
/** Transform and module mapping shared by every project (and test/ui/jest.ui.config.js). */
export const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // Secondary entry points (dev/test only): `@app/<lib>/<entry>` is `libs/<lib>/src/<entry>/index.ts`.
    '^@app/([a-z-]+)/(embedded|testing)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  rootDir: '.',
};
import { reachable } from './test/support/local-port.js';

/** Suites that need a machine service (not one the tests start themselves). */
const SERVER_SUITES = {
  5432: [
    '<rootDir>/test/integration/verification/postgres-verification.spec.ts',
    '<rootDir>/test/integration/verification/injection-and-scrubbing.spec.ts',
    '<rootDir>/test/integration/verification/egress-and-timeouts.spec.ts',
  ],
  3306: [
    '<rootDir>/test/integration/verification/mysql-verification.spec.ts',
    '<rootDir>/test/integration/verification/injection-and-scrubbing.spec.ts',
  ],
};

// `npm test` passes on a bare machine: driver suites against PostgreSQL or MariaDB are skipped
// (and say so) when the server is not running. CI sets CI=true, where a missing server fails.
const skipped = [];
if (process.env.CI !== 'true') {
  for (const [port, suites] of Object.entries(SERVER_SUITES)) {
    if (!(await reachable(Number(port)))) skipped.push(...suites);
  }
  if (skipped.length)
    process.stderr.write(`jest: no server for ${[...new Set(skipped)].join(', ')}; skipping them\n`);
}

export default {
  // Global (not per project): suites that boot PGlite and two apps need more than 5 s to start.
  testTimeout: 60_000,
  // Integration and e2e run one file at a time in one worker (--maxWorkers=1), which is replaced
  // once it holds this much after a file: each suite boots apps (and PGlite's WASM heap), and one
  // long-lived process grew to 2.7 GB and ran the last PGlite suites 3-5x slower.
  workerIdleMemoryLimit: '1200MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testPathIgnorePatterns: ['/node_modules/', ...skipped],
      testMatch: ['<rootDir>/test/{integration,contracts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // Every response is checked against the committed OpenAPI documents.
      setupFilesAfterEnv: ['<rootDir>/test/support/contract.setup.ts'],
    },
  ],
};
