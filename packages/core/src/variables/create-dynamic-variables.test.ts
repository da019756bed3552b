import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createDynamicVariables,
  dynamicVariableNames,
  isDynamicVariableName,
} from './create-dynamic-variables.js'

const clock = new Date('2024-05-06T07:08:09.500Z')
const now = (): Date => clock
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function sample(name: string, seed = 1): string[] {
  const provider = createDynamicVariables({ seed, now })
  return Array.from({ length: 20 }, () => provider.resolve(name) ?? '')
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('dynamicVariableNames', () => {
  it("lists Postman's 118 documented dynamic variables, each once", () => {
    // postman-collection lib/superstring/dynamic-variables.js
    expect(dynamicVariableNames).toHaveLength(118)
    expect(new Set(dynamicVariableNames).size).toBe(118)
    for (const name of [
      '$guid',
      '$timestamp',
      '$isoTimestamp',
      '$randomInt',
      '$randomUUID',
      '$randomLoremLines',
    ])
      expect(dynamicVariableNames).toContain(name)
  })

  it('makes a non-empty string for every name without throwing or warning', () => {
    const warn = vi.spyOn(console, 'warn')
    const provider = createDynamicVariables({ seed: 3, now })
    for (const name of dynamicVariableNames) {
      for (let i = 0; i < 5; i++) {
        const value = provider.resolve(name)
        expect(typeof value, name).toBe('string')
        expect(value?.length, name).toBeGreaterThan(0)
      }
    }
    // faker prints a deprecation warning for APIs it will remove; none may be in use.
    expect(warn).not.toHaveBeenCalled()
  })

  it('tells dynamic names from others', () => {
    expect(isDynamicVariableName('$randomEmail')).toBe(true)
    expect(isDynamicVariableName('$foo')).toBe(false)
    expect(isDynamicVariableName('toString')).toBe(false)
  })
})

describe('createDynamicVariables', () => {
  it('returns undefined for an unknown $ name', () => {
    expect(createDynamicVariables().resolve('$foo')).toBeUndefined()
  })

  it('gives the same sequence for the same seed and another for another seed', () => {
    for (const name of dynamicVariableNames) expect(sample(name), name).toEqual(sample(name))
    expect(sample('$randomFullName', 1)).not.toEqual(sample('$randomFullName', 2))
  })

  it('makes $guid and $randomUUID v4 UUIDs, fresh on every call', () => {
    for (const name of ['$guid', '$randomUUID']) {
      const values = sample(name)
      for (const value of values) expect(value).toMatch(UUID_V4)
      expect(new Set(values).size).toBe(values.length)
    }
  })

  it('makes $timestamp the unix seconds of the injected clock, rounded as Postman does', () => {
    expect(sample('$timestamp')[0]).toBe(String(Math.round(clock.getTime() / 1000)))
    expect(sample('$timestamp')[0]).toBe('1714979290')
  })

  it('makes $isoTimestamp the ISO 8601 time of the injected clock', () => {
    expect(sample('$isoTimestamp')[0]).toBe('2024-05-06T07:08:09.500Z')
  })

  it('makes $randomInt an integer in 0..1000', () => {
    const provider = createDynamicVariables({ seed: 5 })
    for (let i = 0; i < 500; i++) {
      const value = Number(provider.resolve('$randomInt'))
      expect(Number.isInteger(value) && value >= 0 && value <= 1000).toBe(true)
    }
  })

  it('dates the $randomDate… family around the injected clock', () => {
    for (const value of sample('$randomDatePast')) expect(Date.parse(value)).toBeLessThan(clock.getTime())
    for (const value of sample('$randomDateRecent')) expect(Date.parse(value)).toBeLessThan(clock.getTime())
    for (const value of sample('$randomDateFuture'))
      expect(Date.parse(value)).toBeGreaterThan(clock.getTime())
  })

  it.each([
    ['$randomAlphaNumeric', /^[a-zA-Z0-9]$/],
    ['$randomBoolean', /^(true|false)$/],
    ['$randomHexColor', /^#[0-9a-f]{6}$/],
    ['$randomIP', /^(\d{1,3}\.){3}\d{1,3}$/],
    ['$randomIPV6', /^([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}$/],
    ['$randomMACAddress', /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/],
    ['$randomPassword', /^\S{15}$/],
    ['$randomLocale', /^[a-z]{2}$/],
    ['$randomProtocol', /^https?$/],
    ['$randomSemver', /^\d+\.\d+\.\d+$/],
    ['$randomPhoneNumber', /^\d{3}-\d{3}-\d{4}$/],
    ['$randomPhoneNumberExt', /^\d{1,2}-\d{3}-\d{3}-\d{4}$/],
    ['$randomCountryCode', /^[A-Z]{2}$/],
    ['$randomLatitude', /^-?\d+(\.\d+)?$/],
    ['$randomLongitude', /^-?\d+(\.\d+)?$/],
    ['$randomBankAccount', /^\d{8}$/],
    ['$randomCreditCardMask', /^\d{4}$/],
    ['$randomPrice', /^\d{3}\.\d{2}$/],
    ['$randomCurrencyCode', /^[A-Z]{3}$/],
    ['$randomBankAccountIban', /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/],
    ['$randomBankAccountBic', /^[A-Z0-9]{8}([A-Z0-9]{3})?$/],
    ['$randomEmail', /^\S+@\S+\.\S+$/],
    ['$randomExampleEmail', /^\S+@example\.(com|net|org)$/],
    ['$randomUrl', /^https?:\/\/\S+$/],
    ['$randomImageUrl', /^https?:\/\/\S+$/],
    ['$randomCatsImage', /^https?:\/\/\S+cats\S*$/],
    ['$randomAvatarImage', /^https?:\/\/\S+$/],
    ['$randomImageDataUri', /^data:image\/svg\+xml;/],
    ['$randomDomainName', /^[\w-]+\.[a-z]+$/],
    ['$randomDomainWord', /^[\w-]+$/],
    ['$randomDirectoryPath', /^\/\S*$/],
    ['$randomFilePath', /^\/\S*\.\w+$/],
    ['$randomFileName', /^\S+\.\w+$/],
    ['$randomMimeType', /^[\w.+-]+\/[\w.+-]+$/],
    ['$randomWords', /^\S+( \S+){1,4}$/],
    ['$randomLoremSlug', /^[a-z]+(-[a-z]+)*$/],
    ['$randomMonth', /^[A-Z][a-z]+$/],
    ['$randomWeekday', /^[A-Z][a-z]+day$/],
    ['$randomCompanySuffix', /^(Inc|and Sons|LLC|Group)$/],
  ])('makes %s in its documented shape', (name, shape) => {
    for (const value of sample(name)) expect(value).toMatch(shape)
  })

  it('makes $randomLoremLines 1 to 5 lines', () => {
    for (const value of sample('$randomLoremLines')) {
      const lines = value.split('\n').length
      expect(lines >= 1 && lines <= 5).toBe(true)
    }
  })
})
