/**
 * The top bar: product name, the rule's title, level and author (the Detection Rule License asks
 * that output showing matches names the author), then page actions and the theme toggle.
 */
import type { ReactNode } from 'react'
import type { RuleMeta } from '../../engine/index.ts'
import type { ThemePreference } from '../persistence/preferences.ts'
import { AutoThemeIcon, LogoIcon, MoonIcon, SunIcon } from './icons.tsx'
import { HelpButton } from './HelpButton.tsx'

interface HeaderProps {
  meta?: RuleMeta
  theme: ThemePreference
  onCycleTheme(): void
  /** Page actions (share, open, save) supplied by their owners. */
  actions?: ReactNode
}

const THEME_LABEL: Record<ThemePreference, string> = {
  system: 'Theme: follows the system (click for light)',
  light: 'Theme: light (click for dark)',
  dark: 'Theme: dark (click to follow the system)',
}

export function Header({ meta, theme, onCycleTheme, actions }: HeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <LogoIcon />
        <h1 className="brand-name">Sigma Playground</h1>
      </div>
      <div className="rule-identity" data-testid="rule-identity">
        <span className="rule-title" data-testid="rule-title" title={meta?.description}>
          {meta?.title || 'Untitled rule'}
        </span>
        {meta?.level && (
          <span className={`badge level-${meta.level.replace(/[^a-z]/gi, '')}`}>{meta.level}</span>
        )}
        {meta?.status && <span className="badge badge-quiet">{meta.status}</span>}
        {meta?.author && (
          <span className="rule-author" data-testid="rule-author">
            by {meta.author}
          </span>
        )}
      </div>
      <div className="header-actions">
        {actions}
        <HelpButton />
        <button
          type="button"
          className="icon-button"
          onClick={onCycleTheme}
          title={THEME_LABEL[theme]}
          aria-label={THEME_LABEL[theme]}
          data-testid="theme-toggle"
        >
          {theme === 'system' ? <AutoThemeIcon /> : theme === 'light' ? <SunIcon /> : <MoonIcon />}
        </button>
      </div>
    </header>
  )
}
