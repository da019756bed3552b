/** What a user does on the sandbox's pages. */
export interface DriveAuthorizationOptions {
  /** Default `ada@example.com`. */
  username?: string
  /** Default `courier`. */
  password?: string
  /** Default `allow`. */
  decision?: 'allow' | 'deny'
}

/** Where the sandbox sent the browser at the end. */
export interface DriveAuthorizationResult {
  /** The final redirect (`redirect_uri?code=…&state=…`, or with a fragment for the implicit grant). */
  location: string
  /** Query (code flow) or fragment (implicit) parameters of `location`. */
  params: URLSearchParams
}

interface Form {
  action: string
  fields: URLSearchParams
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return match?.[1] === undefined ? undefined : decodeEntities(match[1])
}

/** Reads the first `<form>` of one of the sandbox's own pages (not a general HTML parser). */
function parseForm(html: string, pageUrl: string): Form {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/.exec(html)
  if (form?.[1] === undefined) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 200)}`)
  const fields = new URLSearchParams()
  for (const [input] of form[1].matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(input, 'name')
    if (name !== undefined) fields.set(name, attribute(input, 'value') ?? '')
  }
  return { action: new URL(attribute(form[0], 'action') ?? '', pageUrl).href, fields }
}

async function post(action: string, fields: URLSearchParams): Promise<Response> {
  return fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  })
}

function finish(res: Response): DriveAuthorizationResult {
  const location = res.headers.get('location')
  if (res.status !== 302 || location === null) throw new Error(`expected a redirect, got ${res.status}`)
  const url = new URL(location)
  return { location, params: new URLSearchParams(url.hash === '' ? url.search : url.hash.slice(1)) }
}

/**
 * Plays the user in a browser: opens `authorizationUrl`, signs in, clicks Allow (or Deny) and returns where
 * the sandbox redirected. Throws when a page is not the one expected (e.g. the 400 page for a bad client).
 * @example
 * const { params } = await driveAuthorization(`${goto.authorizeUrl}?client_id=courier-demo&response_type=code`)
 * const code = params.get('code')
 */
export async function driveAuthorization(
  authorizationUrl: string,
  options: DriveAuthorizationOptions = {},
): Promise<DriveAuthorizationResult> {
  const first = await fetch(authorizationUrl, { redirect: 'manual' })
  if (first.status === 302) return finish(first)
  const loginHtml = await first.text()
  if (first.status !== 200) throw new Error(`authorize answered ${first.status}: ${loginHtml.slice(0, 300)}`)
  const login = parseForm(loginHtml, authorizationUrl)
  login.fields.set('username', options.username ?? 'ada@example.com')
  login.fields.set('password', options.password ?? 'courier')
  const consentRes = await post(login.action, login.fields)
  if (consentRes.status === 302) return finish(consentRes)
  const consentHtml = await consentRes.text()
  if (!consentHtml.includes('name="decision"'))
    throw new Error('sign-in failed: the consent page was not shown')
  const consent = parseForm(consentHtml, login.action)
  consent.fields.set('decision', options.decision ?? 'allow')
  return finish(await post(consent.action, consent.fields))
}
