// What the scripts of an item see of its request: the legacy request global's description and form fields.
import { describe, expect, it } from 'vitest'
import type { Item } from '../../collection/index.js'
import { scriptRequestOf, scriptRequestSent } from './script-request.js'

const item = (body: unknown, description?: unknown): Item =>
  ({
    name: 'r1',
    request: { method: 'POST', url: 'https://api.example.com/x', header: [], body, description },
  }) as Item

describe('scriptRequestOf', () => {
  it('gives the enabled form-data fields, a file field without a value', () => {
    const request = scriptRequestOf(
      item({
        mode: 'formdata',
        formdata: [
          { key: 'name', value: 'a' },
          { key: 'name', value: 'b', disabled: true },
          { key: 'upload', type: 'file', src: 'x.txt' },
        ],
      }),
    )
    expect(request.form).toEqual([{ key: 'name', value: 'a' }, { key: 'upload' }])
    expect(request.body).toBeUndefined()
  })

  it('gives urlencoded fields and the description as text', () => {
    const request = scriptRequestOf(
      item(
        { mode: 'urlencoded', urlencoded: [{ key: 'q', value: 1 }] },
        { content: 'Docs', type: 'text/plain' },
      ),
    )
    expect(request.form).toEqual([{ key: 'q', value: '1' }])
    expect(request.description).toBe('Docs')
  })

  it('gives no form for a raw body', () => {
    const request = scriptRequestOf(item({ mode: 'raw', raw: 'hi' }, 'd'))
    expect(request).toMatchObject({ body: 'hi', description: 'd' })
    expect(request).not.toHaveProperty('form')
  })
})

describe('scriptRequestSent', () => {
  it('keeps the description and form fields of the request before the send', () => {
    const before = scriptRequestOf(item({ mode: 'urlencoded', urlencoded: [{ key: 'q', value: 'v' }] }, 'd'))
    const sent = scriptRequestSent(
      {
        method: 'POST',
        url: 'https://api.example.com/x',
        headers: [],
        body: { type: 'text', text: 'q=v' },
      },
      before,
    )
    expect(sent).toMatchObject({ body: 'q=v', description: 'd', form: [{ key: 'q', value: 'v' }] })
  })

  it('shows the Host header the transport writes, unless one was sent', () => {
    const sent = (headers: { key: string; value: string }[]) =>
      scriptRequestSent({ method: 'GET', url: 'http://127.0.0.1:8080/a', headers, body: { type: 'none' } })
    expect(sent([]).headers).toEqual([{ key: 'Host', value: '127.0.0.1:8080' }])
    expect(sent([{ key: 'host', value: 'example.test' }]).headers).toEqual([
      { key: 'host', value: 'example.test' },
    ])
  })
})
