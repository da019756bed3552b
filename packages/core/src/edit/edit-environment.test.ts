import { describe, expect, it } from 'vitest'
import type { Environment } from '../collection/index.js'
import { appErrorOf, countingRandom, deepFreeze } from '../../test/support/edit-fixtures.js'
import {
  createEnvironment,
  duplicateEnvironment,
  renameEnvironment,
  setVariable,
  unsetVariable,
} from './edit-environment.js'

const dev = (): Environment => ({
  id: 'env-dev',
  name: 'Dev',
  values: [
    { key: 'base', value: 'http://127.0.0.1:3000', type: 'default', enabled: true },
    { key: 'clientSecret', value: 'old', type: 'secret', enabled: true },
  ],
  _postman_variable_scope: 'environment',
})

describe('setVariable and unsetVariable', () => {
  it('updates a value in place, keeping its other fields', () => {
    const before = deepFreeze(dev())
    const { environment, changed } = setVariable(before, 'base', { value: 'http://127.0.0.1:4000' })
    expect(environment.values[0]).toEqual({
      key: 'base',
      value: 'http://127.0.0.1:4000',
      type: 'default',
      enabled: true,
    })
    expect(environment.values[1]).toBe(before.values[1])
    expect(changed).toEqual([{ type: 'variable-set', key: 'base', added: false, secret: false }])
  })

  it('adds a secret value last and says it is secret', () => {
    const { environment, changed } = setVariable(dev(), 'token', { value: 't', secret: true })
    expect(environment.values[2]).toEqual({ key: 'token', value: 't', type: 'secret', enabled: true })
    expect(changed).toEqual([{ type: 'variable-set', key: 'token', added: true, secret: true }])
  })

  it('keeps a secret secret unless told otherwise, and disables on request', () => {
    const kept = setVariable(dev(), 'clientSecret', { value: 'new' })
    expect(kept.changed[0]).toMatchObject({ secret: true })
    const plain = setVariable(dev(), 'clientSecret', { value: 'new', secret: false, enabled: false })
    expect(plain.environment.values[1]).toEqual({
      key: 'clientSecret',
      value: 'new',
      type: 'default',
      enabled: false,
    })
  })

  it('refuses an empty key', () => {
    expect(appErrorOf(() => setVariable(dev(), '', { value: 'x' })).code).toBe('NAME_INVALID')
  })

  it('removes a value and reports nothing when there was none', () => {
    const before = deepFreeze(dev())
    expect(unsetVariable(before, 'base').environment.values.map((value) => value.key)).toEqual([
      'clientSecret',
    ])
    expect(unsetVariable(before, 'missing')).toEqual({ environment: before, changed: [] })
  })
})

describe('createEnvironment, renameEnvironment, duplicateEnvironment', () => {
  it('creates an empty environment or globals document with a new id', () => {
    const { environment, changed } = createEnvironment({ name: 'Prod' }, { random: countingRandom() })
    expect(environment).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Prod',
      values: [],
      _postman_variable_scope: 'environment',
    })
    expect(changed).toEqual([{ type: 'environment-created', id: environment.id, name: 'Prod' }])
    const globals = createEnvironment({ name: 'Globals', scope: 'globals' }, { random: countingRandom() })
    expect(globals.environment._postman_variable_scope).toBe('globals')
  })

  it('renames, refusing an empty name', () => {
    const before = deepFreeze(dev())
    expect(renameEnvironment(before, { name: 'Local' }).changed).toEqual([
      { type: 'environment-renamed', from: 'Dev', to: 'Local' },
    ])
    expect(appErrorOf(() => renameEnvironment(before, { name: ' ' })).code).toBe('NAME_INVALID')
  })

  it('duplicates with a new id and the name Postman gives a copy', () => {
    const before = deepFreeze(dev())
    const { environment } = duplicateEnvironment(before, { random: countingRandom() })
    expect(environment).toEqual({ ...dev(), id: '00000000-0000-4000-8000-000000000001', name: 'Dev Copy' })
    expect(environment.values).not.toBe(before.values)
  })
})
