/** Start the GoTo sandbox; its options, handle, and the demo client and user. */
export { demoClient, demoUser, startGotoSandbox } from './start-goto-sandbox.js'
export type {
  GotoSandbox,
  GotoSandboxLogEntry,
  GotoSandboxOptions,
  SandboxClient,
  SandboxUser,
} from './start-goto-sandbox.js'
/** Play the user on the sandbox's sign-in and consent pages (for tests and scripts). */
export { driveAuthorization } from './drive-authorization.js'
export type { DriveAuthorizationOptions, DriveAuthorizationResult } from './drive-authorization.js'
