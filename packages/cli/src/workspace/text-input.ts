// What the workspace commands read from their flags: text given inline or as `@file` (curl's convention), and
// headers given as 'Name: value'.
import { readFile } from 'node:fs/promises'
import { AppError, type KeyValueEntry } from '@courier/core'

/**
 * The text of a flag: itself, or the content of the file after `@`.
 * @throws AppError FILE_UNREADABLE when the file cannot be read
 * @example await textOrFile('@docs/get-organizer.md')
 */
export async function textOrFile(value: string): Promise<string> {
  if (!value.startsWith('@')) return value
  const path = value.slice(1)
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)
    throw new AppError('FILE_UNREADABLE', `${path}: ${reason}`, { source: path, reason })
  }
}

/**
 * A header flag `'Name: value'` as a key/value entry.
 * @throws AppError USAGE_INVALID without a colon after a name
 * @example parseHeaderFlag('Accept: application/json') // { key: 'Accept', value: 'application/json' }
 */
export function parseHeaderFlag(line: string): KeyValueEntry & { value: string } {
  const colon = line.indexOf(':')
  if (colon <= 0)
    throw new AppError('USAGE_INVALID', `-H '${line}': expected 'Name: value'`, {
      message: `bad header ${line}`,
    })
  return { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
}
