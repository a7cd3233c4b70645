/** One node of the condition tree and its children, each with its truth value and a shape. */
import type { ReactNode } from 'react'
import type { ConditionTrace } from '../../engine/index.ts'
import { FilterIcon, HitIcon, MissIcon, SelectionIcon } from '../layout/icons.tsx'
import { isFilterName } from '../results/chipLabels.ts'

interface NodeProps {
  node: ConditionTrace
  /** Offset of an identifier's key in the rule, for jumping there. */
  keyOffset(name: string): number | undefined
  onReveal(offset: number): void
}

function Truth({ value }: { value: boolean }) {
  return (
    <span className={`tree-truth ${value ? 'truth-true' : 'truth-false'}`}>
      {value ? <HitIcon size={13} /> : <MissIcon size={13} />}
      <span className="sr-only">{value ? 'true' : 'false'}</span>
    </span>
  )
}

function IdentifierLabel({ name }: { name: string }) {
  const filter = isFilterName(name)
  return (
    <span className={`tree-identifier ${filter ? 'is-filter' : 'is-selection'}`}>
      {filter ? <FilterIcon size={11} /> : <SelectionIcon size={11} />}
      {name}
    </span>
  )
}

function Line(props: {
  value: boolean
  label: ReactNode
  type: string
  identifier?: string
  offset?: number
  onReveal(offset: number): void
}) {
  const { value, label, type, identifier, offset, onReveal } = props
  return (
    <button
      type="button"
      className="tree-line"
      data-node-type={type}
      data-value={String(value)}
      data-identifier={identifier}
      disabled={offset === undefined}
      title={offset === undefined ? undefined : 'Show in the rule'}
      onClick={() => offset !== undefined && onReveal(offset)}
    >
      <Truth value={value} />
      {label}
    </button>
  )
}

export function ConditionNode({ node, keyOffset, onReveal }: NodeProps) {
  const child = (c: ConditionTrace, i: number) => (
    <ConditionNode key={i} node={c} keyOffset={keyOffset} onReveal={onReveal} />
  )
  switch (node.type) {
    case 'ref':
      return (
        <li className="tree-node">
          <Line
            type="ref"
            value={node.value}
            identifier={node.name}
            offset={keyOffset(node.name) ?? node.range[0]}
            onReveal={onReveal}
            label={<IdentifierLabel name={node.name} />}
          />
        </li>
      )
    case 'and':
    case 'or':
    case 'not': {
      const children = node.type === 'not' ? [node.child] : node.children
      return (
        <li className="tree-node">
          <Line
            type={node.type}
            value={node.value}
            offset={node.range[0]}
            onReveal={onReveal}
            label={<span className="tree-operator">{node.type.toUpperCase()}</span>}
          />
          <ul className="tree-children">{children.map(child)}</ul>
        </li>
      )
    }
    case 'selector':
      return (
        <li className="tree-node">
          <Line
            type="selector"
            value={node.value}
            offset={node.range[0]}
            onReveal={onReveal}
            label={
              <span className="tree-operator">
                {node.quantifier} of <code>{node.pattern}</code>
              </span>
            }
          />
          <ul className="tree-children">
            {node.members.length === 0 && <li className="tree-note">matches no identifier</li>}
            {node.members.map((member) => (
              <li className="tree-node" key={member.name}>
                <Line
                  type="member"
                  value={member.value}
                  identifier={member.name}
                  offset={keyOffset(member.name)}
                  onReveal={onReveal}
                  label={<IdentifierLabel name={member.name} />}
                />
              </li>
            ))}
          </ul>
        </li>
      )
  }
}
