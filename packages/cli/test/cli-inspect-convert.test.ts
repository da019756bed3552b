import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusRoot, runCli } from './run-cli.js'

const sample = 'examples/gotomeeting.postman_collection.json'
const sampleEnvironment = 'examples/gotomeeting.postman_environment.json'

describe('courier inspect', () => {
  it('prints the tree of folders and requests with method, URL, scripts and examples', async () => {
    const result = await runCli(['inspect', sample])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('GoToMeeting (sample)  Postman v2.1.0 · 3 requests · 1 folder · 3 examples')
    expect(result.stdout).toContain('auth: oauth2')
    expect(result.stdout).toContain('baseUrl = https://api.getgo.com')
    expect(lines).toContain('├─ Organizers/')
    expect(lines).toContain(
      '│  ├─ GET    Get Organizer  {{baseUrl}}/G2M/rest/organizers/{{organizer_key}}  [test 3 lines · 1 example]',
    )
    expect(lines).toContain(
      '│  └─ POST   Create Meeting  {{baseUrl}}/G2M/rest/meetings  [body: raw · 2 examples]',
    )
    expect(lines).toContain('└─ GET    Get Me  {{baseUrl}}/admin/rest/v1/me')
  })

  it('prints the same outline as JSON with --json', async () => {
    const result = await runCli(['inspect', sample, '--json'])
    expect(result.code).toBe(0)
    const outline = JSON.parse(result.stdout)
    expect(outline).toMatchObject({
      type: 'collection',
      format: 'v2.1.0',
      name: 'GoToMeeting (sample)',
      auth: { type: 'oauth2', level: 'collection' },
      counts: { folders: 1, requests: 3, examples: 3, maxDepth: 1 },
    })
    expect(outline.items[0].items[0]).toMatchObject({
      type: 'request',
      name: 'Get Organizer',
      method: 'GET',
      auth: 'inherit',
      scripts: { prerequest: 0, test: 3 },
      examples: 1,
    })
  })

  it('resolves request URLs from the collection and an environment with -e', async () => {
    const result = await runCli(['inspect', sample, '-e', sampleEnvironment, '--json'])
    expect(result.code).toBe(0)
    const outline = JSON.parse(result.stdout)
    expect(outline.items[1].url).toBe('https://api.getgo.com/admin/rest/v1/me')
  })

  it('masks secret environment values unless --show-secrets', async () => {
    const masked = await runCli(['inspect', sampleEnvironment])
    expect(masked.code).toBe(0)
    expect(masked.stdout).toContain('clientSecret = ••••  [secret]')
    expect(masked.stdout).not.toContain('your-client-secret')
    const json = JSON.parse((await runCli(['inspect', sampleEnvironment, '--json'])).stdout)
    expect(json.values.find((v: { key: string }) => v.key === 'clientSecret').value).toBe('••••')
    const shown = await runCli(['inspect', sampleEnvironment, '--show-secrets'])
    expect(shown.stdout).toContain('clientSecret = your-client-secret  [secret]')
  })

  it('colours output only when asked: NO_COLOR wins over a terminal, FORCE_COLOR or --color turn it on', async () => {
    const plain = await runCli(['inspect', sample])
    expect(plain.stdout).not.toContain('\u001b[')
    const forced = await runCli(['inspect', sample], { env: { NO_COLOR: '', FORCE_COLOR: '1' } })
    expect(forced.stdout).toContain('\u001b[')
    const flagged = await runCli(['inspect', sample, '--color'])
    expect(flagged.stdout).toContain('\u001b[')
  })

  it('inspects a v1 collection from the corpus, with its conversion warnings on stderr', async () => {
    const result = await runCli([
      'inspect',
      join(corpusRoot, 'goto/api-evangelist-gotomeeting/gotomeeting-postman-collection.json'),
      '--json',
    ])
    expect(result.code).toBe(0)
    const outline = JSON.parse(result.stdout)
    expect(outline.format).toBe('v1.0.0')
    expect(outline.counts.requests).toBeGreaterThan(10)
    expect(result.stderr).toMatch(/^warning: \$\.requests\[\d+\]/m)
  })
})

describe('courier convert', () => {
  it('writes an unchanged v2.1 collection back field for field, in the same key order', async () => {
    const result = await runCli(['convert', sample, '--to', 'postman-v2.1'])
    expect(result.code).toBe(0)
    const source = JSON.parse(await readFile(sample, 'utf8'))
    expect(JSON.stringify(JSON.parse(result.stdout))).toBe(JSON.stringify(source))
  })

  it('upgrades a v2.0 collection to v2.1 and writes it atomically with -o', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'courier-convert-'))
    const output = join(folder, 'out.json')
    const source = join(corpusRoot, 'public/importer-fixtures/insomnia/postman/basic-auth-v2_0-input.json')
    const result = await runCli(['convert', source, '--to', 'postman-v2.1', '-o', output])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`wrote ${output}`)
    const converted = JSON.parse(await readFile(output, 'utf8'))
    expect(converted.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json')
    const auth = converted.item[0].request.auth
    expect(auth.type).toBe('basic')
    expect(Array.isArray(auth.basic)).toBe(true)
    expect(auth.basic.map((p: { key: string }) => p.key).sort()).toEqual(
      expect.arrayContaining(['password', 'username']),
    )
  })

  it('converts a v1 collection to v2.1 items', async () => {
    const source = join(corpusRoot, 'newman/transformer/examples/v1.0.0/echo.json')
    const result = await runCli(['convert', source, '--to', 'postman-v2.1'])
    expect(result.code).toBe(0)
    const converted = JSON.parse(result.stdout)
    expect(converted.info.schema).toContain('v2.1.0')
    expect(converted.item.length).toBeGreaterThan(0)
  })

  it('leaves the target untouched when the source is bad', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'courier-convert-'))
    const output = join(folder, 'out.json')
    const result = await runCli([
      'convert',
      join(folder, 'missing.json'),
      '--to',
      'postman-v2.1',
      '-o',
      output,
    ])
    expect(result.code).toBe(2)
    await expect(readFile(output)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
