import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import { convertV1ToV21 } from './convert-v1.js'
import { parseHeaderString } from './internal/v1-headers.js'

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')

function readJson(file: string): J {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as J
}

function convert(input: unknown): { collection: J; warnings: { path: string; message: string }[] } {
  const { collection, warnings } = convertV1ToV21(input)
  return { collection: collection as J, warnings }
}

/** A v1 collection with the given requests, all listed in `order`. */
function v1(requests: J[], extra: J = {}): J {
  return { id: 'c1', name: 'C', order: requests.map((r) => r.id as string), requests, ...extra }
}

function firstRequest(request: J): J {
  const { collection } = convert(
    v1([{ id: 'r1', name: 'R', method: 'GET', url: 'https://x.test/a', ...request }]),
  )
  return (collection.item as J[])[0] as J
}

function leaves(items: J[]): J[] {
  return items.flatMap((item) => (Array.isArray(item.item) ? leaves(item.item as J[]) : [item]))
}

const v1Files = [
  ...[
    'newman/transformer/examples/v1.0.0',
    'goto/api-evangelist-gotomeeting',
    'schemas/examples/draft-07/v1.0.0',
  ]
    .flatMap((dir) => readdirSync(path.join(corpus, dir)).map((name) => path.join(dir, name)))
    .filter((file) => file.endsWith('.json')),
  'newman/transformer/unit-fixtures/graphql-payload-in-both-key.json',
  'newman/transformer/unit-fixtures/graphql-payload-in-data-key.json',
  'newman/integration/multi-level-folders-v1.postman_collection.json',
  'newman/examples/v1.postman_collection.json',
]

describe('convertV1ToV21 on every v1 collection in the corpus', () => {
  it.each(v1Files)('converts %s, keeping every request exactly once', (file) => {
    const input = readJson(path.join(corpus, file))
    const { collection } = convert(input)
    expect(collection.info.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    )
    expect(collection.info.name).toBe(input.name)
    const requestIds = new Set((input.requests as J[]).map((r) => r.id as string))
    const converted = leaves(collection.item as J[])
    expect(converted).toHaveLength(requestIds.size)
    expect(new Set(converted.map((item) => item.id as string))).toEqual(requestIds)
    for (const item of converted) expect(typeof item.request.url.raw).toBe('string')
  })

  it('keeps the malformed GoTo URLs as written and warns about each', () => {
    const dir = 'goto/api-evangelist-gotomeeting'
    for (const name of readdirSync(path.join(corpus, dir))) {
      const input = readJson(path.join(corpus, dir, name))
      const { collection, warnings } = convert(input)
      const byId = new Map(leaves(collection.item as J[]).map((item) => [item.id as string, item]))
      ;(input.requests as J[]).forEach((request, index) => {
        expect(byId.get(request.id as string)?.request.url.raw).toBe(request.url)
        if (/^https(?!:)|\{\w+\}/.test(request.url as string)) {
          expect(warnings.some((w) => w.path === `$.requests[${index}].url`)).toBe(true)
        }
      })
    }
  })
})

// The transformer's v2.1.0 examples are hand-kept fixtures in a loose shape (`events`, `headers`, string `exec`),
// so they are compared on what matters rather than deep-equal.
function lines(exec: unknown): unknown {
  return Array.isArray(exec) ? exec.join('\n') : exec
}

function summarise(items: J[]): J[] {
  return items.map((item) => {
    if (Array.isArray(item.item)) return { folder: item.name, items: summarise(item.item as J[]) }
    const request = (item.request ?? {}) as J
    const body = request.body as J | undefined
    const content = body?.mode ? (body[body.mode as string] as unknown) : undefined
    return {
      name: item.name,
      method: request.method,
      url: typeof request.url === 'string' ? request.url : request.url?.raw,
      header: ((request.header ?? request.headers ?? []) as J[]).map((h): unknown[] => [
        h.key,
        h.value,
        h.disabled === true,
      ]),
      body: !body?.mode
        ? undefined
        : Array.isArray(content)
          ? [
              body.mode,
              (content as J[]).map((p): unknown[] => [p.key, p.value ?? p.src, p.disabled === true]),
            ]
          : [body.mode, body.mode === 'raw' ? (content ?? '') : content],
      scripts: ((item.event ?? item.events ?? []) as J[])
        .map((e): unknown[] => [e.listen, lines(e.script?.exec)])
        .sort(),
      auth: request.auth as J | undefined,
    }
  })
}

