// The workspace from the command line, as a user drives it: init, import, ls, env with secrets, new, send from a
// workspace path (history kept), duplicate, move, delete and restore, edit and docs, export. Spawns the built binary.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEchoServer, type EchoServer } from '@courier/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, runCli } from './run-cli.js'

let echo: EchoServer
let ws: string
const state = () => ({ XDG_STATE_HOME: join(ws, '..', 'xdg-state') })
const cli = (args: string[]) => runCli(args, { cwd: ws, env: state() })

beforeAll(async () => {
  echo = await startEchoServer()
  ws = join(await mkdtemp(join(tmpdir(), 'courier-cli-ws-')), 'api')
})
afterAll(async () => {
  await echo.close()
})

async function filesUnder(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')),
  )
  return texts.join('\n')
}

// Each step spawns the binary several times; on a loaded 2-core machine a step takes seconds.
describe('courier workspace commands', { timeout: 120_000 }, () => {
  it('init creates a workspace; import brings a collection and an environment in as YAML', async () => {
    const init = await runCli(['init', ws])
    expect(init.code).toBe(0)
    expect(existsSync(join(ws, 'postman', 'collections'))).toBe(true)
    const imported = await cli([
      'import',
      join(repoRoot, 'examples', 'gotomeeting.postman_collection.json'),
      join(repoRoot, 'examples', 'gotomeeting.postman_environment.json'),
    ])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain(
      'collection "GoToMeeting (sample)" → postman/collections/GoToMeeting (sample)',
    )
    expect(
      existsSync(
        join(
          ws,
          'postman',
          'collections',
          'GoToMeeting (sample)',
          'Organizers',
          'Get Organizer.request.yaml',
        ),
      ),
    ).toBe(true)
    expect(existsSync(join(ws, 'postman', 'environments', 'GoTo (sample).environment.yaml'))).toBe(true)
  })

  it('refuses to import the same collection twice, unless --as-copy or --replace', async () => {
    const file = join(repoRoot, 'examples', 'gotomeeting.postman_collection.json')
    const again = await cli(['import', file])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/already has the collection "GoToMeeting \(sample\)"/)
    const copy = await cli(['import', file, '--as-copy'])
    expect(copy.code).toBe(0)
    expect(copy.stdout).toContain('GoToMeeting (sample)-1')
    expect((await cli(['rm', 'GoToMeeting (sample)-1'])).code).toBe(0)
    expect((await cli(['import', file, '--replace'])).code).toBe(0)
  })

  it('ls lists collections and environments, and the tree of a collection', async () => {
    const top = await cli(['ls'])
    expect(top.code).toBe(0)
    expect(top.stdout).toMatch(/GoToMeeting \(sample\)\s+3 requests/)
    expect(top.stdout).toContain('GoTo (sample)')
    const tree = await cli(['ls', 'GoToMeeting (sample)'])
    expect(tree.stdout).toMatch(/Organizers\/\n\s+GET\s+Get Organizer/)
    const outline = await cli(['inspect', 'GoToMeeting (sample)', '--json'])
    expect(outline.code).toBe(0)
    expect(JSON.parse(outline.stdout)).toMatchObject({ type: 'collection', format: 'v3 workspace' })
  })

  it('env set --secret keeps the value out of the file; env show masks it unless --show-secrets', async () => {
    const set = await cli(['env', 'set', 'GoTo (sample)', 'clientSecret', 'very-secret-42', '--secret'])
    expect(set.code).toBe(0)
    expect(set.stderr).not.toContain('very-secret-42')
    expect(await filesUnder(join(ws, 'postman'))).not.toContain('very-secret-42')
    const shown = await cli(['env', 'show', 'GoTo (sample)'])
    expect(shown.stdout).toMatch(/clientSecret\s+•+\s+\(secret\)/)
    expect(shown.stdout).not.toContain('very-secret-42')
    const revealed = await cli(['env', 'show', 'GoTo (sample)', '--show-secrets', '--json'])
    const values = (JSON.parse(revealed.stdout) as { values: { key: string; value: string }[] }).values
    expect(values.find((v) => v.key === 'clientSecret')?.value).toBe('very-secret-42')
  })

  it('new, send by workspace path with a workspace environment, and history', async () => {
    expect((await cli(['new', 'collection', 'Echo'])).code).toBe(0)
    expect((await cli(['new', 'folder', 'Echo/Things'])).code).toBe(0)
    const made = await cli([
      'new',
      'request',
      'Echo/Things/Get thing',
      '--url',
      '{{baseUrl}}/get?thing={{thing}}',
    ])
    expect(made.code).toBe(0)
    expect((await cli(['env', 'set', 'Local', 'baseUrl', echo.url])).code).toBe(0)
    expect((await cli(['env', 'set', 'Local', 'thing', 'token-123', '--secret'])).code).toBe(0)
    const sent = await cli(['send', 'Echo/Things/Get thing', '-e', 'Local'])
    expect(sent.stderr).toMatch(/^200 OK/)
    // The secret went out, and is masked in what is printed.
    expect(JSON.parse(sent.stdout)).toMatchObject({ args: { thing: '••••' } })
    const shown = await cli(['send', 'Echo/Things/Get thing', '-e', 'Local', '--show-secrets'])
    expect(JSON.parse(shown.stdout)).toMatchObject({ args: { thing: 'token-123' } })
    const history = await cli(['history', '--json'])
    const entries = JSON.parse(history.stdout) as {
      method: string
      url: string
      status: number
      environment: string
    }[]
    expect(entries[0]).toMatchObject({ method: 'GET', status: 200, environment: 'Local' })
    // The secret value was masked before it was stored.
    expect(entries[0]?.url).not.toContain('token-123')
    // `run` takes the workspace's collection (or "Collection/Folder") and environment by name too.
    const run = await cli(['run', 'Echo/Things', '-e', 'Local'])
    expect(run.stdout).toContain('Get thing')
    expect(run.stdout).toMatch(/1 passed|0 failed/)
    expect(run.code).toBe(0)
  })

  it('example save keeps a response from the history as an example; ls lists it, add writes one, rm deletes', async () => {
    const history = JSON.parse((await cli(['history', '--json'])).stdout) as { id: number }[]
    const id = history[0]?.id ?? 0
    const saved = await cli(['example', 'save', 'Echo/Things/Get thing', `#${id}`, '--name', 'Found'])
    expect(saved.stderr).toContain('saved as an example')
    expect(saved.code).toBe(0)
    const added = await cli([
      'example',
      'add',
      'Echo/Things/Get thing',
      '--name',
      'Missing',
      '--status',
      '404',
    ])
    expect(added.code).toBe(0)
    const list = JSON.parse((await cli(['example', 'ls', 'Echo/Things/Get thing', '--json'])).stdout) as {
      name: string
      code: number
    }[]
    expect(list.map((e) => [e.name, e.code])).toEqual([
      ['Found', 200],
      ['Missing', 404],
    ])
    const examplesDir = join(
      ws,
      'postman',
      'collections',
      'Echo',
      'Things',
      '.resources',
      'Get thing.resources',
      'examples',
    )
    const files = await readdir(examplesDir)
    expect(files.sort()).toEqual(['Found.example.yaml', 'Missing.example.yaml'])
    // The example keeps the response, never the secret that went out in the request.
    expect(await filesUnder(join(ws, 'postman'))).not.toContain('token-123')
    expect((await cli(['example', 'rm', 'Echo/Things/Get thing', 'Missing'])).code).toBe(0)
    expect(await readdir(examplesDir)).toEqual(['Found.example.yaml'])
    const docs = await cli(['docs', 'Echo/Things/Get thing'])
    expect(docs.stdout).toContain('## Example: Found')
  })

  it('cp duplicates, mv moves and renames, rm deletes to the trash, restore brings it back', async () => {
    const cp = await cli(['cp', 'Echo/Things/Get thing'])
    expect(cp.code).toBe(0)
    const copyName = /duplicated as "([^"]+)"/.exec(cp.stderr)?.[1] ?? ''
    expect(copyName).toMatch(/Get thing/)
    expect((await cli(['mv', `Echo/Things/${copyName}`, 'Echo/Moved'])).code).toBe(0)
    let tree = (await cli(['ls', 'Echo', '--json'])).stdout
    expect(tree).toContain('"path": "Echo/Moved"')
    expect((await cli(['rm', 'Echo/Moved'])).code).toBe(0)
    tree = (await cli(['ls', 'Echo', '--json'])).stdout
    expect(tree).not.toContain('Moved')
    const trash = await cli(['restore'])
    expect(trash.stdout).toMatch(/1\. item "Moved"/)
    expect((await cli(['restore', '1'])).code).toBe(0)
    tree = (await cli(['ls', 'Echo', '--json'])).stdout
    expect(tree).toContain('"path": "Echo/Moved"')
  })

  it('edit writes docs that docs prints; export gives Postman v2.1 JSON without secrets', async () => {
    const edit = await cli(['edit', 'Echo/Things/Get thing', '--description', '# Get a thing\n\nReturns it.'])
    expect(edit.code).toBe(0)
    const docs = await cli(['docs', 'Echo/Things/Get thing'])
    expect(docs.stdout).toContain('# Get a thing')
    expect(docs.stdout).toContain('Returns it.')
    const out = join(ws, '..', 'echo.json')
    expect((await cli(['export', 'Echo', '-o', out])).code).toBe(0)
    const exported = JSON.parse(await readFile(out, 'utf8')) as { info: { schema: string; name: string } }
    expect(exported.info).toMatchObject({
      name: 'Echo',
      schema: expect.stringContaining('v2.1.0') as unknown,
    })
    const env = await cli(['export', 'GoTo (sample)'])
    expect(env.stdout).not.toContain('very-secret-42')
    const withSecrets = await cli(['export', 'GoTo (sample)', '--include-secrets'])
    expect(withSecrets.stdout).toContain('very-secret-42')
  })

  it('secret collection variables: kept out of the files, used when sending, exported only on request', async () => {
    const file = join(ws, '..', 'secrets.postman_collection.json')
    await writeFile(
      file,
      JSON.stringify({
        info: {
          name: 'Secrets',
          _postman_id: '11111111-2222-4333-8444-555555555555',
          schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
        },
        variable: [
          { key: 'baseUrl', value: echo.url },
          { key: 'apiKey', value: 'sek-999', type: 'secret' },
        ],
        item: [
          {
            name: 'Headers',
            request: {
              method: 'GET',
              header: [{ key: 'X-Api-Key', value: '{{apiKey}}' }],
              url: '{{baseUrl}}/headers',
            },
          },
        ],
      }),
    )
    expect((await cli(['import', file])).code).toBe(0)
    expect(await filesUnder(join(ws, 'postman'))).not.toContain('sek-999')
    const sent = await cli(['send', 'Secrets/Headers', '--show-secrets'])
    expect(JSON.parse(sent.stdout)).toMatchObject({ headers: { 'x-api-key': 'sek-999' } })
    expect((await cli(['export', 'Secrets'])).stdout).not.toContain('sek-999')
    expect((await cli(['export', 'Secrets', '--include-secrets'])).stdout).toContain('sek-999')
  })

  it('a YAML mistake made by hand is named with file, line and column; the rest still works', async () => {
    const file = join(ws, 'postman', 'collections', 'Echo', 'Moved.request.yaml')
    await writeFile(file, '$kind: http-request\nmethod: [GET\n')
    const ls = await cli(['ls'])
    expect(ls.code).toBe(0)
    expect(ls.stderr).toMatch(/postman\/collections\/Echo\/Moved\.request\.yaml:\d+:\d+: .*\(skipped\)/)
    expect(ls.stdout).toContain('GoToMeeting (sample)')
  })

  it('outside a workspace, a workspace path is a clear error', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'courier-nows-'))
    const result = await runCli(['ls'], { cwd: elsewhere, env: state() })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/no Courier workspace here or in any parent folder/)
  })
})
