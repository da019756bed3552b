// Reads every real v3 workspace of the shared corpus (../shared/corpus/postman-v3, app- and hand-written; never
// copied into the repo): each collection tree, environment and globals file loads without a problem, re-renders to
// files that read back to the same model, and most files re-render byte-identical (the rest differ only by the
// normalisations listed in docs/adr/0011-workspace-format-extension-key.md).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Environment } from '@courier/core'
import { describe, expect, it } from 'vitest'
import {
  collectionToFiles,
  environmentToYaml,
  filesToCollection,
  withEnvironmentSecrets,
  yamlToEnvironment,
} from './index.js'

const root = path.resolve(import.meta.dirname, '../../../../../../shared/corpus/postman-v3')
const repositories = readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory())

const list = (directory: string): string[] => {
  try {
    return readdirSync(directory)
  } catch {
    return []
  }
}

function readTree(directory: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const file of readdirSync(directory, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(directory, file)
    if (statSync(full).isFile()) files.set(file.split(path.sep).join('/'), readFileSync(full, 'utf8'))
  }
  return files
}

const trees = repositories.flatMap((repository) => {
  const base = path.join(root, repository, 'postman/collections')
  return list(base)
    .filter((name) => statSync(path.join(base, name)).isDirectory())
    .map((name) => [`${repository}/${name}`, name, path.join(base, name)] as const)
})
const environmentFiles = repositories.flatMap((repository) =>
  (['environments', 'globals'] as const).flatMap((folder) =>
    list(path.join(root, repository, 'postman', folder)).map(
      (name) =>
        [
          `${repository}/${folder}/${name}`,
          path.join(root, repository, 'postman', folder, name),
          folder === 'globals' ? 'globals' : 'environment',
        ] as const,
    ),
  ),
)

const identical = { files: 0, same: 0 }

describe('v3 corpus → v2.1 → v3', () => {
  it('finds the corpus beside the clone', () => {
    expect(trees.length).toBeGreaterThanOrEqual(20)
    expect(environmentFiles.length).toBe(41)
  })

  it.each(trees)('%s', (_label, name, directory) => {
    const files = readTree(directory)
    const { collection, problems } = filesToCollection(files, name)
    expect(problems).toStrictEqual([])
    const again = collectionToFiles(collection, { directoryName: name })
    for (const [file, text] of files) {
      identical.files++
      if (again.get(file) === text) identical.same++
    }
    // What Courier writes reads back to the same model, and writing that again changes nothing.
    const reread = filesToCollection(again, name)
    expect(reread.problems).toStrictEqual([])
    expect(reread.collection).toStrictEqual(collection)
    expect(collectionToFiles(reread.collection, { directoryName: name })).toStrictEqual(again)
  })

  it.each(environmentFiles)('%s', (label, file, kind) => {
    const text = readFileSync(file, 'utf8')
    const { environment, problems } = yamlToEnvironment(text, label, kind)
    expect(problems).toStrictEqual([])
    const written = environmentToYaml(environment as Environment, kind)
    identical.files++
    if (written.text === text) identical.same++
    const back = yamlToEnvironment(written.text, label, kind)
    expect(withEnvironmentSecrets(back.environment as Environment, written.secrets)).toStrictEqual(
      environment,
    )
  })

  it('re-renders most files byte-identical', () => {
    // Measured: 873 of 1,184 (the rest: `name:` equal to the stem, single-quoted or folded hand/agent styles,
    // folders without a definition, list forms the app would write as maps).
    expect(identical.files).toBe(1184)
    expect(identical.same).toBeGreaterThanOrEqual(850)
  })

  it('reads .yml files as .yaml', () => {
    const [, name, directory] = trees.find(([label]) => label.startsWith('DannyDainton')) ??
      trees[0] ?? ['', '', '']
    const files = readTree(directory)
    const renamed = new Map([...files].map(([file, text]) => [file.replace(/\.yaml$/, '.yml'), text]))
    expect(filesToCollection(renamed, name).collection).toStrictEqual(
      filesToCollection(files, name).collection,
    )
  })
})

describe('golden pair: Abdulhakeem-sakhel/Contact-list_API_Testing "Users test_cases"', () => {
  // The repository holds Postman's own v2.1 export of this collection beside its v3 tree (spec §10); these are the
  // shapes that export has for its first request (scripts were edited between the two, so they are not compared).
  const directory = path.join(
    root,
    'Abdulhakeem-sakhel__Contact-list_API_Testing/postman/collections/Users test_cases',
  )

  it('reads the v3 tree into the structure of the v2.1 export', () => {
    const { collection } = filesToCollection(readTree(directory), 'Users test_cases')
    expect(collection.info?.name).toBe('Users test_cases')
    expect(collection.info?.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    )
    const alaa = collection.item.find((item) => item.name === 'Alaa')
    expect(alaa?.item?.[0]?.name).toBe('POST')
    const first = alaa?.item?.[0]?.item?.[0]
    expect(first?.name).toBe('TC-UR-001 Add User')
    expect(first?.request).toStrictEqual({
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
      method: 'POST',
      header: [],
      body: {
        mode: 'raw',
        raw: '{\r\n    "firstName": "Test",\r\n    "lastName": "User",\r\n    "email": "{{$randomEmail}}",\r\n    "password": "myPassword"\r\n}',
        options: { raw: { language: 'json' } },
      },
      url: { raw: '{{base_url}}/users', host: ['{{base_url}}'], path: ['users'] },
    })
    expect(first?.response).toStrictEqual([])
    expect(first?.event).toMatchObject([{ listen: 'test', script: { type: 'text/javascript' } }])
  })
})
