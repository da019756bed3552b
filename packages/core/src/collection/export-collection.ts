import type { Collection } from './collection-schema.js'
import type { Environment } from './environment-schema.js'

/**
 * Writes a collection as Postman v2.1.0 JSON text, tab-indented like Postman's exports. An unchanged v2.1 import
 * comes out deep-equal to its source, key order included.
 * @example await writeFile('out.postman_collection.json', exportCollection(collection))
 */
export function exportCollection(collection: Collection): string {
  return JSON.stringify(collection, null, '\t')
}

/**
 * Writes an environment or globals document as JSON text, tab-indented like Postman's exports.
 * @example await writeFile('dev.postman_environment.json', exportEnvironment(environment))
 */
export function exportEnvironment(environment: Environment): string {
  return JSON.stringify(environment, null, '\t')
}
