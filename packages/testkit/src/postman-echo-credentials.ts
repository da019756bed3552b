/**
 * The fixed credentials postman-echo (and so Newman's suites) use; the echo server accepts exactly these.
 * @example
 * const { username, password } = postmanEchoCredentials.basic
 */
export const postmanEchoCredentials = {
  basic: { username: 'postman', password: 'password' },
  digest: { username: 'postman', password: 'password', realm: 'Users' },
  hawk: { id: 'dh37fgj492je', key: 'werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn', algorithm: 'sha256' },
  oauth1: { consumerKey: 'RKCGzna7bv9YD57c', consumerSecret: 'D+EdQ-gs$-%@2Nu7' },
} as const
