import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors/index.js'
import { createDynamicVariables } from './create-dynamic-variables.js'
import { SECRET_MASK } from './mask-variables.js'
import { resolveTemplate } from './resolve-template.js'
import type { Variable, VariableScopes } from './variable.js'

const env = (values: Record<string, unknown>): VariableScopes => ({
  environment: Object.entries(values).map(([key, value]): Variable => ({ key, value })),
})

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('resolveTemplate substitution', () => {
  it('substitutes {{name}} from the winning scope', () => {
    const scopes = { globals: [{ key: 'host', value: 'g' }], environment: [{ key: 'host', value: 'e' }] }
    expect(resolveTemplate('https://{{host}}/users?x={{host}}', scopes)).toBe('https://e/users?x=e')
  })

  it('resolves names holding spaces, slashes, backslashes, dots and dashes', () => {
    // Newman's slashed-variable-names suite: `{{fo/o}}` and `{{b\ar}}`.
    const scopes = env({ 'fo/o': 'alpha', 'b\\ar': 'beta', 'my var': 1, 'a.b-c': 2 })
    expect(resolveTemplate('{{fo/o}} {{b\\ar}} {{my var}} {{a.b-c}}', scopes)).toBe('alpha beta 1 2')
  })

  it('keeps an unknown variable as the literal {{name}}', () => {
    // Newman's var-replacement suite: `novar={{novar}}` is sent as written.
    expect(resolveTemplate('?novar={{novar}}&var={{var}}', env({ var: 'replaced' }))).toBe(
      '?novar={{novar}}&var=replaced',
    )
  })

  it('keeps an empty token and lone braces as written', () => {
    expect(resolveTemplate('{{}} {{ {a}} }}', env({ a: 1 }))).toBe('{{}} {{ {a}} }}')
  })

  it('renders numbers, booleans, null and a missing value like Postman, objects as JSON', () => {
    const scopes = env({ n: 0, b: false, z: null, u: undefined, o: { a: [1] } })
    expect(resolveTemplate('{{n}}|{{b}}|{{z}}|{{u}}|{{o}}', scopes)).toBe('0|false|null||{"a":[1]}')
  })

  it('skips a disabled variable and falls through to the lower scope', () => {
    const scopes = {
      globals: [{ key: 'x', value: 'g' }],
      collection: [{ key: 'x', value: 'c', disabled: true }],
      environment: [{ key: 'x', value: 'e', enabled: false }],
    }
    expect(resolveTemplate('{{x}}', scopes)).toBe('g')
  })
})

describe('resolveTemplate nesting', () => {
  it('resolves a value that itself holds {{other}}', () => {
    const scopes = {
      collection: [{ key: 'base', value: 'https://{{host}}/v{{version}}' }],
      environment: [
        { key: 'host', value: 'api.example.com' },
        { key: 'version', value: 2 },
      ],
    }
    expect(resolveTemplate('{{base}}/users', scopes)).toBe('https://api.example.com/v2/users')
  })

  it('resolves the inner name first in {{name{{i}}}}', () => {
    expect(resolveTemplate('{{user{{i}}}}', env({ i: 2, user1: 'ann', user2: 'bob' }))).toBe('bob')
  })

  it('resolves a nested name held in a value', () => {
    expect(resolveTemplate('{{pick}}', env({ pick: '{{user{{i}}}}', i: 1, user1: 'ann' }))).toBe('ann')
  })

  it('keeps the outer token when the nested name resolves to an unknown variable', () => {
    expect(resolveTemplate('{{user{{i}}}}', env({ i: 9 }))).toBe('{{user9}}')
  })

  it('resolves the same variable twice side by side without calling it a cycle', () => {
    expect(resolveTemplate('{{pair}}', env({ pair: '{{a}}{{a}}', a: 'x' }))).toBe('xx')
  })

  it('resolves 19 levels of nesting, as Postman does', () => {
    const values: Record<string, string> = { v19: 'end' }
    for (let i = 1; i < 19; i++) values[`v${i}`] = `{{v${i + 1}}}`
    expect(resolveTemplate('{{v1}}', env(values))).toBe('end')
  })
})

