/**
 * The evaluation worker's entry, bundled apart from the CLI (dist-cli/eval-worker.cjs) and
 * started through bin/eval-worker.cjs, which runs it from V8's code cache.
 */
import { runEvalWorker } from './eval-worker.ts'

runEvalWorker()
