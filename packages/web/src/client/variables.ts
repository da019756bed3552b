import { createContext, useContext } from 'react'

/** Looks a `{{name}}` up in the active scopes (environment, collection, globals); undefined when unknown. */
export type ResolveVariable = (name: string) => string | undefined

export const VariablesContext = createContext<ResolveVariable>(() => undefined)

export function useResolveVariable(): ResolveVariable {
  return useContext(VariablesContext)
}

export interface TextPart {
  text: string
  variable?: string
}

/** Splits text into plain parts and `{{variable}}` parts, for highlighting. */
export function splitVariables(text: string): TextPart[] {
  const parts: TextPart[] = []
  let last = 0
  for (const match of text.matchAll(/\{\{([^{}]+)\}\}/g)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) })
    parts.push({ text: match[0], variable: (match[1] ?? '').trim() })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last) })
  return parts
}