describe('resolveTemplate errors', () => {
  it('stops values that multiply other variables before they exhaust memory', () => {
    // v0 = 'xxxxxxxxxx', v1 = '{{v0}}' ×10, … v9: 10^10 × 10 characters if nothing stopped it.
    const values: Record<string, string> = { v0: 'x'.repeat(10) }
    for (let level = 1; level <= 9; level++) values[`v${level}`] = `{{v${level - 1}}}`.repeat(10)
    const error = thrown(() => resolveTemplate('{{v9}}', env(values)))
    expect(isAppError(error, 'VARIABLE_TOO_LARGE')).toBe(true)
    expect(error).toMatchObject({ details: { limitChars: 32 * 2 ** 20 } })
  })

  it('throws VARIABLE_CYCLE naming the chain when a variable refers to itself', () => {
    const error = thrown(() => resolveTemplate('{{a}}', env({ a: 'x{{a}}' })))
    expect(isAppError(error, 'VARIABLE_CYCLE')).toBe(true)
    expect(error).toMatchObject({
      message: expect.stringContaining('a → a'),
      details: { name: 'a', chain: ['a', 'a'] },
    })
  })

  it('throws VARIABLE_CYCLE naming the chain for an indirect cycle', () => {
    const error = thrown(() => resolveTemplate('go {{a}}', env({ a: '{{b}}', b: '{{c}}', c: '{{a}}' })))
    expect(isAppError(error, 'VARIABLE_CYCLE')).toBe(true)
    expect(error).toMatchObject({
      message: expect.stringContaining('a → b → c → a'),
      details: { name: 'a', chain: ['a', 'b', 'c', 'a'] },
    })
  })

  it('names only the cycle when it starts below the first variable', () => {
    const error = thrown(() => resolveTemplate('{{start}}', env({ start: '{{a}}', a: '{{b}}', b: '{{a}}' })))
    expect(error).toMatchObject({ details: { chain: ['a', 'b', 'a'] } })
  })

  it('throws VARIABLE_DEPTH_EXCEEDED past 19 levels of nesting', () => {
    const values: Record<string, string> = { v20: 'end' }
    for (let i = 1; i < 20; i++) values[`v${i}`] = `{{v${i + 1}}}`
    const error = thrown(() => resolveTemplate('{{v1}}', env(values)))
    expect(isAppError(error, 'VARIABLE_DEPTH_EXCEEDED')).toBe(true)
    expect(error).toMatchObject({ details: { name: 'v20', maxDepth: 19 } })
  })

  it('honours a custom maxDepth', () => {
    const scopes = env({ a: '{{b}}', b: '{{c}}', c: 'end' })
    expect(resolveTemplate('{{a}}', scopes, { maxDepth: 3 })).toBe('end')
    expect(
      isAppError(
        thrown(() => resolveTemplate('{{a}}', scopes, { maxDepth: 2 })),
        'VARIABLE_DEPTH_EXCEEDED',
      ),
    ).toBe(true)
  })

  it('limits nested names to 19 substitution passes, as Postman does', () => {
    // Each pass resolves the innermost token: `{{k{{k{{z}}}}}}` → `{{k{{k}}}}` → `{{k}}` → ''.
    const nested = (levels: number): string => '{{k'.repeat(levels) + '{{z}}' + '}}'.repeat(levels)
    const scopes = env({ k: '', z: '' })
    expect(resolveTemplate(nested(18), scopes)).toBe('')
    const error = thrown(() => resolveTemplate(nested(19), scopes))
    expect(isAppError(error, 'VARIABLE_DEPTH_EXCEEDED')).toBe(true)
    expect(error).toMatchObject({ details: { name: 'k', maxDepth: 19 } })
  })
})

describe('resolveTemplate dynamic variables', () => {
  const now = (): Date => new Date('2024-05-06T07:08:09.000Z')

  it('gives each occurrence of {{$guid}} a fresh value', () => {
    const [first, second] = resolveTemplate(
      '{{$guid}} {{$guid}}',
      {},
      { dynamic: createDynamicVariables() },
    ).split(' ')
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(first).not.toBe(second)
  })

  it('is deterministic for a seed and a clock', () => {
    const text = '{{$randomInt}} {{$randomEmail}} {{$timestamp}}'
    const a = resolveTemplate(text, {}, { dynamic: createDynamicVariables({ seed: 7, now }) })
    const b = resolveTemplate(text, {}, { dynamic: createDynamicVariables({ seed: 7, now }) })
    expect(a).toBe(b)
    expect(a).toMatch(/^\d+ \S+@\S+ 1714979289$/)
  })

  it('resolves dynamic variables without a provider', () => {
    expect(resolveTemplate('{{$randomInt}}', {})).toMatch(/^\d{1,4}$/)
  })

  it('keeps an unknown {{$foo}} as written', () => {
    expect(resolveTemplate('{{$foo}}', {}, { dynamic: createDynamicVariables({ seed: 1 }) })).toBe('{{$foo}}')
  })

  it('prefers a user variable named like a dynamic one', () => {
    expect(resolveTemplate('{{$guid}}', env({ $guid: 'mine' }))).toBe('mine')
  })

  it('resolves dynamic variables referenced inside values', () => {
    const dynamic = createDynamicVariables({ seed: 1, now })
    expect(resolveTemplate('{{stamp}}', env({ stamp: 't={{$isoTimestamp}}' }), { dynamic })).toBe(
      't=2024-05-06T07:08:09.000Z',
    )
  })
})

describe('resolveTemplate masking', () => {
  const scopes: VariableScopes = {
    environment: [
      { key: 'token', value: 's3cret', type: 'secret' },
      { key: 'auth', value: 'Bearer {{token}}' },
      { key: 'user', value: 'ann' },
    ],
  }

  it('resolves real secret values by default, to send requests', () => {
    expect(resolveTemplate('{{auth}} {{user}}', scopes)).toBe('Bearer s3cret ann')
  })

  it('masks secret values, even reached through another variable, with mask: secrets', () => {
    expect(resolveTemplate('{{auth}} {{user}} {{token}}', scopes, { mask: 'secrets' })).toBe(
      `Bearer ${SECRET_MASK} ann ${SECRET_MASK}`,
    )
  })
})