function authParams(auth: J | undefined): J | undefined {
  if (!auth?.type) return undefined
  const params = auth[auth.type as string] as unknown
  const map: J = {}
  if (Array.isArray(params)) for (const p of params as J[]) map[p.key as string] = p.value
  else Object.assign(map, params)
  return { type: auth.type, params: map }
}

describe('convertV1ToV21 against the transformer v2.1.0 examples', () => {
  // Excluded: helpers (the v2.1.0 file holds different requests: "OAuth" vs "OAuth2", an extra bearer request)
  // and nestedEntities (its v2.1.0 file drops the v1 formdata bodies and carries other oauth1 values); the
  // other v1.0.0 examples have no v2.1.0 counterpart.
  const pairs = [
    'binary-upload',
    'box',
    'echo',
    'github',
    'hackernews',
    'httpbin',
    'proper-url-parsing',
    'rawjsonbody',
    'twitter',
    'urlencoded-post-data',
  ]
  const examples = path.join(corpus, 'newman/transformer/examples')

  it.each(pairs)('%s matches on names, order, methods, URLs, headers, bodies, scripts and auth', (name) => {
    const mine = summarise(
      convert(readJson(path.join(examples, 'v1.0.0', `${name}.json`))).collection.item as J[],
    )
    const gold = summarise(readJson(path.join(examples, 'v2.1.0', `${name}.json`)).item as J[])
    const flat = (items: J[]): J[] =>
      items.flatMap((i) => (i.folder === undefined ? [i] : [{ folder: i.folder }, ...flat(i.items as J[])]))
    const [a, b] = [flat(mine), flat(gold)]
    expect(a.length).toBe(b.length)
    a.forEach((item, index) => {
      const expected = b[index] as J
      const { auth, ...rest } = item
      const { auth: expectedAuth, ...expectedRest } = expected
      expect(rest).toEqual(expectedRest)
      // Postman's converter adds `saveHelperData` to basic auth; the fixture omits it.
      const [got, want] = [authParams(auth as J), authParams(expectedAuth as J)]
      expect(got?.type).toBe(want?.type)
      if (want) expect(got?.params).toMatchObject(want.params as J)
    })
  })
})

describe('convertV1ToV21 collection level', () => {
  it('maps id, name, description, events, variables and auth to info and collection keys in Postman order', () => {
    const { collection } = convert(
      v1([], {
        description: 'D',
        events: [{ listen: 'prerequest', script: { exec: 'a\nb' } }],
        variables: [
          { key: 'k', value: 'v', type: 'text' },
          { key: 'n', value: 1 },
        ],
        auth: { type: 'bearer', bearer: [{ key: 'token', value: 't' }] },
      }),
    )
    expect(Object.keys(collection)).toEqual(['info', 'item', 'auth', 'event', 'variable'])
    expect(collection.info).toEqual({
      _postman_id: 'c1',
      name: 'C',
      description: 'D',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    })
    expect(collection.event).toEqual([
      { listen: 'prerequest', script: { exec: ['a', 'b'], type: 'text/javascript' } },
    ])
    expect(collection.variable).toEqual([
      { key: 'k', value: 'v', type: 'string' },
      { key: 'n', value: 1, type: 'number' },
    ])
    expect(collection.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: 't', type: 'string' }],
    })
  })

  it('rejects a document that is not an object with COLLECTION_INVALID', () => {
    expect.assertions(1)
    try {
      convertV1ToV21([])
    } catch (error) {
      expect(isAppError(error, 'COLLECTION_INVALID')).toBe(true)
    }
  })
})

