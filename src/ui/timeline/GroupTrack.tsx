/**
 * One group of one correlation on its own time axis: its events as marks (one tab stop for
 * the track, arrow keys move between events, Enter or a click selects that row), the windows
 * that fired as bands, and the why-not of a group that did not fire.
 */
import type { KeyboardEvent } from 'react'
import type { TimelineGroup } from '../../worker/protocol.ts'
import { count, plural } from '../format.ts'

interface GroupTrackProps {
  group: TimelineGroup
  selected: number
  onSelect(index: number): void
}

/** `2024-05-01 10:04:30` (UTC): the date once, then times. */
export function clock(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.000Z$|Z$/, '')
}

export function span(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 120) return `${s} s`
  if (s < 7200) return `${Math.round(s / 60)} min`
  return `${Math.round(s / 3600)} h`
}

export function GroupTrack({ group: g, selected, onSelect }: GroupTrackProps) {
  const all = [...g.times, ...g.windows.flatMap((w) => [w.firstMs, w.lastMs])]
  const start = Math.min(...all)
  const end = Math.max(...all)
  // A single instant sits in the middle; otherwise the axis runs from the first to the last.
  const at = (ms: number) => (end === start ? 50 : ((ms - start) / (end - start)) * 100)
  const fired = g.alerts > 0
  const inWindow = new Set(g.windows.flatMap((w) => w.events))
  const focusIndex = Math.max(0, g.events.indexOf(selected))

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[event.key]
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return
    const marks = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')]
    const now = marks.indexOf(document.activeElement as HTMLButtonElement)
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? marks.length - 1 : now + (step ?? 0)
    const target = marks[Math.max(0, Math.min(marks.length - 1, next))]
    if (!target) return
    event.preventDefault()
    marks.forEach((m) => (m.tabIndex = m === target ? 0 : -1))
    target.focus()
  }

  return (
    <div
      className={`timeline-group ${fired ? 'is-fired' : 'is-quiet'}`}
      data-testid="timeline-group"
      data-correlation={g.correlation}
      data-group={g.key}
      data-fired={fired}
    >
      <div className="timeline-group-label">
        <span className="timeline-group-key">{g.key}</span>
        <span className="timeline-group-state">
          {fired ? plural(g.alerts, 'alert') : 'did not fire'}
        </span>
      </div>
      <div
        className="timeline-track"
        role="toolbar"
        aria-label={`Events of ${g.key} in time (arrow keys move, Enter selects the row)`}
        onKeyDown={onKeyDown}
      >
        {g.windows.map((w, i) => (
          <div
            key={i}
            className="timeline-window"
            data-testid="correlation-alert"
            data-correlation={g.correlation}
            data-group={g.key}
            role="img"
            aria-label={`Fired: ${plural(w.events.length, 'event')} from ${clock(w.firstMs)} to ${clock(w.lastMs)}, value ${count(w.value)}`}
            title={`Fired (value ${count(w.value)}): events ${w.events.map((e) => `#${e}`).join(', ')}\n${clock(w.firstMs)} – ${clock(w.lastMs)}`}
            style={{
              left: `${at(w.firstMs)}%`,
              width: `${Math.max(at(w.lastMs) - at(w.firstMs), 0)}%`,
            }}
          />
        ))}
        {g.events.map((event, i) => (
          <button
            key={event}
            type="button"
            className={`timeline-event${inWindow.has(event) ? ' in-window' : ''}${event === selected ? ' is-selected' : ''}`}
            data-testid="timeline-event"
            data-event={event}
            tabIndex={i === focusIndex ? 0 : -1}
            aria-pressed={event === selected}
            aria-label={`Event ${event} at ${clock(g.times[i] ?? 0)}`}
            title={`#${event} · ${clock(g.times[i] ?? 0)}`}
            style={{ left: `${at(g.times[i] ?? start)}%` }}
            onClick={() => onSelect(event)}
          />
        ))}
      </div>
      <div className="timeline-axis" aria-hidden="true">
        <span>{clock(start)}</span>
        <span>{end > start ? `${span(end - start)} · ${clock(end)}` : ''}</span>
      </div>
      {g.why !== undefined && (
        <p className="timeline-why" data-testid="correlation-why">
          Why not: {g.why}
        </p>
      )}
      {g.alerts > g.windows.length && (
        <p className="timeline-more">
          {count(g.windows.length)} of {plural(g.alerts, 'window')} drawn
        </p>
      )}
      {g.total > g.events.length && (
        <p className="timeline-more">
          {count(g.events.length)} of {plural(g.total, 'event')} drawn
        </p>
      )}
    </div>
  )
}
