// Minimal loopback servers for the transport tests (127.0.0.1, port 0). Each counts the TCP connections it accepts.
import { once } from 'node:events'
import http from 'node:http'
import https from 'node:https'
import type net from 'node:net'

export interface LocalServer {
  url: string
  port: number
  /** TCP connections accepted so far. */
  connections: () => number
  close: () => Promise<void>
}

/** Starts `server` on 127.0.0.1 and tracks its sockets so `close()` never waits on keep-alive. */
export async function listen(server: net.Server, protocol: 'http' | 'https' = 'http'): Promise<LocalServer> {
  const sockets = new Set<net.Socket>()
  let count = 0
  server.on(protocol === 'https' ? 'secureConnection' : 'connection', () => void 0)
  server.on('connection', (socket: net.Socket) => {
    count++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as net.AddressInfo
  return {
    url: `${protocol}://127.0.0.1:${port}`,
    port,
    connections: () => count,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export function startHttpServer(handler: http.RequestListener): Promise<LocalServer> {
  return listen(http.createServer(handler))
}

export function startHttpsServer(
  options: https.ServerOptions,
  handler: http.RequestListener,
): Promise<LocalServer> {
  return listen(https.createServer(options, handler), 'https')
}

/** Reads a request body to the end. */
export async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
