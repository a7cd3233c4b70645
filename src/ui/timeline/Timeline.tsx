/**
 * The correlation timeline under the results: per correlation, one track per group with its
 * events on a time axis, the windows that fired, and for a group that did not fire, the
 * engine's why-not. Clicking an event (or Enter on it) selects that row. Everything drawn comes
 * from the worker (engine runSet); nothing here decides what fired.
 */
import type { CorrelationView, TimelineCorrelation } from '../../worker/protocol.ts'
import { plural } from '../format.ts'
import { GroupTrack } from './GroupTrack.tsx'
import './timeline.css'

/** Groups drawn per correlation at most; the rest are counted. */
const GROUP_LIMIT = 40

interface TimelineProps {
  view: CorrelationView
  selected: number
  onSelect(index: number): void
}

export function Timeline({ view, selected, onSelect }: TimelineProps) {
  const alerts = view.groups.reduce((n, g) => n + g.alerts, 0)
  const quiet = view.groups.filter((g) => g.alerts === 0).length
  return (
    <section className="timeline" data-testid="timeline" aria-labelledby="timeline-title">
      <header className="timeline-head">
        <h2 id="timeline-title">Correlations</h2>
        <span className="timeline-summary" data-testid="timeline-summary">
          {plural(alerts, 'alert')} · {plural(view.groups.length, 'group')}
          {quiet > 0 && ` · ${quiet} did not fire`}
        </span>
      </header>
      {view.untimed.count > 0 && (
        <p
          className="timeline-untimed"
          data-testid="timeline-untimed"
          title={view.untimed.first.map((u) => `#${u.event}: ${u.reason}`).join('\n')}
        >
          {plural(view.untimed.count, 'event')} left out: no usable time (
          {view.untimed.first
            .slice(0, 3)
            .map((u) => `#${u.event}: ${u.reason}`)
            .join('; ')}
          {view.untimed.count > 3 ? '; …' : ''}). Set the time field under Options.
        </p>
      )}
      {view.correlations.length === 0 && (
        <p className="timeline-empty">
          No correlation is evaluated: the status line and the rule editor say why.
        </p>
      )}
      {view.correlations.map((c) => {
        const groups = view.groups.filter((g) => g.correlation === c.label)
        return (
          <section key={c.label} className="timeline-correlation" data-correlation={c.label}>
            <CorrelationHeading correlation={c} />
            {groups.length === 0 && (
              <p className="timeline-why">No event matched the rules it names.</p>
            )}
            {groups.slice(0, GROUP_LIMIT).map((g) => (
              <GroupTrack key={g.key} group={g} selected={selected} onSelect={onSelect} />
            ))}
            {groups.length > GROUP_LIMIT && (
              <p className="timeline-more">
                and {plural(groups.length - GROUP_LIMIT, 'more group')} not drawn
              </p>
            )}
          </section>
        )
      })}
    </section>
  )
}

function CorrelationHeading({ correlation: c }: { correlation: TimelineCorrelation }) {
  const typeNote = c.notes.find((n) => n.includes(c.type))
  const unitNote = c.notes.find((n) => n.startsWith('The unit'))
  const windows = c.sliding
    ? `Every span of ${c.timespan} counts: the window slides from each event.`
    : `A window is the ${c.timespan} after its first event; the next starts after it.`
  return (
    <>
      <h3 className="timeline-correlation-title">
        <span className="timeline-name">{c.label}</span>
        <span className="timeline-badge" title={typeNote ?? `Correlation type ${c.type}`}>
          {c.type}
          {typeNote && <sup aria-hidden="true">*</sup>}
        </span>
        <span className="timeline-badge" title={[windows, unitNote].filter(Boolean).join('\n')}>
          {c.timespan}
          {unitNote && <sup aria-hidden="true">*</sup>}
        </span>
        <span className="timeline-badge">{c.condition}</span>
        <span className="timeline-rules">of {c.rules.join(', ')}</span>
      </h3>
      {c.notes.length > 0 && (
        <p className="timeline-notes" data-testid="timeline-notes" title={c.notes.join('\n')}>
          <span aria-hidden="true">* </span>pySigma and the specification differ:{' '}
          {c.notes.join(' ')}
        </p>
      )}
    </>
  )
}