describe('convertV1ToV21 ordering', () => {
  const request = (id: string): J => ({ id, name: id, method: 'GET', url: `https://x.test/${id}` })
  const names = (items: J[]): unknown[] =>
    items.map((i) =>
      Array.isArray(i.item) ? { [i.name as string]: names(i.item as J[]) } : (i.name as unknown),
    )

  it('nests folders through folders_order, subfolders before requests, root folders before root requests', () => {
    const { collection, warnings } = convert({
      id: 'c',
      name: 'C',
      order: ['r4'],
      folders_order: ['f2', 'f1'],
      folders: [
        { id: 'f1', name: 'F1', order: ['r1'], folders_order: ['f3'] },
        { id: 'f2', name: 'F2', order: ['r3', 'r2'], folders_order: [] },
        { id: 'f3', name: 'F3', order: ['r5'] },
      ],
      requests: ['r1', 'r2', 'r3', 'r4', 'r5'].map(request),
    })
    expect(names(collection.item as J[])).toEqual([
      { F2: ['r3', 'r2'] },
      { F1: [{ F3: ['r5'] }, 'r1'] },
      'r4',
    ])
    expect(warnings).toEqual([])
  })

  it('appends requests no order references, into their folder when they name one, with a warning', () => {
    const { collection, warnings } = convert({
      name: 'C',
      order: ['r1'],
      folders: [{ id: 'f1', name: 'F1', order: [] }],
      requests: [request('r1'), { ...request('r2'), folder: 'f1' }, request('r3')],
    })
    expect(names(collection.item as J[])).toEqual([{ F1: ['r2'] }, 'r1', 'r3'])
    expect(warnings.map((w) => w.path)).toEqual(['$.requests[1]', '$.requests[2]'])
    expect(warnings[1]?.message).toMatch(/not referenced by any order/)
  })

  it('warns about references to missing requests and folders and about duplicates, keeping the first', () => {
    const { collection, warnings } = convert({
      name: 'C',
      order: ['r1', 'r1', 'gone'],
      folders_order: ['f1', 'nope'],
      folders: [
        { id: 'f1', name: 'F1', order: ['missing'], folders_order: ['f1'] },
        { id: 'f1', name: 'again' },
      ],
      requests: [request('r1')],
    })
    expect(names(collection.item as J[])).toEqual([{ F1: [] }, 'r1'])
    expect(warnings.map((w) => w.path).sort()).toEqual(
      [
        '$.folders[1]',
        '$.folders[0].folders_order[0]',
        '$.folders[0].order[0]',
        '$.folders_order[1]',
        '$.order[1]',
        '$.order[2]',
      ].sort(),
    )
  })

  it('appends folders that folders_order leaves out', () => {
    const { collection, warnings } = convert({
      name: 'C',
      folders_order: ['f1'],
      folders: [
        { id: 'f1', name: 'F1' },
        { id: 'f2', name: 'F2' },
      ],
      requests: [],
    })
    expect(names(collection.item as J[])).toEqual([{ F1: [] }, { F2: [] }])
    expect(warnings[0]?.path).toBe('$.folders[1]')
  })

  it('orders item keys as Postman does and keeps ids', () => {
    const item = firstRequest({
      tests: 't',
      responses: [],
      description: 'd',
      protocolProfileBehavior: { x: 1 },
    })
    expect(Object.keys(item)).toEqual([
      'id',
      'name',
      'event',
      'protocolProfileBehavior',
      'request',
      'response',
    ])
    expect(Object.keys(item.request as J)).toEqual(['method', 'header', 'url', 'description'])
  })
})

describe('convertV1ToV21 headers', () => {
  it('parses a header string with disabled lines and folded values', () => {
    expect(
      parseHeaderString('Accept: a/b\n// X-Off: 1\r\nX-Long: part1\r\n part2\nnot a header\n: empty'),
    ).toEqual([
      { key: 'Accept', value: 'a/b' },
      { key: 'X-Off', value: '1', disabled: true },
      { key: 'X-Long', value: 'part1 part2' },
    ])
  })

  it('prefers headerData (with descriptions and enabled flags) and adds string-only keys', () => {
    const item = firstRequest({
      headerData: [
        { key: 'A', value: '1', description: '' },
        { key: 'B', value: '2', enabled: false, description: 'why' },
        { key: '//C', value: '3' },
      ],
      headers: 'A: other\nD: 4\n',
    })
    expect(item.request.header).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2', description: 'why', disabled: true },
      { key: 'C', value: '3', disabled: true },
      { key: 'D', value: '4' },
    ])
  })
})

