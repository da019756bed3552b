import { useState } from 'react'
import type { CollectionFields } from '../api/types'
import { AuthEditor } from '../request/auth-editor'
import { DocsEditor } from '../request/docs-editor'
import { descriptionText } from '../request/item-edits'
import { KeyValueTable } from '../request/key-value-table'
import type { OAuth2Actions } from '../request/oauth2-form'
import { ScriptsEditor } from '../request/scripts-editor'
import { useTabList } from '../use-tab-list'

type Section = 'auth' | 'variables' | 'scripts' | 'docs'

export interface CollectionEditorProps {
  name: string
  fields: CollectionFields
  onChange: (fields: CollectionFields) => void
  dark: boolean
  oauth2: OAuth2Actions
}

/** A collection's own settings: Authorization (where the GoTo guide's OAuth 2.0 lives), Variables, Scripts, Docs. */
export function CollectionEditor(props: CollectionEditorProps) {
  const [section, setSection] = useState<Section>('auth')
  const { fields, onChange } = props
  const sections: [Section, string][] = [
    ['auth', 'Authorization'],
    ['variables', 'Variables'],
    ['scripts', 'Scripts'],
    ['docs', 'Docs'],
  ]
  const tabs = useTabList({ keys: sections.map(([key]) => key), selected: section, onSelect: setSection })
  return (
    <div className="editor">
      <h2 className="editor-title">{props.name}</h2>
      <div {...tabs.list} aria-label="Collection sections" className="tabs">
        {sections.map(([key, label]) => (
          <button key={key} type="button" {...tabs.tab(key)}>
            {label}
          </button>
        ))}
      </div>
      <div {...tabs.panel()} className="section">
        {section === 'auth' && (
          <AuthEditor
            auth={fields.auth}
            canInherit={false}
            oauth2={props.oauth2}
            onChange={(auth) => {
              const next = { ...fields }
              if (auth === undefined) delete next.auth
              else next.auth = auth
              onChange(next)
            }}
          />
        )}
        {section === 'variables' && (
          <KeyValueTable
            label="Collection variables"
            rows={fields.variable ?? []}
            onChange={(variable) => onChange({ ...fields, variable })}
          />
        )}
        {section === 'scripts' && (
          <ScriptsEditor
            events={fields.event}
            onChange={(event) => onChange({ ...fields, event })}
            dark={props.dark}
          />
        )}
        {section === 'docs' && (
          <DocsEditor
            text={descriptionText(fields.description)}
            onChange={(description) => onChange({ ...fields, description })}
            level="collection"
          />
        )}
      </div>
    </div>
  )
}
