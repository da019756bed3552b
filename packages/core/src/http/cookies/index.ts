export type { CookieRecord, CookieStore } from './cookie-store.js'
export type { CookieJarOptions } from './create-cookie-jar.js'
export { createCookieJar } from './create-cookie-jar.js'
