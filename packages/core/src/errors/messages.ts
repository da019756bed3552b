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
  VARIABLE_UNRESOLVED: {
    title: 'Unresolved variable',
    hint: (d) =>
      `Define ${d.names.map((n) => `{{${n}}}`).join(', ')} in the environment (-e), globals or collection.`,
  },
  HTTP_URL_INVALID: { title: 'Invalid URL', hint: () => 'Give an absolute http:// or https:// URL.' },
  HTTP_DNS_FAILED: { title: 'Unknown host', hint: (d) => `Check the host name ${d.host} and your network.` },
  HTTP_CONNECTION_REFUSED: {
    title: 'Connection refused',
    hint: (d) => `Nothing accepts connections at ${d.address}; is the server running?`,
  },
  HTTP_CONNECTION_RESET: {
    title: 'Connection reset',
    hint: () => 'The server closed the connection; try again.',
  },
  HTTP_TIMEOUT: {
    title: 'Timed out',
    hint: (d) =>
      d.phase === 'connect'
        ? 'The server did not accept the connection in time; check the host and port.'
        : 'Raise the limit with --timeout-request, or check the server.',
  },
  HTTP_TLS_FAILED: {
    title: 'TLS failed',
    hint: () => 'Trust the server with --ssl-extra-ca-certs, or skip verification with -k/--insecure.',
  },
  HTTP_PROXY_FAILED: {
    title: 'Proxy failed',
    hint: () => 'Check the proxy URL, HTTP_PROXY/HTTPS_PROXY and NO_PROXY.',
  },
  HTTP_RESPONSE_TOO_LARGE: {
    title: 'Response too large',
    hint: (d) => `Responses up to ${d.limitBytes} bytes are read.`,
  },
  HTTP_TOO_MANY_REDIRECTS: {
    title: 'Too many redirects',
    hint: (d) => `More than ${d.maxRedirects} redirects; raise maxRedirects or stop following them.`,
  },
  HTTP_REQUEST_FAILED: { title: 'Request failed', hint: () => 'Run with --debug for details.' },
  BODY_FILE_UNREADABLE: {
    title: 'Body file unreadable',
    hint: () => 'Check the file path of the body (relative paths start at the working directory).',
  },
  AUTH_INVALID: {
    title: 'Invalid auth settings',
    hint: (d) => `Fix the ${d.type} auth settings of the request.`,
  },
  AUTH_UNSUPPORTED: {
    title: 'Unsupported auth type',
    hint: (d) => `Courier cannot sign requests with ${d.type} auth.`,
  },
  OAUTH2_CONFIG_INVALID: {
    title: 'Incomplete OAuth 2.0 settings',
    hint: (d) => `Set ${d.field} in the request's OAuth 2.0 auth (or the variable it names).`,
  },
  OAUTH2_TOKEN_REJECTED: {
    title: 'Token request rejected',
    hint: (d) =>
      d.error === 'invalid_client'
        ? 'Check the client ID and secret, and whether the server wants them as a Basic Auth header or in the body.'
        : d.error === 'invalid_grant'
          ? 'The code or refresh token is expired, used or for another redirect URI: log in again.'
          : 'Check the OAuth 2.0 settings against the provider’s documentation.',
  },
  OAUTH2_TOKEN_RESPONSE_INVALID: {
    title: 'Unusable token response',
    hint: () => 'Check the Access Token URL: it must be the provider’s token endpoint.',
  },
  OAUTH2_ACCESS_DENIED: { title: 'Access denied', hint: () => 'Approve the access (Allow) to get a token.' },
  OAUTH2_STATE_MISMATCH: {
    title: 'State mismatch',
    hint: () => 'The redirect did not come from this login: start `courier auth login` again.',
  },
  OAUTH2_CONSENT_TIMEOUT: {
    title: 'No answer from the browser',
    hint: () => 'Finish the login in the browser, paste the redirect URL with --manual, or raise --timeout.',
  },
  OAUTH2_TOKEN_MISSING: {
    title: 'No token yet',
    hint: () => 'Run `courier auth login <collection>` to get one.',
  },
  OAUTH2_REFRESH_FAILED: {
    title: 'Token refresh failed',
    hint: () => 'The refresh token is expired or revoked: run `courier auth login` again.',
  },
  REQUEST_NOT_FOUND: {
    title: 'No such request',
    hint: (d) =>
      d.suggestions.length > 0
        ? `Did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?`
        : 'Name a request by path ("Folder/Request"), name or id; `courier inspect` lists them.',
  },
  REQUEST_AMBIGUOUS: {
    title: 'Several requests match',
    hint: (d) => `Name it by path: ${d.matches.map((m) => `"${m}"`).join(', ')}.`,
  },
  ITEM_NOT_FOUND: {
    title: 'No such item',
    hint: (d) =>
      d.suggestions.length > 0
        ? `Did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?`
        : 'Name a folder or request by path ("Folder/Request"), name or id.',
  },
  ITEM_AMBIGUOUS: {
    title: 'Several items match',
    hint: (d) => `Name it by path or id: ${d.matches.map((m) => `"${m}"`).join(', ')}.`,
  },
  ITEM_WRONG_KIND: {
    title: 'Wrong kind of item',
    hint: (d) => `"${d.path}" is not a ${d.expected}; name a ${d.expected}.`,
  },
  NAME_INVALID: {
    title: 'Invalid name',
    hint: (d) => `Give the ${d.what} a name: ${d.reason}.`,
  },
  MOVE_INTO_ITSELF: {
    title: 'Cannot move a folder into itself',
    hint: (d) => `"${d.target}" is "${d.item}" or inside it; choose another folder.`,
  },
  EXAMPLE_NOT_FOUND: {
    title: 'No such example',
    hint: (d) =>
      d.examples.length > 0
        ? `"${d.item}" has the examples ${d.examples.map((e) => `"${e}"`).join(', ')}.`
        : `"${d.item}" has no saved examples.`,
  },
  CONVERT_TARGET_UNSUPPORTED: {
    title: 'Unsupported target format',
    hint: (d) => `Supported targets: ${d.supported.join(', ')}.`,
  },
  USAGE_INVALID: { title: 'Invalid usage', hint: () => 'Run the command with --help.' },
  ITERATION_DATA_INVALID: {
    title: 'Invalid iteration data',
    hint: (d) =>
      `Fix ${d.source}${d.line === undefined ? '' : ` at line ${d.line}`}: a CSV file with a header row, or a JSON array of objects.`,
  },
  STATE_TOO_NEW: {
    title: 'Local state from a newer Courier',
    hint: (d) =>
      `${d.path} was written by a newer Courier (schema ${d.version}, this one knows ${d.supportedVersion}): update Courier.`,
  },
  STATE_UNREADABLE: {
    title: 'Cannot read local state',
    hint: (d) =>
      `${d.path} is not a Courier state database (${d.reason}): move it aside and Courier creates a new one.`,
  },
  WORKSPACE_NOT_FOUND: {
    title: 'No workspace here',
    hint: () => 'Run `courier init`, or pass --workspace DIR.',
  },
  COLLECTION_NOT_FOUND: {
    title: 'No such collection',
    hint: () => 'Run `courier ls` to see the collections of the workspace.',
  },
  ENVIRONMENT_NOT_FOUND: {
    title: 'No such environment',
    hint: () => 'Run `courier env ls` to see the environments of the workspace.',
  },
  WORKSPACE_STALE: {
    title: 'Changed on disk meanwhile',
    hint: () => 'Another program wrote this file after Courier read it: reload, then make the change again.',
  },
  WORKSPACE_LOCKED: {
    title: 'Workspace busy',
    hint: () => 'Another Courier process is writing this workspace; try again in a moment.',
  },
  WORKSPACE_CONFLICT: {
    title: 'Already in the workspace',
    hint: () => 'Use --replace to overwrite it or --as-copy to keep both.',
  },
  API_INPUT_INVALID: {
    title: 'Invalid request to the local server',
    hint: (d) => `Send ${d.field} as docs/ui-api.md describes it.`,
  },
  UI_ACCESS_DENIED: {
    title: 'Not allowed',
    hint: (d) =>
      d.reason === 'token'
        ? 'Open the URL `courier ui` printed (it carries the access token).'
        : 'Courier answers only its own pages on 127.0.0.1 or localhost.',
  },
} satisfies MessageTable

/**
 * Renders the hint for an error's code and details.
 * @example hintFor('SCHEMA_UNSUPPORTED', { source: 'c.json', schema: 'v9', supported: ['v2.1.0'] })
 */
export function hintFor<C extends ErrorCode>(code: C, details: ErrorDetails[C]): string {
  const entry = messages[code] as MessageTable[C]
  return entry.hint(details)
}
