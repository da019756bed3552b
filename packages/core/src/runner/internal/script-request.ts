import type { Body, Item } from '../../collection/index.js'
import { descriptionText, requestMethod, requestObject, requestUrlText } from '../../collection/index.js'
import type { SentRequest } from '../../send/index.js'
import type { ScriptFormField, ScriptRequest } from '../../sandbox/index.js'

/** `pm.request` before the send: the item's request as written, `{{variables}}` unresolved (as Postman shows it). */
export function scriptRequestOf(item: Item): ScriptRequest {
  const request = requestObject(item.request) ?? {}
  const headers = (Array.isArray(request.header) ? request.header : [])
    .filter((header) => header.disabled !== true)
    .map((header) => ({ key: header.key ?? '', value: textOf(header['value']) }))
  const body = request.body
  const description = descriptionText(request.description ?? undefined)
  const form = formOf(body)
  return {
    method: requestMethod(item.request),
    url: requestUrlText(item.request),
    headers,
    ...(body?.mode === 'raw' && typeof body.raw === 'string' ? { body: body.raw } : {}),
    ...(description === undefined ? {} : { description }),
    ...(form === undefined ? {} : { form }),
  }
}

/**
 * `pm.request` in test scripts: the request as it went on the wire, with what only the item knows (its description
 * and form fields, for the legacy `request` global) kept from the script request before the send.
 */
export function scriptRequestSent(sent: SentRequest, before?: ScriptRequest): ScriptRequest {
  return {
    method: sent.method,
    url: sent.url,
    headers: withHost(sent),
    ...(sent.body.type === 'text' ? { body: sent.body.text } : {}),
    ...(before?.description === undefined ? {} : { description: before.description }),
    ...(before?.form === undefined ? {} : { form: before.form }),
  }
}

/** The headers as on the wire: with the Host header the transport writes from the URL, as Postman shows it. */
function withHost(sent: SentRequest): SentRequest['headers'] {
  if (sent.headers.some((header) => header.key.toLowerCase() === 'host')) return sent.headers
  const host = URL.canParse(sent.url) ? new URL(sent.url).host : ''
  return host === '' ? sent.headers : [...sent.headers, { key: 'Host', value: host }]
}

/** The enabled fields of a urlencoded or form-data body (a file field without a value, as Postman gives it). */
function formOf(body: Body | null | undefined): ScriptFormField[] | undefined {
  if (body == null || body.disabled === true) return undefined
  const fields =
    body.mode === 'urlencoded' ? body.urlencoded : body.mode === 'formdata' ? body.formdata : undefined
  if (fields === undefined) return undefined
  return fields
    .filter((field) => field.disabled !== true)
    .map((field) =>
      field['type'] === 'file'
        ? { key: field.key ?? '' }
        : { key: field.key ?? '', value: textOf(field['value']) },
    )
}

/**
 * The item a pre-request script left behind: unchanged when the script did not touch `pm.request`, otherwise the
 * item with the script's method, URL, headers and raw body, so the one pipeline (`prepareRequest`) sends it.
 */
export function applyScriptRequest(item: Item, before: ScriptRequest, after: ScriptRequest): Item {
  if (JSON.stringify(before) === JSON.stringify(after)) return item
  const request = requestObject(item.request) ?? {}
  const body =
    after.body === undefined || after.body === before.body
      ? request.body
      : { ...(request.body ?? {}), mode: 'raw', raw: after.body }
  return {
    ...item,
    request: {
      ...request,
      method: after.method,
      url: after.url,
      header: after.headers.map((header) => ({ key: header.key, value: header.value })),
      ...(body == null ? {} : { body }),
    },
  }
}

function textOf(value: unknown): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}
