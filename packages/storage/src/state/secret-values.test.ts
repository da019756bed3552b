import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Variable } from '@courier/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createSecretStore } from './create-secret-store.js'
import { splitSecretValues, withSecretValues } from './secret-values.js'
import { StateDatabase } from './state-database.js'

const opened: StateDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

async function secretStore() {
  const db = StateDatabase.open(join(await mkdtemp(join(tmpdir(), 'courier-secrets-')), 'state.db'))
  opened.push(db)
  return createSecretStore(db)
}

const environment: Variable[] = [
  { key: 'host', value: 'api.example.com', type: 'default', enabled: true },
  { key: 'clientSecret', value: 's3cret-value', type: 'secret', enabled: true },
  { key: 'pin', value: 1234, type: 'secret', enabled: false },
  { key: 'unsaved', value: undefined, type: 'secret' },
]

describe('splitSecretValues', () => {
  it('empties secret values in place and returns them apart', () => {
    const { public: values, secrets } = splitSecretValues(environment)
    expect(values).toEqual([
      { key: 'host', value: 'api.example.com', type: 'default', enabled: true },
      { key: 'clientSecret', value: '', type: 'secret', enabled: true },
      { key: 'pin', value: '', type: 'secret', enabled: false },
      { key: 'unsaved', value: '', type: 'secret' },
    ])
    expect(secrets).toEqual([
      { key: 'clientSecret', value: 's3cret-value' },
      { key: 'pin', value: '1234' },
    ])
    expect(JSON.stringify(values)).not.toContain('s3cret-value')
  })

  it('leaves the input untouched', () => {
    const copy = structuredClone(environment)
    splitSecretValues(environment)
    expect(environment).toEqual(copy)
  })
})

describe('withSecretValues', () => {
  it('round-trips a save and a load through the secret store', async () => {
    const store = await secretStore()
    const { public: saved, secrets } = splitSecretValues(environment)
    for (const secret of secrets) await store.set('environment:prod', secret)
    const loaded = await withSecretValues(saved, 'environment:prod', store)
    expect(loaded).toEqual([
      { key: 'host', value: 'api.example.com', type: 'default', enabled: true },
      { key: 'clientSecret', value: 's3cret-value', type: 'secret', enabled: true },
      { key: 'pin', value: '1234', type: 'secret', enabled: false },
      { key: 'unsaved', value: '', type: 'secret' },
    ])
  })

  it('fills only secret-typed variables, from their own scope', async () => {
    const store = await secretStore()
    await store.set('environment:prod', { key: 'host', value: 'not-a-secret-slot' })
    await store.set('environment:staging', { key: 'clientSecret', value: 'staging-value' })
    await store.set('environment:prod', { key: 'gone', value: 'no longer in the file' })
    const variables: Variable[] = [
      { key: 'host', value: 'api.example.com' },
      { key: 'clientSecret', value: '', type: 'secret' },
    ]
    expect(await withSecretValues(variables, 'environment:prod', store)).toEqual(variables)
    expect(await withSecretValues(variables, 'environment:staging', store)).toEqual([
      { key: 'host', value: 'api.example.com' },
      { key: 'clientSecret', value: 'staging-value', type: 'secret' },
    ])
  })
})
