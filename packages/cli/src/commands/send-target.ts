import {
  collectionVariables,
  environmentVariables,
  findRequest,
  parseDocument,
  type Collection,
  type RequestTarget,
  type Variable,
  type VariableScopes,
} from '@courier/core'
import { AppError } from '@courier/core'
import { readDocumentFile } from '../read-document-file.js'

/** How `courier send` names what to send: a request of a collection file, or an ad hoc URL. */
export type SendSource =
  | { type: 'collection'; file: string; request: string }
  | { type: 'adhoc'; method?: string; url: string; headers: string[]; data?: string }

/** Options that shape the variable scopes of `courier send`. */
export interface ScopeFlags {
  environment?: string
  globals?: string
  vars: string[]
}

/**
 * Finds what to send and the variables it sees: a collection's request with the collection's variables, or a
 * one-request collection built from the ad hoc flags (curl's: `-X`, `-H 'K: V'`, `-d data`, `-d @file`).
 * @example const { target, scopes } = await loadSendTarget(source, flags)
 */
export async function loadSendTarget(
  source: SendSource,
  flags: ScopeFlags,
): Promise<{ target: RequestTarget; scopes: VariableScopes }> {
  const target =
    source.type === 'collection'
      ? await collectionTarget(source.file, source.request)
      : findRequest(adhocCollection(source), 'request', { source: 'command line' })
  return { target, scopes: await loadScopes(target.collection, flags) }
}

/**
 * The variable scopes a command sees: the collection's variables, `-e` environment, `-g` globals and `--var`
 * overrides (highest).
 * @example const scopes = await loadScopes(collection, { environment: 'env.json', vars: [] })
 */
export async function loadScopes(collection: Collection, flags: ScopeFlags): Promise<VariableScopes> {
  const scopes: VariableScopes = { collection: collectionVariables(collection) }
  if (flags.environment !== undefined) scopes.environment = await readVariables(flags.environment)
  if (flags.globals !== undefined) scopes.globals = await readVariables(flags.globals)
  if (flags.vars.length > 0) scopes.local = flags.vars.map(parseVar)
  return scopes
}

async function collectionTarget(file: string, request: string): Promise<RequestTarget> {
  const document = parseDocument(await readDocumentFile(file), { source: file })
  if (document.type !== 'collection') {
    throw new AppError('FORMAT_UNKNOWN', `${file}: this is a ${document.type} file, not a collection`, {
      source: file,
      found: document.type,
    })
  }
  return findRequest(document.collection, request, { source: file })
}

function adhocCollection(source: Extract<SendSource, { type: 'adhoc' }>): Collection {
  const header = source.headers.map((line) => {
    const colon = line.indexOf(':')
    if (colon <= 0) {
      throw new AppError('USAGE_INVALID', `-H '${line}': expected 'Name: value'`, {
        message: `bad header ${line}`,
      })
    }
    return { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }
  })
  const data = source.data
  const body =
    data === undefined
      ? undefined
      : data.startsWith('@')
        ? { mode: 'file', file: { src: data.slice(1) } }
        : { mode: 'raw', raw: data }
  // curl's rule: data without -X means POST.
  const method = source.method ?? (data === undefined ? 'GET' : 'POST')
  return {
    info: {
      name: 'command line',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: [
      {
        name: 'request',
        request: { method, header, url: source.url, ...(body === undefined ? {} : { body }) },
      },
    ],
  }
}

async function readVariables(file: string): Promise<Variable[]> {
  const document = parseDocument(await readDocumentFile(file), { source: file })
  if (document.type === 'collection') return collectionVariables(document.collection)
  return environmentVariables(document.type === 'environment' ? document.environment : document.globals)
}

function parseVar(text: string): Variable {
  const equals = text.indexOf('=')
  if (equals <= 0) {
    throw new AppError('USAGE_INVALID', `--var ${text}: expected name=value`, {
      message: `bad --var ${text}`,
    })
  }
  return { key: text.slice(0, equals), value: text.slice(equals + 1) }
}
