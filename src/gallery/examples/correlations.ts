/**
 * One example per correlation type (Sigma v2.1, and pySigma's value_median). Each fires for
 * one group and not for another, so the timeline shows a window and a why-not side by side.
 * The rows show the first detection rule; the timeline shows the correlations.
 */
import type { Example } from '../example.ts'
import {
  correlationDoc,
  FAILED_LOGIN,
  logon,
  NET_GROUP,
  processRun,
  SUCCESSFUL_LOGIN,
  upload,
  UPLOAD,
  WHOAMI,
} from './correlation-rules.ts'

const TIMELINE =
  'The timeline under the results draws each group: the window that fired, and why the other did not.'

const uploads = (
  doc: string,
  id: string,
  title: string,
  explain: string,
  bob: number[],
  alice: number[],
): Example => ({
  id,
  title,
  topic: 'Correlations',
  explain: `${explain} ${TIMELINE}`,
  rule: `${doc}${UPLOAD}`,
  events: [
    ...bob.map((bytes, i) => upload(i * 600, 'bob', bytes)),
    ...alice.map((bytes, i) => upload(i * 600, 'alice', bytes)),
    upload(30, 'bob', 5_000_000, 'false'),
  ],
  verdicts: [...bob.map(() => true), ...alice.map(() => true), false],
  alerts: [{ correlation: id.replace(/-/g, '_'), group: 'User=bob' }],
})

