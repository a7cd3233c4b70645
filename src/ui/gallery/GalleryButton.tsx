/**
 * The header's Gallery button. `#gallery` in the address opens the gallery too, on load or
 * when typed into an open tab.
 */
import { lazy, Suspense, useEffect, useState } from 'react'

// The examples are text the first screen does not need: loaded on first open.
const GalleryDialog = lazy(() => import('./GalleryDialog.tsx'))

export const GALLERY_FRAGMENT = '#gallery'

interface GalleryButtonProps {
  setStatus(message: string, kind?: 'info' | 'success' | 'error'): void
}

export function GalleryButton({ setStatus }: GalleryButtonProps) {
  const [open, setOpen] = useState(() => window.location.hash === GALLERY_FRAGMENT)
  const [loaded, setLoaded] = useState(open)
  if (open && !loaded) setLoaded(true)

  useEffect(() => {
    const onHash = () => {
      if (window.location.hash === GALLERY_FRAGMENT) setOpen(true)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const close = () => {
    setOpen(false)
    if (window.location.hash === GALLERY_FRAGMENT) {
      const { pathname, search } = window.location
      history.replaceState(history.state, '', pathname + search)
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="gallery-button"
        title="Worked examples: every modifier, condition form and value rule, with events"
        aria-haspopup="dialog"
      >
        Gallery
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <GalleryDialog open={open} onClose={close} setStatus={setStatus} />
        </Suspense>
      )}
    </>
  )
}
