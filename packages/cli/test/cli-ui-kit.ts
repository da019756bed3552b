// Shared by the `courier ui` tests: a real workspace in a temporary folder, the real server on 127.0.0.1 wired as
// `courier ui` wires it, and small clients for its JSON API and its event streams.
import { mkdtemp } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Workspace } from '@courier/storage'
import { openUiServer, type OpenedUiServer } from '../src/commands/ui-server.js'

/** An API answer as the tests read it: loosely, every assertion checks the shape it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any

/** A UI server on a new workspace, with an API client that carries the access token. */
export interface UiHarness {
  ui: OpenedUiServer
  root: string
  /** Calls `/api/…` with the token (as `Authorization: Bearer`); returns status and parsed JSON. */
  api<T = Loose>(
    path: string,
    init?: { method?: string; body?: unknown; text?: string },
  ): Promise<ApiAnswer<T>>
  close(): Promise<void>
}

export interface ApiAnswer<T> {
  status: number
  body: T
  headers: Headers
}

/** Makes a workspace (`courier init`) in a new temporary folder and starts the UI server on it. */
export async function startUi(options: { env?: NodeJS.ProcessEnv } = {}): Promise<UiHarness> {
  const root = await mkdtemp(join(tmpdir(), 'courier-ui-'))
  await Workspace.init(root)
  const ui = await openUiServer({
    root,
    port: 0,
    env: { ...options.env },
    staticDir: join(root, 'no-client'),
  })
  return {
    ui,
    root,
    async api(path, init = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${ui.token}` }
      let body: string | undefined
      if (init.text !== undefined) body = init.text
      else if (init.body !== undefined) {
        body = JSON.stringify(init.body)
        headers['content-type'] = 'application/json'
      }
      const res = await fetch(`${ui.origin}/api/${path}`, {
        method: init.method ?? 'GET',
        headers,
        ...(body === undefined ? {} : { body }),
      })
      const text = await res.text()
      return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers }
    },
    close: () => ui.close(),
  }
}

/** A raw HTTP request with any Host header (fetch would not send a foreign one). */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** An open server-sent-events stream: `next(match)` resolves with the first event (parsed data) that matches. */
export interface EventStream {
  next<T = Loose>(
    match: (event: { name: string; data: Loose }) => boolean,
  ): Promise<{ name: string; data: T }>
  close(): void
}

/** Opens `/api/…` as an event stream with the token, and waits for it to be subscribed (its `ready` event). */
export async function openEvents(harness: UiHarness, path: string): Promise<EventStream> {
  const controller = new AbortController()
  const res = await fetch(`${harness.ui.origin}/api/${path}`, {
    headers: { authorization: `Bearer ${harness.ui.token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  if (res.body === null) throw new Error(`no stream: ${res.status}`)
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const events: { name: string; data: Loose }[] = []
  const readEvent = async (): Promise<{ name: string; data: Loose } | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        let name = 'message'
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim()
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
        }
        if (data.length === 0) continue
        return { name, data: JSON.parse(data.join('\n')) }
      }
      const { value, done } = await reader.read()
      if (done) return undefined
      buffer += value
    }
  }
  const stream: EventStream = {
    async next(match) {
      const kept = events.findIndex(match)
      if (kept >= 0) return events.splice(kept, 1)[0] as never
      for (;;) {
        const event = await readEvent()
        if (event === undefined) throw new Error(`the stream ${path} ended`)
        if (match(event)) return event
        events.push(event)
      }
    },
    close: () => controller.abort(),
  }
  if (path === 'events') await stream.next((e) => e.name === 'ready')
  return stream
}
