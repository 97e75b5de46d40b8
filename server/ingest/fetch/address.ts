// The SSRF guard: which URLs the server may fetch (http/https whose every address is public), checked on every hop.
import { lookup as lookupCallback } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ErrorCode, NewsgraphError } from '../../errors.ts';

/** Address ranges a fetched URL may not reach: the machine itself, private networks, and cloud metadata services. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the 169.254.169.254 metadata service
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (incl. 192.0.0.192 Oracle metadata)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. 255.255.255.255
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (incl. fd00:ec2::254, the AWS IPv6 metadata service)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64: embeds an IPv4 address that may be private
  ['2002::', 16], // 6to4: likewise
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (::ffff:10.0.0.1, ::ffff:a00:1), if any. */
function embeddedIPv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^::(?:ffff:(?:0:)?)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
  }
  return null;
}

/** True when `address` (an IPv4 or IPv6 literal) is loopback, private, link-local, CGNAT, metadata or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return NOT_PUBLIC.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4 !== null) return NOT_PUBLIC.check(v4, 'ipv4');
    return NOT_PUBLIC.check(bare, 'ipv6');
  }
  // Not an IP literal: refuse rather than guess.
  return true;
}

/** Resolves a host name to every address it has (an IP literal is returned as is). */
export type Resolver = (host: string) => Promise<string[]>;

export const resolveHost: Resolver = async (host) => {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  const records = await lookup(bare, { all: true, verbatim: true });
  return records.map((r) => r.address);
};

export interface UrlPolicy {
  /** NEWSGRAPH_ALLOW_PRIVATE_URLS=1: private and loopback addresses are allowed (tests, intranet news). */
  readonly allowPrivate: boolean;
  readonly resolve?: Resolver;
}

/** Parses a URL a user gave, refusing anything that is not http(s) with URL_NOT_ALLOWED. */
export function parseArticleUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new NewsgraphError(
      ErrorCode.URL_NOT_ALLOWED,
      `${raw}: not a URL: give the full address, starting with https://`,
      { url: raw },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsgraphError(
      ErrorCode.URL_NOT_ALLOWED,
      `${raw}: only http and https URLs can be loaded (this one is ${url.protocol.replace(/:$/, '')})`,
      { url: raw },
    );
  }
  if (url.username || url.password) {
    throw new NewsgraphError(
      ErrorCode.URL_NOT_ALLOWED,
      `${raw}: URLs with a user name or password are not loaded: give the article's public address`,
      { url: raw },
    );
  }
  return url;
}

/**
 * Refuses (URL_NOT_ALLOWED) a URL whose host resolves to any non-public address, unless the policy allows private
 * ones. Every address is checked: a name with one public and one private address is refused.
 */
export async function assertUrlAllowed(url: URL, policy: UrlPolicy): Promise<void> {
  if (policy.allowPrivate) return;
  let addresses: string[];
  try {
    addresses = await (policy.resolve ?? resolveHost)(url.hostname);
  } catch (error) {
    throw new NewsgraphError(
      ErrorCode.FETCH_FAILED,
      `${url.href}: the host ${url.hostname} could not be found (${(error as NodeJS.ErrnoException)?.code ?? 'DNS error'}): check the address`,
      { url: url.href },
    );
  }
  const refused = addresses.find(isPrivateAddress);
  if (addresses.length === 0 || refused !== undefined) {
    throw new NewsgraphError(
      ErrorCode.URL_NOT_ALLOWED,
      `${url.href}: ${url.hostname} is a private, loopback or link-local address (${refused ?? 'none'}); newsgraph only fetches public web pages. Set NEWSGRAPH_ALLOW_PRIVATE_URLS=1 to load from a local network`,
      { url: url.href, address: refused ?? null },
    );
  }
}

/** The code the connection-time check gives its error, so the fetcher can tell it from other network failures. */
export const PRIVATE_ADDRESS_ERROR = 'NEWSGRAPH_PRIVATE_ADDRESS';

/**
 * A DNS lookup for the connections the fetcher opens that fails for any non-public address. The name is resolved
 * again when the connection is made, so checking here, on the addresses actually connected to, is what stops DNS
 * rebinding (a name that was public when assertUrlAllowed looked, and private a moment later).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
    const done = callback as (...args: unknown[]) => void;
    if (error) return done(error);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused || addresses.length === 0) {
      const problem = new Error(`${hostname} resolved to ${refused?.address ?? 'no address'}, which is not public`);
      return done(Object.assign(problem, { code: PRIVATE_ADDRESS_ERROR, address: refused?.address }));
    }
    if (options.all) return done(null, addresses);
    return done(null, addresses[0].address, addresses[0].family);
  });
};
