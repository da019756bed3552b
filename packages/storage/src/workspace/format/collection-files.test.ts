import type { Collection } from '@courier/core'
import { describe, expect, it } from 'vitest'
import {
  collectionDirectoryName,
  collectionToFiles,
  filesToCollection,
  layoutCollection,
  renderEntry,
} from './index.js'

/** A small collection in the shape the Postman app exports (v2.1). */
function shopCollection(): Collection {
  return {
    info: {
      _postman_id: '2245aac7-63e2-44e6-b0ca-931cb337ac60',
      name: 'Shop: API',
      description: 'Orders and customers.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'List orders',
        id: 'req-1',
        event: [
          {
            listen: 'test',
            script: {
              exec: ['pm.test("ok", () => {', '  pm.response.to.have.status(200)\r', '})'],
              type: 'text/javascript',
              packages: {},
            },
          },
        ],
        request: {
          method: 'GET',
          header: [
            { key: 'Accept', value: 'application/json', type: 'text' },
            { key: 'X-Trace', value: '{{trace}}', type: 'text' },
          ],
          url: {
            raw: '{{baseUrl}}/orders?limit=10',
            host: ['{{baseUrl}}'],
            path: ['orders'],
            query: [
              { key: 'limit', value: '10' },
              { key: 'page', value: '2', disabled: true },
            ],
          },
        },
        response: [
          {
            name: '200 OK',
            originalRequest: {
              method: 'GET',
              header: [],
              url: { raw: '{{baseUrl}}/orders', host: ['{{baseUrl}}'], path: ['orders'] },
            },
            status: 'OK',
            code: 200,
            _postman_previewlanguage: 'json',
            header: [{ key: 'Content-Type', value: 'application/json' }],
            cookie: [],
            body: '[]',
          },
        ],
      },
      {
        name: 'Admin',
        item: [
          {
            name: 'Ban user',
            request: {
              auth: { type: 'noauth' },
              method: 'POST',
              header: [],
              body: { mode: 'raw', raw: '{\r\n  "id": 1\r\n}', options: { raw: { language: 'json' } } },
              url: {
                raw: '{{baseUrl}}/users/:id/ban',
                host: ['{{baseUrl}}'],
                path: ['users', ':id', 'ban'],
                variable: [{ key: 'id', value: '7' }],
              },
            },
            response: [],
          },
          { name: 'ban user', request: { method: 'GET', header: [], url: 'https://x.test' }, response: [] },
        ],
        event: [{ listen: 'prerequest', script: { exec: ['console.log(1)'], type: 'text/javascript' } }],
      },
    ],
    variable: [
      { key: 'baseUrl', value: 'https://shop.test', type: 'string' },
      { key: 'apiKey', value: 'k', type: 'secret' },
    ],
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}', type: 'string' }] },
  }
}

