// The committed chai bundle lets tests run from sources without a build; it must match the installed chai.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

it('matches what scripts/bundle-sandbox.mjs makes from the installed chai', async () => {
  const script = fileURLToPath(new URL('../../../scripts/bundle-sandbox.mjs', import.meta.url))
  await expect(promisify(execFile)(process.execPath, [script, '--check'])).resolves.toBeDefined()
})
