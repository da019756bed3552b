// Type-aware lint with the layer rules from STYLE.md: core imports nothing of ours, storage and web only core,
// web/client only types; no cycles; each package only uses what its own manifest declares.
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import tseslint from 'typescript-eslint'

const packages = ['core', 'storage', 'web', 'cli', 'testkit', 'goto-sandbox']

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: packages.map((p) => `./packages/${p}/tsconfig.check.json`),
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: packages.map((p) => `packages/${p}/tsconfig.check.json`),
          noWarnOnMultipleProjects: true,
          conditionNames: ['@courier/source', 'types', 'import', 'node', 'default'],
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './packages/core', from: ['./packages/storage', './packages/web', './packages/cli'] },
            { target: './packages/storage', from: ['./packages/web', './packages/cli'] },
            { target: './packages/web', from: ['./packages/storage', './packages/cli'] },
            // Test servers stand on their own: they verify our code, so they must not reuse it.
            {
              target: './packages/testkit',
              from: ['./packages/core', './packages/storage', './packages/web', './packages/cli'],
            },
            // The GoTo sandbox emulates a real provider: an independent peer that reuses nothing of ours.
            {
              target: './packages/goto-sandbox',
              from: [
                './packages/core',
                './packages/storage',
                './packages/web',
                './packages/cli',
                './packages/testkit',
              ],
            },
          ],
        },
      ],
    },
  },
  ...packages.map((p) => ({
    files: [`packages/${p}/**/*.ts`],
    ignores: ['**/*.test.ts', '**/test/**'],
    rules: {
      // Shipped code may only use its own manifest's dependencies (npm workspaces hoist everything).
      'import-x/no-extraneous-dependencies': [
        'error',
        { packageDir: [`./packages/${p}`], devDependencies: false },
      ],
    },
  })),
  ...packages.map((p) => ({
    files: [`packages/${p}/**/*.ts`],
    rules: {
      // No package may reach into another's internals: only `@courier/<pkg>` public faces.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*/src/*', '@courier/*/src/*'], message: 'Import a package by its name.' },
          ],
        },
      ],
    },
  })),
  { files: ['packages/cli/**/*.ts', 'bench/**/*.ts'], rules: { 'no-console': 'off' } },
  ...packages.map((p) => ({
    files: [`packages/${p}/**/*.test.ts`, `packages/${p}/test/**/*.ts`],
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { packageDir: [`./packages/${p}`, '.'], devDependencies: true },
      ],
    },
  })),
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['*.config.ts', 'scripts/**/*.ts'], ...tseslint.configs.disableTypeChecked },
)
