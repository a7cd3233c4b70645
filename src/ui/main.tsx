import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { boot } from './start/boot.ts'
import { DEFAULT_STATE } from './state/useAppState.ts'
import './editors/editors.css'
import './app.css'
import './layout/narrow.css'

const root = document.getElementById('root')
if (root) {
  // The starting state (link, draft, set-aside work, defaults) is chosen before the first render.
  void boot(DEFAULT_STATE).then((start) =>
    createRoot(root).render(
      <StrictMode>
        <App start={start} />
      </StrictMode>,
    ),
  )
}
