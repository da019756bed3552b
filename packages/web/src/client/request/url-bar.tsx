import { useId, useRef } from 'react'
import { splitVariables, useResolveVariable } from '../variables'

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

export interface UrlBarProps {
  method: string
  url: string
  sending: boolean
  onMethod: (method: string) => void
  onUrl: (url: string) => void
  onSend: () => void
}

/** Method, URL with `{{variables}}` highlighted (hover shows the value), and Send. */
export function UrlBar(props: UrlBarProps) {
  const input = useRef<HTMLInputElement>(null)
  const mirror = useRef<HTMLDivElement>(null)
  const resolve = useResolveVariable()
  const methods = METHODS.includes(props.method) ? METHODS : [...METHODS, props.method]
  const describedBy = useId()
  const parts = splitVariables(props.url)
  const variables = parts.flatMap((part) => (part.variable === undefined ? [] : [part.variable]))
  const hint = (name: string) => {
    const value = resolve(name)
    return value === undefined ? `${name}: not defined` : `${name} = ${value}`
  }
  return (
    <form
      className="url-bar"
      onSubmit={(event) => {
        event.preventDefault()
        props.onSend()
      }}
    >
      <select
        aria-label="Method"
        className={`method method-${props.method.toLowerCase()}`}
        value={props.method}
        onChange={(event) => props.onMethod(event.target.value)}
      >
        {methods.map((method) => (
          <option key={method}>{method}</option>
        ))}
      </select>
      <div className="url-field">
        <input
          ref={input}
          aria-label="URL"
          {...(variables.length === 0 ? {} : { 'aria-describedby': describedBy })}
          spellCheck={false}
          value={props.url}
          placeholder="Enter URL or paste text"
          onChange={(event) => props.onUrl(event.target.value)}
          onScroll={(event) => {
            if (mirror.current !== null) mirror.current.scrollLeft = event.currentTarget.scrollLeft
          }}
        />
        <div className="url-mirror" ref={mirror} aria-hidden="true">
          {parts.map((part, index) => {
            if (part.variable === undefined) return <span key={index}>{part.text}</span>
            return (
              <span
                key={index}
                className={resolve(part.variable) === undefined ? 'var var-unknown' : 'var'}
                title={hint(part.variable)}
                onMouseDown={(event) => {
                  event.preventDefault()
                  input.current?.focus()
                }}
              >
                {part.text}
              </span>
            )
          })}
        </div>
        {/* The hover values, for the keyboard and screen readers: read as the URL field's description. */}
        {variables.length > 0 && (
          <span id={describedBy} className="sr-only">
            {[...new Set(variables)].map(hint).join(', ')}
          </span>
        )}
      </div>
      <button type="submit" className="primary" disabled={props.sending}>
        {props.sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  )
}
