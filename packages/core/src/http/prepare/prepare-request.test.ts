import { describe, expect, it } from 'vitest'
import type { Collection, Item } from '../../collection/index.js'
import { AppError, isAppError } from '../../errors/index.js'
import type { FileSource } from '../../ports/index.js'
import type { VariableScopes } from '../../variables/index.js'
import type { PrepareOptions } from './prepare-request.js'
import { prepareRequest } from './prepare-request.js'
import type { RequestTarget } from './request-target.js'

const files: FileSource = {
  read: (path) => {
    const content = { 'a.txt': 'alpha', 'dir/b.png': 'png!' }[path]
    if (content === undefined)
      return Promise.reject(
        new AppError('FILE_UNREADABLE', `${path}: no such file`, { source: path, reason: 'no such file' }),
      )
    return Promise.resolve(new TextEncoder().encode(content))
  },
}
const scopes: VariableScopes = {
  environment: [
    { key: 'host', value: 'api.example.com' },
    { key: 'id', value: '42' },
    { key: 'token', value: 's3cret' },
    { key: 'file', value: 'a.txt' },
  ],
}

function target(request: Item['request'], extra: Partial<Item> = {}): RequestTarget {
  const item: Item = { name: 'r', request, ...extra }
  const collection: Collection = { item: [item] }
  return { collection, item, folders: [] }
}

const prepare = (
  request: Item['request'],
  options: Partial<PrepareOptions> = {},
  extra: Partial<Item> = {},
) => prepareRequest(target(request, extra), { scopes, files, ...options })

const keys = (headers: { key: string }[]) => headers.map((header) => header.key)
const text = (body: unknown) => (body as { text: string }).text

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  return error
}

