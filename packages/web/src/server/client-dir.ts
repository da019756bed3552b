import { fileURLToPath } from 'node:url'

/**
 * Where Vite builds the web client (`packages/web/dist/client`), from this module's place in `src/server` or
 * `dist/server` alike.
 * @example await startUiServer({ …, staticDir: clientDir() })
 */
export function clientDir(): string {
  return fileURLToPath(new URL('../../dist/client', import.meta.url))
}
