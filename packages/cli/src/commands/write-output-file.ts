import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '@courier/storage'

/**
 * Writes a report or export atomically, creating its folder first (as Newman does for `newman/…`).
 * @example await writeOutputFile('newman/report.html', html)
 */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, text)
}