describe('prepareRequest', () => {
  it('resolves the URL, keeps the method and adds Newman’s system headers after the user’s', async () => {
    const { request } = await prepare({
      method: 'DELETE',
      url: 'https://{{host}}/users/{{id}}',
      header: [{ key: 'X-A', value: '{{id}}' }],
    })
    expect(request.method).toBe('DELETE')
    expect(request.url).toBe('https://api.example.com/users/42')
    expect(request.headers).toEqual([
      { key: 'X-A', value: '42' },
      { key: 'User-Agent', value: 'Courier' },
      { key: 'Accept', value: '*/*' },
      { key: 'Cache-Control', value: 'no-cache' },
      { key: 'Accept-Encoding', value: 'gzip, deflate, br' },
      { key: 'Connection', value: 'keep-alive' },
    ])
  })

  it('lets a user header and disabledSystemHeaders replace or remove system headers', async () => {
    const { request } = await prepare(
      { url: 'https://x.test', header: [{ key: 'accept', value: 'application/json' }] },
      { userAgent: 'Courier/1.2.3' },
      {
        protocolProfileBehavior: { disabledSystemHeaders: { 'Cache-Control': true, connection: true } },
      },
    )
    expect(request.headers).toEqual([
      { key: 'accept', value: 'application/json' },
      { key: 'User-Agent', value: 'Courier/1.2.3' },
      { key: 'Accept-Encoding', value: 'gzip, deflate, br' },
    ])
  })

  it('throws VARIABLE_UNRESOLVED naming the method, URL and variable', async () => {
    const error = await failure(prepare({ url: 'https://{{nohost}}/x' }))
    expect(isAppError(error, 'VARIABLE_UNRESOLVED')).toBe(true)
    expect(error.message).toBe('GET https://{{nohost}}/x: unresolved variable {{nohost}}')
    expect(error.details).toEqual({ names: ['nohost'], where: 'GET https://{{nohost}}/x' })
  })

  it('throws HTTP_URL_INVALID for an empty URL and a non-HTTP protocol', async () => {
    expect((await failure(prepare({ url: '' }))).code).toBe('HTTP_URL_INVALID')
    expect((await failure(prepare('ftp://example.com/file'))).code).toBe('HTTP_URL_INVALID')
    expect((await failure(prepare('http://exa mple.com/'))).code).toBe('HTTP_URL_INVALID')
  })

  it('sends a raw body resolved, with the Content-Type of its language (text/plain by default)', async () => {
    const json = await prepare({
      method: 'POST',
      url: 'x.test',
      body: { mode: 'raw', raw: '{"id":{{id}}}', options: { raw: { language: 'json' } } },
    })
    expect(json.request.body).toEqual({ type: 'text', text: '{"id":42}' })
    expect(json.request.headers).toContainEqual({ key: 'Content-Type', value: 'application/json' })
    const plain = await prepare({ method: 'POST', url: 'x.test', body: { mode: 'raw', raw: 'hi' } })
    expect(plain.request.headers).toContainEqual({ key: 'Content-Type', value: 'text/plain' })
  })

  it('keeps the user’s Content-Type over the body’s', async () => {
    const { request } = await prepare({
      method: 'POST',
      url: 'x.test',
      header: [{ key: 'content-type', value: 'application/vnd.api+json' }],
      body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } },
    })
    expect(request.headers.filter((header) => header.key.toLowerCase() === 'content-type')).toHaveLength(1)
  })

  it('prunes the body of GET, HEAD, COPY, PURGE and UNLOCK unless disableBodyPruning', async () => {
    for (const method of ['GET', 'head', 'COPY', 'PURGE', 'UNLOCK']) {
      const { request } = await prepare({ method, url: 'x.test', body: { mode: 'raw', raw: 'a' } })
      expect(request.body).toEqual({ type: 'none' })
      expect(keys(request.headers)).not.toContain('Content-Type')
    }
    const kept = await prepare(
      { url: 'x.test', body: { mode: 'raw', raw: 'a' } },
      {},
      {
        protocolProfileBehavior: { disableBodyPruning: true },
      },
    )
    expect(kept.request.body).toEqual({ type: 'text', text: 'a' })
    const options = await prepare({ method: 'OPTIONS', url: 'x.test', body: { mode: 'raw', raw: 'a' } })
    expect(options.request.body.type).toBe('text')
  })

  it('sends no body when the body is disabled or its mode is unknown', async () => {
    expect(
      (await prepare({ method: 'POST', url: 'x.test', body: { mode: 'raw', raw: 'a', disabled: true } }))
        .request.body,
    ).toEqual({ type: 'none' })
    expect(
      (await prepare({ method: 'POST', url: 'x.test', body: { mode: 'carrier-pigeon' } })).request.body,
    ).toEqual({ type: 'none' })
  })

  it('encodes urlencoded fields as Newman does, skipping disabled ones', async () => {
    const { request } = await prepare({
      method: 'POST',
      url: 'x.test',
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'a b', value: "it's 1+1=2 & {{id}}" },
          { key: 'off', value: 'x', disabled: true },
          { key: 'utf', value: 'é~*' },
        ],
      },
    })
    expect(text(request.body)).toBe('a%20b=it%27s%201%2B1%3D2%20%26%2042&utf=%C3%A9~%2A')
    expect(request.headers).toContainEqual({
      key: 'Content-Type',
      value: 'application/x-www-form-urlencoded',
    })
  })

  it('builds form-data parts from text and file fields read through the FileSource', async () => {
    const { request } = await prepare({
      method: 'POST',
      url: 'x.test',
      body: {
        mode: 'formdata',
        formdata: [
          { key: 'name', value: '{{id}}', type: 'text' },
          { key: 'json', value: '{}', type: 'text', contentType: 'application/json' },
          { key: 'doc', src: '{{file}}', type: 'file' },
          { key: 'many', src: ['a.txt', 'dir/b.png'], type: 'file' },
          { key: 'none', src: '', type: 'file' },
          { key: 'empty', src: [], type: 'file' },
          { key: 'off', value: 'x', disabled: true },
        ],
      },
    })
    const enc = (s: string) => new TextEncoder().encode(s)
    expect(request.body).toEqual({
      type: 'multipart',
      parts: [
        { type: 'text', name: 'name', value: '42' },
        { type: 'text', name: 'json', value: '{}', contentType: 'application/json' },
        { type: 'file', name: 'doc', fileName: 'a.txt', bytes: enc('alpha') },
        { type: 'file', name: 'many', fileName: 'a.txt', bytes: enc('alpha') },
        { type: 'file', name: 'many', fileName: 'b.png', bytes: enc('png!') },
      ],
    })
    expect(request.headers).toContainEqual({ key: 'Content-Type', value: 'multipart/form-data' })
  })

  it('fails with BODY_FILE_UNREADABLE naming the request, field and path when a file is missing', async () => {
    const error = await failure(
      prepare({
        method: 'POST',
        url: 'https://x.test/up',
        body: { mode: 'formdata', formdata: [{ key: 'doc', src: 'gone.txt', type: 'file' }] },
      }),
    )
    expect(error.code).toBe('BODY_FILE_UNREADABLE')
    expect(error.details).toEqual({ path: 'gone.txt', field: 'doc', reason: 'no such file' })
    expect(error.message).toContain('POST https://x.test/up')
    expect(error.message).toContain('gone.txt')
    const binary = await failure(
      prepare({ method: 'PUT', url: 'x.test', body: { mode: 'file', file: { src: 'gone.bin' } } }),
    )
    expect(binary.details).toEqual({ path: 'gone.bin', reason: 'no such file' })
  })

  it('sends a binary file body with no Content-Type of its own', async () => {
    const { request } = await prepare({
      method: 'PUT',
      url: 'x.test',
      body: { mode: 'file', file: { src: 'a.txt' } },
    })
    expect(request.body).toEqual({ type: 'bytes', bytes: new TextEncoder().encode('alpha') })
    expect(keys(request.headers)).not.toContain('Content-Type')
    const empty = await prepare({ method: 'PUT', url: 'x.test', body: { mode: 'file', file: {} } })
    expect(empty.request.body).toEqual({ type: 'none' })
  })

  it('sends GraphQL as JSON with variables spliced in as written, resolved', async () => {
    const { request } = await prepare({
      method: 'POST',
      url: 'x.test',
      body: {
        mode: 'graphql',
        graphql: { query: 'query ($id: ID!) { user(id: $id) { name } }', variables: '{"id": "{{id}}"}' },
      },
    })
    expect(text(request.body)).toBe(
      '{"query":"query ($id: ID!) { user(id: $id) { name } }","variables":{"id": "42"}}',
    )
    expect(JSON.parse(text(request.body))).toEqual({
      query: 'query ($id: ID!) { user(id: $id) { name } }',
      variables: { id: '42' },
    })
    expect(request.headers).toContainEqual({ key: 'Content-Type', value: 'application/json' })
    const noVariables = await prepare({
      method: 'POST',
      url: 'x.test',
      body: { mode: 'graphql', graphql: { query: '{ a }', variables: '' } },
    })
    expect(text(noVariables.request.body)).toBe('{"query":"{ a }"}')
    const objectVariables = await prepare({
      method: 'POST',
      url: 'x.test',
      body: { mode: 'graphql', graphql: { query: '{ a }', variables: { n: 1 } } },
    })
    expect(text(objectVariables.request.body)).toBe('{"query":"{ a }","variables":{"n":1}}')
  })

  it('returns the inherited auth with its params resolved', async () => {
    const { auth } = await prepare({
      url: 'x.test',
      auth: {
        type: 'bearer',
        bearer: [
          { key: 'token', value: '{{token}}' },
          { key: 'n', value: 3 },
        ],
      },
    })
    expect(auth).toEqual({ type: 'bearer', params: { token: 's3cret', n: 3 } })
    expect((await prepare({ url: 'x.test', auth: { type: 'noauth' } })).auth).toBeUndefined()
  })

  it('applies run settings and the request’s protocolProfileBehavior', async () => {
    const { request } = await prepare(
      { url: 'x.test' },
      { settings: { timeoutMs: 500, strictSSL: false } },
      {
        protocolProfileBehavior: { followRedirects: false },
      },
    )
    expect(request.settings).toMatchObject({ timeoutMs: 500, strictSSL: false, followRedirects: false })
  })
})
