import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'

import { buildConnector } from 'undici'

/** Phases of opening one connection; reported once, by the first exchange that uses it. */
export interface ConnectionTimings {
  /** Absent through a proxy: the connection is opened by undici's ProxyAgent, timed as a whole. */
  dnsMs?: number
  connectMs: number
  tlsMs?: number
  reported: boolean
}

/**
 * Per-transport bookkeeping that ties sockets to exchanges: connection phases measured by the connector, and the
 * socket each exchange is written on (undici's `undici:client:sendHeaders` channel, published synchronously right
 * after the handler's `onRequestStart`, so concurrency cannot interleave the two).
 */
export class ConnectionTracker {
  readonly #timings = new WeakMap<Socket, ConnectionTimings>()
  readonly #heads = new WeakMap<Socket, (head: string) => string>()
  #pending: ((socket: Socket) => void) | undefined
  readonly #onSendHeaders = (message: unknown): void => {
    const pending = this.#pending
    this.#pending = undefined
    pending?.((message as { socket: Socket }).socket)
  }

  constructor() {
    subscribe('undici:client:sendHeaders', this.#onSendHeaders)
  }

  /** The next request undici writes is this exchange's: hand its socket to `onSocket`. */
  expectSocket(onSocket: (socket: Socket) => void): void {
    this.#pending = onSocket
  }

  /**
   * The next request head undici writes on `socket` (a string: undici writes the head in one piece, then the body)
   * passes through `rewrite` first. Only sockets this tracker's connectors opened are watched.
   */
  rewriteNextHead(socket: Socket, rewrite: (head: string) => string): void {
    this.#heads.set(socket, rewrite)
  }

  /** The connection phases of `socket` if no exchange has reported them yet. */
  takeTimings(socket: Socket): Omit<ConnectionTimings, 'reported'> | undefined {
    const timings = this.#timings.get(socket)
    if (timings === undefined || timings.reported) return undefined
    timings.reported = true
    const { dnsMs, connectMs, tlsMs } = timings
    return {
      ...(dnsMs === undefined ? {} : { dnsMs }),
      connectMs,
      ...(tlsMs === undefined ? {} : { tlsMs }),
    }
  }

  /** A connector (undici's, with `options`) that times DNS, TCP and TLS of each connection it opens. */
  connector(options: buildConnector.BuildOptions): buildConnector.connector {
    // undici's connector returns the socket it opens; its type says void.
    const connect = buildConnector(options) as unknown as (
      options: buildConnector.Options,
      callback: buildConnector.Callback,
    ) => Socket
    return (connectOptions, callback) => {
      const startedAt = performance.now()
      let lookupAt: number | undefined
      let tcpAt: number | undefined
      const socket = connect(connectOptions, (error, connected) => {
        if (error === null) {
          const doneAt = performance.now()
          const dnsDoneAt = lookupAt ?? startedAt
          const tcpDoneAt = tcpAt ?? doneAt
          this.#timings.set(connected, {
            dnsMs: dnsDoneAt - startedAt,
            connectMs: tcpDoneAt - dnsDoneAt,
            ...(connectOptions.protocol === 'https:' ? { tlsMs: doneAt - tcpDoneAt } : {}),
            reported: false,
          })
          this.#watchHeads(connected)
          callback(null, connected)
        } else {
          callback(error, null)
        }
      })
      socket.once('lookup', () => (lookupAt = performance.now()))
      socket.once('connect', () => (tcpAt = performance.now()))
      return socket
    }
  }

  /** Wraps a connector we do not build (a ProxyAgent's tunnel) to time the whole connection as its connect phase. */
  timed(connect: buildConnector.connector): buildConnector.connector {
    return (connectOptions, callback) => {
      const startedAt = performance.now()
      connect(connectOptions, (error, socket) => {
        if (error === null && !this.#timings.has(socket)) {
          this.#timings.set(socket, { connectMs: performance.now() - startedAt, reported: false })
          this.#watchHeads(socket)
        }
        if (error === null) callback(null, socket)
        else callback(error, null)
      })
    }
  }

  // undici writes `host:`, `connection:` and `content-length:` in lower case and has no option to do otherwise; the
  // head is rewritten on its way to the socket (see rewriteRequestHead).
  #watchHeads(socket: Socket): void {
    const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean
    socket.write = (chunk: unknown, ...rest: unknown[]): boolean => {
      const rewrite = this.#heads.get(socket)
      if (rewrite === undefined || typeof chunk !== 'string') return write(chunk, ...rest)
      this.#heads.delete(socket)
      return write(rewrite(chunk), ...rest)
    }
  }

  close(): void {
    unsubscribe('undici:client:sendHeaders', this.#onSendHeaders)
    this.#pending = undefined
  }
}
