/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1): its scheme, and its params by lower-case name. */
export interface Challenge {
  scheme: string
  params: Record<string, string>
  /** The token68 form (`NTLM TlRMTVNTUAACAAAA…`), when the challenge has one. */
  token68?: string
}

/** Parses `WWW-Authenticate` values into challenges; one value may hold several (`Basic realm="a", Digest …`). */
export function parseChallenges(values: readonly string[]): Challenge[] {
  return values.flatMap(parseOne)
}

function parseOne(value: string): Challenge[] {
  const challenges: Challenge[] = []
  let current: Challenge | undefined
  let commaSinceScheme = false
  let at = 0
  const skip = (pattern: RegExp): string => {
    const start = at
    while (at < value.length && pattern.test(value.charAt(at))) at += 1
    return value.slice(start, at)
  }
  while (at < value.length) {
    if (skip(/[\s,]/).includes(',')) commaSinceScheme = true
    const token = skip(/[^\s,=]/)
    if (token === '') {
      at += 1
      continue
    }
    skip(/[ \t]/)
    const equals = /^=*/.exec(value.slice(at))?.[0] ?? ''
    const after = value.slice(at + equals.length).trimStart()
    const endsHere = after === '' || after.startsWith(',')
    const canTakeToken68 =
      current !== undefined &&
      current.token68 === undefined &&
      Object.keys(current.params).length === 0 &&
      !commaSinceScheme
    if (current !== undefined && canTakeToken68 && endsHere) {
      current.token68 = token + equals
      at += equals.length
    } else if (current !== undefined && equals.length > 0) {
      at += 1
      skip(/[ \t]/)
      current.params[token.toLowerCase()] = readValue()
    } else {
      current = { scheme: token, params: {} }
      commaSinceScheme = false
      challenges.push(current)
    }
  }
  return challenges

  function readValue(): string {
    if (value.charAt(at) !== '"') return skip(/[^\s,]/)
    at += 1
    let text = ''
    while (at < value.length && value.charAt(at) !== '"') {
      if (value.charAt(at) === '\\' && at + 1 < value.length) at += 1
      text += value.charAt(at)
      at += 1
    }
    at += 1
    return text
  }
}
