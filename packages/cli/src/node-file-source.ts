import { readFile, realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { AppError, type FileSource } from '@courier/core'

/** Options for {@link nodeFileSource}. */
export interface NodeFileSourceOptions {
  /**
   * Newman's `--no-insecure-file-read` sets this to false: only files inside `root` may be read (checked on the
   * real path, so a symbolic link cannot lead outside). Default true: any path, as Newman allows.
   */
  insecureFileRead?: boolean
}

/**
 * The FileSource the CLI gives core: paths relative to `root` (the working directory, or Newman's
 * `--working-dir`, as Newman resolves form and binary `src` paths), failures as FILE_UNREADABLE naming the path.
 * @example const files = nodeFileSource(process.cwd())
 */
export function nodeFileSource(root: string, options: NodeFileSourceOptions = {}): FileSource {
  return {
    async read(path) {
      const full = resolve(root, path)
      try {
        if (options.insecureFileRead === false) await assertInside(root, full, path)
        return await readFile(full)
      } catch (error) {
        if (error instanceof AppError) throw error
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

async function assertInside(root: string, full: string, path: string): Promise<void> {
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(full)])
  const rel = relative(realRoot, realFile)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    const reason = `outside the working directory ${root} (--no-insecure-file-read)`
    throw new AppError('FILE_UNREADABLE', `${path}: ${reason}`, { source: path, reason })
  }
}
