// Environments and globals (docs/ui-api.md "Environments"): values as the UI edits them; secret values live in
// local state, never in the files, and are masked unless `?reveal=1`.
import {
  SECRET_MASK,
  type Environment,
  type EnvironmentValue,
  type WorkspaceEnvironment,
  type WorkspaceStore,
} from '@courier/core'
import { Hono } from 'hono'
import { invalidInput } from '../api-error.js'
import { isObject, optionalString, readObject, requireArray } from '../read-input.js'
import type { UiContext } from '../ui-context.js'
import { secretScopeOf } from '../variable-scopes.js'

/** One value as the API shows it. */
export interface ApiEnvironmentValue {
  key: string
  value: string
  secret: boolean
  enabled: boolean
}

/**
 * The routes under `/api/environments` and `/api/globals`.
 * @example app.route('/api', environmentRoutes(ctx))
 */
export function environmentRoutes(ctx: UiContext): Hono {
  const { session } = ctx
  const { secrets } = ctx.options
  const app = new Hono()

  const show = async (env: WorkspaceEnvironment, reveal: boolean) => {
    const stored = new Map((await secrets.list(secretScopeOf(env))).map((s) => [s.key, s.value]))
    const values: ApiEnvironmentValue[] = env.environment.values.map((v) => {
      const key = v.key ?? ''
      const secret = isSecretValue(v)
      const value = secret ? (stored.get(key) ?? '') : textOf(v.value)
      return {
        key,
        value: secret && !reveal && value !== '' ? SECRET_MASK : value,
        secret,
        enabled: v.enabled !== false,
      }
    })
    return { name: env.environment.name ?? '', path: env.path, values }
  }

  // Saves the values the UI sent: a secret sent back as the mask keeps its stored value.
  const save = async (
    kind: 'environment' | 'globals',
    existing: WorkspaceEnvironment | undefined,
    name: string,
    input: Record<string, unknown>,
  ) => {
    const values = requireArray(input, 'values').map(readValue)
    const oldScope = existing === undefined ? undefined : secretScopeOf(existing)
    const kept = new Map(
      oldScope === undefined ? [] : (await secrets.list(oldScope)).map((s) => [s.key, s.value]),
    )
    const previous = new Map((existing?.environment.values ?? []).map((v) => [v.key ?? '', v]))
    const environment: Environment = {
      ...(existing?.environment ?? {}),
      name,
      values: values.map((v): EnvironmentValue => {
        const old = previous.get(v.key)
        return {
          ...(old ?? {}),
          key: v.key,
          value: v.secret ? '' : v.value,
          type: v.secret
            ? 'secret'
            : old?.type === 'secret' || old?.type === undefined
              ? 'default'
              : old.type,
          enabled: v.enabled,
        }
      }),
    }
    const saved = await session.write((store: WorkspaceStore) =>
      store.saveEnvironment(environment, kind, existing?.environment.name),
    )
    const scope = secretScopeOf(saved)
    for (const v of values) {
      if (!v.secret) continue
      const value = v.value === SECRET_MASK ? kept.get(v.key) : v.value
      if (value !== undefined) await secrets.set(scope, { key: v.key, value })
    }
    // Secrets of keys no longer secret, or left behind by a rename, go.
    const secretKeys = new Set(values.filter((v) => v.secret).map((v) => v.key))
    for (const key of kept.keys())
      if (oldScope !== undefined && (oldScope !== scope || !secretKeys.has(key)))
        await secrets.unset(oldScope, key)
    return show(saved, false)
  }

  app.get('/environments', async (c) => {
    const reveal = c.req.query('reveal') === '1'
    return c.json(await Promise.all(session.store.environments().map((env) => show(env, reveal))))
  })

  app.put('/environments/:name', async (c) => {
    const input = await readObject(c)
    const name = c.req.param('name')
    const existing = session.store.environments().find((e) => e.environment.name === name)
    const newName = optionalString(input, 'newName') ?? name
    return c.json(await save('environment', existing, newName, input))
  })

  app.delete('/environments/:name', async (c) => {
    const name = c.req.param('name')
    const trash = await session.write((store) => store.removeEnvironment(name))
    return c.json({ trash })
  })

  app.get('/globals', async (c) => {
    const globals = session.store.globals()
    const reveal = c.req.query('reveal') === '1'
    if (globals === undefined) return c.json({ name: 'Globals', path: null, values: [] })
    return c.json(await show(globals, reveal))
  })

  app.put('/globals', async (c) => {
    const input = await readObject(c)
    const existing = session.store.globals()
    return c.json(await save('globals', existing, existing?.environment.name ?? 'Globals', input))
  })

  return app
}

function readValue(value: unknown, index: number): ApiEnvironmentValue {
  if (!isObject(value) || typeof value['key'] !== 'string')
    throw invalidInput(`values[${index}]`, 'must be { key, value, secret?, enabled? }')
  const text = value['value']
  return {
    key: value['key'],
    value: typeof text === 'string' ? text : textOf(text),
    secret: value['secret'] === true,
    enabled: value['enabled'] !== false,
  }
}

function isSecretValue(value: EnvironmentValue): boolean {
  return value.type === 'secret' || (value as { secret?: unknown }).secret === true
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
