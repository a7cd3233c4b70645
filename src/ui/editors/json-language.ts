/**
 * The events editor's language: colouring, brackets and formatting for JSON, NDJSON and
 * concatenated objects, and colouring for the tags of Windows event XML. Monaco's own JSON
 * mode is built around its JSON worker, which would parse 10,000 events after every keystroke
 * for symbols and hovers that events don't need; without it, all that mode still gave was
 * colouring. This gives the same colouring under the same token names (`string.key.json`,
 * ...), so the themes apply unchanged.
 */
import type * as Monaco from './monaco.ts'
import { layOutJson } from './json-layout.ts'

const STRING = /"(?:[^"\\]|\\.)*"/

export function registerJsonLanguage(monaco: typeof Monaco): void {
  monaco.languages.register({
    id: 'json',
    extensions: ['.json', '.ndjson', '.jsonl'],
    aliases: ['JSON', 'json'],
    mimetypes: ['application/json'],
  })
  monaco.languages.setMonarchTokensProvider('json', {
    tokenPostfix: '.json',
    tokenizer: {
      root: [
        // A key is a string followed by a colon; an unterminated string runs to the line's end.
        [new RegExp(`${STRING.source}(?=\\s*:)`), 'string.key'],
        [STRING, 'string.value'],
        [/"(?:[^"\\]|\\.)*$/, 'string.value'],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        // Windows event XML: its tags in the colour of keys elsewhere (`type`, AA in both themes).
        [/<\/?[A-Za-z_][\w:.-]*/, 'type.tag'],
        [/\/?>/, 'type.tag'],
        // Words outside strings (XML text, a CSV cell): `System32` has no number in it.
        [/[A-Za-z_][\w-]*/, ''],
        [/[{}]/, 'delimiter.bracket'],
        [/[[\]]/, 'delimiter.array'],
        [/:/, 'delimiter.colon'],
        [/,/, 'delimiter.comma'],
      ],
    },
  })
  monaco.languages.setLanguageConfiguration('json', {
    wordPattern: /(-?\d*\.\d\w*)|([^[{\]}:",\s]+)/g,
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  })
  // Our own layout, which keeps every literal as written (big numbers, escapes).
  monaco.languages.registerDocumentFormattingEditProvider('json', {
    provideDocumentFormattingEdits(model) {
      const text = layOutJson(model.getValue())
      return text === undefined ? [] : [{ range: model.getFullModelRange(), text }]
    },
  })
}
