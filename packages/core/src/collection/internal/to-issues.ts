import type { z } from 'zod'
import type { Issue } from '../../errors/index.js'

type PathSegment = PropertyKey

/** Formats a path such as `['item', 3, 'request']` as the JSON path `$.item[3].request`. */
export function jsonPath(segments: readonly PathSegment[], root = '$'): string {
  let path = root
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`
    else path += `[${JSON.stringify(String(segment))}]`
  }
  return path
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)

const kindOf = (input: unknown): string =>
  input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input

/**
 * Turns zod issues into Courier issues with JSON paths. A failed union is reported at the deepest point of the
 * branch whose outer type matched (an object that fails deep inside is reported there, not as "invalid input").
 */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PathSegment[] = []): Issue[] {
  const result: Issue[] = []
  for (const issue of issues) {
    const path = [...prefix, ...issue.path]
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const matched = issue.errors.find(
        (branch) => !branch.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
      )
      if (matched !== undefined) {
        result.push(...toIssues(matched, path))
        continue
      }
    }
    let message = issue.message
    if (issue.code === 'invalid_type' && !message.startsWith('expected ')) {
      message = `expected ${article(issue.expected)}, got ${kindOf(issue.input)}`
    }
    result.push({ path: jsonPath(path), message })
  }
  return result
}
