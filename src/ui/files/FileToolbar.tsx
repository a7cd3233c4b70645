// Open / download buttons, the hidden file inputs tests and users drive, and the file picker
// shown when several files of one kind arrive at once.
import { useRef, useState, type MouseEvent } from 'react'
import { useDetailsPopover, usePopover } from '../layout/popovers.ts'
import '../share/share.css'
import { downloadText, saveName } from './download.ts'
import { EVENTS_FILE_TYPES } from './read.ts'
import { OpenUrlDialog } from './OpenUrlDialog.tsx'
import type { FileOpeners } from './useFileOpeners.ts'
import type { RegressionControls } from './useRegression.ts'

export interface FileToolbarProps {
  files: FileOpeners
  rule: string
  events: string
  regression: RegressionControls
  /** Opens "Which rules fire on these events?" (src/ui/rulesets). */
  onRuleSets(): void
}

export function FileToolbar({ files, rule, events, regression, onRuleSets }: FileToolbarProps) {
  const ruleInput = useRef<HTMLInputElement>(null)
  const regressionInput = useRef<HTMLInputElement>(null)
  const eventsInput = useRef<HTMLInputElement>(null)
  const [urlDialog, setUrlDialog] = useState(false)
  const menu = useRef<HTMLDetailsElement>(null)
  const { onToggle, close } = useDetailsPopover(menu)
  /** A click on an item closes the menu. */
  const closeMenu = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest('button')) close(false)
  }
  const picker = useRef<HTMLDivElement>(null)
  usePopover(picker, Boolean(files.choice), () => files.choose(undefined))

  return (
    <div className="sp-file-toolbar">
      <input
        ref={ruleInput}
        type="file"
        hidden
        multiple
        accept=".yml,.yaml"
        data-testid="rule-file-input"
        onChange={(event) => {
          files.openFiles(Array.from(event.currentTarget.files ?? []), 'rule')
          event.currentTarget.value = ''
        }}
      />
      <input
        ref={eventsInput}
        type="file"
        hidden
        multiple
        accept={EVENTS_FILE_TYPES.join(',')}
        data-testid="events-file-input"
        onChange={(event) => {
          files.openFiles(Array.from(event.currentTarget.files ?? []), 'events')
          event.currentTarget.value = ''
        }}
      />
      <input
        ref={regressionInput}
        type="file"
        hidden
        multiple
        accept=".yml,.yaml,.json"
        data-testid="regression-file-input"
        onChange={(event) => {
          regression.importFiles(Array.from(event.currentTarget.files ?? []))
          event.currentTarget.value = ''
        }}
      />
      <details ref={menu} className="sp-menu" data-testid="file-menu" onToggle={onToggle}>
        <summary title="Open or download the rule and events">File</summary>
        <div className="sp-menu-items" onClick={closeMenu}>
          <button type="button" data-testid="open-rule" onClick={() => ruleInput.current?.click()}>
            Open rule…
          </button>
          <button type="button" data-testid="open-url" onClick={() => setUrlDialog(true)}>
            Open rule from URL…
          </button>
          <button
            type="button"
            data-testid="open-events"
            onClick={() => eventsInput.current?.click()}
          >
            Open events…
          </button>
          <hr />
          <button
            type="button"
            data-testid="download-rule"
            title="Download the rule (Ctrl+S)"
            onClick={() =>
              downloadText(saveName('rule', files.names.rule, rule), rule, 'application/yaml')
            }
          >
            Download rule
          </button>
          <button
            type="button"
            data-testid="download-events"
            onClick={() =>
              downloadText(
                saveName('events', files.names.events, events),
                events,
                'application/json',
              )
            }
          >
            Download events
          </button>
          <hr />
          <button
            type="button"
            data-testid="open-ruleset"
            title="Run a folder or .zip of rules over these events: which fire, how often"
            onClick={onRuleSets}
          >
            Which rules fire on these events?…
          </button>
          <hr />
          <button
            type="button"
            data-testid="import-regression"
            title="A SigmaHQ regression test: its info.yml and the events .json beside it"
            onClick={() => regressionInput.current?.click()}
          >
            Open regression test…
          </button>
          <button
            type="button"
            data-testid="export-regression"
            title="Download info.yml and the events as a SigmaHQ regression test"
            onClick={regression.exportTest}
          >
            Export as regression test
          </button>
          <p className="sp-menu-note">
            Or drop files onto either editor, a folder or .zip of rules anywhere.
          </p>
        </div>
      </details>
      {urlDialog && <OpenUrlDialog files={files} onClose={() => setUrlDialog(false)} />}
      {files.choice && (
        <div className="sp-dialog-backdrop">
          <div
            ref={picker}
            className="sp-dialog"
            role="dialog"
            aria-modal="true"
            aria-label="Choose a file"
            data-testid="file-picker"
          >
            <p>
              {files.choice.files.length} {files.choice.kind === 'rule' ? 'rule' : 'events'} files:
              which one should open?
            </p>
            <ul>
              {files.choice.files.map((file, index) => (
                <li key={`${file.name}-${index}`}>
                  <button
                    type="button"
                    data-testid="file-picker-option"
                    onClick={() => files.choose(file)}
                  >
                    {file.name}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => files.choose(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  )
}
