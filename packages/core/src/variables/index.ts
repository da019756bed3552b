export type { Variable, VariableScopes, VariableScopeName } from './variable.js'
export { variableScopeOrder, isEnabled, isSecret } from './variable.js'
export { findVariable, resolveValue } from './find-variable.js'
export { formatValue } from './format-value.js'
export type { ResolveOptions } from './resolve-template.js'
export { resolveTemplate } from './resolve-template.js'
export { listUnresolved } from './list-unresolved.js'
export { resolveDeep } from './resolve-deep.js'
export type {
  DynamicVariableName,
  DynamicVariableProvider,
  DynamicVariablesOptions,
} from './create-dynamic-variables.js'
export {
  createDynamicVariables,
  dynamicVariableNames,
  isDynamicVariableName,
} from './create-dynamic-variables.js'
export type { DisplayValueOptions } from './mask-variables.js'
export { SECRET_MASK, displayValue, maskVariables } from './mask-variables.js'
