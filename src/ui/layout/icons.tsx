/**
 * Small inline icons, so that hit and miss are told apart by shape as well as colour.
 * Each is drawn with currentColor and hidden from screen readers (the text says the same).
 */
import type { ReactElement } from 'react'

interface IconProps {
  size?: number
  className?: string
}

function svg(path: ReactElement, { size = 14, className }: IconProps, viewBox = '0 0 16 16') {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox={viewBox}
      aria-hidden="true"
      focusable="false"
    >
      {path}
    </svg>
  )
}

/** A filled disc with a check: matched / true. */
export const HitIcon = (p: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="M4.6 8.2l2.2 2.2 4.6-4.8"
        fill="none"
        stroke="var(--sp-on-accent, #fff)"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>,
    p,
  )

/** A hollow ring with a cross: no match / false. */
export const MissIcon = (p: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </>,
    p,
  )

/** A funnel: marks filters (identifiers named filter*). */
export const FilterIcon = (p: IconProps) =>
  svg(<path d="M2 3h12l-4.6 5.4V13l-2.8-1.4V8.4z" fill="currentColor" />, p)

/** A target: marks selections. */
export const SelectionIcon = (p: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="5.6" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <circle cx="8" cy="8" r="2.2" fill="currentColor" />
    </>,
    p,
  )

export const SunIcon = (p: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="3" fill="currentColor" />
      <path
        d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6L13 13M3 13l1.4-1.4M11.6 4.4L13 3"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </>,
    p,
  )

export const MoonIcon = (p: IconProps) =>
  svg(<path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7z" fill="currentColor" />, p)

export const AutoThemeIcon = (p: IconProps) =>
  svg(
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
    </>,
    p,
  )

/** The product mark: a sigma in a rounded square. */
export const LogoIcon = (p: IconProps) =>
  svg(
    <>
      <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--sp-accent)" />
      <path
        d="M16.5 6.5h-9l5 5.5-5 5.5h9"
        fill="none"
        stroke="#fff"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>,
    { size: 22, ...p },
    '0 0 24 24',
  )
