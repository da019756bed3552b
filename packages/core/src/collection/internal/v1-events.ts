import { type JsonObject, type V1Context, isRecord, warn } from './v1-context.js'

function scriptEvent(listen: string, source: unknown): JsonObject {
  const exec = typeof source === 'string' ? source.split('\n') : source
  return { listen, script: { type: 'text/javascript', exec } }
}

/**
 * Converts v1 scripts to v2.1 `event`: the legacy `tests` / `preRequestScript` strings when present (Postman's
 * transformer treats them as the source of truth), otherwise the v2-style `events` list; undefined when none.
 */
export function convertV1Events(entity: JsonObject, ctx: V1Context): JsonObject[] | undefined {
  const { tests, preRequestScript } = entity
  if (tests || preRequestScript) {
    if (Array.isArray(entity.events) && entity.events.length > 0) {
      warn(
        ctx,
        '.events',
        'both legacy scripts (tests/preRequestScript) and events are present; events ignored',
      )
    }
    const events: JsonObject[] = []
    if (tests) events.push(scriptEvent('test', tests))
    if (preRequestScript) events.push(scriptEvent('prerequest', preRequestScript))
    return events
  }
  if (!Array.isArray(entity.events) || entity.events.length === 0) return undefined
  const events: JsonObject[] = []
  for (const entry of entity.events) {
    if (!isRecord(entry)) continue
    const event: JsonObject = { ...entry, listen: typeof entry.listen === 'string' ? entry.listen : 'test' }
    if (isRecord(entry.script)) {
      const script: JsonObject = { ...entry.script }
      if (!script.type) script.type = 'text/javascript'
      if (typeof script.exec === 'string') script.exec = script.exec.split('\n')
      event.script = script
    }
    events.push(event)
  }
  return events.length > 0 ? events : undefined
}

/** Converts v1 `variables` (or `variable`) to a v2.1 variable list; undefined when there are none. */
export function convertV1Variables(entity: JsonObject): JsonObject[] | undefined {
  const source = entity.variables ?? entity.variable
  if (!Array.isArray(source)) return undefined
  const variables: JsonObject[] = []
  for (const entry of source) {
    if (!isRecord(entry)) continue
    const variable: JsonObject = {}
    if (typeof entry.id === 'string' && entry.id !== '') variable.id = entry.id
    variable.key = entry.key ?? entry.id
    variable.value = entry.value
    variable.type =
      entry.type === 'text' ? 'string' : typeof entry.type === 'string' ? entry.type : valueType(entry.value)
    if (entry.disabled === true) variable.disabled = true
    if ('description' in entry) variable.description = entry.description
    variables.push(variable)
  }
  return variables.length > 0 ? variables : undefined
}

function valueType(value: unknown): string {
  const type = typeof value
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'any'
}
