export type { PostmanFormat, Warning } from './types.js'
export type {
  Auth,
  Body,
  Collection,
  Description,
  Event,
  EventList,
  Info,
  Item,
  Request,
  RequestObject,
  Response,
  Script,
  Url,
  CollectionVariable,
} from './collection-schema.js'
export { collectionSchema } from './collection-schema.js'
export type { Environment, EnvironmentValue } from './environment-schema.js'
export { environmentSchema } from './environment-schema.js'
export type { ParseCollectionResult, ParseDocumentOptions, ParsedDocument } from './parse-document.js'
export { MAX_FOLDER_DEPTH, parseCollection, parseDocument } from './parse-document.js'
export { exportCollection, exportEnvironment } from './export-collection.js'
export type {
  CollectionOutline,
  FolderOutline,
  ItemOutline,
  OutlineCounts,
  OutlineVariable,
  RequestOutline,
  ScriptCounts,
} from './outline-collection.js'
export { outlineCollection } from './outline-collection.js'
export type { EnvironmentOutline, EnvironmentValueOutline } from './outline-environment.js'
export { outlineEnvironment } from './outline-environment.js'
export { authParams, authType } from './auth-params.js'
export {
  descriptionText,
  eventList,
  isFolder,
  requestMethod,
  requestObject,
  requestUrlText,
  scriptLineCount,
  scriptLines,
} from './item-accessors.js'
export { KNOWN_AUTH_TYPES, KNOWN_BODY_MODES } from './collect-warnings.js'
export { SUPPORTED_FORMATS } from './detect-document.js'
export { upgradeV20ToV21 } from './upgrade-v20.js'
export type { ScopeVariable } from './scope-variables.js'
export { collectionVariables, environmentVariables } from './scope-variables.js'
