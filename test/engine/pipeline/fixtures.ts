/** Pipeline YAML written for these tests, in pySigma's format. */
import { dedent } from '../../helpers/dedent.ts'

/** Maps two Sysmon names for process_creation rules only, one of them to two fields. */
export const PROCESS_MAPPING = dedent(`
  name: Process fields
  priority: 20
  transformations:
    - id: process
      type: field_name_mapping
      mapping:
        Image: proc.path
        CommandLine:
          - proc.cmd
          - proc.args
      rule_conditions:
        - type: logsource
          category: process_creation
`)

/**
 * Reads CommandLine from Image for process_creation rules only: the same item reads another
 * field when the rule's logsource changes (the page's kept search values must follow it).
 */
export const COMMAND_LINE_AS_IMAGE = dedent(`
  name: command line read as image
  priority: 10
  transformations:
    - type: field_name_mapping
      mapping:
        CommandLine: Image
      rule_conditions:
        - type: logsource
          category: process_creation
`)

export const PREFIX_AND_SUFFIX = dedent(`
  name: Prefix and suffix
  priority: 10
  transformations:
    - type: field_name_prefix_mapping
      mapping:
        Target: data.target_
    - type: field_name_suffix
      suffix: _text
      field_name_conditions:
        - type: include_fields
          fields: [data.target_Name]
`)

export const DROP_AND_ADD = dedent(`
  name: Drop EventID, require a channel
  transformations:
    - type: drop_detection_item
      field_name_conditions:
        - type: include_fields
          fields: [EventID]
    - type: add_condition
      conditions:
        log.channel:
          - Sysmon
          - sysmon
`)

/** Line 5 holds an unknown transformation; line 7 a rule condition pySigma has but we lack. */
export const UNSUPPORTED = dedent(`
  name: Unsupported parts
  priority: 5
  transformations:
    - id: values
      type: replace_string
      regex: x
    - type: field_name_suffix
      suffix: .keyword
      rule_conditions:
        - type: contains_detection_item
          field: Image
`)
