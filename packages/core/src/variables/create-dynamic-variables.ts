import type { Faker } from '@faker-js/faker'
import { faker as englishFaker } from '@faker-js/faker/locale/en'
import type { DynamicVariableName } from './internal/dynamic-generators.js'
import { dynamicGenerators } from './internal/dynamic-generators.js'

export type { DynamicVariableName } from './internal/dynamic-generators.js'

/**
 * Makes the values of Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`, `{{$randomEmail}}`…).
 * Each call makes a fresh value, as each occurrence in a request gets its own in Postman.
 * @example createDynamicVariables({ seed: 1 }).resolve('$randomInt') // '417'
 */
export interface DynamicVariableProvider {
  /** A fresh value for `name` (with its `$`), or undefined when it is not a dynamic variable. */
  resolve(name: string): string | undefined
}

/** Options for `createDynamicVariables`: a seed for reproducible values and a clock for the time-based ones. */
export interface DynamicVariablesOptions {
  /** Seeds the random generator so a run can be replayed. Default: a random seed. */
  seed?: number
  /** The clock behind `$timestamp`, `$isoTimestamp` and the `$randomDate…` family. Default: the system clock. */
  now?: () => Date
}

/**
 * Every dynamic variable name Postman documents, for docs and autocompletion.
 * @example dynamicVariableNames.includes('$randomEmail') // true
 */
export const dynamicVariableNames: readonly DynamicVariableName[] = Object.freeze(
  Object.keys(dynamicGenerators) as DynamicVariableName[],
)

/**
 * Tells whether `name` is one of Postman's dynamic variables (with its `$`).
 * @example isDynamicVariableName('$guid') // true
 */
export function isDynamicVariableName(name: string): name is DynamicVariableName {
  return Object.hasOwn(dynamicGenerators, name)
}

/**
 * Creates a provider of dynamic variable values with its own random generator: seed it and inject the clock for
 * deterministic tests and replayable runs.
 * @example resolveTemplate('{{$guid}}', scopes, { dynamic: createDynamicVariables({ seed: 42, now: () => fixed }) })
 */
export function createDynamicVariables(options: DynamicVariablesOptions = {}): DynamicVariableProvider {
  // The package's main entry loads every locale (~0.4 s on each CLI start); the English entry loads one but exports
  // only a shared instance. A fresh instance from its class and definitions keeps seeds per provider.
  const FakerClass = englishFaker.constructor as typeof Faker
  const faker = new FakerClass({ locale: englishFaker.rawDefinitions })
  if (options.seed !== undefined) faker.seed(options.seed)
  const now = options.now ?? (() => new Date())
  return {
    resolve(name) {
      if (!isDynamicVariableName(name)) return undefined
      return dynamicGenerators[name](faker, now())
    },
  }
}
