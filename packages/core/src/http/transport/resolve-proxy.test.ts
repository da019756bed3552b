import { describe, expect, it } from 'vitest'

import { matchesNoProxy, proxyFor, readProxyRules } from './resolve-proxy.js'

describe('matchesNoProxy', () => {
  it.each([
    ['http://example.com/', 'example.com', true],
    ['http://api.example.com/', 'example.com', true],
    ['http://api.example.com/', '.example.com', true],
    ['http://api.example.com/', '*.example.com', true],
    ['http://notexample.com/', 'example.com', false],
    ['http://example.com:8080/', 'example.com:8080', true],
    ['http://example.com/', 'example.com:8080', false],
    ['https://example.com/', 'example.com:443', true],
    ['http://10.1.2.3/', '10.1.2.3', true],
    ['http://[::1]:3000/', '[::1]', true],
    ['http://[::1]:3000/', '::1', true],
    ['http://anything/', '*', true],
    ['http://EXAMPLE.com/', 'Example.COM', true],
  ])('%s against %s → %s', (url, entry, expected) => {
    expect(matchesNoProxy(new URL(url), entry)).toBe(expected)
  })
})

describe('readProxyRules and proxyFor', () => {
  it('prefers the lower-case variables, as curl does, and splits NO_PROXY on commas and spaces', () => {
    const rules = readProxyRules('env', {
      HTTP_PROXY: 'http://upper:1',
      http_proxy: 'http://lower:1',
      HTTPS_PROXY: 'http://secure:1',
      NO_PROXY: 'a.test, b.test c.test',
    })
    expect(rules).toEqual({
      http: 'http://lower:1',
      https: 'http://secure:1',
      noProxy: ['a.test', 'b.test', 'c.test'],
    })
    expect(proxyFor(new URL('http://x.test/'), rules)).toBe('http://lower:1')
    expect(proxyFor(new URL('https://x.test/'), rules)).toBe('http://secure:1')
    expect(proxyFor(new URL('https://sub.b.test/'), rules)).toBeUndefined()
  })

  it('uses an explicit proxy for both schemes and none for none', () => {
    const rules = readProxyRules({ url: 'http://p:3128', noProxy: ['localhost'] }, {})
    expect(proxyFor(new URL('https://api.test/'), rules)).toBe('http://p:3128')
    expect(proxyFor(new URL('http://localhost:80/'), rules)).toBeUndefined()
    expect(
      proxyFor(new URL('http://api.test/'), readProxyRules('none', { HTTP_PROXY: 'http://p:1' })),
    ).toBeUndefined()
  })
})
