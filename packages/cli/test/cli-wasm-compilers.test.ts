// Which V8 compiler builds the WebAssembly a command runs (docs/adr/0017-wasm-baseline-compiler.md): a command that
// runs once uses the baseline compiler (Liftoff) only, for undici's HTTP parser and the QuickJS sandbox alike;
// COURIER_WASM_OPTIMIZE=1 gives V8 back its optimising tier. V8 itself says which compiler built each function
// (--trace-wasm-compilation-times, on stdout).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

let echo: EchoServer
let folder: string
let collection: string

beforeAll(async () => {
  echo = await startEchoServer()
  folder = await mkdtemp(join(tmpdir(), 'courier-wasm-'))
  collection = join(folder, 'scripted.postman_collection.json')
  await writeFile(
    collection,
    JSON.stringify({
      info: {
        name: 'Scripted',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Get',
          event: [
            {
              listen: 'test',
              script: { exec: ["pm.test('ok', () => pm.response.to.have.status(200))"] },
            },
          ],
          request: { method: 'GET', url: `${echo.url}/get` },
        },
      ],
    }),
  )
})

afterAll(async () => {
  await echo.close()
  await rm(folder, { recursive: true, force: true })
})

/** Runs the CLI under V8's compilation trace: how many functions each compiler built, and the exit code. */
async function compilers(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const { code, stdout } = await runCli(args, {
    nodeFlags: ['--trace-wasm-compilation-times'],
    env: { COURIER_WASM_OPTIMIZE: '', ...env },
  })
  const count = (compiler: string) =>
    stdout.split('\n').filter((line) => line.includes(`using ${compiler},`)).length
  return { code, liftoff: count('Liftoff'), turbofan: count('TurboFan') }
}

describe('WebAssembly compilers', () => {
  it('courier send builds undici’s parser with the baseline compiler only', async () => {
    const result = await compilers(['send', `${echo.url}/get`])
    expect(result.code).toBe(0)
    expect(result.liftoff).toBeGreaterThan(0)
    expect(result.turbofan).toBe(0)
  })

  it('courier send with COURIER_WASM_OPTIMIZE=1 lets V8 optimise the parser', async () => {
    const result = await compilers(['send', `${echo.url}/get`], { COURIER_WASM_OPTIMIZE: '1' })
    expect(result.code).toBe(0)
    expect(result.turbofan).toBeGreaterThan(0)
  })

  it('courier run builds the QuickJS sandbox with the baseline compiler only', async () => {
    const result = await compilers(['run', collection, '--no-proxy'])
    expect(result.code).toBe(0)
    // QuickJS alone is ~1,000 functions; undici's parser is ~60.
    expect(result.liftoff).toBeGreaterThan(200)
    expect(result.turbofan).toBe(0)
  })
})
