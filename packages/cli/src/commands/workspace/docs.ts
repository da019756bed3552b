import {
  descriptionText,
  findItem,
  isFolder,
  requestMethod,
  requestObject,
  requestUrlText,
  type Item,
  type Response,
} from '@courier/core'
import { ExitCode } from '../../exit-codes.js'
import type { Terminal } from '../../terminal.js'
import { resolveItemPath } from '../../workspace/item-path.js'
import { openWorkspace, type WorkspaceFlags } from '../../workspace/open-workspace.js'

/** Options of `courier docs`. */
export interface DocsOptions extends WorkspaceFlags {
  json: boolean
}

/**
 * `courier docs <collection|item>`: the Markdown documentation of a collection, folder or request, as written,
 * then (for a request) its saved examples: name, status, headers and body.
 * @example await docsCommand('GoToMeeting/Organizers/Get Organizer', { json: false }, terminal)
 */
export async function docsCommand(path: string, options: DocsOptions, terminal: Terminal): Promise<number> {
  const ws = await openWorkspace(options, terminal)
  const target = resolveItemPath(ws, path)
  const item: Item | undefined =
    target.item === undefined ? undefined : findItem(target.collection, target.item).item
  const title = item?.name ?? target.collection.info?.name ?? ''
  const description =
    descriptionText(
      item === undefined
        ? target.collection.info?.description
        : (item.description ?? requestObject(item.request)?.description),
    ) ?? ''
  const examples: Response[] = item !== undefined && Array.isArray(item.response) ? item.response : []
  if (options.json) {
    terminal.out(`${JSON.stringify({ name: title, description, examples }, null, 2)}\n`)
    return ExitCode.success
  }
  const { bold, dim } = terminal.colors
  terminal.out(`# ${title}\n\n`)
  if (item !== undefined && !isFolder(item))
    terminal.out(`${bold(requestMethod(item.request))} ${requestUrlText(item.request)}\n\n`)
  terminal.out(description.trim() === '' ? dim('(no documentation yet)\n') : `${description.trimEnd()}\n`)
  for (const example of examples) {
    terminal.out(`\n## Example: ${example.name ?? 'Example'}\n\n`)
    const status = [example.code, example.status]
      .filter((x) => typeof x === 'number' || typeof x === 'string')
      .join(' ')
    if (status !== '') terminal.out(`${bold(status)}\n`)
    for (const header of Array.isArray(example.header) ? example.header : [])
      if (typeof header === 'object' && header !== null)
        terminal.out(
          dim(
            `${String((header as { key?: unknown }).key)}: ${String((header as { value?: unknown }).value)}\n`,
          ),
        )
    if (typeof example.body === 'string' && example.body !== '') terminal.out(`\n${example.body.trimEnd()}\n`)
  }
  return ExitCode.success
}
