import { type JsonObject, type V1Context, isRecord, warn, withoutEmptyDescription } from './v1-context.js'

/** v1 `dataMode` → v2.1 `body.mode`. */
const MODES: Readonly<Record<string, string>> = {
  raw: 'raw',
  params: 'formdata',
  urlencoded: 'urlencoded',
  binary: 'file',
  graphql: 'graphql',
}

function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (isRecord(value)) return Object.keys(value).length === 0
  return false
}

/**
 * Converts a v1 request body (`dataMode`, `data`, `rawModeData`, `graphqlModeData`, `dataOptions`,
 * `dataDisabled`) to a v2.1 `body`, or undefined when the request has none.
 */
export function convertV1Body(request: JsonObject, ctx: V1Context): JsonObject | undefined {
  const { dataMode, data } = request
  const empty =
    isEmptyValue(data) && isEmptyValue(request.rawModeData) && isEmptyValue(request.graphqlModeData)
  // An explicit `dataMode: null` is the app saying "no body", whatever stale data is left around.
  if (dataMode === null || (dataMode === undefined && empty)) return undefined

  let mode = typeof dataMode === 'string' ? MODES[dataMode] : undefined
  if (dataMode !== undefined && mode === undefined) {
    warn(ctx, '.dataMode', `unknown dataMode ${JSON.stringify(dataMode)}; the body is read by its content`)
  }
  const raw = readRawModeData(request.rawModeData)
  const graphql = readGraphql(request)
  if (mode === undefined) {
    if (raw === undefined && Array.isArray(data ?? request.rawModeData)) mode = 'formdata'
    else if (raw === undefined && graphql !== undefined) mode = 'graphql'
    else mode = 'raw'
  }

  const body: JsonObject = { mode }
  switch (mode) {
    case 'raw':
      body.raw = raw || (typeof data === 'string' ? data : '')
      break
    case 'graphql':
      body.graphql = graphql ?? { query: '', variables: '' }
      break
    case 'file':
      body.file = raw === undefined ? {} : { src: raw }
      break
    default:
      body[mode] = convertParams(data ?? request.rawModeData)
  }
  const options = convertDataOptions(request.dataOptions)
  if (options) body.options = options
  if (request.dataDisabled === true) body.disabled = true
  return body
}

function readRawModeData(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  // Some exports wrap the raw text in a one-element array.
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0]
  return undefined
}

function readGraphql(request: JsonObject): JsonObject | undefined {
  if (isRecord(request.graphqlModeData) && !isEmptyValue(request.graphqlModeData)) {
    return { ...request.graphqlModeData }
  }
  // Older graphql exports keep `{ query, variables }` in `data` instead of `graphqlModeData`.
  if (request.dataMode === 'graphql' && isRecord(request.data) && !isEmptyValue(request.data)) {
    return { ...request.data }
  }
  return undefined
}

function convertParams(source: unknown): JsonObject[] {
  if (!Array.isArray(source)) return []
  const params: JsonObject[] = []
  for (const entry of source) {
    if (!isRecord(entry) || entry.key === undefined || entry.key === null) continue
    const param = withoutEmptyDescription(entry)
    if (param.type === 'file' && !param.src && param.value) {
      param.src = typeof param.value === 'string' || Array.isArray(param.value) ? param.value : null
      delete param.value
    }
    if ('enabled' in param) {
      if (param.enabled === false) param.disabled = true
      delete param.enabled
    }
    params.push(param)
  }
  return params
}

function convertDataOptions(source: unknown): JsonObject | undefined {
  if (!isRecord(source)) return undefined
  const options: JsonObject = {}
  for (const [v1Mode, value] of Object.entries(source)) {
    const mode = MODES[v1Mode]
    if (mode !== undefined && value) options[mode] = value
  }
  return options
}
