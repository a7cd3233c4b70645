// Wraps an editor so that files dropped on it open. Captured before Monaco sees the drop,
// because Monaco would otherwise insert the file's path or text at the cursor.
import { useState, type DragEvent, type ReactNode } from 'react'
import '../share/share.css'
import type { FileKind } from './read.ts'

export interface FileDropZoneProps {
  kind: FileKind
  onFiles(files: File[], fallback: FileKind): void
  /** Sees the drop first; true when it took it (a folder or .zip of rules: src/ui/rulesets). */
  onDropTransfer?(transfer: DataTransfer): boolean
  children: ReactNode
  className?: string
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files')

export function FileDropZone({
  kind,
  onFiles,
  onDropTransfer,
  children,
  className,
}: FileDropZoneProps) {
  const [over, setOver] = useState(false)
  const accept = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    event.stopPropagation()
    event.dataTransfer.dropEffect = 'copy'
    setOver(true)
  }
  return (
    <div
      className={`sp-drop-zone${over ? ' sp-drop-over' : ''}${className ? ` ${className}` : ''}`}
      data-testid={`${kind}-drop-zone`}
      onDragEnterCapture={accept}
      onDragOverCapture={accept}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false)
      }}
      onDropCapture={(event) => {
        if (!carriesFiles(event)) return
        event.preventDefault()
        event.stopPropagation()
        setOver(false)
        if (onDropTransfer?.(event.dataTransfer)) return
        onFiles(Array.from(event.dataTransfer.files), kind)
      }}
    >
      {children}
      {over && (
        <div className="sp-drop-hint">
          Drop to open as {kind === 'rule' ? 'the rule' : 'events'}
          {onDropTransfer && ' (a folder or .zip: which rules fire on the events)'}
        </div>
      )}
    </div>
  )
}
