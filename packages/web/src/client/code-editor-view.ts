// CodeMirror 6, loaded on demand by code-editor.tsx through a dynamic import so it stays out of the initial
// bundle. basicSetup brings folding, search (Ctrl/Cmd-F), bracket matching and history.
import { json } from '@codemirror/lang-json'
import { javascript } from '@codemirror/lang-javascript'
import { oneDark } from '@codemirror/theme-one-dark'
import { EditorState } from '@codemirror/state'
import { EditorView, basicSetup } from 'codemirror'

type Extension = ReturnType<typeof json> | []

export type CodeLanguage = 'json' | 'javascript' | 'text'

export interface CodeViewOptions {
  parent: HTMLElement
  doc: string
  language: CodeLanguage
  readOnly: boolean
  dark: boolean
  label: string
  onChange: (text: string) => void
}

function languageExtension(language: CodeLanguage): Extension {
  switch (language) {
    case 'json':
      return json()
    case 'javascript':
      return javascript()
    case 'text':
      return []
  }
}

/** Creates an editor in `parent`; the caller calls `destroy()` on the result. */
export function createCodeView(options: CodeViewOptions): EditorView {
  return new EditorView({
    parent: options.parent,
    doc: options.doc,
    extensions: [
      basicSetup,
      languageExtension(options.language),
      options.dark ? oneDark : [],
      // Read-only through the state, not editable=false: the text stays focusable, so the keyboard reaches it and
      // Ctrl/Cmd-F opens the search panel in a response body (issue #7).
      EditorState.readOnly.of(options.readOnly),
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString())
      }),
    ],
  })
}

/** Replaces the text unless it is already the editor's (so typing does not reset the cursor). */
export function setCodeViewText(view: EditorView, text: string): void {
  const current = view.state.doc.toString()
  if (current !== text) view.dispatch({ changes: { from: 0, to: current.length, insert: text } })
}
