import type { AuthorizationCodeReceiver } from '@courier/core'

/** Where the manual receiver talks to the user. */
export interface ManualReceiverOptions {
  open: (url: string) => Promise<boolean>
  say: (line: string) => void
  /** Reads one line the user typed (stdin). */
  ask: (question: string) => Promise<string>
}

/**
 * The GoTo guide's manual way, for redirect URIs Courier cannot listen on (the provider's page, Postman's
 * callback): show (and try to open) the authorization URL, then take what the user pastes — the whole redirect
 * URL from the address bar, or the bare code.
 * @example await createManualReceiver({ open, say, ask }).receive(request)
 */
export function createManualReceiver(options: ManualReceiverOptions): AuthorizationCodeReceiver {
  return {
    async receive(request) {
      options.say(`Open this URL, sign in and click Allow:\n  ${request.authorizationUrl}`)
      await options.open(request.authorizationUrl)
      options.say(
        `The browser then lands on ${request.redirectUri}?code=… (the page may not load: that is fine).`,
      )
      const answer = (
        await options.ask('Paste the whole address from the browser, or just the code: ')
      ).trim()
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(answer) ? { callbackUrl: answer } : { code: answer }
    },
  }
}
