import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type EchoServer } from './echo-server.js'

let echo: EchoServer
beforeAll(async () => {
  echo = await startEchoServer({ nowMs: () => Date.UTC(2024, 0, 2, 3, 4, 5) })
})
afterAll(() => echo.close())

const json = async (
  path: string,
  init?: RequestInit,
  // Echo answers are free-form JSON; the assertions below are the type check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any; res: Response }> => {
  const res = await fetch(`${echo.url}${path}`, init)
  return { status: res.status, body: await res.json(), res }
}

describe('startEchoServer', () => {
  it('echoes GET args, lower-cased headers and the verbatim URL', async () => {
    const { status, body, res } = await json('/get?a=1&a=2&b&c=x%20y', { headers: { 'X-Custom': 'v' } })
    expect(status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(body.args).toEqual({ a: ['1', '2'], b: '', c: 'x y' })
    expect(body.headers['x-custom']).toBe('v')
    expect(body.headers.host).toBe(new URL(echo.url).host)
    expect(body.url).toBe(`${echo.url}/get?a=1&a=2&b&c=x%20y`)
    expect(Object.keys(body)).toEqual(['args', 'headers', 'url'])
  })

  it('keeps odd query strings as sent, like postman-echo', async () => {
    expect((await json('/get???&hl=en&&')).body.url).toBe(`${echo.url}/get???&hl=en&&`)
  })

  it('parses a JSON body into data and json', async () => {
    const { body } = await json('/post?q=1', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: [1, 2] }),
    })
    expect(Object.keys(body).sort()).toEqual(['args', 'data', 'files', 'form', 'headers', 'json', 'url'])
    expect(body).toMatchObject({
      args: { q: '1' },
      data: { x: [1, 2] },
      json: { x: [1, 2] },
      files: {},
      form: {},
    })
  })

  it('parses urlencoded bodies into form (repeated keys become arrays)', async () => {
    const { body } = await json('/put', { method: 'PUT', body: new URLSearchParams('a=1&a=2&b=%5Ck') })
    expect(body.form).toEqual({ a: ['1', '2'], b: '\\k' })
    expect(body.json).toEqual(body.form)
  })

  it('echoes raw text as data', async () => {
    const text = 'x'.repeat(256)
    const { body } = await json('/patch', {
      method: 'PATCH',
      headers: { 'content-type': 'text/plain' },
      body: text,
    })
    expect(body.data).toBe(text)
    expect(body.json).toBeNull()
    expect(body.headers['content-type']).toBe('text/plain')
  })

  it('splits multipart bodies into form fields and octet-stream data URLs keyed by file name', async () => {
    const form = new FormData()
    form.append('first', 'Ada')
    form.append('upload', new Blob(['{"a":1}'], { type: 'application/json' }), 'upload-file.json')
    const { body } = await json('/post', { method: 'POST', body: form })
    expect(body.form).toEqual({ first: 'Ada' })
    expect(body.files).toEqual({
      'upload-file.json': `data:application/octet-stream;base64,${Buffer.from('{"a":1}').toString('base64')}`,
    })
  })

  it('answers DELETE with the body shape and 404 for a method a route does not serve', async () => {
    expect((await json('/delete', { method: 'DELETE' })).body).toHaveProperty('files', {})
    expect((await json('/get', { method: 'POST' })).status).toBe(404)
    expect((await json('/nope')).body).toMatchObject({ error: 'Not Found' })
  })

  it('echoes any method on /anything', async () => {
    expect((await json('/anything/x', { method: 'PROPFIND' })).body).toMatchObject({ method: 'PROPFIND' })
  })

  it('answers /headers and /response-headers', async () => {
    expect(Object.keys((await json('/headers')).body)).toEqual(['headers'])
    const { body, res } = await json('/response-headers?Server=apibin&X-Two=1&X-Two=2')
    expect(res.headers.get('server')).toBe('apibin')
    expect(res.headers.get('x-two')).toBe('1, 2')
    expect(body).toEqual({ Server: 'apibin', 'X-Two': ['1', '2'] })
    const typed = await json('/response-headers?Content-Type=application%2Fjson%3B%20%20charset%3Dutf-8')
    // One Content-Type, re-formatted as postman-echo (Express) sends it.
    expect(typed.res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const plain = await fetch(`${echo.url}/response-headers?content-type=Text/Plain;%20Format=x`)
    expect(plain.headers.get('content-type')).toBe('text/plain; format=x; charset=utf-8')
  })

  it('answers /status/:code and /delay/:seconds', async () => {
    expect(await json('/status/418')).toMatchObject({ status: 418, body: { status: 418 } })
    const empty = await fetch(`${echo.url}/status/204`)
    expect([empty.status, empty.headers.get('content-length'), await empty.text()]).toEqual([204, null, ''])
    expect((await json('/delay/0')).body).toEqual({ delay: '0' })
  })

  it('redirects with /redirect-to, /redirect/:n, /relative-redirect/:n and /absolute-redirect/:n', async () => {
    const manual = { redirect: 'manual' } as const
    const to = await fetch(
      `${echo.url}/redirect-to?url=${encodeURIComponent('http://x.test/a')}&status_code=307`,
      manual,
    )
    expect([to.status, to.headers.get('location')]).toEqual([307, 'http://x.test/a'])
    expect((await fetch(`${echo.url}/redirect/2`, manual)).headers.get('location')).toBe('/redirect/1')
    expect((await fetch(`${echo.url}/relative-redirect/1`, manual)).headers.get('location')).toBe('/get')
    const absolute = await fetch(`${echo.url}/absolute-redirect/2`, manual)
    expect(absolute.headers.get('location')).toBe(`${echo.url}/absolute-redirect/1`)
    const followed = await fetch(`${echo.url}/redirect/3`)
    expect(followed.url).toBe(`${echo.url}/get`)
  })

  it('sets (then redirects to /cookies), lists and deletes cookies (answering with those left)', async () => {
    const set = await fetch(`${echo.url}/cookies/set?foo1=bar1&foo2=bar2`, { redirect: 'manual' })
    expect(set.status).toBe(302)
    expect(set.headers.get('location')).toBe('/cookies')
    expect(set.headers.getSetCookie()).toEqual(['foo1=bar1; Path=/', 'foo2=bar2; Path=/'])
    expect((await json('/cookies', { headers: { cookie: 'foo1=bar1; foo2=bar2' } })).body).toEqual({
      cookies: { foo1: 'bar1', foo2: 'bar2' },
    })
    const deleted = await fetch(`${echo.url}/cookies/delete?foo1`, {
      redirect: 'manual',
      headers: { cookie: 'foo1=bar1; foo2=bar2' },
    })
    expect(deleted.status).toBe(200)
    expect(deleted.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^foo1=; Expires=Thu, 01 Jan 1970/),
    ])
    expect(await deleted.json()).toEqual({ cookies: { foo2: 'bar2' } })
  })

  it('compresses /gzip, /deflate and /brotli', async () => {
    expect((await json('/gzip')).body).toMatchObject({ gzipped: true, method: 'GET' })
    expect((await json('/deflate')).body).toMatchObject({ deflated: true })
    expect((await json('/brotli')).body).toMatchObject({ brotli: true })
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http')
        .then(({ get }) =>
          get(`${echo.url}/gzip`, (res) => {
            expect(res.headers['content-encoding']).toBe('gzip')
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)))
          }),
        )
        .catch(reject)
    })
    expect(JSON.parse(gunzipSync(raw).toString())).toHaveProperty('gzipped', true)
  })

  it('streams n JSON lines and serves typed pages', async () => {
    const stream = await fetch(`${echo.url}/stream/3`)
    expect(stream.headers.get('transfer-encoding')).toBe('chunked')
    const lines = (await stream.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number })
    expect(lines.map((l) => l.id)).toEqual([0, 1, 2])
    const utf8 = await fetch(`${echo.url}/encoding/utf8`)
    expect(utf8.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await utf8.text()).toContain('日本語')
    expect((await fetch(`${echo.url}/type/html`)).headers.get('content-type')).toMatch(/^text\/html/)
    expect(await (await fetch(`${echo.url}/type/xml`)).text()).toMatch(/^<\?xml/)
  })

  it('answers /ip, /time/now from the injected clock and /bytes/:n', async () => {
    expect((await json('/ip')).body.ip).toMatch(/127\.0\.0\.1/)
    expect(await (await fetch(`${echo.url}/time/now`)).text()).toBe('Tue, 02 Jan 2024 03:04:05 GMT')
    const bytes = await fetch(`${echo.url}/bytes/100000`)
    expect((await bytes.arrayBuffer()).byteLength).toBe(100000)
  })

  it('basic-auth accepts postman:password only', async () => {
    const auth = (user: string) => ({
      headers: { authorization: `Basic ${Buffer.from(user).toString('base64')}` },
    })
    expect((await json('/basic-auth', auth('postman:password'))).body).toEqual({ authenticated: true })
    const wrong = await fetch(`${echo.url}/basic-auth`, auth('postman:nope'))
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="Users"')
  })
})
