export type { Exchange, Hop, SentRequest } from './exchange.js'
export type { SendInput, SendRequestOptions } from './send-request.js'
export { sendRequest } from './send-request.js'
export { followRedirect, isRedirect } from './follow-redirect.js'
