// What to tell the user about an autosave, truthfully: which parts were stored and which were
// not, said once when that changes (not on every pause in typing).
import type { StatusTone } from '../state/useAppState.ts'
import { MAX_DRAFT_CHARS, type SaveReport } from './draft.ts'
import { count as format } from '../format.ts'

type Outcome = 'all' | 'rule' | 'none'

const outcome = (report: SaveReport): Outcome =>
  report.events ? 'all' : report.rule ? 'rule' : 'none'

export function saveMessage(
  report: SaveReport,
  previous: SaveReport | undefined,
  ruleChars: number,
): { message: string; tone: StatusTone } | undefined {
  const now = outcome(report)
  if (now === (previous ? outcome(previous) : 'all')) return undefined
  if (now === 'all') {
    return { message: 'Autosave works again: the rule and the events are saved.', tone: 'success' }
  }
  const why =
    report.why === 'too-large' || report.eventsChars + ruleChars > MAX_DRAFT_CHARS
      ? 'they are too large to autosave'
      : report.why === 'no-indexeddb'
        ? 'this browser gives the page no IndexedDB for large states (a private window?)'
        : "the browser's storage is full"
  if (now === 'rule') {
    return {
      message: `Autosaved the rule, but not the events (${format(report.eventsChars)} characters): ${why}. Keep the events in a file.`,
      tone: 'warning',
    }
  }
  return {
    message:
      "Nothing could be autosaved, not even the rule: the browser's storage is full or turned off. Press Ctrl+S to download the rule.",
    tone: 'error',
  }
}
