import { TOKEN } from './internal/expand.js'
import type { ResolveOptions } from './resolve-template.js'
import { resolveTemplate } from './resolve-template.js'
import type { VariableScopes } from './variable.js'

/**
 * Names the tokens that stay unresolved in `text` once everything resolvable is substituted, each once, in order
 * of appearance. Includes unknown names met inside variable values and unknown `$` names.
 * @throws AppError `VARIABLE_CYCLE` or `VARIABLE_DEPTH_EXCEEDED`, as `resolveTemplate` does.
 * @example listUnresolved('{{host}}/{{path}}', { environment: [{ key: 'host', value: 'a' }] }) // ['path']
 */
export function listUnresolved(text: string, scopes: VariableScopes, options: ResolveOptions = {}): string[] {
  const resolved = resolveTemplate(text, scopes, options)
  // Resolution ends with a pass that changed nothing, so every token left in the text is unresolved.
  const names = new Set<string>()
  for (const match of resolved.matchAll(TOKEN)) names.add(match[1] ?? '')
  return [...names]
}
