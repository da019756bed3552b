// The committed bundles (chai, the require() libraries) let tests run from sources without a build; they must match
// the installed packages.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

it('matches what scripts/bundle-sandbox.mjs makes from the installed packages', async () => {
  const script = fileURLToPath(new URL('../../../scripts/bundle-sandbox.mjs', import.meta.url))
  await expect(promisify(execFile)(process.execPath, [script, '--check'])).resolves.toBeDefined()
})
