import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliResult } from './run-cli.js'

let folder: string

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'courier-cli-bad-'))
})

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name)
  await writeFile(path, content)
  return path
}

function expectUserError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2)
  expect(result.stdout).toBe('')
  const [first] = result.stderr.split('\n')
  expect(first).toMatch(/^error: /)
  expect(first).toMatch(pattern)
  // A user's mistake never shows a stack trace.
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

const v21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

describe('courier on bad input', () => {
  it('names a file that does not exist', async () => {
    const missing = join(folder, 'nope.json')
    expectUserError(await runCli(['inspect', missing]), new RegExp(`${missing}: no such file`))
  })

  it('says a folder is not a file', async () => {
    expectUserError(await runCli(['inspect', folder]), /it is a folder/)
  })

  it('rejects an empty file', async () => {
    const path = await fixture('empty.json', '  \n')
    expectUserError(await runCli(['inspect', path]), /empty/)
  })

  it('rejects a binary file', async () => {
    const path = await fixture(
      'image.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0]),
    )
    expectUserError(await runCli(['inspect', path]), /binary|not a text/i)
  })

  it('points at the line and column of invalid JSON', async () => {
    const path = await fixture(
      'broken.json',
      '{\n  "info": {\n    "name": "x",\n    "schema" "v2.1"\n  }\n}\n',
    )
    expectUserError(await runCli(['inspect', path]), new RegExp(`${path}:4:14: `))
  })

  it('names the JSON path of the first field of the wrong shape', async () => {
    const path = await fixture(
      'shape.json',
      JSON.stringify({
        info: { name: 'x', schema: v21 },
        item: [
          { name: 'a', request: { url: 'http://a' } },
          { name: 'b', request: 42 },
        ],
      }),
    )
    expectUserError(await runCli(['inspect', path]), /\$\.item\[1\]\.request/)
  })

  it('lists the supported versions for an unknown schema version', async () => {
    const path = await fixture(
      'v999.json',
      JSON.stringify({
        info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v999.0.0/collection.json' },
        item: [],
      }),
    )
    const result = await runCli(['convert', path, '--to', 'postman-v2.1'])
    expectUserError(result, /v999/)
    expect(result.stderr).toMatch(/v2\.1\.0/)
    expect(result.stderr).toMatch(/v1\.0\.0/)
  })

  it('rejects JSON that is not a Postman document', async () => {
    const path = await fixture('package.json', JSON.stringify({ name: 'left-pad', version: '1.0.0' }))
    expectUserError(await runCli(['inspect', path]), /Postman|collection/i)
  })

  it('reads a collection 200 folders deep', async () => {
    let item: unknown = { name: 'leaf', request: { method: 'GET', url: 'https://example.com/leaf' } }
    for (let depth = 200; depth > 0; depth -= 1) item = { name: `f${depth}`, item: [item] }
    const path = await fixture(
      'deep.json',
      JSON.stringify({ info: { name: 'deep', schema: v21 }, item: [item] }),
    )
    const result = await runCli(['inspect', path, '--json'])
    expect(result.code).toBe(0)
    expect(JSON.stringify(JSON.parse(result.stdout))).toContain('https://example.com/leaf')
  })

  it('stops a collection nested absurdly deep with a clear error instead of crashing', async () => {
    const depth = 20_000
    const text = `{"info":{"name":"x","schema":"${v21}"},"item":[${'{"name":"f","item":['.repeat(depth)}${']}'.repeat(depth)}]}`
    const path = await fixture('too-deep.json', text)
    expectUserError(await runCli(['inspect', path]), /deep/)
  })

  it('converts a 50 MB collection without running out of memory', async () => {
    const request = (n: number) => ({
      name: `request ${n}`,
      request: {
        method: 'POST',
        header: [],
        body: { mode: 'raw', raw: 'x'.repeat(4000) },
        url: `https://example.com/${n}`,
      },
    })
    const item = Array.from({ length: 12_500 }, (_, n) => request(n))
    const path = await fixture('big.json', JSON.stringify({ info: { name: 'big', schema: v21 }, item }))
    const result = await runCli(['convert', path, '--to', 'postman-v2.1', '-o', join(folder, 'big.out.json')])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('wrote')
  })

  it('names the chain of a variable that refers to itself', async () => {
    const path = await fixture(
      'loop.json',
      JSON.stringify({
        info: { name: 'loop', schema: v21 },
        variable: [
          { key: 'a', value: '{{b}}' },
          { key: 'b', value: '{{a}}' },
        ],
        item: [{ name: 'r', request: { method: 'GET', url: 'https://{{a}}/x' } }],
      }),
    )
    expectUserError(await runCli(['inspect', path, '--resolve']), /a → b → a/)
  })
})
