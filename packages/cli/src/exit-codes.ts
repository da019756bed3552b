import type { ErrorCode } from '@courier/core'

/** Process exit codes, as Newman uses them: 0 success, 1 a failure of the work itself, 2 bad input or usage. */
export const ExitCode = { success: 0, failure: 1, badInput: 2 } as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** The one table mapping every error code to the exit code the CLI ends with. */
export const exitCodes = {
  FILE_UNREADABLE: ExitCode.badInput,
  FILE_EMPTY: ExitCode.badInput,
  FILE_BINARY: ExitCode.badInput,
  FILE_TOO_LARGE: ExitCode.badInput,
  JSON_INVALID: ExitCode.badInput,
  FORMAT_UNKNOWN: ExitCode.badInput,
  SCHEMA_UNSUPPORTED: ExitCode.badInput,
  COLLECTION_INVALID: ExitCode.badInput,
  COLLECTION_TOO_DEEP: ExitCode.badInput,
  ENVIRONMENT_INVALID: ExitCode.badInput,
  VARIABLE_CYCLE: ExitCode.badInput,
  VARIABLE_DEPTH_EXCEEDED: ExitCode.badInput,
  VARIABLE_TOO_LARGE: ExitCode.badInput,
  VARIABLE_UNRESOLVED: ExitCode.failure,
  HTTP_URL_INVALID: ExitCode.badInput,
  HTTP_DNS_FAILED: ExitCode.failure,
  HTTP_CONNECTION_REFUSED: ExitCode.failure,
  HTTP_CONNECTION_RESET: ExitCode.failure,
  HTTP_TIMEOUT: ExitCode.failure,
  HTTP_TLS_FAILED: ExitCode.failure,
  HTTP_PROXY_FAILED: ExitCode.failure,
  HTTP_RESPONSE_TOO_LARGE: ExitCode.failure,
  HTTP_TOO_MANY_REDIRECTS: ExitCode.failure,
  HTTP_REQUEST_FAILED: ExitCode.failure,
  BODY_FILE_UNREADABLE: ExitCode.failure,
  AUTH_INVALID: ExitCode.badInput,
  AUTH_UNSUPPORTED: ExitCode.badInput,
  OAUTH2_CONFIG_INVALID: ExitCode.badInput,
  OAUTH2_TOKEN_REJECTED: ExitCode.failure,
  OAUTH2_TOKEN_RESPONSE_INVALID: ExitCode.failure,
  OAUTH2_ACCESS_DENIED: ExitCode.failure,
  OAUTH2_STATE_MISMATCH: ExitCode.failure,
  OAUTH2_CONSENT_TIMEOUT: ExitCode.failure,
  OAUTH2_TOKEN_MISSING: ExitCode.failure,
  OAUTH2_REFRESH_FAILED: ExitCode.failure,
  REQUEST_NOT_FOUND: ExitCode.badInput,
  REQUEST_AMBIGUOUS: ExitCode.badInput,
  CONVERT_TARGET_UNSUPPORTED: ExitCode.badInput,
  USAGE_INVALID: ExitCode.badInput,
} as const satisfies Record<ErrorCode, ExitCode>
