/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;margin:.4rem 0}input{width:100%;padding:.4rem}button{padding:.5rem 1.2rem}.error{color:#b00020}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

function hiddenFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n')
}

/** The GoTo sign-in page; `request` holds the original authorize query, carried on in hidden fields. */
export function renderLoginPage(request: Record<string, string>, options: { error?: string } = {}): string {
  const error =
    options.error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(options.error)}</p>\n`
  return page(
    'Sign in to GoTo',
    `<h1>Sign in to GoTo</h1>
${error}<form method="post" action="/oauth/authorize/login">
${hiddenFields(request)}
<label for="username">Email</label>
<input id="username" name="username" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  )
}

/** The consent page: one form, an Allow and a Deny button, the pending authorization in a hidden field. */
export function renderConsentPage(options: {
  clientName: string
  scope: string
  principal: string
  transaction: string
}): string {
  const scopes = options.scope
    .split(' ')
    .filter(Boolean)
    .map((s) => `<li><code>${escapeHtml(s)}</code></li>`)
    .join('')
  return page(
    'Authorize access',
    `<h1>Allow ${escapeHtml(options.clientName)} to access your GoTo account?</h1>
<p>Signed in as ${escapeHtml(options.principal)}.</p>
<p>${escapeHtml(options.clientName)} will be able to:</p>
<ul>${scopes}</ul>
<form method="post" action="/oauth/authorize/decision">
${hiddenFields({ transaction: options.transaction })}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  )
}

/** An error page for requests that must not be redirected (unknown client, unregistered redirect URI). */
export function renderErrorPage(error: string, description: string): string {
  return page(
    'Authorization error',
    `<h1>Authorization error</h1>
<p role="alert"><strong>${escapeHtml(error)}</strong>: ${escapeHtml(description)}</p>`,
  )
}
