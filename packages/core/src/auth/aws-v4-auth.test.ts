import { describe, expect, it } from 'vitest'
import { authContext, preparedRequest } from '../../test/support/auth-fixtures.js'
import { awsV4Auth } from './aws-v4-auth.js'

const context = authContext({ now: new Date('2015-08-30T12:36:00Z') })

const request = preparedRequest

// The AWS SigV4 test suite's credentials (aws-sig-v4-test-suite).
const suite = {
  accessKey: 'AKIDEXAMPLE',
  secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 'service',
}

describe('AWS SigV4 test suite', () => {
  it('signs get-vanilla', async () => {
    const signed = await awsV4Auth({ type: 'awsv4', params: suite }, context).sign(
      request('https://example.amazonaws.com/'),
    )
    expect(signed.headers).toEqual([
      { key: 'X-Amz-Date', value: '20150830T123600Z' },
      {
        key: 'Authorization',
        value:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
          'SignedHeaders=host;x-amz-date, ' +
          'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
    ])
  })

  it('signs get-vanilla-query-order-key-case', async () => {
    const signed = await awsV4Auth({ type: 'awsv4', params: suite }, context).sign(
      request('https://example.amazonaws.com/?Param2=value2&Param1=value1'),
    )
    expect(signed.headers.find((h) => h.key === 'Authorization')?.value).toContain(
      'Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    )
  })
})

describe('awsV4Auth', () => {
  it('adds the session token and replaces stale auth headers', async () => {
    const signed = await awsV4Auth(
      { type: 'awsv4', params: { ...suite, sessionToken: 'tok' } },
      context,
    ).sign(
      request('https://example.amazonaws.com/', {
        headers: [
          { key: 'authorization', value: 'old' },
          { key: 'x-amz-date', value: '19990101T000000Z' },
        ],
      }),
    )
    expect(signed.headers.map((h) => h.key).sort()).toEqual([
      'Authorization',
      'X-Amz-Date',
      'X-Amz-Security-Token',
    ])
    expect(signed.headers.find((h) => h.key === 'Authorization')?.value).toContain(
      'SignedHeaders=host;x-amz-date;x-amz-security-token,',
    )
  })

  it('presigns in the query, keeping the rest of the URL', async () => {
    const signed = await awsV4Auth(
      { type: 'awsv4', params: { ...suite, addAuthDataToQuery: true } },
      context,
    ).sign(request('https://example.amazonaws.com/a%20b?x=%2f#f'))
    expect(signed.headers).toEqual([])
    expect(signed.url).toMatch(
      /^https:\/\/example\.amazonaws\.com\/a%20b\?x=%2f&X-Amz-Date=20150830T123600Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&X-Amz-SignedHeaders=host&X-Amz-Signature=[0-9a-f]{64}#f$/,
    )
  })

  it('requires both keys', () => {
    expect(() => awsV4Auth({ type: 'awsv4', params: { accessKey: 'a' } }, context)).toThrow(/secretKey/)
  })
})
