import { AppError } from '../../errors/index.js'
import type { DynamicVariableProvider } from '../create-dynamic-variables.js'
import { createDynamicVariables } from '../create-dynamic-variables.js'
import { findVariable } from '../find-variable.js'
import { formatValue } from '../format-value.js'
import { SECRET_MASK } from '../mask-variables.js'
import type { VariableScopes } from '../variable.js'
import { isSecret } from '../variable.js'

/**
 * Postman's token: `{{` then anything but braces, lazily, then `}}` (postman-collection's
 * `Substitutor.REGEX_EXTRACT_VARS`). Names may hold spaces, `/`, `\`, `.` and `-`; never `{` or `}`, which is why
 * the inner token of `{{name{{i}}}}` is matched first.
 */
export const TOKEN = /\{\{([^{}]*?)\}\}/g

/**
 * Postman gives up after 19 substitution passes (`Substitutor.VARS_SUBREPLACE_LIMIT`), so 19 levels of nesting
 * resolve and a 20th does not. We keep the number and raise an error instead of leaving the token in silence.
 */
export const DEFAULT_MAX_DEPTH = 19

/**
 * The longest text one resolution may produce. Values that each repeat another variable several times grow
 * exponentially within the depth limit (a "billion laughs" in a collection written by a stranger); this stops
 * them long before memory runs out, far above any real URL, header or body template.
 */
export const MAX_RESOLVED_CHARS = 32 * 2 ** 20

/** Everything one resolution needs; built per call, so no state outlives it. */
export interface ExpandContext {
  scopes: VariableScopes
  maskSecrets: boolean
  maxDepth: number
  dynamic: () => DynamicVariableProvider
}

/** Builds a context; the default dynamic provider is created on first use only. */
export function createExpandContext(
  scopes: VariableScopes,
  options: { dynamic?: DynamicVariableProvider; mask?: 'none' | 'secrets'; maxDepth?: number },
): ExpandContext {
  let dynamic = options.dynamic
  return {
    scopes,
    maskSecrets: options.mask === 'secrets',
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    dynamic: () => (dynamic ??= createDynamicVariables()),
  }
}

/**
 * Substitutes every token of `text`, pass after pass, until a pass changes nothing: a pass resolves the innermost
 * tokens, so a nested name (`{{name{{i}}}}`) resolves on the next pass. Unknown tokens stay as written. `chain`
 * holds the names being expanded above this text, to name a cycle.
 */
export function expand(text: string, context: ExpandContext, chain: readonly string[]): string {
  let current = text
  for (let pass = 1; ; pass++) {
    let lastName: string | undefined
    let length = current.length
    const next = current.replace(TOKEN, (match, name: string) => {
      const value = lookup(name, context, chain)
      if (value === undefined) return match
      lastName = name
      length += value.length - match.length
      if (length > MAX_RESOLVED_CHARS) throw tooLarge(name)
      return value
    })
    if (lastName === undefined) return next
    // Substitutions can keep forming new tokens (a value of `{` before `{a}}`); stop where Postman stops.
    if (pass > context.maxDepth) throw depthExceeded(lastName, context.maxDepth)
    current = next
  }
}

/** The text for one token, its own references expanded, or undefined when nothing defines it. */
function lookup(name: string, context: ExpandContext, chain: readonly string[]): string | undefined {
  const variable = findVariable(name, context.scopes)
  if (variable === undefined) {
    // Dynamic variables rank below every scope: a user's own `$guid` wins, as in Postman's Substitutor.
    return name.startsWith('$') ? context.dynamic().resolve(name) : undefined
  }
  if (chain.includes(name)) {
    const cycle = [...chain.slice(chain.indexOf(name)), name]
    throw new AppError('VARIABLE_CYCLE', `variable "${name}" refers to itself: ${cycle.join(' → ')}`, {
      name,
      chain: cycle,
    })
  }
  if (chain.length >= context.maxDepth) throw depthExceeded(name, context.maxDepth)
  if (context.maskSecrets && isSecret(variable)) return SECRET_MASK
  return expand(formatValue(variable.value), context, [...chain, name])
}

function tooLarge(name: string): AppError<'VARIABLE_TOO_LARGE'> {
  return new AppError(
    'VARIABLE_TOO_LARGE',
    `variable "${name}": its resolved text grows past ${MAX_RESOLVED_CHARS} characters`,
    { name, limitChars: MAX_RESOLVED_CHARS },
  )
}

function depthExceeded(name: string, maxDepth: number): AppError<'VARIABLE_DEPTH_EXCEEDED'> {
  return new AppError(
    'VARIABLE_DEPTH_EXCEEDED',
    `variable "${name}": references nest deeper than ${maxDepth} levels`,
    { name, maxDepth },
  )
}
