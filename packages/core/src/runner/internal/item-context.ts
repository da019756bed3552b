import type { Collection } from '../../collection/index.js'
import type { CookieStore, ListedRequest } from '../../http/index.js'
import type { DynamicVariableProvider, Variable } from '../../variables/index.js'
import type { RunOptions } from '../run-options.js'
import type { ItemRef } from '../types.js'
import type { RunTally } from './run-tally.js'
import type { ScriptPlan } from './script-plan.js'

/** The variables a run carries from request to request; scripts replace the lists. */
export interface RunScopes {
  globals: Variable[]
  collection: Variable[]
  environment: Variable[]
  iterationData: Variable[]
}

/** Everything one request of a run needs. */
export interface ItemContext {
  collection: Collection
  entry: ListedRequest
  ref: ItemRef
  /** The request's scripts, worked out once per run. */
  scripts: ScriptPlan
  iteration: number
  iterationCount: number
  scopes: RunScopes
  options: RunOptions
  /** The run's cookie jar: `options.cookies`, or one of the run's own. */
  cookies: CookieStore
  tally: RunTally
  dynamic: DynamicVariableProvider
  /** The run's realm in the script engine: its scripts share their changes to the globals and built-ins. */
  realm: string
}