describe('convertV1ToV21 bodies', () => {
  it('converts raw mode from rawModeData', () => {
    expect(firstRequest({ dataMode: 'raw', rawModeData: '{"a":1}' }).request.body).toEqual({
      mode: 'raw',
      raw: '{"a":1}',
    })
  })

  it('converts params to formdata with text and file fields and enabled: false', () => {
    const body = firstRequest({
      dataMode: 'params',
      data: [
        { key: 'a', value: '1', type: 'text', enabled: true },
        { key: 'f', value: 'path/to/file.txt', type: 'file', enabled: false },
        { value: 'no key' },
      ],
    }).request.body as J
    expect(body).toEqual({
      mode: 'formdata',
      formdata: [
        { key: 'a', value: '1', type: 'text' },
        { key: 'f', type: 'file', src: 'path/to/file.txt', disabled: true },
      ],
    })
  })

  it('converts urlencoded data', () => {
    expect(firstRequest({ dataMode: 'urlencoded', data: [{ key: 'a', value: 'b' }] }).request.body).toEqual({
      mode: 'urlencoded',
      urlencoded: [{ key: 'a', value: 'b' }],
    })
  })

  it('converts binary to a file body with its src', () => {
    expect(firstRequest({ dataMode: 'binary', rawModeData: 'sample.txt' }).request.body).toEqual({
      mode: 'file',
      file: { src: 'sample.txt' },
    })
  })

  it('converts graphql from graphqlModeData, preferring it over a data object, and from data alone', () => {
    const both = readJson(
      path.join(corpus, 'newman/transformer/unit-fixtures/graphql-payload-in-both-key.json'),
    )
    const dataOnly = readJson(
      path.join(corpus, 'newman/transformer/unit-fixtures/graphql-payload-in-data-key.json'),
    )
    expect(convert(both).collection.item[0].request.body).toEqual({
      mode: 'graphql',
      graphql: { query: 'query Test { hello }', operationName: 'Test', variables: '{}' },
      options: { graphql: {} },
    })
    expect(convert(dataOnly).collection.item[0].request.body).toMatchObject({
      mode: 'graphql',
      graphql: { query: 'mutation {\n\n}', variables: '{\n    \n}' },
    })
  })

  it('has no body when dataMode is null or nothing is set, and marks dataDisabled', () => {
    expect(firstRequest({ dataMode: null, rawModeData: 'stale' }).request.body).toBeUndefined()
    expect(firstRequest({ data: [], rawModeData: '' }).request.body).toBeUndefined()
    expect(firstRequest({ dataMode: 'raw', rawModeData: 'x', dataDisabled: true }).request.body).toEqual({
      mode: 'raw',
      raw: 'x',
      disabled: true,
    })
  })
})

