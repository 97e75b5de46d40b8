// The Host and Origin allow-lists that stop DNS rebinding (server/http/hosts.ts), and their configuration.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.ts';
import { allowedHostNames, hostName, isAllowedHost, isAllowedOrigin } from '../../../server/http/hosts.ts';

describe('Host allow-list', () => {
  const allowed = allowedHostNames('127.0.0.1', ['newsgraph.example.org']);

  it('answers the bind address, the loopback names and configured names, with or without a port', () => {
    for (const host of ['127.0.0.1:4000', 'localhost', 'LocalHost:4000', '[::1]:4000', 'newsgraph.example.org:4000'])
      expect(isAllowedHost(host, allowed), host).toBe(true);
  });

  it('refuses any other name, a missing Host and malformed ones', () => {
    for (const host of [undefined, '', 'evil.example:4000', 'localhost.evil.example', 'evil.example@127.0.0.1', 'a b'])
      expect(isAllowedHost(host, allowed), String(host)).toBe(false);
  });

  it('parses names out of Host headers', () => {
    expect(hostName('[::1]:4000')).toBe('::1');
    expect(hostName('Example.ORG.:80')).toBe('example.org');
    expect(hostName('x/y')).toBeUndefined();
  });

  it('NEWSGRAPH_ALLOWED_HOSTS: names, lower-cased; a URL or port is refused with what to write', () => {
    expect(readConfig({ NEWSGRAPH_ALLOWED_HOSTS: ' A.example , b.example' }).allowedHosts).toEqual([
      'a.example',
      'b.example',
    ]);
    expect(readConfig({}).allowedHosts).toEqual([]);
    expect(() => readConfig({ NEWSGRAPH_ALLOWED_HOSTS: 'http://a.example' })).toThrow(/names only/);
    expect(() => readConfig({ NEWSGRAPH_ALLOWED_HOSTS: 'a.example:4000' })).toThrow(/without scheme or port/);
  });
});

describe('Origin check', () => {
  const options = {
    allowedHosts: allowedHostNames('0.0.0.0', ['newsgraph.example.org']),
    allowedOrigins: new Set(['https://tools.example.org']),
    port: 4000,
    loopbackOnly: false,
  };

  it('accepts an allowed host on this port and configured origins', () => {
    expect(isAllowedOrigin('http://newsgraph.example.org:4000', options)).toBe(true);
    expect(isAllowedOrigin('https://tools.example.org', options)).toBe(true);
  });

  it('refuses other hosts, other ports and other schemes, whatever Host the request carried', () => {
    for (const origin of ['http://evil.example:4000', 'http://newsgraph.example.org:5000', 'null', 'file://x'])
      expect(isAllowedOrigin(origin, options), origin).toBe(false);
  });

  it('takes any loopback origin only while bound to loopback (vite dev)', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5173', options)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5173', { ...options, loopbackOnly: true })).toBe(true);
  });
});
