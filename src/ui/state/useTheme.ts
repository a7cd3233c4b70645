/**
 * The theme follows the system's light/dark preference unless the user picks one; the choice is
 * a preference (localStorage), never part of a link.
 */
import { useCallback, useEffect, useState } from 'react'
import type { ThemePreference } from '../persistence/preferences.ts'
import { loadTheme, saveTheme } from '../persistence/preferences.ts'

const NEXT: Record<ThemePreference, ThemePreference> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
}

const query = () => window.matchMedia?.('(prefers-color-scheme: dark)')

export function useTheme() {
  const [preference, setPreference] = useState<ThemePreference>(loadTheme)
  const [systemDark, setSystemDark] = useState(() => query()?.matches ?? false)

  useEffect(() => {
    const media = query()
    if (!media) return undefined
    const onChange = () => setSystemDark(media.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])

  const theme: 'light' | 'dark' =
    preference === 'system' ? (systemDark ? 'dark' : 'light') : preference

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    document.documentElement.style.colorScheme = theme
  }, [theme])

  const cycle = useCallback(() => {
    setPreference((current) => {
      const next = NEXT[current]
      saveTheme(next)
      return next
    })
  }, [])

  return { theme, preference, cycle }
}
