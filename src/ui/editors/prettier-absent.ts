/**
 * Stands in for Prettier inside monaco-yaml's worker. The rule editor does not offer
 * monaco-yaml's formatter (`format: false`), and Prettier with its YAML and estree plugins
 * was a third of the worker's size; this keeps the worker's imports resolvable without it.
 */
export function format(text: string): Promise<string> {
  return Promise.resolve(text)
}
