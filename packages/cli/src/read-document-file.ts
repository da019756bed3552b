import { readFile, stat } from 'node:fs/promises'
import { AppError } from '@courier/core'

/** The largest file Courier reads in one piece; far above any real collection (the largest seen is 4 MB). */
export const maxDocumentBytes = 512 * 2 ** 20

/**
 * Reads a collection, environment or globals file as bytes, turning file-system failures into AppErrors that
 * name the path.
 * @example const bytes = await readDocumentFile('GoToMeeting.postman_collection.json')
 */
export async function readDocumentFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw unreadable(path, 'it is a folder, not a file')
    if (info.size > maxDocumentBytes) {
      throw new AppError('FILE_TOO_LARGE', `${path}: ${info.size} bytes is more than ${maxDocumentBytes}`, {
        source: path,
        sizeBytes: info.size,
        limitBytes: maxDocumentBytes,
      })
    }
    return await readFile(path)
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : ((error as Error).message ?? String(error))
    throw unreadable(path, reason, error)
  }
}

function unreadable(path: string, reason: string, cause?: unknown): AppError<'FILE_UNREADABLE'> {
  return new AppError('FILE_UNREADABLE', `${path}: ${reason}`, { source: path, reason }, { cause })
}
