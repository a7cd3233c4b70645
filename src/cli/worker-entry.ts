/**
 * The evaluation worker's entry file, found from the CLI bundle's place (dist-cli/): the worker
 * is a bundle of its own (scripts/build-cli.mjs), so the worker side never imports this.
 */
export const WORKER_ENTRY = new URL('../bin/eval-worker.cjs', import.meta.url)
