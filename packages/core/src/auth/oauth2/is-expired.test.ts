import { describe, expect, it } from 'vitest'
import { isExpired } from './is-expired.js'

const now = new Date('2026-01-01T12:00:00Z')

describe('isExpired', () => {
  it('counts a token expiring within 30 s as expired', () => {
    expect(isExpired({ expiresAt: '2026-01-01T12:00:31Z' }, now)).toBe(false)
    expect(isExpired({ expiresAt: '2026-01-01T12:00:30Z' }, now)).toBe(true)
    expect(isExpired({ expiresAt: '2026-01-01T11:00:00Z' }, now)).toBe(true)
  })

  it('takes another skew, and never expires a token without expiresAt', () => {
    expect(isExpired({ expiresAt: '2026-01-01T12:00:01Z' }, now, 0)).toBe(false)
    expect(isExpired({}, now)).toBe(false)
  })

  it('treats an unreadable expiresAt as expired', () => {
    expect(isExpired({ expiresAt: 'tomorrow' }, now)).toBe(true)
  })
})
