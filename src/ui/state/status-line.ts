/**
 * Who speaks in the status line. Two kinds of message share it:
 * - a notice: an answer to something the user did, or a warning ("Copied the link", "Autosaved
 *   the rule, but not the events", "Tab indents in the editors");
 * - the routine line: the latest evaluation summary ("3 of 5 events match", "Evaluating…",
 *   "Rule error, line 4"), which changes with every run.
 * The routine line never wipes a notice the moment it appears: a notice leads the line until a
 * newer notice, or until the user has edited since it was given and it has been shown for at
 * least NOTICE_HOLD_MS. Meanwhile the routine line shows beside it, so nothing is hidden. A
 * busy notice ("Reading file… 40%") is progress: the next routine update takes its place.
 * Pure: the clock and the edit count come in as arguments, so every rule here is unit-tested.
 */
export type StatusTone = 'info' | 'success' | 'warning' | 'error' | 'busy'

export interface StatusMessage {
  message: string
  tone: StatusTone
}

export interface Notice extends StatusMessage {
  /** When it was given (ms) and how many edits the user had made by then. */
  at: number
  edits: number
}

export interface StatusLine {
  notice?: Notice
  routine: StatusMessage
  /** Notices given so far. */
  notices: number
}

/** What the status line shows: the leading message, and the routine line beside a notice. */
export interface Status extends StatusMessage {
  /** Increases with every notice, so the same message given twice still counts as new. */
  id: number
  detail?: StatusMessage
}

/** Long enough to read a sentence (and for a screen reader to announce it) while typing on. */
export const NOTICE_HOLD_MS = 5000

export const INITIAL_STATUS_LINE: StatusLine = {
  routine: { message: 'Ready', tone: 'info' },
  notices: 0,
}

export function giveNotice(
  line: StatusLine,
  said: StatusMessage,
  now: number,
  edits: number,
): StatusLine {
  return { ...line, notice: { ...said, at: now, edits }, notices: line.notices + 1 }
}

/** Whether a routine update arriving at `now`, after `edits` edits, may take the notice's place. */
export function noticeOver(notice: Notice, now: number, edits: number): boolean {
  if (notice.tone === 'busy') return true
  return edits > notice.edits && now - notice.at >= NOTICE_HOLD_MS
}

export function updateRoutine(
  line: StatusLine,
  said: StatusMessage,
  now: number,
  edits: number,
): StatusLine {
  const { notice, notices } = line
  if (notice && !noticeOver(notice, now, edits)) return { notice, routine: said, notices }
  return { routine: said, notices }
}

export function shownStatus(line: StatusLine): Status {
  const { notice, routine, notices: id } = line
  if (!notice) return { message: routine.message, tone: routine.tone, id }
  const detail = routine.message === notice.message ? undefined : routine
  return { message: notice.message, tone: notice.tone, id, ...(detail ? { detail } : {}) }
}
