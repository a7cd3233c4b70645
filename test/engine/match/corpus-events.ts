/**
 * Reads real evtx_dump events from the shared SigmaHQ regression data at test time; the tests
 * that call it are declared with `readsCorpus`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SIGMAHQ_DIR } from '../../corpus/corpus-files.ts'

const REGRESSION_DATA = join(SIGMAHQ_DIR, 'regression_data')

export function regressionEventText(relativePath: string): string {
  return readFileSync(join(REGRESSION_DATA, relativePath), 'utf8')
}

/** A Sysmon image-load event: System attributes (`Provider_Name`, `Execution_ProcessID`). */
export const SYSMON_IMAGE_LOAD =
  'rules-threat-hunting/windows/image_load/image_load_win_werfaultsecure_dbgcore_dbghelp_load/8a2f4b1c-3d5e-4f7a-9b2c-1e4f6d8a9c2b.json'

/** A Defender event whose EventData names contain spaces (`Threat Name`). */
export const DEFENDER_DETECTION =
  'rules-emerging-threats/2026/Exploits/RedSun/win_defender_exploit_redsun_tiering_engine_detected_as_eicar/a7c3e5f2-8b1d-4e9a-b6c2-3d7f5e8a9b4c.json'

/** A WMI-Activity event with its data under `Event.UserData.<element>`. */
export const WMI_USERDATA =
  'rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json'

/** A Task Scheduler event whose EventData carries `#attributes`. */
export const TASK_SCHEDULER =
  'rules/windows/builtin/taskscheduler/win_taskscheduler_susp_schtasks_delete_or_disable/9e3cb244-bdb8-4632-8c90-6079c8f4f16d.json'
