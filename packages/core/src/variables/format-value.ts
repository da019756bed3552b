/**
 * Renders a variable's value as the text substituted for `{{name}}`. Like Postman: strings as they are, numbers and
 * booleans as written, `null` as "null" and a missing value as "". Objects and arrays become JSON, where Postman
 * would print "[object Object]", because nobody wants that in a request.
 * @example formatValue({ a: 1 }) // '{"a":1}'
 */
export function formatValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value)
    case 'undefined':
      return ''
    case 'symbol':
    case 'function':
      return ''
    case 'object':
      return value === null ? 'null' : (JSON.stringify(value) ?? '')
  }
}
