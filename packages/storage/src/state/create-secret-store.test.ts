import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest'
import { createSecretStore, isSecretScope, type SecretScope } from './create-secret-store.js'
import { StateDatabase } from './state-database.js'

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

async function databasePath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'courier-secrets-')), 'state.db')
}

function open(path: string): StateDatabase {
  const db = StateDatabase.open(path)
  opened.push(db)
  return db
}

describe('createSecretStore', () => {
  it('keeps values per scope: the same key in two environments is two values', async () => {
    const secrets = createSecretStore(open(await databasePath()))
    await secrets.set('environment:prod', { key: 'clientSecret', value: 'prod-value' })
    await secrets.set('environment:staging', { key: 'clientSecret', value: 'staging-value' })
    await secrets.set('globals', { key: 'apiKey', value: 'global-value' })
    await secrets.set('collection:c-1', { key: 'apiKey', value: 'collection-value' })
    expect(await secrets.get('environment:prod', 'clientSecret')).toBe('prod-value')
    expect(await secrets.get('environment:staging', 'clientSecret')).toBe('staging-value')
    expect(await secrets.get('globals', 'apiKey')).toBe('global-value')
    expect(await secrets.get('collection:c-1', 'apiKey')).toBe('collection-value')
    expect(await secrets.get('environment:prod', 'apiKey')).toBeUndefined()
  })

  it('replaces a value, lists a scope by key and unsets one', async () => {
    const secrets = createSecretStore(open(await databasePath()))
    await secrets.set('globals', { key: 'b', value: '1' })
    await secrets.set('globals', { key: 'a', value: '2' })
    await secrets.set('globals', { key: 'b', value: '3' })
    await secrets.set('environment:x', { key: 'c', value: '4' })
    expect(await secrets.list('globals')).toEqual([
      { key: 'a', value: '2' },
      { key: 'b', value: '3' },
    ])
    expect(await secrets.unset('globals', 'a')).toBe(true)
    expect(await secrets.unset('globals', 'a')).toBe(false)
    expect(await secrets.list('globals')).toEqual([{ key: 'b', value: '3' }])
  })

  it('survives closing and reopening the database', async () => {
    const path = await databasePath()
    const first = open(path)
    await createSecretStore(first).set('environment:prod', { key: 'k', value: 'kept' })
    first.close()
    expect(await createSecretStore(open(path)).get('environment:prod', 'k')).toBe('kept')
  })

  it('leaves no trace of an unset value in the database file', async () => {
    const path = await databasePath()
    const value = 'unset-me-7d1c9e0b'
    const first = open(path)
    await createSecretStore(first).set('globals', { key: 'k', value })
    first.close()
    expect((await readFile(path)).includes(value)).toBe(true)
    const second = open(path)
    await createSecretStore(second).unset('globals', 'k')
    second.close()
    // secure_delete: SQLite overwrites the freed cell instead of leaving it in a free page.
    expect((await readFile(path)).includes(value)).toBe(false)
  })

  it('refuses a malformed scope as a programmer error', async () => {
    const secrets = createSecretStore(open(await databasePath()))
    await expect(secrets.get('environment:', 'k')).rejects.toThrow(TypeError)
    await expect(secrets.list('env:prod' as SecretScope)).rejects.toThrow(TypeError)
  })
})

describe('isSecretScope', () => {
  it('accepts globals, environment:<name> and collection:<id>', () => {
    expect(['globals', 'environment:prod', 'environment:a:b', 'collection:c-1'].map(isSecretScope)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['global', 'environment:', 'collection', 'folder:x', ''].map(isSecretScope)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

describe('SecretScope', () => {
  it('types the three scope forms and nothing else', () => {
    expectTypeOf<'globals'>().toExtend<SecretScope>()
    expectTypeOf<'environment:prod'>().toExtend<SecretScope>()
    expectTypeOf<'collection:c-1'>().toExtend<SecretScope>()
    expectTypeOf<'folder:x'>().not.toExtend<SecretScope>()
  })
})
