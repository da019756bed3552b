import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { AppError, type FileSource } from '@courier/core'

/**
 * The FileSource the CLI gives core: paths relative to `root` (the working directory, as Newman resolves form
 * and binary `src` paths), failures as FILE_UNREADABLE naming the path.
 * @example const files = nodeFileSource(process.cwd())
 */
export function nodeFileSource(root: string): FileSource {
  return {
    async read(path) {
      const full = resolve(root, path)
      try {
        return await readFile(full)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        const reason =
          code === 'ENOENT'
            ? 'no such file'
            : code === 'EISDIR'
              ? 'it is a folder, not a file'
              : (error as Error).message
        throw new AppError(
          'FILE_UNREADABLE',
          `${path}: ${reason}`,
          { source: path, reason },
          { cause: error },
        )
      }
    },
  }
}
