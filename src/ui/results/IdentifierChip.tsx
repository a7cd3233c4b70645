/**
 * One search identifier's value for one event. Filters (names starting `filter`) carry a funnel
 * and square corners, selections a target and round ones; true and false differ by icon and fill.
 */
import { FilterIcon, SelectionIcon } from '../layout/icons.tsx'
import { isFilterName } from './chipLabels.ts'

export function IdentifierChip({
  name,
  value,
  label,
}: {
  name: string
  value: boolean
  label?: string
}) {
  const filter = isFilterName(name)
  const kind = filter ? 'filter' : 'selection'
  return (
    <span
      className={`chip chip-${kind} ${value ? 'chip-true' : 'chip-false'}`}
      data-testid="identifier-chip"
      data-identifier={name}
      data-value={String(value)}
      title={`${kind} ${name}: ${value ? 'true' : 'false'}`}
    >
      {filter ? <FilterIcon size={11} /> : <SelectionIcon size={11} />}
      <span className="chip-name">{label ?? name}</span>
      <span className="chip-value" aria-label={value ? 'true' : 'false'}>
        {value ? '✓' : '–'}
      </span>
    </span>
  )
}
