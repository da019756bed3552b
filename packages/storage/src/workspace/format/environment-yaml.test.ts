import type { Environment } from '@courier/core'
import { describe, expect, it } from 'vitest'
import { environmentToYaml, withEnvironmentSecrets, yamlToEnvironment } from './index.js'

const staging: Environment = {
  id: '5d0a2b6e-0000-4000-8000-000000000001',
  name: 'Staging',
  values: [
    { key: 'baseUrl', value: 'https://staging.test', type: 'default', enabled: true },
    { key: 'apiKey', value: 's3cr3t', type: 'secret', enabled: true },
    { key: 'verbose', value: 'true', type: 'default', enabled: false },
  ],
  _postman_variable_scope: 'environment',
  _postman_exported_at: '2024-01-01T00:00:00.000Z',
}

describe('environment files', () => {
  it('leaves secret values out of the text and returns them apart', () => {
    const { text, secrets } = environmentToYaml(staging, 'environment')
    expect(text).toBe(
      [
        'name: Staging',
        'values:',
        '  - key: baseUrl',
        '    value: https://staging.test',
        '    enabled: true',
        '    type: default',
        '  - key: apiKey',
        '    enabled: true',
        '    secret: true',
        '  - key: verbose',
        '    value: "true"',
        '    enabled: false',
        '    type: default',
        'x-courier:',
        '  id: 5d0a2b6e-0000-4000-8000-000000000001',
        '  _postman_exported_at: 2024-01-01T00:00:00.000Z',
        '',
      ].join('\n'),
    )
    expect(text).not.toContain('s3cr3t')
    expect(secrets).toStrictEqual([{ key: 'apiKey', value: 's3cr3t' }])
  })

  it('reads its own text back, deep-equal once the secrets are put back', () => {
    const { text, secrets } = environmentToYaml(staging, 'environment')
    const { environment, problems } = yamlToEnvironment(text, 'Staging.environment.yaml', 'environment')
    expect(problems).toStrictEqual([])
    expect(environment?.values[1]).toStrictEqual({ key: 'apiKey', type: 'secret', enabled: true })
    expect(withEnvironmentSecrets(environment as Environment, secrets)).toStrictEqual(staging)
  })

  it('reads app-written files: secret without value, cloud metadata, type secret with a value', () => {
    const text =
      "name: Dev\nvalues:\n  - key: Token\n    secret: true\n  - key: k\n    value: v\n    type: secret\ncolor: null\nowner: '9474696'\n"
    const { environment } = yamlToEnvironment(text, 'Dev.environment.yaml', 'environment')
    expect(environment).toStrictEqual({
      name: 'Dev',
      values: [
        { key: 'Token', type: 'secret' },
        { key: 'k', value: 'v', type: 'secret' },
      ],
      _postman_variable_scope: 'environment',
      color: null,
      owner: '9474696',
    })
  })

  it('reports a file that is not an environment', () => {
    expect(yamlToEnvironment('- a\n', 'x.environment.yaml', 'environment').problems[0]?.code).toBe(
      'NOT_A_MAP',
    )
    expect(yamlToEnvironment('name: [1]\n', 'x.environment.yaml', 'environment').problems[0]?.code).toBe(
      'FIELD_INVALID',
    )
    const broken = yamlToEnvironment('name: "x\n', 'x.environment.yaml', 'environment').problems[0]
    expect(broken).toMatchObject({ code: 'YAML_SYNTAX', line: 2 })
  })
})
