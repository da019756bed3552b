// `POST /api/import`: a Postman file dropped on the UI, imported as `courier import` does it (same parser, same
// messages: `file.json:3:14: …`), secrets to local state.
import {
  AppError,
  parseDocument,
  takeCollectionSecrets,
  type Environment,
  type OnConflict,
} from '@courier/core'
import { Hono } from 'hono'
import { invalidInput } from '../api-error.js'
import { collectionId } from '../collection-tree.js'
import type { UiContext } from '../ui-context.js'
import { secretScopeOf } from '../variable-scopes.js'

const conflictChoices: readonly OnConflict[] = ['error', 'replace', 'copy']

/**
 * The import route.
 * @example app.route('/api', importRoutes(ctx))
 */
export function importRoutes(ctx: UiContext): Hono {
  const { session } = ctx
  const app = new Hono()
  app.post('/import', async (c) => {
    const source = c.req.query('name') ?? 'import.json'
    const onConflict = (c.req.query('onConflict') ?? 'error') as OnConflict
    if (!conflictChoices.includes(onConflict))
      throw invalidInput('onConflict', `must be one of ${conflictChoices.join(', ')}`)
    const document = parseDocument(new Uint8Array(await c.req.arrayBuffer()), { source })
    const warnings = document.warnings.map((w) => w.message)
    if (document.type === 'collection') {
      // Secret collection variables' values go to local state, as `courier import` does (never into the files).
      const collection = await takeCollectionSecrets(document.collection, ctx.options.secrets)
      const added = await session.write((store) => store.addCollection(collection, onConflict))
      return c.json({
        type: 'collection',
        name: added.collection.info?.name ?? '',
        id: collectionId(added),
        path: added.dir,
        warnings,
      })
    }
    const environment = document.type === 'environment' ? document.environment : document.globals
    const saved = await session.write(async (store) => {
      let named: Environment = environment
      if (document.type === 'environment') {
        const name = environment.name ?? 'Environment'
        const taken = (n: string) =>
          store.environments().some((e) => e.environment.name?.toLowerCase() === n.toLowerCase())
        if (taken(name) && onConflict === 'error')
          throw new AppError(
            'WORKSPACE_CONFLICT',
            `${source}: the workspace already has the environment "${name}"`,
            { name, path: source },
          )
        if (taken(name) && onConflict === 'copy') {
          let copy = `${name} copy`
          for (let n = 2; taken(copy); n++) copy = `${name} copy ${n}`
          named = { ...environment, name: copy }
        }
      } else if (onConflict === 'error' && (store.globals()?.environment.values.length ?? 0) > 0) {
        throw new AppError('WORKSPACE_CONFLICT', `${source}: the workspace already has globals`, {
          name: 'Globals',
          path: source,
        })
      }
      return store.saveEnvironment(named, document.type)
    })
    const scope = secretScopeOf(saved)
    for (const secret of saved.secrets) await ctx.options.secrets.set(scope, secret)
    return c.json({
      type: document.type,
      name: saved.environment.name ?? 'Globals',
      path: saved.path,
      warnings,
    })
  })
  return app
}
