// `courier ui`'s server: listens on 127.0.0.1 only, with a new random token each launch (ADR 0015).
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createCookieJar, type ScriptEngine } from '@courier/core'
import { createUiApp } from './create-ui-app.js'
import { createEventHub } from './event-hub.js'
import { createOAuth2Sessions } from './oauth2-sessions.js'
import { createRunRegistry } from './run-registry.js'
import type { UiContext } from './ui-context.js'
import type { UiServer, UiServerOptions } from './ui-server-options.js'
import { createWorkspaceSession } from './workspace-session.js'

/**
 * Starts the local server of the UI on 127.0.0.1 and, when a watcher is given, watches the workspace. Resolves
 * once it listens and the watcher is ready; `close()` stops both.
 * @example
 * const ui = await startUiServer({ port: 0, workspace, history, secrets, tokens, uiState, createTransport, files, clock, random })
 * console.log(ui.url) // http://127.0.0.1:41234/?token=…
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const host = options.host ?? '127.0.0.1'
  if (host !== '127.0.0.1') throw new TypeError(`courier ui listens on 127.0.0.1 only, not ${String(host)}`)
  const token = Buffer.from(options.random.bytes(32)).toString('base64url')
  const hub = createEventHub()
  const session = createWorkspaceSession(options.workspace, hub)
  const transport = options.createTransport()
  let port = 0
  let engine: ScriptEngine | undefined
  const ctx: UiContext = {
    options,
    session,
    hub,
    transport,
    cookies: options.cookies ?? createCookieJar({ clock: options.clock }),
    origin: () => `http://127.0.0.1:${port}`,
    scriptEngine: () => (engine ??= options.createScriptEngine?.()),
  }
  const sessions = createOAuth2Sessions({ createLoopbackReceiver: options.createLoopbackReceiver })
  const runs = createRunRegistry()
  const app = createUiApp(ctx, { token, port: () => port, sessions, runs })
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      port = info.port
      resolve(started)
    }) as Server
    started.once('error', reject)
  })
  const watcher = options.watch?.(options.workspace.root, () => {
    session.refresh().catch(() => undefined)
  })
  try {
    await watcher?.ready
  } catch (error) {
    await closeServer(server)
    throw error
  }
  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    origin: ctx.origin(),
    port,
    token,
    close: () =>
      (closing ??= (async () => {
        sessions.close()
        runs.close()
        await watcher?.close()
        await closeServer(server)
        await engine?.close()
        await transport.close()
      })()),
  }
}

async function closeServer(server: Server): Promise<void> {
  // Event streams never end by themselves: close every connection, then wait for the server.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeAllConnections()
  await closed
}
