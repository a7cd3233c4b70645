/**
 * The pipelines that ship with the playground, as pipeline files a user can open, copy and
 * edit. Sysmon / evtx needs none (the evtx flattening gives the rule names). Winlogbeat's is
 * what the Winlogbeat shape reads natively (winlog.* header names, then event_data), written out
 * for other tools; the shape also reads back the Sysmon fields Winlogbeat's Sysmon module moves
 * to ECS (match/winlogbeat-sysmon.ts), which a field mapping cannot say. ECS for Windows maps
 * the Sysmon names to Elastic Common Schema fields and is applied automatically to events whose
 * shape is ECS, as Splunk Windows is to events that name the event ID EventCode.
 */
import type { BodyShape } from '../events/shapes.ts'
import type { EngineOptions } from '../types.ts'

const SYSMON = `name: Sysmon / evtx (no mapping)
priority: 10
transformations: []
`

const WINLOGBEAT = `name: Winlogbeat
priority: 10
transformations:
  - id: winlogbeat_header
    type: field_name_mapping
    mapping:
      EventID: winlog.event_id
      Channel: winlog.channel
      Provider_Name: winlog.provider_name
      Computer: winlog.computer_name
      EventRecordID: winlog.record_id
      Provider_Guid: winlog.provider_guid
      Version: winlog.version
      Execution_ProcessID: winlog.process.pid
      Execution_ThreadID: winlog.process.thread.id
  - id: winlogbeat_event_data
    type: field_name_prefix
    prefix: winlog.event_data.
    field_name_conditions:
      - type: exclude_fields
        fields:
          - winlog.event_id
          - winlog.channel
          - winlog.provider_name
          - winlog.computer_name
          - winlog.record_id
          - winlog.provider_guid
          - winlog.version
          - winlog.process.pid
          - winlog.process.thread.id
    rule_conditions:
      - type: logsource
        product: windows
`

const ECS_WINDOWS = `name: Elastic Common Schema for Windows
priority: 20
transformations:
  - id: ecs_windows_fields
    type: field_name_mapping
    mapping:
      EventID: event.code
      Channel: winlog.channel
      Provider_Name: event.provider
      Computer: host.name
      Image: process.executable
      OriginalFileName: process.pe.original_file_name
      CommandLine: process.command_line
      CurrentDirectory: process.working_directory
      ProcessId: process.pid
      ProcessGuid: process.entity_id
      ParentImage: process.parent.executable
      ParentCommandLine: process.parent.command_line
      ParentProcessId: process.parent.pid
      ParentProcessGuid: process.parent.entity_id
      User: user.name
      TargetFilename: file.path
      ImageLoaded: dll.path
      TargetObject: registry.path
      Details: registry.data.strings
      QueryName: dns.question.name
      Protocol: network.transport
      SourceIp: source.ip
      SourcePort: source.port
      SourceHostname: source.domain
      DestinationIp: destination.ip
      DestinationPort: destination.port
      DestinationHostname: destination.domain
      TargetUserName: user.target.name
      SubjectUserName: user.name
      LogonType: winlog.logon.type
      ServiceName: service.name
`

/**
 * Splunk's Windows add-on: the event ID is EventCode; classic (non-XML) events name the channel
 * LogName, the provider SourceName and the computer ComputerName, XML events as rules do.
 */
const SPLUNK_WINDOWS = `name: Splunk Windows (EventCode)
priority: 20
transformations:
  - id: splunk_windows_header
    type: field_name_mapping
    mapping:
      EventID: EventCode
      Channel:
        - Channel
        - LogName
      Provider_Name:
        - Provider_Name
        - SourceName
      Computer:
        - Computer
        - ComputerName
`

export interface BuiltinPipeline {
  id: 'sysmon' | 'winlogbeat' | 'ecs-windows' | 'splunk-windows'
  name: string
  text: string
}

export const BUILTIN_PIPELINES: readonly BuiltinPipeline[] = [
  { id: 'sysmon', name: 'Sysmon / evtx', text: SYSMON },
  { id: 'winlogbeat', name: 'Winlogbeat', text: WINLOGBEAT },
  { id: 'ecs-windows', name: 'Elastic Common Schema for Windows', text: ECS_WINDOWS },
  { id: 'splunk-windows', name: 'Splunk Windows (EventCode)', text: SPLUNK_WINDOWS },
]

const FOR_SHAPE: Partial<Record<BodyShape, BuiltinPipeline['id']>> = {
  ecs: 'ecs-windows',
  'splunk-windows': 'splunk-windows',
}

/** The pipeline the events' shape calls for when the user chose none; undefined = none needed. */
export function builtinPipelineFor(body: BodyShape): BuiltinPipeline | undefined {
  const id = FOR_SHAPE[body]
  return id && BUILTIN_PIPELINES.find((p) => p.id === id)
}

/** Whether the user set a pipeline or a field map: theirs always win over the shape's. */
export const mapsFieldsItself = (options: EngineOptions): boolean =>
  (options.pipelines?.length ?? 0) > 0 || Object.keys(options.fieldMap ?? {}).length > 0

/**
 * The options to compile with: the user's, plus the built-in pipeline the events' shape calls
 * for when the user set no pipeline and no field map of their own.
 */
export function withShapePipeline(options: EngineOptions, body: BodyShape): EngineOptions {
  if (mapsFieldsItself(options)) return options
  const builtin = builtinPipelineFor(body)
  return builtin ? { ...options, pipelines: [builtin.text] } : options
}
