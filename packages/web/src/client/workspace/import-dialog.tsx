import { useEffect, useId, useRef, useState } from 'react'
import { ApiError, api } from '../api/api-client'
import { Modal } from '../dialogs'

export interface ImportedFile {
  type: string
  name: string
  id?: string
}

/** Reads files and posts each to `/api/import`; an existing name asks: replace, keep both, or skip. */
export function ImportDialog(props: {
  initialFiles: File[]
  onImported: (imported: ImportedFile[]) => void
  onClose: () => void
}) {
  const id = useId()
  const [errors, setErrors] = useState<string[]>([])
  const [done, setDone] = useState<string[]>([])
  const [conflict, setConflict] = useState<
    { file: File; text: string; message: string; rest: File[] } | undefined
  >(undefined)
  const [over, setOver] = useState(false)
  const started = useRef(false)
  useEffect(() => {
    if (started.current || props.initialFiles.length === 0) return
    started.current = true
    void importFiles(props.initialFiles)
  })

  async function importOne(
    file: File,
    text: string,
    onConflict: 'error' | 'replace' | 'copy',
    rest: File[],
  ): Promise<boolean> {
    try {
      const result = await api.importFile(file.name, text, onConflict)
      setDone((old) => [...old, `${result.type} “${result.name}” imported from ${file.name}`])
      props.onImported([result])
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict({ file, text, message: error.message, rest })
        return false
      }
      setErrors((old) => [...old, error instanceof Error ? error.message : String(error)])
      return true
    }
  }

  async function importFiles(files: File[]): Promise<void> {
    for (let at = 0; at < files.length; at += 1) {
      const file = files[at] as File
      const goOn = await importOne(file, await file.text(), 'error', files.slice(at + 1))
      if (!goOn) return
    }
  }

  const resolveConflict = (choice: 'replace' | 'copy' | 'skip') => {
    if (conflict === undefined) return
    const { file, text, rest } = conflict
    setConflict(undefined)
    void (async () => {
      if (choice !== 'skip' && !(await importOne(file, text, choice, rest))) return
      await importFiles(rest)
    })()
  }

  return (
    <Modal title="Import" onCancel={props.onClose}>
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault()
          setOver(false)
          void importFiles([...event.dataTransfer.files])
        }}
      >
        <p>Drop Postman collections, environments or globals (JSON) here, or</p>
        <label htmlFor={id} className="button">
          Choose files
        </label>
        <input
          id={id}
          className="sr-only"
          type="file"
          multiple
          accept=".json,application/json"
          aria-label="Import files"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            void importFiles(files)
          }}
        />
      </div>
      {conflict !== undefined && (
        <div role="alertdialog" aria-label="Already in the workspace" className="conflict">
          <p>{conflict.message}</p>
          <button type="button" onClick={() => resolveConflict('replace')}>
            Replace
          </button>
          <button type="button" onClick={() => resolveConflict('copy')}>
            Keep both
          </button>
          <button type="button" onClick={() => resolveConflict('skip')}>
            Skip
          </button>
        </div>
      )}
      {done.length > 0 && (
        <ul role="status" className="import-done">
          {done.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <ul role="alert" className="import-errors">
          {errors.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
