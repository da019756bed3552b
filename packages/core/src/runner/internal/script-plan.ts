import type { Collection, EventList } from '../../collection/index.js'
import { eventList, scriptLines } from '../../collection/index.js'
import type { ListedRequest } from '../../http/index.js'

/** One owner's scripts for one event: the collection's, a folder's (by its path) or the request's. */
export interface OwnerScripts {
  owner: string
  codes: string[]
}

/** The scripts a request runs, in Postman's order (collection, folders outer→inner, request), owners without any left out. */
export interface ScriptPlan {
  prerequest: OwnerScripts[]
  test: OwnerScripts[]
}

/**
 * The scripts of a request, worked out once per request of a run rather than on every visit (iterations, jumps):
 * a request of a collection without scripts then costs the runner no script bookkeeping at all (issue #6).
 */
export function scriptPlan(collection: Collection, entry: ListedRequest): ScriptPlan {
  const owners: { owner: string; events: EventList }[] = [{ owner: 'collection', events: collection.event }]
  let path = ''
  for (const folder of entry.target.folders) {
    path = path === '' ? (folder.name ?? '') : `${path}/${folder.name ?? ''}`
    owners.push({ owner: path, events: folder.event })
  }
  owners.push({ owner: entry.path, events: entry.target.item.event })
  const of = (listen: 'prerequest' | 'test') =>
    owners
      .map(({ owner, events }) => ({ owner, codes: scriptsOf(events, listen) }))
      .filter((scripts) => scripts.codes.length > 0)
  return { prerequest: of('prerequest'), test: of('test') }
}

/** The code of an owner's scripts for one event, each script apart (disabled and empty ones left out). */
export function scriptsOf(events: EventList, listen: 'prerequest' | 'test'): string[] {
  return eventList(events)
    .filter((event) => event.listen === listen && (event as { disabled?: unknown }).disabled !== true)
    .map((event) => scriptLines(event).join('\n'))
    .filter((code) => code.trim() !== '')
}
