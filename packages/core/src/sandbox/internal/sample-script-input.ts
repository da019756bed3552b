import type { ScriptInput } from '../types.js'

/**
 * A test script's input with a 200 JSON response and empty scopes, for the sandbox's specs.
 * @example sampleScriptInput("pm.test('ok', () => pm.response.to.be.ok)")
 */
export function sampleScriptInput(code: string, overrides: Partial<ScriptInput> = {}): ScriptInput {
  return {
    event: 'test',
    code,
    origin: 'Users/Get User › test',
    request: {
      method: 'GET',
      url: 'https://api.example.com/users/1',
      headers: [{ key: 'Accept', value: '*/*' }],
    },
    response: {
      code: 200,
      status: 'OK',
      headers: [{ key: 'Content-Type', value: 'application/json' }],
      body: '{"id":1,"name":"Ada","tags":["a","b"]}',
      responseTime: 12,
      responseSize: 38,
    },
    scopes: { globals: [], collection: [], environment: [], iterationData: [], local: [] },
    info: { requestName: 'Get User', requestId: 'req-1', iteration: 0, iterationCount: 1, eventName: 'test' },
    ...overrides,
  }
}
