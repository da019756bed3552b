export type {
  CollectionFiles,
  EnvironmentDocument,
  EnvironmentKind,
  FileProblem,
  FileProblemCode,
  LayoutEntry,
} from './types.js'
export { EXTENSION_KEY, environmentFileName, sanitiseName } from './file-names.js'
export { collectionDirectoryName, layoutCollection } from './layout-collection.js'
export type { RenderOptions } from './render-entry.js'
export { collectionToFiles, renderEntry } from './render-entry.js'
export type { FilesToCollectionOptions, FilesToCollectionResult } from './files-to-collection.js'
export type { ParsedYaml } from './yaml-text.js'
export { parseYaml } from './yaml-text.js'
export { filesToCollection } from './files-to-collection.js'
export type { EnvironmentSecret } from './environment-yaml.js'
export { environmentToYaml, withEnvironmentSecrets, yamlToEnvironment } from './environment-yaml.js'
export type { ModelExtension } from './model-extension.js'
