import { useId, useState } from 'react'
import type { Auth, TokenSummary } from '../api/types'

/** What the OAuth 2.0 form can ask of the app: a grant, and the token store. */
export interface OAuth2Actions {
  getNewToken: (auth: Auth) => Promise<string>
  tokens: TokenSummary[]
  deleteToken: (name: string) => Promise<void>
  /** Finishes a waiting grant with the redirect URL (or bare code) the user pasted, as the GoTo guide shows. */
  pasteAnswer: (answer: string) => Promise<void>
}

const GRANTS: [string, string][] = [
  ['authorization_code', 'Authorization Code'],
  ['authorization_code_with_pkce', 'Authorization Code (With PKCE)'],
  ['implicit', 'Implicit'],
  ['password_credentials', 'Password Credentials'],
  ['client_credentials', 'Client Credentials'],
]

interface OAuth2FormProps {
  auth: Auth
  params: Record<string, string>
  onParam: (key: string, value: string) => void
  actions: OAuth2Actions
}

/** Postman's "Configure New Token" form, Get New Access Token, and the token manager. */
export function OAuth2Form(props: OAuth2FormProps) {
  const id = useId()
  const { params, onParam } = props
  const grant = params['grant_type'] ?? 'authorization_code'
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const usesBrowser = grant.startsWith('authorization_code') || grant === 'implicit'
  const usesClientSecret = grant !== 'implicit'
  const field = (key: string, label: string, options: { secret?: boolean; placeholder?: string } = {}) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={options.secret === true ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        placeholder={options.placeholder}
        value={params[key] ?? ''}
        onChange={(event) => onParam(key, event.target.value)}
      />
    </>
  )
  const tokenName = params['tokenName'] ?? ''
  return (
    <div className="oauth2">
      <h3>Current Token</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-use`}>Token</label>
        <select
          id={`${id}-use`}
          value={tokenName}
          onChange={(event) => onParam('tokenName', event.target.value)}
        >
          {!props.actions.tokens.some((token) => token.name === tokenName) && (
            <option value={tokenName}>
              {tokenName === '' ? 'No token' : `${tokenName} (not obtained yet)`}
            </option>
          )}
          {props.actions.tokens.map((token) => (
            <option key={token.name} value={token.name}>
              {token.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-addTokenTo`}>Add token to</label>
        <select
          id={`${id}-addTokenTo`}
          value={params['addTokenTo'] ?? 'header'}
          onChange={(event) => onParam('addTokenTo', event.target.value)}
        >
          <option value="header">Request Headers</option>
          <option value="queryParams">Request URL</option>
        </select>
        {field('headerPrefix', 'Header Prefix', { placeholder: 'Bearer' })}
      </div>
      <h3>Configure New Token</h3>
      <div className="form-grid">
        {field('tokenName', 'Token Name')}
        <label htmlFor={`${id}-grant`}>Grant Type</label>
        <select
          id={`${id}-grant`}
          value={grant}
          onChange={(event) => onParam('grant_type', event.target.value)}
        >
          {GRANTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {usesBrowser && field('redirect_uri', 'Callback URL')}
        {usesBrowser && field('authUrl', 'Auth URL')}
        {grant !== 'implicit' && field('accessTokenUrl', 'Access Token URL')}
        {field('clientId', 'Client ID')}
        {usesClientSecret && field('clientSecret', 'Client Secret', { secret: true })}
        {grant === 'password_credentials' && field('username', 'Username')}
        {grant === 'password_credentials' && field('password', 'Password', { secret: true })}
        {grant === 'authorization_code_with_pkce' && (
          <>
            <label htmlFor={`${id}-challenge`}>Code Challenge Method</label>
            <select
              id={`${id}-challenge`}
              value={params['challengeAlgorithm'] ?? 'S256'}
              onChange={(event) => onParam('challengeAlgorithm', event.target.value)}
            >
              <option value="S256">SHA-256</option>
              <option value="plain">Plain</option>
            </select>
            {field('code_verifier', 'Code Verifier', {
              placeholder: 'Automatically generated if left blank',
            })}
          </>
        )}
        {field('scope', 'Scope', { placeholder: 'e.g. read:org' })}
        {usesBrowser && field('state', 'State')}
        <label htmlFor={`${id}-client-auth`}>Client Authentication</label>
        <select
          id={`${id}-client-auth`}
          value={params['client_authentication'] ?? 'header'}
          onChange={(event) => onParam('client_authentication', event.target.value)}
        >
          <option value="header">Send as Basic Auth header</option>
          <option value="body">Send client credentials in body</option>
        </select>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true)
            setStatus({ kind: 'info', text: 'Waiting for the authorization server…' })
            props.actions.getNewToken(props.auth).then(
              (text) => {
                setStatus({ kind: 'info', text })
                setBusy(false)
              },
              (error: unknown) => {
                setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
                setBusy(false)
              },
            )
          }}
        >
          Get New Access Token
        </button>
      </div>
      {busy && (
        <PasteAnswer
          onPaste={(answer) =>
            props.actions.pasteAnswer(answer).catch((error: unknown) => {
              setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
            })
          }
        />
      )}
      {status !== undefined && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind}>
          {status.text}
        </p>
      )}
      <TokenManager
        actions={props.actions}
        current={tokenName}
        onUse={(name) => onParam('tokenName', name)}
      />
    </div>
  )
}

function PasteAnswer(props: { onPaste: (answer: string) => Promise<void> }) {
  const id = useId()
  const [answer, setAnswer] = useState('')
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault()
        void props.onPaste(answer.trim())
      }}
    >
      <label htmlFor={id}>Or paste the redirect URL or the code</label>
      <input id={id} value={answer} autoComplete="off" onChange={(event) => setAnswer(event.target.value)} />
      <button type="submit" disabled={answer.trim() === ''}>
        Finish
      </button>
    </form>
  )
}

function expiry(expiresAt: TokenSummary['expiresAt']): string {
  if (expiresAt === undefined || expiresAt === null) return 'no expiry'
  const at = new Date(expiresAt)
  return Number.isNaN(at.getTime()) ? String(expiresAt) : `expires ${at.toLocaleString()}`
}

function TokenManager(props: { actions: OAuth2Actions; current: string; onUse: (name: string) => void }) {
  return (
    <section className="token-manager" aria-label="Manage Access Tokens">
      <h3>Manage Access Tokens</h3>
      {props.actions.tokens.length === 0 ? (
        <p className="hint">No tokens yet.</p>
      ) : (
        <ul>
          {props.actions.tokens.map((token) => (
            <li key={token.name} data-token={token.name}>
              <strong>{token.name}</strong> <span className="hint">{expiry(token.expiresAt)}</span>
              {token.scope !== undefined && token.scope !== '' && (
                <span className="hint"> · scope {token.scope}</span>
              )}
              {token.fields.length > 0 && <div className="hint">fields: {token.fields.join(', ')}</div>}
              <button
                type="button"
                disabled={token.name === props.current}
                onClick={() => props.onUse(token.name)}
              >
                {token.name === props.current ? 'In use' : 'Use Token'}
              </button>
              <button type="button" onClick={() => void props.actions.deleteToken(token.name)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