describe('collection ⇄ v3 files', () => {
  it('lays out one file per definition, request and example, suffixing name collisions', () => {
    expect(layoutCollection(shopCollection())).toStrictEqual([
      { path: '.resources/definition.yaml', kind: 'definition', itemPath: [] },
      { path: 'List orders.request.yaml', kind: 'request', itemPath: [0] },
      {
        path: '.resources/List orders.resources/examples/200 OK.example.yaml',
        kind: 'example',
        itemPath: [0],
        exampleIndex: 0,
      },
      { path: 'Admin/.resources/definition.yaml', kind: 'definition', itemPath: [1] },
      { path: 'Admin/Ban user.request.yaml', kind: 'request', itemPath: [1, 0] },
      { path: 'Admin/ban user-1.request.yaml', kind: 'request', itemPath: [1, 1] },
    ])
    expect(collectionDirectoryName(shopCollection())).toBe('Shop- API')
  })

  it('writes a request the way the Postman app does', () => {
    const files = collectionToFiles(shopCollection())
    expect(files.get('List orders.request.yaml')).toBe(
      [
        '$kind: http-request',
        'id: req-1',
        'url: "{{baseUrl}}/orders?limit=10"',
        'method: GET',
        'headers:',
        '  Accept: application/json',
        '  X-Trace: "{{trace}}"',
        'queryParams:',
        '  - key: limit',
        '    value: "10"',
        '  - key: page',
        '    value: "2"',
        '    disabled: true',
        'scripts:',
        '  - type: afterResponse',
        '    code: "pm.test(\\"ok\\", () => {',
        '',
        '      \\  pm.response.to.have.status(200)\\r',
        '',
        '      })"',
        '    language: text/javascript',
        'examples: ./.resources/List orders.resources/examples',
        'order: 1000',
        'x-courier:',
        '  event:',
        '    "0":',
        '      script:',
        '        packages: {}',
        '  request:',
        '    header:',
        '      "*":',
        '        type: text',
        '',
      ].join('\n'),
    )
    expect(files.get('Admin/Ban user.request.yaml')).toContain(
      'body:\n  type: json\n  content: "{\\r\\n  \\"id\\": 1\\r\\n}"\nauth:\n  type: noauth\n',
    )
    expect(files.get('Admin/Ban user.request.yaml')).toContain('pathVariables:\n  id: "7"\n')
    expect(files.get('Admin/ban user-1.request.yaml')).toContain('name: ban user\n')
  })

  it('writes definitions with http:-prefixed scripts, secret variables and the collection name when it differs', () => {
    const files = collectionToFiles(shopCollection())
    expect(files.get('.resources/definition.yaml')).toBe(
      [
        '$kind: collection',
        'name: "Shop: API"',
        'description: Orders and customers.',
        'variables:',
        '  - key: baseUrl',
        '    value: https://shop.test',
        '  - key: apiKey',
        '    value: k',
        '    secret: true',
        'auth:',
        '  type: bearer',
        '  credentials:',
        '    token: "{{token}}"',
        'x-courier:',
        '  info:',
        '    _postman_id: 2245aac7-63e2-44e6-b0ca-931cb337ac60',
        '  variable:',
        '    "0":',
        '      type: string',
        '',
      ].join('\n'),
    )
    expect(files.get('Admin/.resources/definition.yaml')).toBe(
      '$kind: collection\nscripts:\n  - type: http:beforeRequest\n    code: console.log(1)\n    language: text/javascript\norder: 2000\n',
    )
    expect(files.get('.resources/List orders.resources/examples/200 OK.example.yaml')).toBe(
      [
        '$kind: http-example',
        'request:',
        '  url: "{{baseUrl}}/orders"',
        '  method: GET',
        'response:',
        '  statusCode: 200',
        '  statusText: OK',
        '  headers:',
        '    Content-Type: application/json',
        '  body:',
        '    type: json',
        '    content: "[]"',
        'order: 1000',
        '',
      ].join('\n'),
    )
  })

  it('reads its own files back deep-equal', () => {
    const collection = shopCollection()
    const { collection: back, problems } = filesToCollection(collectionToFiles(collection), 'Shop- API')
    expect(problems).toStrictEqual([])
    expect(back).toStrictEqual(collection)
  })

  it('renders the same bytes twice, and one header edit changes one line of one file', () => {
    const collection = shopCollection()
    const before = collectionToFiles(collection)
    expect(collectionToFiles(shopCollection())).toStrictEqual(before)
    const headers = (collection.item[0]?.request as { header: { value: string }[] }).header
    headers[1] = { ...headers[1], value: '{{other}}' }
    const after = collectionToFiles(collection)
    const changed = [...after].filter(([path, text]) => before.get(path) !== text)
    expect(changed.map(([path]) => path)).toStrictEqual(['List orders.request.yaml'])
    const oldLines = before.get('List orders.request.yaml')?.split('\n') ?? []
    const newLines = after.get('List orders.request.yaml')?.split('\n') ?? []
    expect(newLines).toHaveLength(oldLines.length)
    expect(newLines.filter((line, index) => line !== oldLines[index])).toStrictEqual([
      '  X-Trace: "{{other}}"',
    ])
  })

  it('renders one entry as collectionToFiles does', () => {
    const collection = shopCollection()
    const files = collectionToFiles(collection)
    for (const entry of layoutCollection(collection))
      expect(renderEntry(collection, entry)).toBe(files.get(entry.path))
  })

  it('keeps the order values it read, so that saving does not renumber', () => {
    const files = new Map([
      ['.resources/definition.yaml', '$kind: collection\n'],
      ['b.request.yaml', '$kind: http-request\nurl: https://b.test\nmethod: GET\norder: 1775917722143\n'],
      ['a.request.yaml', '$kind: http-request\nurl: https://a.test\nmethod: GET\norder: 4444358603431048\n'],
      ['c.request.yaml', '$kind: http-request\nurl: https://c.test\nmethod: GET\n'],
    ])
    const { collection, problems } = filesToCollection(files, 'C')
    expect(problems).toStrictEqual([])
    expect(collection.item.map((item) => item.name)).toStrictEqual(['b', 'a', 'c'])
    const again = collectionToFiles(collection, { directoryName: 'C' })
    expect(again.get('b.request.yaml')).toBe(files.get('b.request.yaml'))
    expect(again.get('a.request.yaml')).toBe(files.get('a.request.yaml'))
    // No order: it sorts last and gets the next free number after its predecessor.
    expect(again.get('c.request.yaml')).toContain('order: 4444358603432048\n')
  })

  it('reads map and list forms, .yml names, and Windows separators', () => {
    const files = new Map([
      [
        'Folder\\Get.request.yml',
        '$kind: http-request\nurl: https://a.test/x?q=1\nmethod: GET\nheaders:\n  - key: A\n    value: "1"\n    disabled: true\n  - key: A\n    value: "2"\nqueryParams:\n  q: "1"\norder: 1000\n',
      ],
    ])
    const { collection, problems } = filesToCollection(files, 'C')
    expect(problems).toStrictEqual([])
    const folder = collection.item[0]
    expect(folder?.name).toBe('Folder')
    expect(folder?.item?.[0]?.request).toStrictEqual({
      method: 'GET',
      header: [
        { key: 'A', value: '1', disabled: true },
        { key: 'A', value: '2' },
      ],
      url: {
        raw: 'https://a.test/x?q=1',
        protocol: 'https',
        host: ['a', 'test'],
        path: ['x'],
        query: [{ key: 'q', value: '1' }],
      },
    })
  })
})

