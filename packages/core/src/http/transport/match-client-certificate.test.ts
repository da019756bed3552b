import { describe, expect, it } from 'vitest'

import { matchClientCertificate, type ClientCertificate } from './match-client-certificate.js'

const certificates: ClientCertificate[] = [
  { matches: ['https://api.example.com/*'] },
  { matches: ['*.internal.test', 'localhost:8443'] },
]

describe('matchClientCertificate', () => {
  it.each([
    ['https://api.example.com/v1/users', 0],
    ['https://api.example.com:9443/v1', 0],
    ['http://api.example.com/v1', -1],
    ['https://other.example.com/', -1],
    ['https://a.internal.test/x', 1],
    ['https://localhost:8443/', 1],
    ['https://localhost:9443/', -1],
  ])('%s → certificate %i', (url, index) => {
    expect(matchClientCertificate(new URL(url), certificates)).toBe(index)
  })
})
