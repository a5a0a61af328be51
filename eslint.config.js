// ESLint flat config. Lint is architecture here: type-aware promise and switch checks, and libs are
// reachable only through their public `@app/<lib>` entry point.
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

// `@eslint/js` is not installed; its `recommended` set is exactly the core rules flagged as recommended.
const eslintRecommended = {
  name: 'eslint/recommended (core rules)',
  rules: Object.fromEntries(
    [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
  ),
};

const LIBS = ['core', 'config', 'database', 'auth', 'authz', 'audit', 'secrets', 'storage', 'testing'];

/** Apps: no relative path into libs/, no deep import behind `@app/<lib>`. (test/ may reach internals.) */
const publicLibImportsOnly = {
  patterns: [
    {
      group: ['**/libs/**'],
      message: 'Import libraries through their public entry point `@app/<lib>`, not by relative path.',
    },
    {
      group: ['@app/*/**'],
      message: 'Import only `@app/<lib>` (its src/index.ts); deep imports bypass the public API.',
    },
  ],
};

/** Inside a lib: relative imports stay in the lib; another lib is reached as `@app/<lib>`. */
const libBoundaries = {
  patterns: [
    {
      regex: `^(\\.\\./)+(libs/)?(${LIBS.join('|')})/src(/|$)`,
      message: 'Reach another library through `@app/<lib>`; relative imports must stay inside this lib.',
    },
    {
      regex: '(^|/)apps/',
      message: 'Libraries must not depend on applications.',
    },
    {
      group: ['@app/*/**'],
      message: 'Import only `@app/<lib>` (its src/index.ts); deep imports bypass the public API.',
    },
  ],
};

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    '.data/',
    'coverage/',
    'bench/**',
    'deploy/**',
    // Root-level config files (eslint, jest, …) are plain JS outside the TS project.
    '*.js',
    '*.cjs',
    '*.mjs',
  ]),
  eslintRecommended,
  tseslint.configs.recommended,
  {
    name: 'project/typescript',
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Type-aware rules, picked one by one rather than the whole `recommendedTypeChecked` set.
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Rethrowing a driver error as its cause can leak credentials it carries; we scrub instead.
      'preserve-caught-error': 'off',
      // Input hardening (keys, names, headers) must match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    name: 'project/apps',
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', publicLibImportsOnly],
    },
  },
  {
    name: 'project/plain-js',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    name: 'project/libs',
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', libBoundaries],
    },
  },
  {
    name: 'project/tests',
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
