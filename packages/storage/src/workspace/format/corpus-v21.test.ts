// Round-trips every v2.x collection, environment and globals file of the shared corpus (../shared/corpus beside the
// clone; never copied into the repo) through the v3 workspace files: collection → files → collection must be
// deep-equal (key order aside: the reader writes Postman's export order), environments likewise once their secret
// values are put back.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Collection, Environment } from '@courier/core'
import { parseDocument } from '@courier/core'
import { describe, expect, it } from 'vitest'
import type { EnvironmentKind } from './index.js'
import {
  collectionDirectoryName,
  collectionToFiles,
  environmentToYaml,
  filesToCollection,
  withEnvironmentSecrets,
  yamlToEnvironment,
} from './index.js'

const corpus = path.resolve(import.meta.dirname, '../../../../../../shared/corpus')

const documents = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.json') && !file.startsWith('schemas/postmanlabs-schemas/'))
  .sort()
  .flatMap((file) => {
    try {
      return [{ file, document: parseDocument(readFileSync(path.join(corpus, file)), { source: file }) }]
    } catch {
      return [] // not a collection/environment (the core corpus test names each of these)
    }
  })
const collections = documents.flatMap(({ file, document }) =>
  document.type === 'collection' ? [[file, document.collection] as const] : [],
)
const environments: [string, Environment, EnvironmentKind][] = documents.flatMap(
  ({ file, document }): [string, Environment, EnvironmentKind][] =>
    document.type === 'environment'
      ? [[file, document.environment, 'environment']]
      : document.type === 'globals'
        ? [[file, document.globals, 'globals']]
        : [],
)

describe('v2.1 corpus → v3 files → v2.1', () => {
  it('finds the corpus beside the clone', () => {
    expect(collections.length).toBe(340)
    expect(environments.length).toBe(22)
  })

  it.each(collections)('%s', (_file, collection: Collection) => {
    const files = collectionToFiles(collection)
    const { collection: back, problems } = filesToCollection(files, collectionDirectoryName(collection))
    expect(problems).toStrictEqual([])
    expect(back).toStrictEqual(collection)
  })

  it.each(environments)('%s', (file, environment, kind) => {
    const { text, secrets } = environmentToYaml(environment, kind)
    const { environment: back, problems } = yamlToEnvironment(text, file, kind)
    expect(problems).toStrictEqual([])
    expect(withEnvironmentSecrets(back as Environment, secrets)).toStrictEqual(environment)
  })
})
