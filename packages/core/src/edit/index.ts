export type { Change, EditResult, ExampleRef, ExampleSelector, ItemLocation, ItemSelector } from './types.js'
export type { FindItemOptions, FoundItem } from './find-item.js'
export { findItem } from './find-item.js'
export type { CollectionPatch, ContainerPatch, ItemPatch, KeyValueEntry, ScriptsPatch } from './item-patch.js'
export { editCollection, editItem, renameItem, setDescription } from './edit-item.js'
export type { NewFolder, NewRequest, Placement } from './create-item.js'
export { createFolder, createRequest } from './create-item.js'
export type { MoveTarget } from './move-item.js'
export { moveItem, moveItemBetween } from './move-item.js'
export type { DuplicateItemOptions } from './duplicate-item.js'
export { duplicateItem } from './duplicate-item.js'
export type { TrashEntry } from './delete-item.js'
export { deleteItem, restoreItem } from './delete-item.js'
export type { ExamplePatch, NewExample, ResponseToSave } from './edit-example.js'
export {
  addExample,
  deleteExample,
  editExample,
  renameExample,
  saveResponseAsExample,
} from './edit-example.js'
export type { EnvironmentChange, EnvironmentEditResult, SetVariableOptions } from './edit-environment.js'
export {
  createEnvironment,
  duplicateEnvironment,
  renameEnvironment,
  setVariable,
  unsetVariable,
} from './edit-environment.js'
