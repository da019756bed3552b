import type { ItemJson } from '../api/types'

const SETTINGS: [string, string, boolean][] = [
  ['followRedirects', 'Automatically follow redirects', true],
  ['followOriginalHttpMethod', 'Follow original HTTP method', false],
  ['followAuthorizationHeader', 'Follow Authorization header', false],
  ['strictSSL', 'Enable SSL certificate verification', true],
  ['removeRefererHeaderOnRedirect', 'Remove referer header on redirect', false],
  ['disableBodyPruning', 'Send a body with GET (disable body pruning)', false],
  ['disableUrlEncoding', 'Disable URL encoding', false],
  ['disableCookies', 'Disable cookie jar', false],
]

/** The request's Settings tab: Postman's protocolProfileBehavior switches. */
export function SettingsEditor(props: { item: ItemJson; onChange: (item: ItemJson) => void }) {
  const behaviour = props.item.protocolProfileBehavior ?? {}
  return (
    <fieldset className="settings">
      <legend>Request settings</legend>
      {SETTINGS.map(([key, label, fallback]) => (
        <label key={key} className="switch">
          <input
            type="checkbox"
            checked={typeof behaviour[key] === 'boolean' ? behaviour[key] : fallback}
            onChange={(event) =>
              props.onChange({
                ...props.item,
                protocolProfileBehavior: { ...behaviour, [key]: event.target.checked },
              })
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  )
}