describe('convertV1ToV21 auth helpers', () => {
  const auth = (currentHelper: unknown, helperAttributes?: unknown): unknown =>
    firstRequest({ currentHelper, helperAttributes }).request.auth
  const param = (key: string, value: unknown): J => ({ key, value, type: typeof value })

  it.each([
    [
      'basicAuth',
      { id: 'basic', username: 'u', password: 'p' },
      'basic',
      [param('username', 'u'), param('password', 'p')],
    ],
    ['bearerAuth', { id: 'bearer', token: 't' }, 'bearer', [param('token', 't')]],
    [
      'digestAuth',
      { id: 'digest', time: 1, username: 'u', realm: 'r' },
      'digest',
      [param('username', 'u'), param('realm', 'r')],
    ],
    [
      'oAuth1',
      { id: 'oAuth1', consumerKey: 'ck', header: false, auto: true, includeEmpty: false },
      'oauth1',
      [
        param('consumerKey', 'ck'),
        param('addParamsToHeader', false),
        param('autoAddParam', true),
        param('addEmptyParamsToSign', false),
      ],
    ],
    [
      'hawkAuth',
      { id: 'hawk', hawk_id: 'i', hawk_key: 'k', algorithm: 'sha256' },
      'hawk',
      [param('authId', 'i'), param('authKey', 'k'), param('algorithm', 'sha256')],
    ],
    [
      'ntlmAuth',
      { id: 'ntlm', username: 'u', domain: 'd' },
      'ntlm',
      [param('username', 'u'), param('domain', 'd')],
    ],
    [
      'edgegridAuth',
      { id: 'edgegrid', accessToken: 'a', timestamp: 'x' },
      'edgegrid',
      [param('accessToken', 'a'), param('timestamp', 'x')],
    ],
    [
      'apikeyAuth',
      { id: 'apikey', key: 'x-api-key', value: 'v', in: 'header' },
      'apikey',
      [param('key', 'x-api-key'), param('value', 'v'), param('in', 'header')],
    ],
    [
      'awsSigV4',
      { id: 'awsSigV4', accessKey: 'a', region: 'r' },
      'awsv4',
      [param('accessKey', 'a'), param('region', 'r')],
    ],
  ])('maps %s to %s', (helper, attributes, type, params) => {
    expect(auth(helper, attributes)).toEqual({ type, [type]: params })
  })

  it('reads helperAttributes given as a JSON string', () => {
    expect(auth('bearerAuth', '{"token":"t"}')).toEqual({ type: 'bearer', bearer: [param('token', 't')] })
  })

  it('warns about unparseable helperAttributes and unknown helpers, keeping the type', () => {
    const { collection, warnings } = convert(
      v1([
        { id: 'a', url: 'https://x.test', currentHelper: 'bearerAuth', helperAttributes: '{"tok' },
        { id: 'b', url: 'https://x.test', currentHelper: 'fancyAuth', helperAttributes: { x: 1 } },
      ]),
    )
    expect(collection.item[0].request.auth).toEqual({ type: 'bearer' })
    expect(collection.item[1].request.auth).toEqual({ type: 'fancyAuth', fancyAuth: [param('x', 1)] })
    expect(warnings.map((w) => w.path)).toEqual([
      '$.requests[0].helperAttributes',
      '$.requests[1].currentHelper',
    ])
  })

  it('has no auth for normal, null or missing helpers', () => {
    expect(auth('normal', {})).toBeUndefined()
    expect(auth(null, null)).toBeUndefined()
    expect(auth(undefined)).toBeUndefined()
  })

  it('prefers a v2-style auth object and normalises its parameter types', () => {
    const item = firstRequest({
      currentHelper: 'bearerAuth',
      helperAttributes: { token: 'old' },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: 'new', type: 'text' }] },
    })
    expect(item.request.auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: 'new', type: 'string' }],
    })
  })
})

describe('convertV1ToV21 scripts', () => {
  it('turns tests and preRequestScript strings into events with exec lines', () => {
    expect(firstRequest({ tests: 'a;\nb;', preRequestScript: 'p;' }).event).toEqual([
      { listen: 'test', script: { type: 'text/javascript', exec: ['a;', 'b;'] } },
      { listen: 'prerequest', script: { type: 'text/javascript', exec: ['p;'] } },
    ])
  })

  it('uses events when there are no legacy scripts, defaulting listen and type', () => {
    expect(firstRequest({ events: [{ script: { exec: 'x\ny' } }] }).event).toEqual([
      { listen: 'test', script: { exec: ['x', 'y'], type: 'text/javascript' } },
    ])
    expect(firstRequest({ tests: '', preRequestScript: null, events: null }).event).toBeUndefined()
  })
})

describe('convertV1ToV21 saved responses', () => {
  it('converts responses with originalRequest, status, code, headers, cookies and body', () => {
    const item = firstRequest({
      responses: [
        {
          id: 'resp1',
          name: 'OK one',
          request: {
            url: 'https://x.test/a?q=1',
            method: 'POST',
            headers: 'A: b',
            dataMode: 'raw',
            rawModeData: 'hi',
          },
          responseCode: { code: 200, name: 'OK' },
          language: 'json',
          headers: [{ name: 'Content-Type', key: 'Content-Type', value: 'application/json' }],
          cookies: [
            { name: 'sid', value: 'v', domain: 'x.test', path: '/', expirationDate: 0, httpOnly: true },
          ],
          text: '{"ok":true}',
          time: 12,
        },
        { request: 'r1', responseCode: { code: 404, name: 'Not Found' } },
      ],
    })
    const [first, second] = item.response as J[]
    expect(first).toEqual({
      id: 'resp1',
      name: 'OK one',
      originalRequest: {
        method: 'POST',
        header: [{ key: 'A', value: 'b' }],
        body: { mode: 'raw', raw: 'hi' },
        url: {
          raw: 'https://x.test/a?q=1',
          protocol: 'https',
          host: ['x', 'test'],
          path: ['a'],
          query: [{ key: 'q', value: '1' }],
        },
      },
      status: 'OK',
      code: 200,
      _postman_previewlanguage: 'json',
      header: [{ key: 'Content-Type', value: 'application/json' }],
      cookie: [
        {
          expires: '1970-01-01T00:00:00.000Z',
          httpOnly: true,
          domain: 'x.test',
          path: '/',
          value: 'v',
          key: 'sid',
        },
      ],
      responseTime: 12,
      body: '{"ok":true}',
    })
    expect(second).toMatchObject({ name: 'response', status: 'Not Found', code: 404, body: '' })
    expect(second?.originalRequest.url.raw).toBe('https://x.test/a')
  })
})

