// What the scripts of a Send changed in the environment, the globals and the collection variables, written back
// as Postman keeps them (a `pm.environment.set` in a pre-request script is there for the next Send). Secret values
// go to local state, never into the files.
import {
  collectionSecretScope,
  setVariable,
  unsetVariable,
  type CollectionVariable,
  type Environment,
  type Variable,
} from '@courier/core'
import type { UiContext } from './ui-context.js'
import { secretScopeOf } from './variable-scopes.js'

/** The keys a script set (new, or with another value) and the keys it removed, in one scope. */
export interface ScopeChanges {
  set: Variable[]
  unset: string[]
}

/**
 * Compares a scope before and after the scripts (the last entry of a key wins, as in resolution).
 * @example scopeChanges([{ key: 'a', value: '1' }], [{ key: 'a', value: '2' }]) // { set: [{ key: 'a', value: '2' }], unset: [] }
 */
export function scopeChanges(before: readonly Variable[], after: readonly Variable[]): ScopeChanges {
  const old = new Map(before.map((v) => [v.key, v]))
  const now = new Map(after.map((v) => [v.key, v]))
  const set = [...now.values()].filter((v) => {
    const previous = old.get(v.key)
    return previous === undefined || textOf(previous.value) !== textOf(v.value)
  })
  const unset = [...old.keys()].filter((key) => !now.has(key))
  return { set, unset }
}

function isEmpty(changes: ScopeChanges): boolean {
  return changes.set.length === 0 && changes.unset.length === 0
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function applyToEnvironment(environment: Environment, changes: ScopeChanges): Environment {
  let next = environment
  for (const v of changes.set) next = setVariable(next, v.key, { value: textOf(v.value) }).environment
  for (const key of changes.unset) next = unsetVariable(next, key).environment
  return next
}

function applyToCollection(variables: readonly CollectionVariable[], changes: ScopeChanges) {
  const removed = new Set(changes.unset)
  const next = variables.filter((v) => !removed.has(v.key ?? v.id ?? ''))
  for (const v of changes.set) {
    const at = next.findLastIndex((candidate) => (candidate.key ?? candidate.id) === v.key)
    const existing = next[at]
    if (existing === undefined) next.push({ key: v.key, value: textOf(v.value), type: 'string' })
    else next[at] = { ...existing, value: textOf(v.value) }
  }
  return next
}

/**
 * Writes what the scripts changed: the selected environment, the globals and the collection's variables, each
 * only when it changed, each read again inside the writer's turn so a concurrent edit is not lost.
 * @returns the scopes that were written
 */
export async function persistScriptChanges(
  ctx: UiContext,
  input: {
    collectionId: string
    environment?: string | undefined
    environmentChanges: ScopeChanges
    globalsChanges: ScopeChanges
    collectionChanges: ScopeChanges
  },
): Promise<('environment' | 'globals' | 'collection')[]> {
  const { session, options } = ctx
  const written: ('environment' | 'globals' | 'collection')[] = []
  const saveScope = async (kind: 'environment' | 'globals', changes: ScopeChanges) => {
    const saved = await session.write(async (store) => {
      const existing = kind === 'globals' ? store.globals() : store.environment(input.environment ?? '')
      const base: Environment = existing?.environment ?? { name: 'Globals', values: [] }
      return store.saveEnvironment(applyToEnvironment(base, changes), kind)
    })
    // Only the values the scripts set: the other secrets' files hold no value to write back.
    const scope = secretScopeOf(saved)
    const setKeys = new Set(changes.set.map((v) => v.key))
    for (const secret of saved.secrets) if (setKeys.has(secret.key)) await options.secrets.set(scope, secret)
    for (const key of changes.unset) await options.secrets.unset(scope, key)
    written.push(kind)
  }
  if (input.environment !== undefined && !isEmpty(input.environmentChanges))
    await saveScope('environment', input.environmentChanges)
  if (!isEmpty(input.globalsChanges)) await saveScope('globals', input.globalsChanges)
  if (!isEmpty(input.collectionChanges)) {
    await session.write(async (store) => {
      const { dir, collection } = store.collection(input.collectionId)
      const variables = applyToCollection(collection.variable ?? [], input.collectionChanges)
      const scope = collectionSecretScope(collection)
      const setKeys = new Set(input.collectionChanges.set.map((v) => v.key))
      // A secret's new value goes to local state; its file keeps no value (ADR 0012).
      const written = []
      for (const v of variables) {
        if (v.type !== 'secret' || scope === undefined || !setKeys.has(v.key ?? '')) {
          written.push(v)
          continue
        }
        await options.secrets.set(scope, { key: v.key ?? '', value: textOf(v.value) })
        written.push({ ...v, value: '' })
      }
      await store.saveCollection(dir, { ...collection, variable: written })
    })
    written.push('collection')
  }
  return written
}
