/**
 * Runs a synchronous better-sqlite3 call now and returns its result as a promise, so that a throw (SQLITE_BUSY
 * after the busy timeout, a closed database) becomes a rejection as the async ports promise.
 * @example get: (name) => settle(() => select.get(name))
 */
export function settle<T>(run: () => T): Promise<T> {
  return new Promise((resolve) => resolve(run()))
}
