import { formatValue } from './format-value.js'
import type { Variable } from './variable.js'
import { isSecret } from './variable.js'

/**
 * What a secret looks like wherever it is printed or exported: four bullets (U+2022).
 * @example resolveTemplate('{{token}}', scopes, { mask: 'secrets' }) // '••••' when token is a secret
 */
export const SECRET_MASK = '\u2022\u2022\u2022\u2022'

/** Options for `displayValue`. */
export interface DisplayValueOptions {
  /** Print secrets in clear (the user asked to reveal them). Default false. */
  showSecrets?: boolean
}

/**
 * Renders a variable's value for display: the mask for a secret unless `showSecrets`, otherwise its text.
 * @example displayValue({ key: 'token', value: 'x', type: 'secret' }) // '••••'
 */
export function displayValue(variable: Variable, options: DisplayValueOptions = {}): string {
  if (isSecret(variable) && options.showSecrets !== true) return SECRET_MASK
  return formatValue(variable.value)
}

/**
 * Returns a copy of a variable list safe to print or export: every secret's value replaced by the mask.
 * @example maskVariables([{ key: 'token', value: 'x', type: 'secret' }]) // [{ key: 'token', value: '••••', type: 'secret' }]
 */
export function maskVariables(list: readonly Variable[]): Variable[] {
  return list.map((variable) => (isSecret(variable) ? { ...variable, value: SECRET_MASK } : { ...variable }))
}