describe('bad input', () => {
  const good = '$kind: http-request\nurl: https://a.test\nmethod: GET\norder: 1000\n'

  it('reports a YAML syntax error with line and column, and still loads the rest', () => {
    const { collection, problems } = filesToCollection(
      new Map([
        ['ok.request.yaml', good],
        ['broken.request.yaml', '$kind: http-request\nurl: https://a.test\nmethod: GET\n  body: {}\n'],
      ]),
      'C',
    )
    expect(collection.item.map((item) => item.name)).toStrictEqual(['ok'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({
      path: 'broken.request.yaml',
      code: 'YAML_SYNTAX',
      line: 3,
      column: 9,
    })
  })

  it.each([
    ['list.request.yaml', '- a\n- b\n', 'NOT_A_MAP'],
    ['empty.request.yaml', '', 'NOT_A_MAP'],
    ['nokind.request.yaml', 'url: https://a.test\n', 'KIND_MISSING'],
    ['wrong.request.yaml', '$kind: http-example\nresponse: {}\n', 'KIND_MISMATCH'],
    ['.resources/definition.yaml', '$kind: http-request\n', 'KIND_MISMATCH'],
    ['.resources/x.request.yaml', good, 'REQUEST_IN_RESOURCES'],
    [
      '.resources/gone.resources/examples/e.example.yaml',
      '$kind: http-example\nresponse: {}\n',
      'EXAMPLE_WITHOUT_REQUEST',
    ],
    ['bad.request.yaml', '$kind: http-request\nurl: [1]\n', 'FIELD_INVALID'],
  ])('%s gives %s and is kept verbatim', (path, text, code) => {
    const { collection, problems } = filesToCollection(new Map([[path, text]]), 'C')
    expect(problems.map((problem) => [problem.path, problem.code])).toStrictEqual([[path, code]])
    expect(collectionToFiles(collection, { directoryName: 'C' }).get(path)).toBe(text)
  })

  it('keeps files of other kinds and unknown files verbatim, without a problem', () => {
    const files = new Map([
      ['mcp.request.yaml', '$kind: mcp-request\ntransport: sse\n'],
      ['README.md', '# notes\n'],
      ['.resources/Chat.resources/messages/hello.message.yaml', '$kind: websocket-message\ncontent: hi\n'],
    ])
    const { collection, problems } = filesToCollection(files, 'C')
    expect(problems).toStrictEqual([])
    expect(collection.item).toStrictEqual([])
    const again = collectionToFiles(collection, { directoryName: 'C' })
    for (const [path, text] of files) expect(again.get(path)).toBe(text)
  })

  it('keeps unknown top-level keys of a request', () => {
    const text = '$kind: http-request\nurl: https://a.test\nmethod: GET\norder: 1000\nparams:\n  a: 1\n'
    const { collection } = filesToCollection(new Map([['r.request.yaml', text]]), 'C')
    expect(collectionToFiles(collection, { directoryName: 'C' }).get('r.request.yaml')).toBe(text)
  })
})
