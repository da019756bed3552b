import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { staticClient } from './static-client.js'

describe('staticClient', () => {
  it('serves the built files, and index.html for the client’s own routes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'courier-client-'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Courier</title>')
    await writeFile(join(dir, 'app.js'), 'console.log(1)')
    const app = staticClient(dir)
    const script = await app.request('/app.js')
    expect(script.headers.get('content-type')).toMatch(/javascript/)
    expect(await script.text()).toBe('console.log(1)')
    expect(await (await app.request('/collections/Shop')).text()).toContain('<title>Courier</title>')
  })

  it('says how to build the client when it is not built', async () => {
    const app = staticClient(join(tmpdir(), 'courier-no-such-client'))
    expect(await (await app.request('/')).text()).toContain('npm run build')
  })
})
