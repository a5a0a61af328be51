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

/** No deep import behind `@app/<lib>`, except the two secondary entry points kept out of the main barrels. */
const deepImports = {
  group: ['@app/*/**', '!@app/authz/embedded', '!@app/auth/testing'],
  message:
    'Import only `@app/<lib>` (its src/index.ts), or `@app/authz/embedded` / `@app/auth/testing`; deep imports bypass the public API.',
};

/** Test scaffolding (forged tokens, fakes, test databases) never reaches production code. */
const testScaffolding = {
  group: ['@app/testing', '@app/auth/testing'],
  message: 'Test helpers are for tests only (specs, test/, libs/testing).',
};

/** The embedded OpenFGA engine and its HTTP server: dev mode and tests only (production loads it through createAuthzBackend). */
const embeddedAuthz = {
  group: ['@app/authz/embedded'],
  message:
    'The embedded OpenFGA engine is for dev mode and tests; production reaches it only through createAuthzBackend.',
};

/** Apps: no relative path into libs/, no deep import behind `@app/<lib>`. (test/ may reach internals.) */
const publicLibImportsOnly = {
  patterns: [
    {
      group: ['**/libs/**'],
      message: 'Import libraries through their public entry point `@app/<lib>`, not by relative path.',
    },
    deepImports,
    testScaffolding,
    embeddedAuthz,
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
    deepImports,
    testScaffolding,
    embeddedAuthz,
  ],
};

/** Where test scaffolding is at home (tests may also reach a feature's internals). */
const testCodeImports = { patterns: [deepImports] };

/**
 * Feature rooms with one-way doors: inside an app, a feature folder reaches another feature only
 * through that feature's `index.ts` (its exported surface), never its internals. The app's root
 * files (module, bootstrap) obey the same rule. Tests may reach internals.
 */
const APP_FEATURES = {
  assets: [
    'common',
    'connection-types',
    'connections',
    'database',
    'egress',
    'governance',
    'session',
    'storage',
    'verification',
  ],
  governance: ['access', 'audit', 'database', 'internal', 'secrets'],
};

function featureBoundaries() {
  return Object.entries(APP_FEATURES).flatMap(([app, features]) => {
    const internalsOf = (others, prefix) => ({
      regex: `^${prefix}(${others.join('|')})/(?!index\\.js$).+`,
      message: `Another feature's internals: import its public surface \`<feature>/index.js\` instead (apps/${app}/src/<feature>/index.ts).`,
    });
    const root = {
      name: `project/${app}/root-uses-feature-surfaces`,
      files: [`apps/${app}/src/*.ts`],
      ignores: ['**/*.spec.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...publicLibImportsOnly.patterns, internalsOf(features, '\\./')] },
        ],
      },
    };
    return [
      root,
      ...features.map((feature) => ({
        name: `project/${app}/${feature}-boundaries`,
        files: [`apps/${app}/src/${feature}/**/*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...publicLibImportsOnly.patterns,
                internalsOf(
                  features.filter((other) => other !== feature),
                  '(\\.\\./)+',
                ),
              ],
            },
          ],
        },
      })),
    ];
  });
}

export default defineConfig(
  globalIgnores([
    '**/dist/',
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
  ...featureBoundaries(),
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
    // Governance's dev-mode OpenFGA endpoint (loaded on demand by startGovernance) serves the embedded engine.
    name: 'project/dev-openfga-endpoint',
    files: ['apps/governance/src/embedded-openfga.endpoint.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: publicLibImportsOnly.patterns.filter((pattern) => pattern !== embeddedAuthz) },
      ],
    },
  },
  {
    name: 'project/test-scaffolding-at-home',
    files: [
      'apps/**/*.spec.ts',
      'libs/**/*.spec.ts',
      'libs/testing/**/*.ts',
      'libs/auth/src/testing/**/*.ts',
      'apps/dev/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', testCodeImports],
    },
  },
  {
    name: 'project/tests',
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // Queries live in repositories on ScopedRepository (@app/database), which add the tenant filter
    // themselves: outside persistence code nothing holds the DataSource or writes a query. Its own
    // rules (not no-restricted-imports) so that it adds to the import boundaries instead of replacing them.
    name: 'project/persistence-only',
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      '**/persistence/**',
      '**/*.repository.ts',
      '**/database/**',
      '**/migrations/**',
      '**/[0-9]*-*.ts',
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/**',
      // Adapters whose technology is the database itself: the embedded tuple store and secrets backend.
      'libs/authz/src/engine/postgres/**',
      'libs/secrets/src/embedded/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: [
                'DataSource',
                'EntityManager',
                'QueryRunner',
                'Repository',
                'getRepository',
                'createQueryBuilder',
                'getManager',
              ],
              allowTypeImports: true,
              message:
                'Only persistence code (persistence/, *.repository.ts, database/) holds the DataSource: query through a ScopedRepository.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|createQueryRunner)$/]',
          message:
            'Queries belong in a repository on ScopedRepository (persistence/ or *.repository.ts), which adds the tenant filter.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(query|transaction)$/][callee.object.name=/^(dataSource|manager|entityManager|tx|queryRunner|runner)$/]',
          message:
            'Raw SQL and transactions belong in a repository on ScopedRepository (persistence/ or *.repository.ts).',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(query|transaction)$/][callee.object.property.name=/^(dataSource|manager|queryRunner)$/]',
          message:
            'Raw SQL and transactions belong in a repository on ScopedRepository (persistence/ or *.repository.ts).',
        },
        {
          selector:
            'MemberExpression[property.name="manager"][object.name="dataSource"], MemberExpression[property.name="manager"][object.property.name="dataSource"]',
          message:
            "The DataSource's EntityManager belongs in a repository on ScopedRepository (persistence/ or *.repository.ts).",
        },
      ],
    },
  },
);
