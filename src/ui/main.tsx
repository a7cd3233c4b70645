import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { decodeFragment } from '../share/index.ts'
import { App } from './App.tsx'
import { EmbedView, type EmbedStart } from './embed/EmbedView.tsx'
import { boot } from './start/boot.ts'
import { DEFAULT_STATE } from './state/useAppState.ts'
import './editors/editors.css'
import './app.css'
import './layout/narrow.css'

const root = document.getElementById('root')
if (root && new URLSearchParams(window.location.search).has('embed')) {
  // The embedded view reads the link alone: no drafts, nothing written.
  void embedStart().then((start) =>
    createRoot(root).render(
      <StrictMode>
        <EmbedView start={start} />
      </StrictMode>,
    ),
  )
} else if (root) {
  // The starting state (link, draft, set-aside work, defaults) is chosen before the first render.
  void boot(DEFAULT_STATE).then((start) =>
    createRoot(root).render(
      <StrictMode>
        <App start={start} />
      </StrictMode>,
    ),
  )
}

async function embedStart(): Promise<EmbedStart> {
  if (window.location.hash === '') return { state: DEFAULT_STATE }
  const link = await decodeFragment(window.location.hash)
  return link.ok
    ? { state: link.state }
    : { state: DEFAULT_STATE, problem: `${link.message} Showing the example rule instead.` }
}
