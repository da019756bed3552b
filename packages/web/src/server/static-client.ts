// The built web client (Vite's output in `packages/web/dist/client`), served as a single-page app: a path that is
// not a file gets index.html. Without a build, a page says how to make one.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

const missingBuild =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Courier</title>' +
  '<body style="font-family:system-ui;margin:4rem auto;max-width:36rem"><h1>Courier</h1>' +
  '<p>The web client is not built: run <code>npm run build</code>, then <code>courier ui</code> again.</p>' +
  '<p>The JSON API is up under <code>/api/</code>.</p></body></html>'

/**
 * Serves `staticDir` (when it holds an index.html), else the "run npm run build" page.
 * @example app.route('/', staticClient('/opt/courier/packages/web/dist/client'))
 */
export function staticClient(staticDir: string | undefined): Hono {
  const app = new Hono()
  const index = staticDir === undefined ? undefined : join(staticDir, 'index.html')
  if (staticDir === undefined || index === undefined || !existsSync(index)) {
    app.get('*', (c) => c.html(missingBuild))
    return app
  }
  app.use('*', serveStatic({ root: staticDir }))
  app.get('*', serveStatic({ path: index }))
  return app
}
