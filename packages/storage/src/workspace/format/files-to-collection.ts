import type { Collection } from '@courier/core'
import { collectionFromV3, folderFromV3 } from './convert-definition.js'
import { responseFromV3 } from './convert-example.js'
import { requestItemFromV3 } from './convert-request.js'
import { applyPatch } from './extension-patch.js'
import { EXTENSION_KEY } from './file-names.js'
import type { PlainObject } from './json-value.js'
import { isPlainObject, own } from './json-value.js'
import type { FileProblem } from './types.js'
import { checkFields, classifyPath } from './read-checks.js'
import type { FileRole } from './read-checks.js'
import { parseYaml, type ParsedYaml } from './yaml-text.js'

/** The collection read from its files, and the files that could not be read (kept verbatim as opaque files). */
/** Options of {@link filesToCollection}. */
export interface FilesToCollectionOptions {
  /** Parses one file (default: the YAML parser); the workspace passes a cached one. Must return fresh objects. */
  parse?: (text: string, path: string) => ParsedYaml
}

export interface FilesToCollectionResult {
  collection: Collection
  problems: FileProblem[]
}

interface ParsedFile {
  path: string
  stem: string
  text: string
  v3: PlainObject
}

interface Directory {
  definition?: ParsedFile
  requests: ParsedFile[]
  folders: Set<string>
}

/**
 * Reads a collection directory's files (paths relative to it, `/` or `\` separators, `.yml` accepted) into the
 * v2.1 model. A file that cannot be read is a problem (with line and column for YAML errors) and is kept verbatim,
 * like files of kinds Courier does not model (gRPC, WebSocket, MCP…); everything else still loads.
 * @example const { collection, problems } = filesToCollection(files, 'Shop API')
 */
export function filesToCollection(
  files: ReadonlyMap<string, string>,
  directoryName: string,
  options: FilesToCollectionOptions = {},
): FilesToCollectionResult {
  const parse = options.parse ?? parseYaml
  const problems: FileProblem[] = []
  const opaque: Record<string, string> = {}
  const directories = new Map<string, Directory>([['', { requests: [], folders: new Set() }]])
  const examples = new Map<string, ParsedFile[]>()
  const directory = (path: string): Directory => {
    let found = directories.get(path)
    if (found === undefined) {
      found = { requests: [], folders: new Set() }
      directories.set(path, found)
      const parent = parentOf(path)
      directory(parent).folders.add(path)
    }
    return found
  }

  const sorted = [...files.keys()].sort()
  for (const original of sorted) {
    const text = files.get(original) ?? ''
    const path = original.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
    const role: FileRole = classifyPath(path)
    if (role.kind === 'opaque') {
      if (role.problem !== undefined) problems.push(role.problem)
      opaque[path] = text
      continue
    }
    const parsed = parse(text, path)
    const problem = parsed.ok ? checkFields(parsed.value, role.kind, path) : parsed.problem
    if (problem === 'foreign') {
      opaque[path] = text
      continue
    }
    if (problem !== undefined || !parsed.ok) {
      if (problem !== undefined) problems.push(problem)
      opaque[path] = text
      continue
    }
    const file: ParsedFile = { path, stem: role.stem, text, v3: parsed.value }
    if (role.kind === 'definition') directory(role.directory).definition = file
    else if (role.kind === 'request') directory(role.directory).requests.push(file)
    else examples.set(role.request, [...(examples.get(role.request) ?? []), file])
  }

  const requestKeys = new Set<string>()
  for (const [path, entry] of directories)
    for (const request of entry.requests) requestKeys.add(`${path}${request.stem}`)
  for (const [request, list] of examples) {
    if (requestKeys.has(request)) continue
    for (const file of list) {
      problems.push({
        path: file.path,
        code: 'EXAMPLE_WITHOUT_REQUEST',
        message: `${file.path}: no ${request}.request.yaml for this example`,
      })
      opaque[file.path] = file.text
    }
  }

  const rootDefinition = directories.get('')?.definition?.v3 ?? { $kind: 'collection' }
  const root = patched(collectionFromV3(rootDefinition, directoryName), rootDefinition)
  root['item'] = buildItems('', directories, examples)
  if (Object.keys(opaque).length > 0) {
    const raw = own(root, EXTENSION_KEY)
    const ext = isPlainObject(raw) ? raw : {}
    const kept = isPlainObject(ext['files']) ? ext['files'] : {}
    root[EXTENSION_KEY] = { ...ext, files: { ...kept, ...opaque } }
  }
  return { collection: root as unknown as Collection, problems }
}

function buildItems(
  path: string,
  directories: Map<string, Directory>,
  examples: Map<string, ParsedFile[]>,
): PlainObject[] {
  const entry = directories.get(path)
  if (entry === undefined) return []
  type Child = { stem: string; order: number | undefined; build: (index: number) => PlainObject }
  const children: Child[] = []
  for (const folderPath of entry.folders) {
    const stem = folderPath.slice(path.length, -1)
    const definition = directories.get(folderPath)?.definition?.v3 ?? { $kind: 'collection' }
    children.push({
      stem,
      order: orderOf(definition),
      build: (index) => {
        const folder = patched(folderFromV3(definition, { stem, index }), definition)
        folder['item'] = buildItems(folderPath, directories, examples)
        return folder
      },
    })
  }
  for (const request of entry.requests) {
    children.push({
      stem: request.stem,
      order: orderOf(request.v3),
      build: (index) => {
        const item = patched(requestItemFromV3(request.v3, { stem: request.stem, index }), request.v3)
        const files = examples.get(`${path}${request.stem}`)
        if (files !== undefined) {
          item['response'] = sortByOrder(
            files.map((file) => ({ stem: file.stem, order: orderOf(file.v3), file })),
          ).map(({ file }, at) => patched(responseFromV3(file.v3, { stem: file.stem, index: at }), file.v3))
        }
        return item
      },
    })
  }
  return sortByOrder(children).map((child, index) => child.build(index))
}

function sortByOrder<T extends { stem: string; order: number | undefined }>(list: T[]): T[] {
  return [...list].sort((a, b) => {
    if (a.order !== b.order) {
      if (a.order === undefined) return 1
      if (b.order === undefined) return -1
      return a.order - b.order
    }
    return a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0
  })
}

function orderOf(v3: PlainObject): number | undefined {
  const order = v3['order']
  return typeof order === 'number' && Number.isFinite(order) ? order : undefined
}

/** The v2.1 object with the file's `x-courier` patch applied. */
function patched(canonical: PlainObject, v3: PlainObject): PlainObject {
  if (!Object.hasOwn(v3, EXTENSION_KEY)) return canonical
  const result = applyPatch(canonical, v3[EXTENSION_KEY])
  return isPlainObject(result) ? result : canonical
}

function parentOf(path: string): string {
  const trimmed = path.slice(0, -1)
  const slash = trimmed.lastIndexOf('/')
  return slash === -1 ? '' : trimmed.slice(0, slash + 1)
}
