/// <reference lib="webworker" />
/**
 * Generates events from a rule off the main thread: the generator runs the rule's regexes on
 * its proposals, and a rule from a link may hold a hostile one. The page gives up on this
 * worker (and terminates it) when it runs past its budget.
 */
import { generateEvents, type EngineOptions } from '../engine/index.ts'

declare const self: DedicatedWorkerGlobalScope

self.onmessage = (message: MessageEvent<{ rule: string; options: EngineOptions }>) => {
  self.postMessage(generateEvents(message.data.rule, message.data.options))
}
