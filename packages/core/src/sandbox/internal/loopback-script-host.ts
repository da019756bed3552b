import type { ScriptCookieJar, ScriptHost, ScriptSendRequest } from '../types.js'

/** A ScriptHost for the sandbox's specs, sending with fetch (loopback servers only) and recording what it sent. */
export interface LoopbackScriptHost extends ScriptHost {
  sent: ScriptSendRequest[]
}

function bodyOf(request: ScriptSendRequest): string | undefined {
  const { body } = request
  if (body === undefined) return undefined
  switch (body.mode) {
    case 'raw':
      return body.raw
    case 'urlencoded':
      return new URLSearchParams(
        body.urlencoded.map((entry): [string, string] => [entry.key, entry.value]),
      ).toString()
    case 'formdata':
      return JSON.stringify(body.formdata)
    case 'graphql':
      return JSON.stringify(body.graphql)
  }
}

/**
 * The sandbox's specs drive the real engine against a real loopback server; the runner's host (the one send
 * pipeline) has its own specs in runner/.
 * @example const host = loopbackScriptHost(); await engine.run(input, limits, host)
 */
export function loopbackScriptHost(cookies?: ScriptCookieJar): LoopbackScriptHost {
  const sent: ScriptSendRequest[] = []
  return {
    sent,
    async sendRequest(request, { signal }) {
      sent.push(request)
      const started = performance.now()
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.header.map((header) => [header.key, header.value]),
        body: bodyOf(request) ?? null,
        signal,
      })
      const text = await response.text()
      return {
        response: {
          code: response.status,
          status: response.statusText,
          headers: [...response.headers].map(([key, value]) => ({ key, value })),
          body: text,
          responseTime: Math.round(performance.now() - started),
          responseSize: new TextEncoder().encode(text).length,
        },
        cookies: cookies === undefined ? [] : await cookies.list(request.url),
      }
    },
    ...(cookies === undefined ? {} : { cookies }),
  }
}
