import { useState } from 'react'
import type { EventJson } from '../api/types'
import { CodeEditor } from '../code-editor'
import { scriptOf, withScript } from './item-edits'

/** Pre-request and test scripts (Postman's `prerequest` and `test` events), in CodeMirror. */
export function ScriptsEditor(props: {
  events: EventJson[] | undefined
  onChange: (events: EventJson[]) => void
  dark: boolean
}) {
  const [listen, setListen] = useState<'prerequest' | 'test'>('prerequest')
  return (
    <div className="scripts">
      <div role="tablist" aria-label="Script" className="tabs vertical">
        <button
          type="button"
          role="tab"
          aria-selected={listen === 'prerequest'}
          onClick={() => setListen('prerequest')}
        >
          Pre-request
        </button>
        <button type="button" role="tab" aria-selected={listen === 'test'} onClick={() => setListen('test')}>
          Post-response
        </button>
      </div>
      <div role="tabpanel" className="grow">
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
