import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Writes a report or export atomically, creating its folder first (as Newman does for `newman/…`).
 * @example await writeOutputFile('newman/report.html', html)
 */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  // Loaded here, not at start-up: `courier run` without reports needs no storage (SQLite, YAML; issue #6).
  const { writeFileAtomic } = await import('@courier/storage')
  await writeFileAtomic(path, text)
}
