import { useEffect, useRef, useState } from 'react'
import type * as CodeView from './code-editor-view'
import type { CodeLanguage } from './code-editor-view'

type CodeViewModule = typeof CodeView
type CodeViewInstance = ReturnType<CodeViewModule['createCodeView']>

let loading: Promise<CodeViewModule> | undefined
function loadCodeView(): Promise<CodeViewModule> {
  loading ??= import('./code-editor-view')
  return loading
}

export interface CodeEditorProps {
  value: string
  language: CodeLanguage
  label: string
  dark: boolean
  readOnly?: boolean
  onChange?: (text: string) => void
  minHeight?: string
}

/** A CodeMirror editor, fetched the first time one is shown. */
export function CodeEditor(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<CodeViewInstance | undefined>(undefined)
  const onChange = useRef(props.onChange)
  onChange.current = props.onChange
  const [module, setModule] = useState<CodeViewModule | undefined>(undefined)
  const [failed, setFailed] = useState<string | undefined>(undefined)

  useEffect(() => {
    let live = true
    loadCodeView().then(
      (loaded) => live && setModule(() => loaded),
      (error: unknown) => live && setFailed(String(error)),
    )
    return () => {
      live = false
    }
  }, [])

  const { language, readOnly = false, dark, label } = props
  useEffect(() => {
    if (module === undefined || host.current === null) return undefined
    const created = module.createCodeView({
      parent: host.current,
      doc: props.value,
      language,
      readOnly,
      dark,
      label,
      onChange: (text) => onChange.current?.(text),
    })
    view.current = created
    return () => {
      created.destroy()
      view.current = undefined
    }
    // The text is pushed by the effect below; recreating on each keystroke would lose the cursor.
  }, [module, language, readOnly, dark, label])

  useEffect(() => {
    if (module !== undefined && view.current !== undefined) module.setCodeViewText(view.current, props.value)
  }, [module, props.value])

  if (failed !== undefined) return <p role="alert">Editor failed to load: {failed}</p>
  return (
    <div
      className="code-editor"
      ref={host}
      style={{ minHeight: props.minHeight ?? '8rem' }}
      data-loaded={module === undefined ? 'false' : 'true'}
    />
  )
}
