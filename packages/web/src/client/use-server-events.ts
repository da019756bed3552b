import { useEffect, useRef, useState } from 'react'
import type { ServerEvent } from './api/types'

/**
 * Listens to `/api/events` (SSE). While the connection is down `connected` is false (the app shows a banner);
 * EventSource retries by itself, and when the server closed it for good (e.g. restarted) a new one is opened.
 */
export function useServerEvents(onEvent: (event: ServerEvent) => void, onReconnect: () => void): boolean {
  const [connected, setConnected] = useState(true)
  const handlers = useRef({ onEvent, onReconnect })
  handlers.current = { onEvent, onReconnect }
  useEffect(() => {
    let source: EventSource | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    let lost = false
    let stopped = false
    const open = () => {
      source = new EventSource('/api/events')
      source.onopen = () => {
        setConnected(true)
        if (lost) handlers.current.onReconnect()
        lost = false
      }
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          handlers.current.onEvent(JSON.parse(message.data) as ServerEvent)
        } catch {
          // A keep-alive or a line this client does not know: nothing to do.
        }
      }
      source.onerror = () => {
        lost = true
        setConnected(false)
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close()
          retry = setTimeout(open, 1000)
        }
      }
    }
    open()
    return () => {
      stopped = true
      if (retry !== undefined) clearTimeout(retry)
      source?.close()
    }
  }, [])
  return connected
}
