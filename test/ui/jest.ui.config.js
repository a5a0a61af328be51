// The console's browser suite: NODE_OPTIONS=--experimental-vm-modules npx jest -c test/ui/jest.ui.config.js
// (the same transform as the root config's projects; one file, one worker, Chromium at /usr/bin/chromium).
export default {
  rootDir: '../..',
  displayName: 'ui',
  testMatch: ['<rootDir>/test/ui/**/*.ui-spec.ts'],
  testTimeout: 120_000,
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
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
    ],
  },
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@app/([a-z-]+)/(embedded|testing)$': '<rootDir>/libs/$1/src/$2/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};
