import type { CookieStore, ScriptEngine, Transport } from '@courier/core'
import type { EventHub } from './event-hub.js'
import type { UiServerOptions } from './ui-server-options.js'
import type { WorkspaceSession } from './workspace-session.js'

/** What the routes share: the options, the serialised workspace, the event hub and the engine's parts. */
export interface UiContext {
  options: UiServerOptions
  session: WorkspaceSession
  hub: EventHub
  transport: Transport
  cookies: CookieStore
  /** The script engine Send shares (started on first use, closed with the server); none without a factory. */
  scriptEngine(): ScriptEngine | undefined
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  origin(): string
}
