/**
 * The default rule (net_connection_win_rundll32_net_connections.yml) written by hand, as a
 * careful engineer would: case-insensitive like Sigma, CIDR networks parsed once, the
 * address parsed once per event, cheap tests first, and short-circuiting. This is the
 * yardstick for the compiled fast path, so it must be fair, not naive.
 */
import ipaddr from 'ipaddr.js'

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number]

const parseNetworks = (cidrs: string[]): Network[] => cidrs.map((cidr) => ipaddr.parseCIDR(cidr))

const LOCAL = parseNetworks([
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '::1/128',
  'fe80::/10',
  'fc00::/7',
])
const MICROSOFT = parseNetworks(['20.0.0.0/8', '51.103.0.0/16', '51.104.0.0/16', '51.105.0.0/16'])

/** Sigma compares numbers and booleans as their text, case-insensitively. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.toLowerCase()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).toLowerCase()
  return null
}

function inAny(ip: ipaddr.IPv4 | ipaddr.IPv6, networks: Network[]): boolean {
  const kind = ip.kind()
  for (const [network, bits] of networks) {
    if (network.kind() === kind && ip.match(network, bits)) return true
  }
  return false
}

function parseIp(value: unknown): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (typeof value !== 'string') return null
  // isValid + parse: the same work an engine has to do to reject non-addresses.
  if (!ipaddr.isValid(value)) return null
  return ipaddr.parse(value)
}

export function handWrittenRundll32(event: Record<string, unknown>): boolean {
  const image = text(event.Image)
  if (image === null || !image.endsWith('\\rundll32.exe')) return false
  if (text(event.Initiated) !== 'true') return false

  const ip = parseIp(event.DestinationIp)
  if (ip !== null && (inAny(ip, LOCAL) || inAny(ip, MICROSOFT))) return false
  if (text(event.CommandLine)?.endsWith('\\system32\\pcasvc.dll,pcapatchsdbtask')) return false
  if (text(event.SourceHostname)?.endsWith('.internal.cloudapp.net')) return false
  const svchost = text(event.ParentImage) === 'c:\\windows\\system32\\svchost.exe'
  if (svchost && text(event.DestinationPort) === '443') return false
  return true
}
