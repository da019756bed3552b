// A fast, non-copying check of exactly the structure `collectionSchema` (../collection-schema.ts) accepts. zod's
// loose objects copy every object they validate, which costs more than JSON.parse on a 20 MB collection; this walk
// copies nothing. It only answers yes or no: on "no", parseDocument runs zod for the issues and their paths.
// is-collection-shape.test.ts checks both agree on the corpus and on thousands of random mutations of it.

type Check = (value: unknown) => boolean

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string'
const isNullishString = (value: unknown): boolean => value == null || typeof value === 'string'
const isOptionalBoolean = (value: unknown): boolean => value === undefined || typeof value === 'boolean'
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const nullish =
  (check: Check): Check =>
  (value) =>
    value == null || check(value)
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check)

const isDescription: Check = (value) =>
  value === null ||
  typeof value === 'string' ||
  (isObject(value) && isOptionalString(value.content) && isOptionalString(value.type))
const isOptionalDescription = optional(isDescription)

const isKeyValue: Check = (value) =>
  isObject(value) &&
  isNullishString(value.key) &&
  isOptionalBoolean(value.disabled) &&
  isOptionalDescription(value.description)

const isVariable: Check = (value) =>
  isObject(value) &&
  isOptionalString(value.key) &&
  isOptionalString(value.id) &&
  isOptionalString(value.type) &&
  isOptionalBoolean(value.disabled) &&
  isOptionalDescription(value.description)

const isAuth: Check = (value) => isObject(value) && isString(value.type)

const isScript: Check = (value) =>
  isObject(value) &&
  isOptionalString(value.type) &&
  (value.exec === undefined || typeof value.exec === 'string' || isStringArray(value.exec))

const isEvent: Check = (value) =>
  isObject(value) &&
  isString(value.listen) &&
  (value.script === undefined || typeof value.script === 'string' || isScript(value.script)) &&
  isOptionalBoolean(value.disabled)

const isEventArray = arrayOf(isEvent)
const isEventList: Check = (value) => isEventArray(value) || isEvent(value)
const isNullishEventList = nullish(isEventList)
const isKeyValueArray = arrayOf(isKeyValue)
const isOptionalKeyValueArray = optional(isKeyValueArray)
const isVariableArray = arrayOf(isVariable)
const isNullishAuth = nullish(isAuth)
const isStringArray = arrayOf(isString)

const isStringOrArray: Check = (value) =>
  value === undefined || typeof value === 'string' || Array.isArray(value)

const isUrl: Check = (value) =>
  typeof value === 'string' ||
  (isObject(value) &&
    isOptionalString(value.raw) &&
    isOptionalString(value.protocol) &&
    isStringOrArray(value.host) &&
    isStringOrArray(value.path) &&
    (value.query == null || isKeyValueArray(value.query)) &&
    (value.variable === undefined || isVariableArray(value.variable)))

const isHeaderList: Check = (value) => typeof value === 'string' || isKeyValueArray(value)
const isOptionalUrl = optional(isUrl)
const isNullishHeaderList = nullish(isHeaderList)

const isBody: Check = (value) =>
  isObject(value) &&
  isOptionalString(value.mode) &&
  isOptionalKeyValueArray(value.urlencoded) &&
  isOptionalKeyValueArray(value.formdata) &&
  isOptionalBoolean(value.disabled)

const isNullishBody = nullish(isBody)

const isRequest: Check = (value) =>
  typeof value === 'string' ||
  (isObject(value) &&
    isOptionalUrl(value.url) &&
    isNullishString(value.method) &&
    isNullishHeaderList(value.header) &&
    isNullishBody(value.body) &&
    isNullishAuth(value.auth) &&
    isOptionalDescription(value.description))

const isOptionalRequest = optional(isRequest)
const isNullishRequest = nullish(isRequest)

const isResponse: Check = (value) =>
  isObject(value) &&
  isOptionalString(value.name) &&
  isNullishRequest(value.originalRequest) &&
  (value.header == null || typeof value.header === 'string' || Array.isArray(value.header)) &&
  (value.code === undefined || typeof value.code === 'number')

const isOptionalResponseArray = optional(arrayOf(isResponse))

// Recursion depth is bounded by the caller: parseDocument measures folder depth (MAX_FOLDER_DEPTH) first.
function isItem(value: unknown): boolean {
  return (
    isObject(value) &&
    isOptionalString(value.name) &&
    isOptionalDescription(value.description) &&
    (value.item === undefined || isItemArray(value.item)) &&
    isOptionalRequest(value.request) &&
    isOptionalResponseArray(value.response) &&
    isNullishEventList(value.event) &&
    (value.variable == null || isVariableArray(value.variable)) &&
    isNullishAuth(value.auth)
  )
}

function isItemArray(value: unknown): boolean {
  return Array.isArray(value) && value.every(isItem)
}

const isInfo: Check = (value) =>
  isObject(value) &&
  isOptionalString(value.name) &&
  isOptionalString(value.schema) &&
  isOptionalDescription(value.description)

/**
 * Tells whether `value` has the structure `collectionSchema` accepts, without copying anything.
 * @example if (!isCollectionShape(json)) collectionSchema.parse(json) // throws with the issues
 */
export function isCollectionShape(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.info === undefined || isInfo(value.info)) &&
    isItemArray(value.item) &&
    isNullishEventList(value.event) &&
    (value.variable == null || isVariableArray(value.variable)) &&
    isNullishAuth(value.auth)
  )
}
