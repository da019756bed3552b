import type { RunEvent } from '@courier/core'

/** A file a reporter produced; the CLI writes it (`--reporter-json-export`, `--reporter-junit-export`). */
export interface ReportArtifact {
  reporter: string
  /** Where Newman would put it when no export path is given. */
  defaultPath: string
  text: string
}

/**
 * Consumes a run's events one at a time and returns its artifacts at the end. The `cli` reporter prints as it
 * goes and returns none.
 * @example for await (const event of runCollection(c, o)) reporter.onEvent(event); const files = reporter.finish()
 */
export interface Reporter {
  onEvent(event: RunEvent): void
  finish(): ReportArtifact[]
}

/** What file reporters know of the collection. */
export interface ReportCollectionInfo {
  name: string
  id?: string
}
