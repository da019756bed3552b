import { describe, expect, it } from 'vitest'
import type { Url } from '../../collection/index.js'
import type { VariableScopes } from '../../variables/index.js'
import { buildUrl } from './build-url.js'

const scopes: VariableScopes = {
  environment: [
    { key: 'base', value: 'https://api.example.com/v1' },
    { key: 'slash', value: 'a/b' },
    { key: 'id', value: '42' },
  ],
}
const build = (url: Url, options: { disableUrlEncoding?: boolean } = {}) =>
  buildUrl(url, { scopes, method: 'GET', ...options })

describe('buildUrl', () => {
  // Expected values follow postman-url-encoder's sets (encoder/encode-set.js): path encodes space " < > ` # ? { },
  // query keys space " # ' < > & =, query values space " # ' < > &, hash space " < > `; `%XX` is kept; non-ASCII
  // is UTF-8 percent-encoded; hosts are punycoded (domainToASCII).
  it.each([
    ['spaces in path and query', 'https://x.test/a b?q=a b', 'https://x.test/a%20b?q=a%20b'],
    ['unicode path', 'https://x.test/café/ü', 'https://x.test/caf%C3%A9/%C3%BC'],
    ['plus kept everywhere', 'https://x.test/a+b?q=1+1', 'https://x.test/a+b?q=1+1'],
    [
      'already-encoded kept, lone % kept',
      'https://x.test/a%20b?q=100%&r=%2F',
      'https://x.test/a%20b?q=100%&r=%2F',
    ],
    ['= in a value kept', 'https://x.test/?a=b=c', 'https://x.test/?a=b=c'],
    ['quote, < > in query', 'https://x.test/?q="<x>"', 'https://x.test/?q=%22%3Cx%3E%22'],
    ['bare key', 'https://x.test/p?a', 'https://x.test/p?a'],
    ['empty value', 'https://x.test/p?a=', 'https://x.test/p?a='],
    ['empty params kept as written', 'https://x.test/p?a&&b=', 'https://x.test/p?a&&b='],
    ['hash encoded with the fragment set', 'https://x.test/p#a b`c', 'https://x.test/p#a%20b%60c'],
    ['braces in path', 'https://x.test/{x}', 'https://x.test/%7Bx%7D'],
    ['default protocol http', 'x.test/a', 'http://x.test/a'],
    ['protocol and host lower-cased', 'HTTPS://X.Test/A', 'https://x.test/A'],
    ['unicode host punycoded', 'https://郵便屋さん.com/', 'https://xn--48jwgn17gdel797d.com/'],
    ['userinfo encoded', 'https://us er:p;w=@x.test/', 'https://us%20er:p%3Bw%3D@x.test/'],
    ['userinfo up to the last @', 'https://us@r:p@ss:w@x.test/p@q', 'https://us%40r:p%40ss%3Aw@x.test/p@q'],
    ['port kept', 'http://localhost:3000', 'http://localhost:3000/'],
    ['a lone ? kept', 'https://x.test/get?', 'https://x.test/get?'],
    ['IPv6 host', 'http://[::1]/a', 'http://[::1]/a'],
    [
      'a variable holding a path',
      '{{base}}/users/{{slash}}?x={{slash}}',
      'https://api.example.com/v1/users/a/b?x=a/b',
    ],
  ])('%s', (_, raw, expected) => {
    expect(build(raw)).toBe(expected)
  })

  it('sends the URL as written when disableUrlEncoding is set, punycoding the host all the same', () => {
    expect(build('https://ü.test/a b?q=a b#c d', { disableUrlEncoding: true })).toBe(
      'https://xn--tda.test/a b?q=a b#c d',
    )
  })

  it('builds an object URL from its parts, dropping disabled query parameters and ignoring raw', () => {
    const url: Url = {
      raw: 'https://ignored.test/',
      protocol: 'https',
      host: ['api', 'example', 'com'],
      port: '8443',
      path: ['users', ':id', 'posts'],
      query: [
        { key: 'on', value: '1' },
        { key: 'off', value: '2', disabled: true },
        { key: 'bare', value: null },
        { key: 'empty', value: '' },
      ],
      variable: [{ key: 'id', value: '{{id}}' }],
      hash: 'top',
    }
    expect(build(url)).toBe('https://api.example.com:8443/users/42/posts?on=1&bare&empty=#top')
  })

  it('keeps every parameter of a raw-only URL, disabled ones being unknown there', () => {
    expect(build({ raw: 'https://x.test/?a=1&b=2' })).toBe('https://x.test/?a=1&b=2')
  })

  it('replaces path variables given as url.variable (v2.0 `id` too) and leaves unknown ones', () => {
    expect(
      build({ raw: '', host: ['x', 'test'], path: [':a', ':b', ':'], variable: [{ id: 'a', value: 'A' }] }),
    ).toBe('http://x.test/A/:b/:')
  })

  it('re-parses after resolution as Newman does, so `&` from a variable in a query value splits it', () => {
    const url: Url = { host: ['x', 'test'], query: [{ key: 'q', value: '{{v}}' }] }
    expect(buildUrl(url, { scopes: { environment: [{ key: 'v', value: 'a&b=c' }] }, method: 'GET' })).toBe(
      'http://x.test/?q=a&b=c',
    )
  })

  it('keeps the ? of an object URL whose one parameter is empty, as Url#toString does', () => {
    const url: Url = {
      protocol: 'https',
      host: ['x', 'test'],
      path: ['get'],
      query: [{ key: null, value: null }],
    }
    expect(build(url)).toBe('https://x.test/get?')
  })

  it('encodes & and # (and = in keys) written in object query parts, outside variables whose value then splits', () => {
    const url: Url = {
      protocol: 'https',
      host: ['x', 'test'],
      path: ['get'],
      query: [
        { key: 'q', value: '%23{{foo&bar}}%23' },
        { key: 'x%26y', value: '{{#foo#}}' },
        { key: 'b#a&r=', value: null },
        { key: 'v', value: 'a&b#c=d' },
      ],
    }
    const vars = {
      environment: [
        { key: 'foo&bar', value: '1' },
        { key: '#foo#', value: '2' },
      ],
    }
    expect(buildUrl(url, { scopes: vars, method: 'GET' })).toBe(
      'https://x.test/get?q=%231%23&x%26y=2&b%23a%26r%3D&v=a%26b%23c=d',
    )
  })

  it('sends an unresolved variable as written (encoded) when asked to keep it, as Newman runs do', () => {
    expect(
      buildUrl('https://x.test/{{missing}}?q={{gone}}', {
        scopes: {},
        method: 'GET',
        unresolvedVariables: 'keep',
      }),
    ).toBe('https://x.test/%7B%7Bmissing%7D%7D?q={{gone}}')
  })

  it('names every unresolved variable', () => {
    expect(() => build('https://{{a}}/{{b}}/{{a}}')).toThrow(
      'GET https://{{a}}/{{b}}/{{a}}: unresolved variables {{a}}, {{b}}',
    )
  })
})
