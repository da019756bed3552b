/** A Postman collection format version Courier can read. */
export type PostmanFormat = 'v1.0.0' | 'v2.0.0' | 'v2.1.0'

/** A harmless oddity noticed while importing, with the JSON path where it was found (`$.item[3].request`). */
export interface Warning {
  path: string
  message: string
}
