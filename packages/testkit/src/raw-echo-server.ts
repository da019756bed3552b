import { createServer, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { listen, type ListenOptions, type RunningServer } from './internal/listen.js'

/** Options of {@link startRawEchoServer}. */
export interface RawEchoServerOptions extends ListenOptions {
  /** Wait this long before answering (Newman's server waits 1000 ms); default 0. */
  delayMs?: number
}

/** A running raw echo server; `requests` holds every raw request text it received, in order. */
export interface RawEchoServer extends RunningServer {
  readonly requests: readonly string[]
}

const headerEnd = Buffer.from('\r\n\r\n')

/** Returns the length of the complete HTTP/1.1 request at the start of `data`, or -1 while it is incomplete. */
function completeLength(data: Buffer): number {
  const end = data.indexOf(headerEnd)
  if (end === -1) return -1
  const head = data.subarray(0, end).toString('latin1')
  const bodyStart = end + headerEnd.length
  if (/^transfer-encoding:.*chunked/im.test(head)) {
    // RFC 9112 section 7.1: the body ends with the last (zero-size) chunk and an empty trailer.
    const last = data.indexOf('\r\n0\r\n\r\n', bodyStart - 2)
    return last === -1 ? -1 : last + 7
  }
  const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0)
  return data.length >= bodyStart + length ? bodyStart + length : -1
}

/** JSON with non-ASCII escaped, so the string is a valid header value whatever the request held. */
const asciiJson = (text: string): string =>
  JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/**
 * Starts Newman's raw TCP echo server: it reads one request of any method (even `POSTMAN` or `get`) and answers
 * 200 with the raw request text as the body and, JSON-encoded, in the `raw-request` header (no body for HEAD).
 * @example
 * await using raw = await startRawEchoServer()
 * const text = await (await fetch(raw.url, { method: 'PURGE' })).text()
 */
export async function startRawEchoServer(options: RawEchoServerOptions = {}): Promise<RawEchoServer> {
  const requests: string[] = []
  const answer = async (socket: Socket, raw: Buffer): Promise<void> => {
    if ((options.delayMs ?? 0) > 0) await sleep(options.delayMs)
    const text = raw.toString('utf8')
    requests.push(text)
    const isHead = /^HEAD /i.test(text)
    socket.write(
      'HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n' +
        `content-length: ${raw.length}\r\nraw-request: ${asciiJson(text)}\r\n\r\n`,
    )
    if (isHead) socket.end()
    else socket.end(raw)
  }
  const server = createServer((socket) => {
    let data = Buffer.alloc(0)
    let answered = false
    socket.on('error', () => socket.destroy())
    socket.on('data', (chunk: Buffer) => {
      if (answered) return
      data = Buffer.concat([data, chunk])
      const length = completeLength(data)
      if (length === -1) return
      answered = true
      answer(socket, data.subarray(0, length)).catch(() => socket.destroy())
    })
  })
  const running = await listen(server, 'http', options)
  return { ...running, requests }
}
