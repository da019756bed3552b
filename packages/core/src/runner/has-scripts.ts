import type { Collection, EventList } from '../collection/index.js'
import type { ListedRequest } from '../http/index.js'
import { listRequests } from '../http/index.js'
import { scriptsOf } from './internal/script-plan.js'

/**
 * Tells whether a run of `requests` (default: all of the collection's) would run any script: a non-empty,
 * enabled pre-request or test script of the collection, of a folder holding one of them, or of one of them. A run
 * without scripts needs no script engine, so the CLI does not start one (issue #6: start-up time).
 * @example const scriptEngine = hasScripts(collection) ? createQuickJsScriptEngine() : undefined
 */
export function hasScripts(
  collection: Collection,
  requests: readonly ListedRequest[] = listRequests(collection),
): boolean {
  if (requests.length === 0) return false
  if (hasScript(collection.event)) return true
  const seen = new Set<unknown>()
  for (const { target } of requests) {
    if (hasScript(target.item.event)) return true
    for (const folder of target.folders) {
      if (seen.has(folder)) continue
      seen.add(folder)
      if (hasScript(folder.event)) return true
    }
  }
  return false
}

// The scripts the runner would run (run-script.ts), so both agree on what counts.
function hasScript(events: EventList): boolean {
  return scriptsOf(events, 'prerequest').length > 0 || scriptsOf(events, 'test').length > 0
}
