export type { ErrorCode, ErrorDetails, Issue } from './codes.js'
export { AppError, isAppError } from './app-error.js'
export { messages, hintFor } from './messages.js'
