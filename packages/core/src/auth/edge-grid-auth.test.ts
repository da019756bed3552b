import { describe, expect, it } from 'vitest'
import { authContext, preparedRequest } from '../../test/support/auth-fixtures.js'
import { edgeGridAuth, edgeGridHeader } from './edge-grid-auth.js'

const context = authContext({ now: new Date('2014-03-21T19:34:21.123Z') })

const request = preparedRequest

// Akamai's published EdgeGrid test data (AkamaiOPEN-edgegrid testdata.json).
const host = 'https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net'
const input = {
  clientToken: 'akab-client-token-xxx-xxxxxxxxxxxxxxxx',
  accessToken: 'akab-access-token-xxx-xxxxxxxxxxxxxxxx',
  clientSecret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=',
  timestamp: '20140321T19:34:21+0000',
  nonce: 'nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
  maxBodyBytes: 2048,
}
const prefix =
  'EG1-HMAC-SHA256 client_token=akab-client-token-xxx-xxxxxxxxxxxxxxxx;access_token=akab-access-token-xxx-xxxxxxxxxxxxxxxx;' +
  'timestamp=20140321T19:34:21+0000;nonce=nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx;signature='

describe('Akamai EdgeGrid test data', () => {
  it.each([
    ['simple GET', request(`${host}/`), 'tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU='],
    [
      'GET with a query',
      request(`${host}/testapi/v1/t1?p1=1&p2=2`),
      'hKDH1UlnQySSHjvIcZpDMbQHihTQ0XyVAKZaApabdeA=',
    ],
    [
      'POST inside the body limit',
      request(`${host}/testapi/v1/t3`, {
        method: 'POST',
        body: { type: 'text', text: 'datadatadatadatadatadatadatadata' },
      }),
      'hXm4iCxtpN22m4cbZb4lVLW5rhX8Ca82vCFqXzSTPe4=',
    ],
    [
      'POST with an empty body',
      request(`${host}/testapi/v1/t6`, { method: 'POST', body: { type: 'text', text: '' } }),
      '1gEDxeQGD5GovIkJJGcBaKnZ+VaPtrc4qBUHixjsPCQ=',
    ],
  ])('%s', (_name, req, signature) => {
    expect(edgeGridHeader(req, input)).toBe(prefix + signature)
  })
})

describe('edgeGridAuth', () => {
  it('formats the timestamp, makes a UUID nonce and signs listed headers', async () => {
    const handler = edgeGridAuth(
      { type: 'edgegrid', params: { ...input, timestamp: '', nonce: '', headersToSign: 'X-A, x-b' } },
      context,
    )
    const req = request(`${host}/`, { headers: [{ key: 'X-A', value: ' a   b ' }] })
    const signed = await handler.sign(req)
    const value = signed.headers.find((h) => h.key === 'Authorization')?.value
    expect(value).toContain(';timestamp=20140321T19:34:21+0000;nonce=00000000-0000-4000-8000-000000000000;')
    const unsignedHeaders = edgeGridHeader(req, {
      ...input,
      timestamp: '20140321T19:34:21+0000',
      nonce: '00000000-0000-4000-8000-000000000000',
    })
    expect(value).not.toBe(unsignedHeaders)
  })

  it('requires the three tokens', () => {
    expect(() =>
      edgeGridAuth({ type: 'edgegrid', params: { clientToken: 'c', accessToken: 'a' } }, context),
    ).toThrow(/clientSecret/)
  })
})
