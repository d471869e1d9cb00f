// Lint: typescript-eslint's type-aware rules, and the README's dependency order as an import rule.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The libraries in dependency order (README, "Architecture"): a library may import the ones in earlier
 * layers, never a later layer (by `#name` or by a relative path); no library imports an app.
 * `schema` (the list of every entity and migration) and `testing` (the test harness) compose the others.
 */
const LAYERS = [
  ['config', 'core'],
  ['queue', 'storage', 'documents'],
  ['database'],
  ['access', 'audit', 'outbox', 'ledger', 'strategy'],
  ['identity'],
  ['organisations', 'notifications'],
  ['calls'],
  ['applications'],
  ['evaluation'],
  ['awards'],
  ['reports'],
  ['schema', 'testing'],
];

const boundaryRules = LAYERS.flatMap((layer, index) => {
  const later = LAYERS.slice(index + 1).flat();
  return layer.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(later.length
              ? [
                  {
                    regex: `^(#|(\\.\\./)+)(${later.join('|')})(/|$)`,
                    message: `libs/${lib} comes before these libraries in the dependency order (README, Architecture): react to their events instead of importing them.`,
                  },
                ]
              : []),
            // The one exception: libs/testing composes the API application (createTestApp) for the tests.
            ...(lib === 'testing' ? [] : [{ group: ['**/apps/**'], message: 'A library never imports an app.' }]),
          ],
        },
      ],
    },
  }));
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'apps/web/dist/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  ...boundaryRules,
  {
    // End-to-end tests read HTTP bodies, which supertest types as `any` by design; the assertions on them
    // are the check. Everything else, including the type-aware promise rules, applies to tests too.
    files: ['test/**/*.ts', '**/*.spec.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The portal: the rules of hooks (a hook called conditionally or with stale dependencies is a bug no type catches).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // react-intl's and the query client's methods are bound; destructuring them is the documented use.
      '@typescript-eslint/unbound-method': 'off',
      // The router's route types are not registered globally (each area's routes load lazily), so pages state
      // the shape of their params and search with an assertion; the rule would have them write it twice.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Component tests stand in for async interfaces (fetch, the draft store) with functions that need not wait.
    files: ['apps/web/src/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // The plain JavaScript files are Node configuration and jest's global setup: Node's globals, no type information.
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