export const CORRELATIONS: Example[] = [
  {
    id: 'correlation-event-count',
    title: 'event_count: five failed logons in two minutes',
    topic: 'Correlations',
    explain: `A correlation document counts what another rule matched, per group-by value, within the timespan. Bob fails five times in 100 s; alice three times. ${TIMELINE}`,
    rule: `${correlationDoc(
      'Brute force on one account',
      'correlation_event_count',
      'type: event_count\nrules: failed_login\ngroup-by: [User]\ntimespan: 2m\ncondition: {gte: 5}',
    )}${FAILED_LOGIN}`,
    events: [
      ...[0, 20, 40, 70, 100].map((s) => logon(s, 4625, 'bob')),
      ...[0, 30, 60].map((s) => logon(s, 4625, 'alice')),
      logon(110, 4624, 'bob'),
    ],
    verdicts: [true, true, true, true, true, true, true, true, false],
    alerts: [{ correlation: 'correlation_event_count', group: 'User=bob' }],
  },
  {
    id: 'correlation-value-count',
    title: 'value_count: one address tries many accounts',
    topic: 'Correlations',
    explain: `value_count counts distinct values of condition.field: 10.0.0.5 fails as three users within 5 minutes, 10.0.0.9 fails three times as one. ${TIMELINE}`,
    rule: `${correlationDoc(
      'Password spraying from one address',
      'correlation_value_count',
      'type: value_count\nrules: failed_login\ngroup-by: [IpAddress]\ntimespan: 5m\ncondition:\n    field: User\n    gte: 3',
    )}${FAILED_LOGIN}`,
    events: [
      logon(0, 4625, 'alice', { IpAddress: '10.0.0.5' }),
      logon(40, 4625, 'bob', { IpAddress: '10.0.0.5' }),
      logon(80, 4625, 'carol', { IpAddress: '10.0.0.5' }),
      ...[10, 50, 90].map((s) => logon(s, 4625, 'bob', { IpAddress: '10.0.0.9' })),
      logon(120, 4624, 'carol', { IpAddress: '10.0.0.5' }),
    ],
    verdicts: [true, true, true, true, true, true, false],
    alerts: [{ correlation: 'correlation_value_count', group: 'IpAddress=10.0.0.5' }],
  },
  {
    id: 'correlation-temporal',
    title: 'temporal: two recon commands on one host, in any order',
    topic: 'Correlations',
    explain: `temporal fires when every rule it names matched in the group within the timespan, in any order. WS1 runs net group then whoami; WS2 only whoami. ${TIMELINE}`,
    rule: `${correlationDoc(
      'Recon on one host',
      'correlation_temporal',
      'type: temporal\nrules:\n    - whoami_run\n    - net_group_run\ngroup-by: [Computer]\ntimespan: 5m',
    )}${WHOAMI}---\n${NET_GROUP}`,
    events: [
      processRun(0, 'net.exe', 'WS1', 'net group "Domain Admins" /domain'),
      processRun(60, 'whoami.exe', 'WS1'),
      processRun(30, 'whoami.exe', 'WS2'),
    ],
    verdicts: [false, true, true],
    alerts: [{ correlation: 'correlation_temporal', group: 'Computer=WS1' }],
  },
  {
    id: 'correlation-temporal-ordered',
    title: 'temporal_ordered and a chain: failures, then a success',
    topic: 'Correlations',
    explain: `The specification's example: an event_count correlation (three failures) is itself named by a temporal_ordered one, which wants it before a successful logon. For alice the success came first. ${TIMELINE}`,
    rule: `${correlationDoc(
      'Failures followed by a success',
      'correlation_temporal_ordered',
      'type: temporal_ordered\nrules:\n    - many_failed_logins\n    - successful_login\ngroup-by: [User]\ntimespan: 10m',
    )}${correlationDoc(
      'Many failed logons',
      'many_failed_logins',
      'type: event_count\nrules: failed_login\ngroup-by: [User]\ntimespan: 5m\ncondition: {gte: 3}',
    )}${FAILED_LOGIN}---\n${SUCCESSFUL_LOGIN}`,
    events: [
      ...[0, 30, 60].map((s) => logon(s, 4625, 'bob')),
      logon(90, 4624, 'bob'),
      logon(0, 4624, 'alice'),
      ...[30, 60, 90].map((s) => logon(s, 4625, 'alice')),
    ],
    verdicts: [true, true, true, false, false, true, true, true],
    alerts: [
      { correlation: 'many_failed_logins', group: 'User=bob' },
      { correlation: 'many_failed_logins', group: 'User=alice' },
      { correlation: 'correlation_temporal_ordered', group: 'User=bob' },
    ],
  },
  uploads(
    correlationDoc(
      'Large upload in an hour',
      'correlation_value_sum',
      'type: value_sum\nrules: outbound\ngroup-by: [User]\ntimespan: 1h\ncondition:\n    field: SentBytes\n    gt: 1000000',
    ),
    'correlation-value-sum',
    'value_sum: over a megabyte sent in an hour',
    'value_sum adds up condition.field over the window: bob sends 3 × 400 kB, alice 2 × 300 kB.',
    [400_000, 400_000, 400_000],
    [300_000, 300_000],
  ),
  uploads(
    correlationDoc(
      'Large average upload',
      'correlation_value_avg',
      'type: value_avg\nrules: outbound\ngroup-by: [User]\ntimespan: 1h\ncondition:\n    field: SentBytes\n    gt: 500000',
    ),
    'correlation-value-avg',
    'value_avg: uploads that are large on average',
    'value_avg averages condition.field over the window: bob averages 650 kB, alice 150 kB.',
    [600_000, 700_000],
    [100_000, 200_000],
  ),
  uploads(
    correlationDoc(
      'Some very large uploads',
      'correlation_value_percentile',
      'type: value_percentile\nrules: outbound\ngroup-by: [User]\ntimespan: 1h\ncondition:\n    field: SentBytes\n    percentile: 90\n    gt: 900000',
    ),
    'correlation-value-percentile',
    'value_percentile: the 90th percentile of the upload sizes',
    'value_percentile takes the given percentile (nearest rank) of condition.field: bob’s 90th is 1.5 MB, alice’s 300 kB.',
    [100_000, 200_000, 1_500_000],
    [100_000, 200_000, 300_000],
  ),
  uploads(
    correlationDoc(
      'Typical upload is large',
      'correlation_value_median',
      'type: value_median\nrules: outbound\ngroup-by: [User]\ntimespan: 1h\ncondition:\n    field: SentBytes\n    gt: 500000',
    ),
    'correlation-value-median',
    'value_median (pySigma): the median upload size',
    'value_median is pySigma’s, not the specification’s: the page accepts it as pySigma does and says so on hover. Bob’s median is 600 kB, alice’s 200 kB.',
    [100_000, 600_000, 700_000],
    [100_000, 200_000, 900_000],
  ),
]
