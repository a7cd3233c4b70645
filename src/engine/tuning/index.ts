/** The tuning loop's pure parts, exported through engine/index.ts. */
export type * from './types.ts'
export type { FieldPairs } from './event-fields.ts'
export { eventFields } from './event-fields.ts'
export { EventSearch, selectView } from './view.ts'
export { topValues, topValueSteps } from './top-values.ts'
export { fieldIndexSteps, type FieldIndex } from './field-index.ts'
export { whatIf, whatIfSteps } from './whatif.ts'
export {
  identifierWord,
  optionalFilterName,
  suggestFilter,
  suggestFilterSteps,
} from './suggest-filter.ts'
export { drain, type Steps } from './steps.ts'
export { candidates, itemForValue, itemYaml } from './filter-items.ts'
export { fieldAt, fieldAtIn, type FieldAt } from './field-at.ts'
export { blockYaml } from './insert-filter.ts'
export { eventsPathOf, judgeTest, parseRegressionInfo, writeRegressionInfo } from './regression.ts'
export type { RegressionExport, RegressionInfo, RegressionTest, TestVerdict } from './regression.ts'
