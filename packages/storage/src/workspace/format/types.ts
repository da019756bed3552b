import type { Environment } from '@courier/core'

/**
 * A collection's files: path relative to the collection directory (e.g. `Admin/Ban user.request.yaml`,
 * `.resources/definition.yaml`, `.resources/List orders.resources/examples/200 OK.example.yaml`) → text.
 */
export type CollectionFiles = Map<string, string>

/** Why a workspace file could not be read as what its name says. */
export type FileProblemCode =
  /** The text is not valid YAML (line and column given). */
  | 'YAML_SYNTAX'
  /** The document is not a map (a list, a scalar, empty). */
  | 'NOT_A_MAP'
  /** No `$kind` (or not a string). */
  | 'KIND_MISSING'
  /** A `$kind` that this file name cannot hold (`http-example` in a `.request.yaml`, a request in `definition.yaml`). */
  | 'KIND_MISMATCH'
  /** A `*.request.yaml` inside a `.resources` directory, which holds metadata only. */
  | 'REQUEST_IN_RESOURCES'
  /** An example whose request file does not exist or was not readable. */
  | 'EXAMPLE_WITHOUT_REQUEST'
  /** A known field with a value of the wrong type (`url: [ … ]`, `order: "x"`). */
  | 'FIELD_INVALID'

/** A file that could not be read; it is kept verbatim (as an opaque file) so that saving never destroys it. */
export interface FileProblem {
  path: string
  line?: number
  column?: number
  code: FileProblemCode
  message: string
}

/** One file of the layout, before rendering: cheap to compute (no YAML), for incremental saves. */
export interface LayoutEntry {
  path: string
  kind: 'definition' | 'request' | 'example' | 'opaque'
  /** Index path of the owning item in the v2.1 tree ([] = the collection itself), example index for examples. */
  itemPath: number[]
  exampleIndex?: number
}

/** An environment or globals document in Courier's model (Postman's JSON shape, unknown fields kept). */
export type EnvironmentDocument = Environment

/** Whether an environment file holds an environment or the workspace globals. */
export type EnvironmentKind = 'environment' | 'globals'
