import { Marked } from 'marked'
import { useMemo, useState } from 'react'

export interface DocsEditorProps {
  text: string
  onChange: (text: string) => void
  /** "request", "folder" or "collection": said in the placeholder. */
  level: string
}

/** Markdown docs with Edit and Preview. Raw HTML in the Markdown is shown as text, not run. */
export function DocsEditor(props: DocsEditorProps) {
  const [editing, setEditing] = useState(props.text === '')
  const html = useMemo(() => markdown.parse(props.text, { async: false }), [props.text])
  return (
    <div className="docs">
      <div className="toolbar" role="group" aria-label="Docs mode">
        <button type="button" aria-pressed={editing} onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" aria-pressed={!editing} onClick={() => setEditing(false)}>
          Preview
        </button>
      </div>
      {editing ? (
        <textarea
          aria-label="Documentation (Markdown)"
          className="docs-text"
          value={props.text}
          placeholder={`Describe this ${props.level} in Markdown`}
          onChange={(event) => props.onChange(event.target.value)}
        />
      ) : (
        <div className="markdown" data-testid="docs-preview" dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </div>
  )
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

// Docs come from shared collections: raw HTML is shown as text and only http(s)/mailto/relative links are kept.
const markdown = new Marked({
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
  walkTokens: (token) => {
    if (
      (token.type === 'link' || token.type === 'image') &&
      /^\s*(javascript|data|vbscript):/i.test(String(token.href))
    ) {
      token.href = '#'
    }
  },
})
