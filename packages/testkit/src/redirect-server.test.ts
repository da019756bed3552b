import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedirectServer, type RedirectServer } from './redirect-server.js'

let server: RedirectServer
beforeAll(async () => {
  server = await startRedirectServer()
})
afterAll(() => server.close())

describe('startRedirectServer', () => {
  it('redirects /<n> hop by hop down to /', async () => {
    const locations: string[] = []
    let path = '/3'
    for (;;) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' })
      if (res.status !== 302) break
      path = res.headers.get('location') ?? ''
      locations.push(path)
    }
    expect(locations).toEqual(['/2', '/1', '/'])
  })

  it('echoes url, method, headers and data at the end of the chain', async () => {
    const res = await fetch(`${server.url}/2`, { headers: { 'x-a': 'b' } })
    expect(await res.json()).toMatchObject({ url: '/', method: 'GET', data: '', headers: { 'x-a': 'b' } })
  })

  it('redirects /status/<code> once with that code and keeps the body on 307/308', async () => {
    for (const code of [301, 302, 303, 307, 308]) {
      const res = await fetch(`${server.url}/status/${code}`, {
        method: 'PUT',
        body: 'x',
        redirect: 'manual',
      })
      expect([res.status, res.headers.get('location')]).toEqual([code, '/'])
    }
    const followed = await fetch(`${server.url}/status/307`, { method: 'POST', body: 'POSTMAN' })
    expect(await followed.json()).toMatchObject({ url: '/', method: 'POST', data: 'POSTMAN' })
  })
})
