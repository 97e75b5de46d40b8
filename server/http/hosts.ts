// Which Host headers and browser origins the HTTP server answers: the defence against DNS rebinding.
//
// A rebinding page controls both the Host it sends (its own name, now resolving to 127.0.0.1) and the Origin, so
// neither may be trusted because they agree with each other: both are compared with a fixed set of names.
import { networkInterfaces } from 'node:os';

/** Names every server answers to: it is reachable under them on this machine whatever it is bound to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
/** Bind addresses that mean "every interface": the machine's own addresses are then allowed too. */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** `example.org:4000` -> `example.org`, `[::1]:4000` -> `::1`; lower-cased. undefined for a malformed header. */
export function hostName(hostHeader: string): string | undefined {
  const header = hostHeader.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(header);
  if (bracketed) return bracketed[1];
  const plain = /^([a-z0-9.-]+)(?::\d+)?$/.exec(header);
  return plain?.[1].replace(/\.$/, '');
}

/** The set of host names allowed for a server bound to `bindHost`, with the extra names configured. */
export function allowedHostNames(bindHost: string, extra: readonly string[]): ReadonlySet<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const bind = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  names.add(bind);
  if (ALL_INTERFACES.has(bind)) {
    for (const list of Object.values(networkInterfaces())) for (const address of list ?? []) names.add(address.address);
  }
  for (const name of extra) names.add(name.replace(/^\[|\]$/g, '').toLowerCase());
  return names;
}

export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!hostHeader) return false;
  const name = hostName(hostHeader);
  return name !== undefined && (allowed.has(name) || /^127\./.test(name));
}

/**
 * True for a browser origin that may call the API: one listed in NEWSGRAPH_ALLOWED_ORIGINS; an allowed host name
 * on this server's port (the explorer as served by this server); or, while bound to loopback, any loopback origin
 * (`vite dev` on 127.0.0.1:5173). Never because it matches the request's own Host.
 */
export function isAllowedOrigin(
  origin: string,
  options: {
    readonly allowedHosts: ReadonlySet<string>;
    readonly allowedOrigins: ReadonlySet<string>;
    readonly port: number;
    readonly loopbackOnly: boolean;
  },
): boolean {
  if (options.allowedOrigins.has(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const name = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (options.loopbackOnly && isLoopback(name)) return true;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') && port === options.port && options.allowedHosts.has(name)
  );
}
