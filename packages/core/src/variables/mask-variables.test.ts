import { describe, expect, it } from 'vitest'
import { SECRET_MASK, displayValue, maskVariables } from './mask-variables.js'
import type { Variable } from './variable.js'

describe('secret masking', () => {
  const secret: Variable = { key: 'token', value: 's3cret', type: 'secret' }
  const plain: Variable = { key: 'user', value: 'ann', type: 'default' }

  it('is four U+2022 bullets', () => {
    expect(SECRET_MASK).toBe('••••')
    expect([...SECRET_MASK].every((c) => c.codePointAt(0) === 0x2022)).toBe(true)
  })

  it('displays a secret masked unless showSecrets', () => {
    expect(displayValue(secret)).toBe(SECRET_MASK)
    expect(displayValue(secret, { showSecrets: false })).toBe(SECRET_MASK)
    expect(displayValue(secret, { showSecrets: true })).toBe('s3cret')
  })

  it('displays other variables as their text', () => {
    expect(displayValue(plain)).toBe('ann')
    expect(displayValue({ key: 'n', value: 3, type: 'number' })).toBe('3')
  })

  it('masks every secret in a list and returns a copy', () => {
    const list = [plain, secret]
    const masked = maskVariables(list)
    expect(masked).toEqual([plain, { ...secret, value: SECRET_MASK }])
    expect(masked).not.toBe(list)
    expect(masked[0]).not.toBe(plain)
    expect(secret.value).toBe('s3cret')
  })
})
