import { createServer } from 'node:http'
import { listen, type ListenOptions, type RunningServer } from './internal/listen.js'
import { readBody } from './internal/read-body.js'

/** A running redirect server. */
export type RedirectServer = RunningServer

/**
 * Starts Newman's redirect server: `/<n>` answers 302 hop by hop (`/<n-1>` … `/`), `/status/<code>` answers
 * that 3xx code once to `/`, and any other path answers 200 with `{ url, method, headers, data }` as JSON.
 * @example
 * await using redirects = await startRedirectServer()
 * const res = await fetch(`${redirects.url}/3`) // follows 3 hops, then echoes the GET
 */
export async function startRedirectServer(options: ListenOptions = {}): Promise<RedirectServer> {
  const server = createServer((req, res) => {
    const target = req.url ?? '/'
    const hops = /^\/(\d+)$/.exec(target)
    const status = /^\/status\/(3\d\d)$/.exec(target)
    readBody(req)
      .then((body) => {
        if (hops && Number(hops[1]) > 0) {
          const left = Number(hops[1]) - 1
          res.writeHead(302, { location: left > 0 ? `/${left}` : '/' }).end()
        } else if (status) {
          res.writeHead(Number(status[1]), { location: '/' }).end()
        } else {
          // Field names as Newman's suites assert them (protocol-profile-behavior, redirect-with-body).
          const echo = JSON.stringify({
            url: target,
            method: req.method,
            headers: req.headers,
            data: body.toString('utf8'),
          })
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(echo)
        }
      })
      .catch(() => res.destroy())
  })
  return listen(server, 'http', options)
}
