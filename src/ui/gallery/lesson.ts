/**
 * An example as the page state a link carries: the explanation goes into the rule as comments
 * at the top, so it stays beside the rule in the editor, in share links and in downloads.
 */
import type { Example } from '../../gallery/example.ts'
import type { SharedState } from '../../share/index.ts'

const WIDTH = 92

function wrap(text: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > WIDTH) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}

export function lessonRule(example: Example): string {
  const comments = [`${example.title}`, ...wrap(example.explain)].map((l) => `# ${l}`)
  return `${comments.join('\n')}\n${example.rule}`
}

/** A lesson's page state: its rule with the explanation on top, its events as an array. */
export function lessonState(
  rule: string,
  lesson: Pick<Example, 'events' | 'options'>,
  expect?: SharedState['expect'],
): SharedState {
  const state: SharedState = {
    rule,
    events: JSON.stringify(lesson.events, null, 2) + '\n',
    selected: 0,
    options: lesson.options ?? {},
  }
  if (expect) state.expect = expect
  return state
}

export const exampleState = (example: Example): SharedState =>
  lessonState(lessonRule(example), example)
