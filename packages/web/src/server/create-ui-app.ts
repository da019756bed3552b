// The whole HTTP surface of `courier ui` (docs/ui-api.md): the access guard in front, the JSON API under /api/,
// the OAuth 2.0 callback, and the built client.
import { Hono } from 'hono'
import { errorBody, statusOf } from './api-error.js'
import { accessGuard } from './access-guard.js'
import type { OAuth2Sessions } from './oauth2-sessions.js'
import { collectionRoutes } from './routes/collection-routes.js'
import { environmentRoutes } from './routes/environment-routes.js'
import { eventRoutes } from './routes/event-routes.js'
import { importRoutes } from './routes/import-routes.js'
import { callbackPath, oauth2CallbackRoute, oauth2Routes } from './routes/oauth2-routes.js'
import { runRoutes } from './routes/run-routes.js'
import { sendRoutes } from './routes/send-routes.js'
import { snippetRoutes } from './routes/snippet-routes.js'
import { uiStateRoutes } from './routes/ui-state-routes.js'
import type { RunRegistry } from './run-registry.js'
import { staticClient } from './static-client.js'
import type { UiContext } from './ui-context.js'

/**
 * Builds the app for one server.
 * @example const app = createUiApp(ctx, { token, port: () => port, sessions, runs })
 */
export function createUiApp(
  ctx: UiContext,
  options: { token: string; port: () => number; sessions: OAuth2Sessions; runs: RunRegistry },
): Hono {
  const app = new Hono()
  app.use('*', accessGuard({ token: options.token, port: options.port, open: [callbackPath] }))
  app.onError((error, c) => c.json(errorBody(error), statusOf(error)))
  const api = new Hono()
  for (const routes of [
    collectionRoutes(ctx),
    importRoutes(ctx),
    environmentRoutes(ctx),
    sendRoutes(ctx),
    snippetRoutes(ctx),
    oauth2Routes(ctx, options.sessions),
    runRoutes(ctx, options.runs),
    eventRoutes(ctx),
    uiStateRoutes(ctx),
  ])
    api.route('/', routes)
  api.all('*', (c) =>
    c.json(
      { error: { code: 'ROUTE_NOT_FOUND', message: `${c.req.method} ${c.req.path}: no such route` } },
      404,
    ),
  )
  app.route('/api', api)
  app.route('/', oauth2CallbackRoute(ctx, options.sessions))
  app.route('/', staticClient(ctx.options.staticDir))
  return app
}
