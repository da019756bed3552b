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
  CONVERT_TARGET_UNSUPPORTED: ExitCode.badInput,
  USAGE_INVALID: ExitCode.badInput,
} as const satisfies Record<ErrorCode, ExitCode>
