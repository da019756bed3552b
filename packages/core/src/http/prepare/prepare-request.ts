import { requestMethod, requestObject } from '../../collection/index.js'
import type { FileSource } from '../../ports/index.js'
import type { DynamicVariableProvider, VariableScopes } from '../../variables/index.js'
import type { PreparedRequest, RequestSettings, ResolvedAuth } from '../types.js'
import { buildBody } from './build-body.js'
import { buildHeaders, hasHeader } from './build-headers.js'
import { buildUrl } from './build-url.js'
import { resolveAuth } from './effective-auth.js'
import type { RequestTarget } from './request-target.js'
import { requestSettings, resolvedProtocolProfileBehavior } from './request-settings.js'
import { withSystemHeaders } from './system-headers.js'

/** Options for {@link prepareRequest}. */
export interface PrepareOptions {
  /** The variables to resolve with (collection variables included by the caller). */
  scopes: VariableScopes
  /** Reads form-data and binary body files. */
  files: FileSource
  /** Makes `{{$guid}}` and friends; pass a seeded one for reproducible runs. */
  dynamic?: DynamicVariableProvider
  /** Run options (Newman's `--timeout-request`, `--insecure`, `--ignore-redirects`…); see `requestSettings`. */
  settings?: Partial<RequestSettings>
  /** The `User-Agent` sent when the request sets none, such as `Courier/1.2.0`. Default `Courier`. */
  userAgent?: string
  /** What a `{{name}}` left in the URL does: `error` (default) or `keep` (sent as written, as Newman runs do). */
  unresolvedVariables?: 'error' | 'keep'
}

/** A prepared request and the auth to apply to it. */
export interface PrepareResult {
  request: PreparedRequest
  /** The inherited auth with its params resolved; undefined for none (`noauth`, or nothing set anywhere). */
  auth: ResolvedAuth | undefined
}

/**
 * Methods whose body Postman drops unless `protocolProfileBehavior.disableBodyPruning` is set (postman-runtime
 * `METHODS_WITHOUT_BODY` in requester/core.js).
 */
export const METHODS_WITHOUT_BODY: ReadonlySet<string> = new Set(['GET', 'COPY', 'HEAD', 'PURGE', 'UNLOCK'])

/**
 * Turns a request of the model into the request to send, as Newman builds it: URL resolved and encoded, enabled
 * headers resolved plus Newman's system headers, the body for its mode (files read), settings merged, and the
 * inherited auth resolved (applied later by the auth step).
 * @throws AppError VARIABLE_UNRESOLVED, HTTP_URL_INVALID, BODY_FILE_UNREADABLE, VARIABLE_CYCLE…
 * @example const { request, auth } = await prepareRequest(findRequest(collection, 'Get user', { source }), { scopes, files })
 */
export async function prepareRequest(target: RequestTarget, options: PrepareOptions): Promise<PrepareResult> {
  const request = requestObject(target.item.request) ?? {}
  const method = requestMethod(request)
  const settings = requestSettings(target, options.settings)
  const dynamic = options.dynamic === undefined ? {} : { dynamic: options.dynamic }
  const url = buildUrl(request.url, {
    scopes: options.scopes,
    ...dynamic,
    method,
    disableUrlEncoding: settings.disableUrlEncoding,
    ...(options.unresolvedVariables === undefined
      ? {}
      : { unresolvedVariables: options.unresolvedVariables }),
  })
  const headers = buildHeaders(request, { scopes: options.scopes, ...dynamic })

  let body: PreparedRequest['body'] = { type: 'none' }
  const pruned =
    METHODS_WITHOUT_BODY.has(method.toUpperCase()) &&
    resolvedProtocolProfileBehavior(target)['disableBodyPruning'] !== true
  if (request.body != null && request.body.disabled !== true && !pruned) {
    const built = await buildBody(request.body, {
      scopes: options.scopes,
      ...dynamic,
      files: options.files,
      method,
      url,
    })
    body = built.body
    if (
      built.contentType !== undefined &&
      settings.disabledSystemHeaders['content-type'] !== true &&
      !hasHeader(headers, 'Content-Type')
    )
      headers.push({ key: 'Content-Type', value: built.contentType })
  }

  const userAgent = options.userAgent === undefined ? {} : { userAgent: options.userAgent }
  return {
    request: {
      method,
      url,
      headers: withSystemHeaders(headers, { ...userAgent, disabled: settings.disabledSystemHeaders }),
      body,
      settings,
    },
    auth: resolveAuth(target, { scopes: options.scopes, ...dynamic }),
  }
}
