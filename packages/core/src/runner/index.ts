export type { ItemRef, ResponseSummary, RunEvent, RunFailure, RunStats } from './types.js'
