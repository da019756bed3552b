// Live updates for the UI (`GET /api/events`, server-sent events): the workspace changed on disk, a token was
// stored, a send was recorded. Subscribers are the open SSE streams.

/** What `/api/events` pushes. */
export type UiEvent =
  | {
      type: 'workspace-changed'
      /** Files changed, relative to the workspace root (empty for this server's own writes). */
      paths: string[]
      /** `disk`: another program (an editor, git, the CLI); `ui`: a write through this server. */
      source: 'disk' | 'ui'
    }
  | { type: 'token-changed'; name: string }
  | { type: 'oauth2-failed'; state: string; error: { code: string; message: string } }
  | { type: 'history-changed'; id?: number }

/** Fans events out to the open streams. */
export interface EventHub {
  publish(event: UiEvent): void
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: UiEvent) => void): () => void
}

/**
 * A hub with no memory: a stream sees the events published while it is open.
 * @example const hub = createEventHub(); const stop = hub.subscribe(send); hub.publish({ type: 'token-changed', name })
 */
export function createEventHub(): EventHub {
  const listeners = new Set<(event: UiEvent) => void>()
  return {
    publish(event) {
      for (const listener of [...listeners]) listener(event)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
