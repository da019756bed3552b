import { useState } from 'react'
import type { EventJson } from '../api/types'
import { CodeEditor } from '../code-editor'
import { useTabList } from '../use-tab-list'
import { scriptOf, withScript } from './item-edits'

const LISTENS = ['prerequest', 'test'] as const

/** Pre-request and test scripts (Postman's `prerequest` and `test` events), in CodeMirror. */
export function ScriptsEditor(props: {
  events: EventJson[] | undefined
  onChange: (events: EventJson[]) => void
  dark: boolean
}) {
  const [listen, setListen] = useState<'prerequest' | 'test'>('prerequest')
  const tabs = useTabList({
    keys: LISTENS,
    selected: listen,
    onSelect: setListen,
    orientation: 'vertical',
  })
  return (
    <div className="scripts">
      <div {...tabs.list} aria-label="Script" className="tabs vertical">
        <button type="button" {...tabs.tab('prerequest')}>
          Pre-request
        </button>
        <button type="button" {...tabs.tab('test')}>
          Post-response
        </button>
      </div>
      <div {...tabs.panel()} className="grow">
        <CodeEditor
          key={listen}
          label={listen === 'test' ? 'Test script' : 'Pre-request script'}
          value={scriptOf(props.events, listen)}
          language="javascript"
          dark={props.dark}
          minHeight="14rem"
          onChange={(text) => props.onChange(withScript(props.events, listen, text))}
        />
      </div>
    </div>
  )
}
