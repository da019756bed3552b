import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/** A modal dialog on the native <dialog> element: focus is trapped and Escape cancels. */
export function Modal(props: { title: string; children: ReactNode; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const element = dialog.current
    if (element !== null && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  )
}

export interface PromptRequest {
  title: string
  label: string
  initial: string
  confirm: string
  run: (value: string) => void
}

export function PromptDialog(props: { request: PromptRequest; onClose: () => void }) {
  const id = useId()
  const [value, setValue] = useState(props.request.initial)
  return (
    <Modal title={props.request.title} onCancel={props.onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          props.onClose()
          props.request.run(value)
        }}
      >
        <label htmlFor={id}>{props.request.label}</label>
        <input
          id={id}
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onFocus={(event) => event.target.select()}
        />
        <div className="actions">
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            {props.request.confirm}
          </button>
        </div>
      </form>
    </Modal>
  )
}

export interface ChoiceRequest {
  title: string
  message: string
  choices: { label: string; run: () => void; primary?: boolean }[]
}

/** A question with a few answers ("keep mine / load theirs", "replace / keep both"). Cancel does nothing. */
export function ChoiceDialog(props: { request: ChoiceRequest; onClose: () => void }) {
  return (
    <Modal title={props.request.title} onCancel={props.onClose}>
      <p>{props.request.message}</p>
      <div className="actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        {props.request.choices.map((choice) => (
          <button
            key={choice.label}
            type="button"
            className={choice.primary === true ? 'primary' : undefined}
            onClick={() => {
              props.onClose()
              choice.run()
            }}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </Modal>
  )
}
