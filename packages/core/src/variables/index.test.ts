import { describe, expectTypeOf, it } from 'vitest'
import type {
  DisplayValueOptions,
  DynamicVariableName,
  DynamicVariableProvider,
  DynamicVariablesOptions,
  ResolveOptions,
  Variable,
  VariableScopes,
} from '../index.js'
import {
  SECRET_MASK,
  createDynamicVariables,
  displayValue,
  dynamicVariableNames,
  findVariable,
  listUnresolved,
  maskVariables,
  resolveDeep,
  resolveTemplate,
  resolveValue,
} from '../index.js'

describe('variables public API', () => {
  it('has the documented signatures', () => {
    expectTypeOf(resolveTemplate).toEqualTypeOf<
      (text: string, scopes: VariableScopes, options?: ResolveOptions) => string
    >()
    expectTypeOf(listUnresolved).toEqualTypeOf<
      (text: string, scopes: VariableScopes, options?: ResolveOptions) => string[]
    >()
    expectTypeOf(resolveValue).toEqualTypeOf<(name: string, scopes: VariableScopes) => unknown>()
    expectTypeOf(findVariable).returns.toEqualTypeOf<Variable | undefined>()
    expectTypeOf(resolveDeep({ a: ['x'], n: 1 }, {})).toEqualTypeOf<{ a: string[]; n: number }>()
    expectTypeOf(createDynamicVariables).toEqualTypeOf<
      (options?: DynamicVariablesOptions) => DynamicVariableProvider
    >()
    expectTypeOf<DynamicVariableProvider['resolve']>().toEqualTypeOf<(name: string) => string | undefined>()
    expectTypeOf(dynamicVariableNames).toEqualTypeOf<readonly DynamicVariableName[]>()
    expectTypeOf<'$guid'>().toExtend<DynamicVariableName>()
    expectTypeOf(displayValue).toEqualTypeOf<(variable: Variable, options?: DisplayValueOptions) => string>()
    expectTypeOf(maskVariables).toEqualTypeOf<(list: readonly Variable[]) => Variable[]>()
    expectTypeOf(SECRET_MASK).toEqualTypeOf<string>()
  })

  it('describes variables and scopes as plain data', () => {
    expectTypeOf<Variable>().toHaveProperty('key').toEqualTypeOf<string>()
    expectTypeOf<Variable>().toHaveProperty('value').toEqualTypeOf<unknown>()
    expectTypeOf<Pick<Variable, 'type' | 'enabled' | 'disabled'>>().toEqualTypeOf<{
      type?: string
      enabled?: boolean
      disabled?: boolean
    }>()
    expectTypeOf<NonNullable<VariableScopes['iterationData']>>().toEqualTypeOf<readonly Variable[]>()
    expectTypeOf<ResolveOptions['mask']>().toEqualTypeOf<'none' | 'secrets' | undefined>()
    // Options objects, never positional booleans.
    expectTypeOf<DisplayValueOptions>().toEqualTypeOf<{ showSecrets?: boolean }>()
  })
})
