import aws4 from 'aws4'
import type { OutgoingHttpHeaders } from 'node:http'
import type { PreparedRequest, ResolvedAuth } from '../http/types.js'
import { readParams } from './internal/params.js'
import {
  bodyBytes,
  parsePairs,
  removeHeaders,
  requestTarget,
  setHeader,
  setQueryParams,
  splitUrl,
} from './internal/request-edit.js'
import type { AuthContext, AuthHandler } from './types.js'

/** Headers a previous signing may have left; Postman drops them before signing again. */
const staleHeaders = ['authorization', 'x-amz-date', 'x-amz-security-token']

/**
 * AWS Signature Version 4 (via `aws4`) with Postman's params: `accessKey`, `secretKey`, `sessionToken`, `region`,
 * `service` (guessed from the host when empty), `addAuthDataToQuery` (presigned query instead of headers). The
 * date comes from the context's clock. Multipart bodies are signed as `UNSIGNED-PAYLOAD`.
 * @example awsV4Auth({ type: 'awsv4', params: { accessKey, secretKey, region: 'us-east-1', service: 'execute-api' } }, context)
 */
export function awsV4Auth(auth: ResolvedAuth, context: AuthContext): AuthHandler {
  const params = readParams(auth)
  const credentials = {
    accessKeyId: params.required('accessKey'),
    secretAccessKey: params.required('secretKey'),
    ...(params.optional('sessionToken') === undefined
      ? {}
      : { sessionToken: params.required('sessionToken') }),
  }
  const signQuery = params.flag('addAuthDataToQuery', false)

  return {
    type: 'awsv4',
    needsSession: false,
    sign(input: PreparedRequest) {
      let request = removeHeaders(input, staleHeaders)
      const body = bodyBytes(request.body)
      if (body === undefined) request = setHeader(request, 'X-Amz-Content-Sha256', 'UNSIGNED-PAYLOAD')
      const url = new URL(request.url)
      const headers: OutgoingHttpHeaders = { Host: url.host }
      for (const header of request.headers) headers[header.key] = header.value
      const options: aws4.Request = {
        host: url.host,
        method: request.method,
        path: requestTarget(request.url),
        headers,
        signQuery,
        ...(params.optional('service') === undefined ? {} : { service: params.required('service') }),
        ...(params.optional('region') === undefined ? {} : { region: params.required('region') }),
        ...(body === undefined || body.length === 0 ? {} : { body: Buffer.from(body) }),
      }
      const signer = new aws4.RequestSigner(options, credentials)
      signer.datetime = context.clock
        .now()
        .toISOString()
        .replace(/[:-]|\.\d{3}/g, '')
      const signed = signer.sign()
      if (signQuery) {
        const amz = parsePairs(splitUrl(signed.path ?? '').query).filter(([name]) =>
          name.startsWith('X-Amz-'),
        )
        return Promise.resolve(setQueryParams(request, amz))
      }
      // Copy back what aws4 added and signed (Authorization, X-Amz-*, a default Content-Type); the transport
      // writes Host itself, from the same URL.
      const known = new Set(request.headers.map((header) => header.key.toLowerCase()))
      for (const [key, value] of Object.entries(signed.headers ?? {})) {
        if (key.toLowerCase() === 'host' || known.has(key.toLowerCase()) || value === undefined) continue
        request = setHeader(request, key, Array.isArray(value) ? value.join(', ') : String(value))
      }
      return Promise.resolve(request)
    },
  }
}
