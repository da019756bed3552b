import { z } from 'zod'

// The model IS Postman Collection v2.1.0 JSON. Every object is loose (unknown fields are allowed and kept) and
// only what Courier relies on is checked: real exports often fail Postman's own schema (`info.version: {}`,
// unknown body modes, empty methods) and must still import. Oddities become warnings, not errors.

const kindOf = (input: unknown): string =>
  input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input

const either = (expected: string) => ({
  error: (issue: { input?: unknown }) => `expected ${expected}, got ${kindOf(issue.input)}`,
})

/** A description: a string or `{ content, type }` (v2.1 allows both; null is seen in exports). */
export const descriptionSchema = z.union(
  [z.string(), z.looseObject({ content: z.string().optional(), type: z.string().optional() }), z.null()],
  either('a string or an object'),
)

/** A key/value entry as used by variables, headers, query parameters and body fields. */
export const keyValueSchema = z.looseObject({
  key: z.string().nullish(),
  disabled: z.boolean().optional(),
  description: descriptionSchema.optional(),
})

/** A collection, folder or request variable (`id` is the v2.0 name of `key`). */
export const variableSchema = z.looseObject({
  key: z.string().optional(),
  id: z.string().optional(),
  type: z.string().optional(),
  disabled: z.boolean().optional(),
  description: descriptionSchema.optional(),
})

/** An auth block; params are an array of `{ key, value, type }` (v2.1) or an object (v2.0), under `auth[type]`. */
export const authSchema = z.looseObject({ type: z.string() })

/** A script: `exec` is an array of lines or, in some exports, a single string. */
export const scriptSchema = z.looseObject({
  type: z.string().optional(),
  exec: z.union([z.string(), z.array(z.string())], either('a string or an array of strings')).optional(),
  src: z.unknown().optional(),
})

/** A `prerequest` or `test` event. */
export const eventSchema = z.looseObject({
  listen: z.string(),
  script: z.union([scriptSchema, z.string()], either('an object or a string')).optional(),
  disabled: z.boolean().optional(),
})

/** Events: an array or, as Newman also accepts, a single event object. */
export const eventListSchema = z.union([z.array(eventSchema), eventSchema], either('an array or an object'))

/** A URL: the raw string, or its parsed parts (`host`/`path` as arrays or strings). */
export const urlSchema = z.union(
  [
    z.string(),
    z.looseObject({
      raw: z.string().optional(),
      protocol: z.string().optional(),
      host: z.union([z.string(), z.array(z.unknown())], either('a string or an array')).optional(),
      path: z.union([z.string(), z.array(z.unknown())], either('a string or an array')).optional(),
      query: z.array(keyValueSchema).nullish(),
      variable: z.array(variableSchema).optional(),
    }),
  ],
  either('a string or an object'),
)

/** Headers: an array of entries or, in v1-style exports, a `"K: V\n"` string. */
export const headerListSchema = z.union([z.array(keyValueSchema), z.string()], either('an array or a string'))

/** A request body; `mode` selects the field that holds it (raw, urlencoded, formdata, file, graphql…). */
export const bodySchema = z.looseObject({
  mode: z.string().optional(),
  raw: z.unknown().optional(),
  urlencoded: z.array(keyValueSchema).optional(),
  formdata: z.array(keyValueSchema).optional(),
  disabled: z.boolean().optional(),
})

/** A request in object form. */
export const requestObjectSchema = z.looseObject({
  url: urlSchema.optional(),
  method: z.string().nullish(),
  header: headerListSchema.nullish(),
  body: bodySchema.nullish(),
  auth: authSchema.nullish(),
  description: descriptionSchema.optional(),
})

/** A request: a URL string (GET) or an object. */
export const requestSchema = z.union([z.string(), requestObjectSchema], either('a string or an object'))

/** A saved example (response) with the request that produced it. */
export const responseSchema = z.looseObject({
  name: z.string().optional(),
  originalRequest: requestSchema.nullish(),
  header: z.union([z.array(z.unknown()), z.string()], either('an array or a string')).nullish(),
  code: z.number().optional(),
})

/** An item: a folder (it has `item`) or a request (it has `request`). */
export const itemSchema = z.looseObject({
  name: z.string().optional(),
  description: descriptionSchema.optional(),
  get item() {
    return z.array(itemSchema).optional()
  },
  request: requestSchema.optional(),
  response: z.array(responseSchema).optional(),
  event: eventListSchema.nullish(),
  variable: z.array(variableSchema).nullish(),
  auth: authSchema.nullish(),
})

/** The `info` block; `schema` names the format version. */
export const infoSchema = z.looseObject({
  name: z.string().optional(),
  schema: z.string().optional(),
  description: descriptionSchema.optional(),
})

/** A Postman collection (v2.1.0 model; v2.0.0 and v1 are converted on import). */
export const collectionSchema = z.looseObject({
  info: infoSchema.optional(),
  item: z.array(itemSchema),
  event: eventListSchema.nullish(),
  variable: z.array(variableSchema).nullish(),
  auth: authSchema.nullish(),
})

/** A Postman collection: Postman Collection v2.1.0 JSON as parsed, unknown fields kept. */
export type Collection = z.input<typeof collectionSchema>
/** A folder or request item. */
export type Item = z.input<typeof itemSchema>
/** The collection's `info` block. */
export type Info = z.input<typeof infoSchema>
/** A request: a URL string or an object. */
export type Request = z.input<typeof requestSchema>
/** A request in object form. */
export type RequestObject = z.input<typeof requestObjectSchema>
/** A URL string or object. */
export type Url = z.input<typeof urlSchema>
/** An auth block (`null` means inherit). */
export type Auth = z.input<typeof authSchema>
/** A prerequest or test event. */
export type Event = z.input<typeof eventSchema>
/** The events of a collection, folder or request as stored (array, single object, null or absent). */
export type EventList = z.input<typeof eventListSchema> | null | undefined
/** A script inside an event. */
export type Script = z.input<typeof scriptSchema>
/** A collection, folder or request variable. */
export type CollectionVariable = z.input<typeof variableSchema>
/** A request body. */
export type Body = z.input<typeof bodySchema>
/** A saved example. */
export type Response = z.input<typeof responseSchema>
/** A description string or `{ content, type }` object. */
export type Description = z.input<typeof descriptionSchema>
