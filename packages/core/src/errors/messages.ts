import type { ErrorCode, ErrorDetails } from './codes.js'

type MessageTable = { [C in ErrorCode]: { title: string; hint: (details: ErrorDetails[C]) => string } }

/**
 * User-facing wording, once for every code: a short title and a hint that says what to do. The CLI and the UI
 * render from this table; `satisfies` makes a new code without a message a type error.
 */
export const messages = {
  FILE_UNREADABLE: { title: 'Cannot read file', hint: () => 'Check the path and its permissions.' },
  FILE_EMPTY: { title: 'Empty file', hint: () => 'Export the collection again from Postman.' },
  FILE_BINARY: {
    title: 'Not a text file',
    hint: () => 'Give a Postman collection, environment or globals file (JSON).',
  },
  FILE_TOO_LARGE: {
    title: 'File too large',
    hint: (d) => `Files up to ${Math.round(d.limitBytes / 2 ** 20)} MiB are read.`,
  },
  JSON_INVALID: { title: 'Invalid JSON', hint: () => 'Fix the JSON at the position shown.' },
  FORMAT_UNKNOWN: {
    title: 'Not a Postman file',
    hint: () => 'Give a Postman collection (v1, v2.0, v2.1), environment or globals file.',
  },
  SCHEMA_UNSUPPORTED: {
    title: 'Unsupported collection version',
    hint: (d) => `Supported versions: ${d.supported.join(', ')}.`,
  },
  COLLECTION_INVALID: {
    title: 'Invalid collection',
    hint: () => 'Fix the field at the path shown, or export the collection again.',
  },
  COLLECTION_TOO_DEEP: {
    title: 'Collection nested too deeply',
    hint: (d) => `Folders may nest up to ${d.maxDepth} levels.`,
  },
  ENVIRONMENT_INVALID: { title: 'Invalid environment', hint: () => 'Fix the field at the path shown.' },
  VARIABLE_CYCLE: {
    title: 'Variable refers to itself',
    hint: (d) => `Break the cycle ${d.chain.join(' → ')}.`,
  },
  VARIABLE_DEPTH_EXCEEDED: {
    title: 'Variables nested too deeply',
    hint: (d) => `References may nest up to ${d.maxDepth} levels.`,
  },
  VARIABLE_TOO_LARGE: {
    title: 'Variable expands too far',
    hint: (d) =>
      `A resolved value may hold up to ${d.limitChars} characters; look for values that repeat other variables.`,
  },
  CONVERT_TARGET_UNSUPPORTED: {
    title: 'Unsupported target format',
    hint: (d) => `Supported targets: ${d.supported.join(', ')}.`,
  },
  USAGE_INVALID: { title: 'Invalid usage', hint: () => 'Run the command with --help.' },
} satisfies MessageTable

/**
 * Renders the hint for an error's code and details.
 * @example hintFor('SCHEMA_UNSUPPORTED', { source: 'c.json', schema: 'v9', supported: ['v2.1.0'] })
 */
export function hintFor<C extends ErrorCode>(code: C, details: ErrorDetails[C]): string {
  const entry = messages[code] as MessageTable[C]
  return entry.hint(details)
}
