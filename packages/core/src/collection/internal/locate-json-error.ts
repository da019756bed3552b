/** Where a JSON text stops being valid, and what the parser expected there. */
export interface JsonErrorLocation {
  offset: number
  expected: string
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r'])

/**
 * Scans invalid JSON text (only after JSON.parse failed, so speed matters little) and returns the offset of the
 * first error. Iterative, so deeply nested input cannot overflow the stack. V8's messages do not always carry a
 * position (`Unexpected token 'k', "key, value"... is not valid JSON`), hence this scanner.
 */
export function locateJsonError(text: string): JsonErrorLocation {
  let i = 0
  // Each open container: '{' or '['.
  const stack: string[] = []
  const skip = (): void => {
    while (i < text.length && WHITESPACE.has(text[i] ?? '')) i++
  }
  const fail = (expected: string): JsonErrorLocation => ({
    offset: i,
    expected: i >= text.length ? `unexpected end of input, ${expected}` : expected,
  })

  // state: 'value' (a value is required), 'after' (a value just ended), 'key' (a property name is required)
  let state: 'value' | 'after' | 'key' | 'first-key' | 'first-value' = 'value'
  for (;;) {
    skip()
    const c = text[i]
    if (state === 'value' || state === 'first-value') {
      if (state === 'first-value' && c === ']') {
        stack.pop()
        i++
        state = 'after'
        continue
      }
      if (c === '{') {
        stack.push('{')
        i++
        state = 'first-key'
        continue
      }
      if (c === '[') {
        stack.push('[')
        i++
        state = 'first-value'
        continue
      }
      if (c === '"') {
        const error = scanString()
        if (error !== undefined) return error
        state = 'after'
        continue
      }
      const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i, i + 400),
      )
      if (literal === null) return fail('expected a JSON value')
      i += literal[0].length
      state = 'after'
      continue
    }
    if (state === 'key' || state === 'first-key') {
      if (state === 'first-key' && c === '}') {
        stack.pop()
        i++
        state = 'after'
        continue
      }
      if (c !== '"') return fail('expected a double-quoted property name')
      const error = scanString()
      if (error !== undefined) return error
      skip()
      if (text[i] !== ':') return fail("expected ':' after the property name")
      i++
      state = 'value'
      continue
    }
    // state === 'after'
    const top = stack.at(-1)
    if (top === undefined) {
      if (i >= text.length) return { offset: i, expected: 'no error found' }
      return fail('expected end of input after the JSON value')
    }
    if (c === ',') {
      i++
      state = top === '{' ? 'key' : 'value'
    } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop()
      i++
    } else {
      return fail(
        top === '{'
          ? "expected ',' or '}' after a property value"
          : "expected ',' or ']' after an array element",
      )
    }
  }

  function scanString(): JsonErrorLocation | undefined {
    i++
    for (;;) {
      const c = text[i]
      if (c === undefined) return fail('expected a closing double quote')
      if (c === '"') {
        i++
        return undefined
      }
      if (c < ' ') return fail('expected no control character inside a string (escape it)')
      if (c === '\\') {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail('expected 4 hex digits after \\u')
          i += 6
          continue
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return fail('expected a valid escape sequence')
        i += 2
        continue
      }
      i++
    }
  }
}

/** Converts a 0-based offset into 1-based line and column (columns count UTF-16 code units, like editors). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return { line, column: offset - lineStart + 1 }
}
