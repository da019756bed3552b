// `GET /api/events`: server-sent events for the UI's live updates. The first event, `ready`, says the stream is
// subscribed (what happens from then on is pushed).
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { UiEvent } from '../event-hub.js'
import type { UiContext } from '../ui-context.js'

/**
 * The events route.
 * @example app.route('/api', eventRoutes(ctx))
 */
export function eventRoutes(ctx: UiContext): Hono {
  const app = new Hono()
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const queue: UiEvent[] = []
      let wake: (() => void) | undefined
      let closed = false
      const unsubscribe = ctx.hub.subscribe((event) => {
        queue.push(event)
        wake?.()
      })
      stream.onAbort(() => {
        closed = true
        wake?.()
      })
      try {
        await stream.writeSSE({ event: 'ready', data: '{}' })
        while (!closed) {
          const event = queue.shift()
          if (event !== undefined) {
            await stream.writeSSE({ data: JSON.stringify(event) })
            continue
          }
          await new Promise<void>((resolve) => (wake = resolve))
          wake = undefined
        }
      } finally {
        unsubscribe()
      }
    }),
  )
  return app
}