describe('convertV1ToV21 URLs', () => {
  it('parses protocol, userinfo, host, port, path, query and hash, keeping raw', () => {
    expect(
      firstRequest({ url: 'http://u:p@api.{{env.name}}.test:8080/v1/items?a=1&b=x=y#top' }).request.url,
    ).toEqual({
      raw: 'http://u:p@api.{{env.name}}.test:8080/v1/items?a=1&b=x=y#top',
      protocol: 'http',
      auth: { user: 'u', password: 'p' },
      host: ['api', '{{env.name}}', 'test'],
      port: '8080',
      path: ['v1', 'items'],
      query: [
        { key: 'a', value: '1' },
        { key: 'b', value: 'x=y' },
      ],
      hash: 'top',
    })
    expect(firstRequest({ url: '{{url}}/get' }).request.url).toEqual({
      raw: '{{url}}/get',
      host: ['{{url}}'],
      path: ['get'],
    })
  })

  it('takes query params from queryParams, with disabled ones, and path variables from either form', () => {
    const url = firstRequest({
      url: 'https://x.test/:id/:kind?a=1',
      queryParams: [
        { key: 'a', value: '1', enabled: true },
        { key: 'b', value: '2', enabled: false, description: 'off' },
      ],
      pathVariableData: [{ key: 'id', value: '7', description: 'the id' }],
      pathVariables: { id: 'ignored', kind: 'k' },
    }).request.url as J
    expect(url.query).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2', description: 'off', disabled: true },
    ])
    expect(url.variable).toEqual([
      { key: 'id', value: '7', description: 'the id' },
      { key: 'kind', value: 'k' },
    ])
    expect(firstRequest({ url: 'https://x.test/a', pathVariables: [] }).request.url.variable).toBeUndefined()
  })

  it('rewrites raw when equals flags decide how params print', () => {
    const url = firstRequest({
      url: 'https://x.test/a?flag=&k=v#h',
      queryParams: [
        { key: 'flag', value: '', equals: false },
        { key: 'k', value: 'v', equals: true },
      ],
    }).request.url as J
    expect(url.raw).toBe('https://x.test/a?flag&k=v#h')
    expect(url.query).toEqual([
      { key: 'flag', value: null },
      { key: 'k', value: 'v' },
    ])
  })

  it('keeps a malformed URL as written and warns about a scheme without :// and {braces}', () => {
    const { collection, warnings } = convert(
      v1([
        {
          id: 'r',
          url: 'httpsapi.getgo.com/G2M/rest/organizers/{organizerKey}',
          queryParams: [{ key: 'x', value: '', equals: true }],
        },
      ]),
    )
    expect(collection.item[0].request.url.raw).toBe('httpsapi.getgo.com/G2M/rest/organizers/{organizerKey}')
    expect(warnings.map((w) => w.path)).toEqual(['$.requests[0].url', '$.requests[0].url'])
    expect(warnings.map((w) => w.message).join(' ')).toMatch(/without "\:\/\/".*\{organizerKey\}/)
  })

  it('warns about a missing URL', () => {
    const { warnings } = convert(v1([{ id: 'r', name: 'no url' }]))
    expect(warnings).toEqual([{ path: '$.requests[0].url', message: 'request has no URL' }])
  })
})
