import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Tests run from sources: the `@courier/source` export condition points each package at src/index.ts,
// so no build is needed for unit tests (the CLI tests spawn the built binary and build first).
const conditions = ['@courier/source', ...defaultServerConditions]

const packages = [
  ['@courier/core', 'packages/core'],
  ['@courier/storage', 'packages/storage'],
  ['@courier/web', 'packages/web'],
  ['courier', 'packages/cli'],
  ['@courier/testkit', 'packages/testkit'],
  ['@courier/goto-sandbox', 'packages/goto-sandbox'],
] as const

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    projects: [
      ...packages.map(([name, root]) => ({
        extends: true,
        test: {
          name,
          root,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
        },
      })),
      // The `courier ui` client in Chromium against the built server (packages/web/e2e): one file at a time.
      {
        extends: true,
        test: {
          name: '@courier/web-e2e',
          root: 'packages/web',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // What the page did reaches the disk and the server through another process: under the full suite's
          // load that can take longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
