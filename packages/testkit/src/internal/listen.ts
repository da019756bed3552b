import type { Server, Socket } from 'node:net'

/** A started loopback server: where it listens and how to stop it. */
export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string
  readonly port: number
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

/** Where a test server listens; port 0 (the default) lets the OS pick a free port. */
export interface ListenOptions {
  host?: string
  port?: number
}

/** Starts `server` on `host:port` and returns its URL and an idempotent `close()`. */
export async function listen(
  server: Server,
  protocol: 'http' | 'https',
  options: ListenOptions & { onClose?: () => void } = {},
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  // Keep-alive and tunnel sockets would hold close() open until they time out, so track and end them.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new TypeError('server has no TCP address')
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      options.onClose?.()
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
    return closing
  }
  return {
    url: `${protocol}://${urlHost}:${address.port}`,
    port: address.port,
    close,
    [Symbol.asyncDispose]: close,
  }
}
