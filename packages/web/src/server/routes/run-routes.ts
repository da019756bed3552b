// The collection runner from the UI (docs/ui-api.md "Runner"): the same `runCollection` as `courier run`, its
// RunEvents streamed as server-sent events.
import { parseIterationData, runCollection, type RunEvent } from '@courier/core'
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { invalidInput } from '../api-error.js'
import { isObject, optionalInteger, optionalString, readObject, requireString } from '../read-input.js'
import type { RunRegistry } from '../run-registry.js'
import type { UiContext } from '../ui-context.js'
import { uuidFrom } from '../uuid-from.js'
import { loadScopes } from '../variable-scopes.js'

/**
 * `POST /api/run` and `GET /api/run/:runId/events`.
 * @example app.route('/api', runRoutes(ctx, runs))
 */
export function runRoutes(ctx: UiContext, runs: RunRegistry): Hono {
  const { options, session } = ctx
  const app = new Hono()

  app.post('/run', async (c) => {
    const input = await readObject(c)
    const { collection } = session.store.collection(requireString(input, 'collectionId'))
    const folder = optionalString(input, 'folder')
    const iterations = optionalInteger(input, 'iterations', 1)
    const raw = input['data']
    if (raw !== undefined && (!Array.isArray(raw) || !raw.every(isObject)))
      throw invalidInput('data', 'must be an array of objects (one per iteration)')
    const data = (raw as Record<string, unknown>[] | undefined) ?? readDataFile(input['dataFile'])
    const { scopes } = await loadScopes(collection, {
      store: session.store,
      secrets: options.secrets,
      environment: optionalString(input, 'environment'),
    })
    const engine = options.createScriptEngine?.()
    const controller = new AbortController()
    const id = uuidFrom(options.random.bytes(16))
    async function* events(): AsyncGenerator<RunEvent> {
      try {
        yield* runCollection(collection, {
          scopes,
          transport: ctx.transport,
          files: options.files,
          clock: options.clock,
          random: options.random,
          oauth2: { tokens: options.tokens, transport: ctx.transport },
          signal: controller.signal,
          ...(folder === undefined ? {} : { folders: [folder] }),
          ...(iterations === undefined ? {} : { iterationCount: iterations }),
          ...(data === undefined ? {} : { iterationData: data }),
          ...(engine === undefined ? {} : { scriptEngine: engine }),
          ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
        })
      } finally {
        await engine?.close()
      }
    }
    runs.start(id, events(), controller)
    return c.json({ runId: id }, 202)
  })

  app.get('/run/:runId/events', (c) => {
    const run = runs.get(c.req.param('runId'))
    if (run === undefined)
      return c.json({ error: { code: 'RUN_NOT_FOUND', message: `no run ${c.req.param('runId')}` } }, 404)
    return streamSSE(c, async (stream) => {
      let closed = false
      stream.onAbort(() => {
        closed = true
      })
      let index = 0
      while (!closed) {
        while (index < run.events.length) {
          const event = run.events[index++]
          await stream.writeSSE({ event: 'run', data: JSON.stringify(event) })
        }
        if (run.done) break
        await run.next()
      }
    })
  })

  app.delete('/run/:runId', (c) => {
    runs.get(c.req.param('runId'))?.abort()
    return c.json({ ok: true })
  })

  return app
}

// `dataFile: { name, text }`: a CSV or JSON data file as the user picked it, read by the parser `courier run -d`
// uses (Newman's CSV dialect), so both faces see the same rows.
function readDataFile(value: unknown): Record<string, unknown>[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) throw invalidInput('dataFile', 'must be an object { name, text }')
  return parseIterationData(requireString(value, 'text'), { source: requireString(value, 'name') })
}
