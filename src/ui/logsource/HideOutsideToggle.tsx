/**
 * Shown when some events are outside the rule's logsource: hides them from the results list.
 * Hiding changes no verdict; Options › "Only events of the rule's logsource" does.
 */
import { plural } from '../format.ts'
import './logsource.css'

export function HideOutsideToggle(props: {
  outside: number
  hidden: boolean
  onChange(hide: boolean): void
}) {
  if (props.outside === 0 && !props.hidden) return null
  return (
    <label className="hide-outside" title="Hiding them changes no verdict">
      <input
        type="checkbox"
        data-testid="hide-outside"
        checked={props.hidden}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      Hide {plural(props.outside, 'event')} outside the logsource
    </label>
  )
}
