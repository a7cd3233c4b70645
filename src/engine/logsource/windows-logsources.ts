/**
 * Which Windows events a SigmaHQ logsource stands for: each category to the EventIDs (and the
 * channel/provider that writes them) of Sysmon and the Security log, and each service to its
 * event-log channel. Facts from Sysmon's event list, the Security audit events and SigmaHQ's
 * logsource documentation; the same table pySigma's Windows pipelines condition on.
 */

export interface EventSource {
  ids: readonly number[]
  channel: string
  provider: string
}

const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational'
const sysmon = (...ids: number[]): EventSource => ({
  ids,
  channel: SYSMON_CHANNEL,
  provider: 'Microsoft-Windows-Sysmon',
})
const security = (...ids: number[]): EventSource => ({
  ids,
  channel: 'Security',
  provider: 'Microsoft-Windows-Security-Auditing',
})
const powershell = (...ids: number[]): EventSource => ({
  ids,
  channel: 'Microsoft-Windows-PowerShell/Operational',
  provider: 'Microsoft-Windows-PowerShell',
})
const classic = (...ids: number[]): EventSource => ({
  ids,
  channel: 'Windows PowerShell',
  provider: 'PowerShell',
})

/** `product: windows` categories SigmaHQ uses → where their events come from. */
export const WINDOWS_CATEGORIES: Readonly<Record<string, readonly EventSource[]>> = {
  process_creation: [sysmon(1), security(4688)],
  file_change: [sysmon(2)],
  network_connection: [sysmon(3)],
  sysmon_status: [sysmon(4, 16)],
  process_termination: [sysmon(5)],
  driver_load: [sysmon(6)],
  image_load: [sysmon(7)],
  create_remote_thread: [sysmon(8)],
  raw_access_thread: [sysmon(9)],
  process_access: [sysmon(10)],
  file_event: [sysmon(11)],
  registry_add: [sysmon(12)],
  registry_delete: [sysmon(12)],
  registry_set: [sysmon(13)],
  registry_rename: [sysmon(14)],
  registry_event: [sysmon(12, 13, 14)],
  create_stream_hash: [sysmon(15)],
  pipe_created: [sysmon(17, 18)],
  wmi_event: [sysmon(19, 20, 21)],
  dns_query: [sysmon(22)],
  file_delete: [sysmon(23, 26)],
  clipboard_capture: [sysmon(24)],
  process_tampering: [sysmon(25)],
  file_block_executable: [sysmon(27)],
  file_block_shredding: [sysmon(28)],
  file_executable_detected: [sysmon(29)],
  sysmon_error: [sysmon(255)],
  ps_module: [powershell(4103)],
  ps_script: [powershell(4104)],
  ps_classic_start: [classic(400)],
  ps_classic_provider_start: [classic(600)],
  ps_classic_script: [classic(800)],
}

/** `product: windows` services → the channel(s) their events are written to. */
export const WINDOWS_SERVICES: Readonly<Record<string, readonly string[]>> = {
  security: ['Security'],
  system: ['System'],
  application: ['Application'],
  sysmon: [SYSMON_CHANNEL],
  powershell: ['Microsoft-Windows-PowerShell/Operational'],
  'powershell-classic': ['Windows PowerShell'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
  'dns-server': ['DNS Server'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  applocker: [
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  'terminalservices-localsessionmanager': [
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  openssh: ['OpenSSH/Operational'],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'msexchange-management': ['MSExchange Management'],
}

const WINDOWS_CHANNELS = new Set(
  [
    ...Object.values(WINDOWS_CATEGORIES).flatMap((sources) => sources.map((s) => s.channel)),
    ...Object.values(WINDOWS_SERVICES).flat(),
  ].map((channel) => channel.toLowerCase()),
)

/**
 * Whether an event-log channel is one Windows writes: a channel of the tables above, or any
 * `Microsoft-Windows-…` channel. Others (Sysmon for Linux writes `Linux-Sysmon/Operational`)
 * say nothing about the product.
 */
export function isWindowsChannel(channel: string): boolean {
  const name = channel.toLowerCase()
  return WINDOWS_CHANNELS.has(name) || name.startsWith('microsoft-windows-')
}
