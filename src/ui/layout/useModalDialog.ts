/**
 * A `<dialog>` shown modally while `open` holds: the browser then keeps focus inside it and
 * Escape closes it (its `close` event tells the owner). `onShown` may move focus on from the
 * Close button that `showModal` focuses.
 */
import { useEffect, useRef } from 'react'

export function useModalDialog(open: boolean, onShown?: (dialog: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null)
  const shown = useRef(onShown)
  shown.current = onShown
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      element.showModal()
      shown.current?.(element)
    }
    if (!open && element.open) element.close()
  }, [open])
  return dialog
}
