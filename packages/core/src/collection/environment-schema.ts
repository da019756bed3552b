import { z } from 'zod'

/** One environment or globals value; older exports use `name` and `disabled` beside `key` and `enabled`. */
export const environmentValueSchema = z.looseObject({
  key: z.string().nullish(),
  enabled: z.boolean().nullish(),
  disabled: z.boolean().optional(),
  type: z.string().optional(),
  name: z.string().optional(),
})

/** A Postman environment or globals file (there is no official schema; this is the observed shape). */
export const environmentSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  values: z.array(environmentValueSchema),
  _postman_variable_scope: z.string().optional(),
})

/** A Postman environment or globals document as parsed, unknown fields kept. */
export type Environment = z.input<typeof environmentSchema>
/** One value of an environment or globals document. */
export type EnvironmentValue = z.input<typeof environmentValueSchema>
