import { AppError, exportCollection, exportEnvironment, parseDocument } from '@courier/core'
import { writeFileAtomic } from '@courier/storage'
import { ExitCode } from '../exit-codes.js'
import { readDocumentFile } from '../read-document-file.js'
import { printWarnings } from '../print-warnings.js'
import type { Terminal } from '../terminal.js'

/** Target formats `courier convert --to` accepts. */
export const convertTargets = ['postman-v2.1'] as const

/** Options of `courier convert`. */
export interface ConvertOptions {
  to: string
  output?: string
}

/**
 * `courier convert <file> --to postman-v2.1 [-o out]`: any supported Postman document to v2.1.0 JSON, on stdout or
 * written atomically to `out`. Conversion warnings go to stderr.
 * @example await convertCommand('v1.json', { to: 'postman-v2.1', output: 'v21.json' }, terminal)
 */
export async function convertCommand(
  file: string,
  options: ConvertOptions,
  terminal: Terminal,
): Promise<number> {
  if (!(convertTargets as readonly string[]).includes(options.to)) {
    throw new AppError('CONVERT_TARGET_UNSUPPORTED', `--to ${options.to}: not a format Courier writes`, {
      target: options.to,
      supported: [...convertTargets],
    })
  }
  const document = parseDocument(await readDocumentFile(file), { source: file })
  printWarnings(document.warnings, terminal)
  const text =
    document.type === 'collection'
      ? exportCollection(document.collection)
      : exportEnvironment(document.type === 'environment' ? document.environment : document.globals)
  if (options.output === undefined) {
    terminal.out(text.endsWith('\n') ? text : `${text}\n`)
  } else {
    await writeFileAtomic(options.output, text)
    terminal.err(`${terminal.colors.green('✓')} wrote ${options.output} (Postman v2.1.0 ${document.type})\n`)
  }
  return ExitCode.success
}
