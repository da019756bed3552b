import { describe, expect, it } from 'vitest'
import { environmentFileName, keptStem, sanitiseName, uniqueStems } from './file-names.js'

describe('file names', () => {
  it('replaces each run of forbidden characters with one dash, as the Postman app does', () => {
    expect(sanitiseName('/records')).toBe('-records')
    expect(sanitiseName('"first name"')).toBe('-first name-')
    expect(sanitiseName('GET /applications/:id - x')).toBe('GET -applications-id - x')
    expect(sanitiseName('Ünïcode & (parens) — dash')).toBe('Ünïcode & (parens) — dash')
  })

  it('cuts stems at 64 characters and never gives an empty or reserved name', () => {
    const long = `${'a'.repeat(63)} tail`
    expect(sanitiseName(long)).toBe('a'.repeat(63))
    expect(sanitiseName('')).toBe('Untitled')
    expect(sanitiseName(undefined)).toBe('Untitled')
    expect(sanitiseName('..')).toBe('-.')
    expect(sanitiseName('.resources')).toBe('-resources')
  })

  it('suffixes later duplicates -1, -2… compared case-insensitively', () => {
    expect(uniqueStems(['Users', 'users', 'Users', 'Users-1'])).toStrictEqual([
      'Users',
      'users-1',
      'Users-2',
      'Users-1-1',
    ])
  })

  it('keeps a stem only when the name does not give it', () => {
    expect(keptStem('Get user', 'Get user')).toBeUndefined()
    expect(keptStem('Get user', 'Get user-2')).toBeUndefined()
    expect(keptStem('Get user', 'get-user')).toBe('get-user')
  })

  it('names environment and globals files', () => {
    expect(environmentFileName('Dev: EU', 'environment')).toBe('Dev- EU.environment.yaml')
    expect(environmentFileName('Globals', 'globals')).toBe('workspace.globals.yaml')
  })
})
