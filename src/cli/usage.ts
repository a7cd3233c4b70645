export const USAGE = `Usage:
  sigma-play eval --rule RULE.yml --events EVENTS [--explain | --count] [options]
  sigma-play eval --rules PATH... --events EVENTS [--count] [options]
  sigma-play check PATH...
  sigma-play generate --rule RULE.yml [--placeholder NAME=V1,V2]
  sigma-play test [--rules PATH...] PATH...
  sigma-play --help

eval    Evaluates one Sigma rule against events and prints one JSON line per event:
          {"event":0,"match":true,"identifiers":{"selection":true,...}}
        EVENTS is a file (or - for stdin) holding a JSON array, a single object, NDJSON,
        objects one after another as evtx_dump writes them, or CSV with a header row.
        Export shapes are detected per event: Winlogbeat / Elastic Agent (winlog.*),
        Elastic hits (_source) and search responses, Splunk results (result, results),
        and the Windows XML in a Splunk record's _raw.
  --explain                 add the full trace of each event (key "trace")
  --count                   print only {"events":N,"matches":M}
  --rules PATH...           every rule in these files and folders: a line per hit
                            {"event":0,"rule":"<id>","title":"...","level":"..."}
  --timeout SECONDS         stop an event that takes longer (default 5) and name the slow part
  --stats                   say on stderr how long compiling and evaluating took (events/s)
  --placeholder NAME=V1,V2  values for an |expand placeholder %NAME% (repeatable)
  --field-map RULE=EVENT    read rule field RULE from event field EVENT (repeatable)
  --no-flatten              do not flatten Windows event-log JSON (Event.EventData.*)
  --logsource-only          events outside the rule's logsource (EventID, Channel) never match
  --filter FILE             Sigma filter documents to apply to the rule (repeatable)
  --time-field NAME         the event field correlations read the time from (default:
                            @timestamp, timestamp, UtcTime, TimeCreated, _time, ...)
        A RULE.yml of several rules or with correlations runs every document, reading
        all events at once: {"event":0,"match":true,"rules":{"failed_login":true}},
        then one line per correlation alert: {"correlation":"name","group":{"User":"bob"},
        "events":[3,4,5],"first":"...","last":"..."}; --count adds "correlations":K.
  --shape flat|evtx|winlogbeat  read every event as this layout instead of detecting it
  --pipeline FILE           a pySigma processing pipeline (repeatable; by priority, after
                            --field-map); builtin:sysmon, builtin:winlogbeat, builtin:ecs-windows,
                            builtin:splunk-windows name the shipped ones. Unless you set one, ECS
                            events get ecs-windows, and events with EventCode but no EventID
                            (Splunk's Windows add-on) get splunk-windows.

check   Validates and lints rules: files, or folders searched for *.yml and *.yaml.
        Prints FILE:LINE:COL severity CODE message per diagnostic and a summary line.

generate  Prints events made from the rule, one JSON line each, every one checked by the
        engine: {"label":"excluded by filter_x","expect":false,"event":{...}}. The first
        matches; the rest show each edge (an item one step off, a filter that excludes).

test    Runs SigmaHQ regression tests (info.yml files, or folders of them). Each test's rule
        is found by the id in rule_metadata among the --rules files and folders (default:
        the rules* folders beside regression_data); its events are the .json beside the .evtx
        that path names. A missing match_count means at least one match. Prints one line per
        test and "N passed, M failed"; a failure shows the first wrong event's trace.

Exit codes: eval 0 ok, 2 rule errors, unreadable events or bad arguments;
            check 0 no errors, 1 some rule has an error, 2 bad arguments;
            generate 0 events printed, 2 nothing could be generated or bad arguments;
            test 0 all passed, 1 some test failed, 2 bad arguments.
`
