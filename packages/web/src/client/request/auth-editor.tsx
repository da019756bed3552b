import { useId } from 'react'
import type { Auth } from '../api/types'
import { authParams, withAuthParam } from './item-edits'
import { OAuth2Form, type OAuth2Actions } from './oauth2-form'

interface Field {
  key: string
  label: string
  secret?: boolean
  options?: string[]
  multiline?: boolean
}

/** Postman's auth types and the parameters each keeps (the keys are Postman's, so files stay compatible). */
const AUTH_FIELDS: Record<string, { label: string; fields: Field[] }> = {
  apikey: {
    label: 'API Key',
    fields: [
      { key: 'key', label: 'Key' },
      { key: 'value', label: 'Value', secret: true },
      { key: 'in', label: 'Add to', options: ['header', 'query'] },
    ],
  },
  bearer: { label: 'Bearer Token', fields: [{ key: 'token', label: 'Token', secret: true }] },
  jwt: {
    label: 'JWT Bearer',
    fields: [
      {
        key: 'algorithm',
        label: 'Algorithm',
        options: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256'],
      },
      { key: 'secret', label: 'Secret', secret: true },
      { key: 'payload', label: 'Payload', multiline: true },
      { key: 'addTokenTo', label: 'Add JWT token to', options: ['header', 'queryParam'] },
      { key: 'headerPrefix', label: 'Header prefix' },
    ],
  },
  basic: {
    label: 'Basic Auth',
    fields: [
      { key: 'username', label: 'Username' },
      { key: 'password', label: 'Password', secret: true },
    ],
  },
  digest: {
    label: 'Digest Auth',
    fields: [
      { key: 'username', label: 'Username' },
      { key: 'password', label: 'Password', secret: true },
      { key: 'realm', label: 'Realm' },
      { key: 'nonce', label: 'Nonce' },
      { key: 'algorithm', label: 'Algorithm', options: ['MD5', 'MD5-sess', 'SHA-256', 'SHA-256-sess'] },
      { key: 'qop', label: 'qop' },
      { key: 'nonceCount', label: 'Nonce Count' },
      { key: 'clientNonce', label: 'Client Nonce' },
      { key: 'opaque', label: 'Opaque' },
    ],
  },
  oauth1: {
    label: 'OAuth 1.0',
    fields: [
      {
        key: 'signatureMethod',
        label: 'Signature Method',
        options: ['HMAC-SHA1', 'HMAC-SHA256', 'HMAC-SHA512', 'RSA-SHA1', 'RSA-SHA256', 'PLAINTEXT'],
      },
      { key: 'consumerKey', label: 'Consumer Key' },
      { key: 'consumerSecret', label: 'Consumer Secret', secret: true },
      { key: 'token', label: 'Access Token' },
      { key: 'tokenSecret', label: 'Token Secret', secret: true },
      { key: 'callback', label: 'Callback URL' },
      { key: 'verifier', label: 'Verifier' },
      { key: 'timestamp', label: 'Timestamp' },
      { key: 'nonce', label: 'Nonce' },
      { key: 'version', label: 'Version' },
      { key: 'realm', label: 'Realm' },
      { key: 'addParamsToHeader', label: 'Add params to header', options: ['true', 'false'] },
    ],
  },
  oauth2: { label: 'OAuth 2.0', fields: [] },
  hawk: {
    label: 'Hawk Authentication',
    fields: [
      { key: 'authId', label: 'Hawk Auth ID' },
      { key: 'authKey', label: 'Hawk Auth Key', secret: true },
      { key: 'algorithm', label: 'Algorithm', options: ['sha256', 'sha1'] },
      { key: 'user', label: 'User' },
      { key: 'nonce', label: 'Nonce' },
      { key: 'extraData', label: 'ext' },
      { key: 'app', label: 'app' },
      { key: 'delegation', label: 'dlg' },
      { key: 'timestamp', label: 'Timestamp' },
      { key: 'includePayloadHash', label: 'Include payload hash', options: ['false', 'true'] },
    ],
  },
  awsv4: {
    label: 'AWS Signature',
    fields: [
      { key: 'accessKey', label: 'AccessKey' },
      { key: 'secretKey', label: 'SecretKey', secret: true },
      { key: 'region', label: 'AWS Region' },
      { key: 'service', label: 'Service Name' },
      { key: 'sessionToken', label: 'Session Token', secret: true },
      { key: 'addAuthDataToQuery', label: 'Add authorization data to', options: ['false', 'true'] },
    ],
  },
  ntlm: {
    label: 'NTLM Authentication',
    fields: [
      { key: 'username', label: 'Username' },
      { key: 'password', label: 'Password', secret: true },
      { key: 'domain', label: 'Domain' },
      { key: 'workstation', label: 'Workstation' },
    ],
  },
  edgegrid: {
    label: 'Akamai EdgeGrid',
    fields: [
      { key: 'accessToken', label: 'Access Token', secret: true },
      { key: 'clientToken', label: 'Client Token', secret: true },
      { key: 'clientSecret', label: 'Client Secret', secret: true },
      { key: 'nonce', label: 'Nonce' },
      { key: 'timestamp', label: 'Timestamp' },
      { key: 'baseURL', label: 'Base URL' },
      { key: 'headersToSign', label: 'Headers to Sign' },
    ],
  },
  asap: {
    label: 'ASAP (Atlassian)',
    fields: [
      { key: 'alg', label: 'Algorithm', options: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256'] },
      { key: 'iss', label: 'Issuer' },
      { key: 'aud', label: 'Audience' },
      { key: 'kid', label: 'Key ID' },
      { key: 'privateKey', label: 'Private key', secret: true, multiline: true },
      { key: 'sub', label: 'Subject' },
      { key: 'claims', label: 'Additional claims', multiline: true },
      { key: 'exp', label: 'Expiry' },
    ],
  },
}

const TYPE_ORDER = [
  'apikey',
  'bearer',
  'jwt',
  'basic',
  'digest',
  'oauth1',
  'oauth2',
  'hawk',
  'awsv4',
  'ntlm',
  'edgegrid',
  'asap',
]

export interface AuthEditorProps {
  auth: Auth | undefined
  /** Requests and folders can inherit; a collection cannot. */
  canInherit: boolean
  onChange: (auth: Auth | undefined) => void
  oauth2: OAuth2Actions
}

/** The Authorization tab: a type picker and that type's form. */
export function AuthEditor(props: AuthEditorProps) {
  const id = useId()
  const type = props.auth?.type ?? (props.canInherit ? 'inherit' : 'noauth')
  const params = authParams(props.auth)
  const set = (key: string, value: string) => {
    if (props.auth !== undefined) props.onChange(withAuthParam(props.auth, key, value))
  }
  const spec = AUTH_FIELDS[type]
  return (
    <div className="auth-editor">
      <label htmlFor={`${id}-type`}>Auth Type</label>
      <select
        id={`${id}-type`}
        value={type}
        onChange={(event) => {
          const next = event.target.value
          if (next === 'inherit') props.onChange(undefined)
          else if (next === 'noauth') props.onChange(props.canInherit ? { type: 'noauth' } : undefined)
          else props.onChange({ ...(props.auth ?? {}), type: next, [next]: props.auth?.[next] ?? [] })
        }}
      >
        {props.canInherit && <option value="inherit">Inherit auth from parent</option>}
        <option value="noauth">No Auth</option>
        {TYPE_ORDER.map((key) => (
          <option key={key} value={key}>
            {AUTH_FIELDS[key]?.label}
          </option>
        ))}
      </select>
      {type === 'inherit' && (
        <p className="hint">This request uses the authorization of its folder or collection.</p>
      )}
      {type === 'oauth2' && props.auth !== undefined && (
        <OAuth2Form auth={props.auth} params={params} onParam={set} actions={props.oauth2} />
      )}
      {spec !== undefined && type !== 'oauth2' && (
        <div className="form-grid">
          {spec.fields.map((field) => (
            <AuthField
              key={field.key}
              id={`${id}-${field.key}`}
              field={field}
              value={params[field.key] ?? ''}
              onChange={(v) => set(field.key, v)}
            />
          ))}
        </div>
      )}
    </div>
  )
}

function AuthField(props: { id: string; field: Field; value: string; onChange: (value: string) => void }) {
  const { field } = props
  return (
    <>
      <label htmlFor={props.id}>{field.label}</label>
      {field.options !== undefined ? (
        <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
          {!field.options.includes(props.value) && <option value={props.value}>{props.value}</option>}
          {field.options.map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : field.multiline === true ? (
        <textarea
          id={props.id}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      ) : (
        <input
          id={props.id}
          type={field.secret === true ? 'password' : 'text'}
          autoComplete="off"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </>
  )
}
