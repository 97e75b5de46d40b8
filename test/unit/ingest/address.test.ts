// The SSRF guard's address checker: every non-public range is refused, public addresses pass, IPv6 too.
import { describe, expect, it } from 'vitest';
import { assertUrlAllowed, isPrivateAddress, parseArticleUrl } from '../../../server/ingest/fetch/address.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '0.0.0.0',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254', // cloud metadata
    '169.254.0.1',
    '100.64.0.1', // CGNAT
    '100.127.255.254',
    '192.0.0.192',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '[::1]',
    '::',
    'fc00::1',
    'fd00:ec2::254', // AWS IPv6 metadata
    'fe80::1',
    'fe80::1%eth0',
    '::ffff:127.0.0.1', // IPv4-mapped
    '::ffff:7f00:1', // the same, in hex
    '::ffff:10.1.2.3',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1', // NAT64 of 10.0.0.1
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '93.184.215.14',
    '172.15.255.255', // just below 172.16/12
    '172.32.0.1', // just above
    '100.63.255.255', // just below 100.64/10
    '100.128.0.1', // just above
    '169.255.0.1',
    '192.167.255.255',
    '11.0.0.1',
    '2a00:1450:4010:c05::64',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('refuses what is not an IP address at all', () => {
    expect(isPrivateAddress('localhost')).toBe(true);
  });
});

describe('assertUrlAllowed', () => {
  const resolving =
    (...addresses: string[]) =>
    async () =>
      addresses;

  it('refuses a name with one private address among public ones (every address is checked)', async () => {
    await expect(
      assertUrlAllowed(new URL('https://nyheder.example/a'), {
        allowPrivate: false,
        resolve: resolving('93.184.215.14', '10.0.0.5'),
      }),
    ).rejects.toMatchObject({ code: 'URL_NOT_ALLOWED', message: expect.stringMatching(/10\.0\.0\.5/) });
  });

  it('lets a public name through, and anything through with the switch on', async () => {
    await expect(
      assertUrlAllowed(new URL('https://nyheder.example/a'), { allowPrivate: false, resolve: resolving('8.8.4.4') }),
    ).resolves.toBeUndefined();
    await expect(
      assertUrlAllowed(new URL('http://127.0.0.1/a'), { allowPrivate: true, resolve: resolving('127.0.0.1') }),
    ).resolves.toBeUndefined();
  });

  it('resolves the real name localhost and refuses it', async () => {
    await expect(assertUrlAllowed(new URL('http://localhost:9/'), { allowPrivate: false })).rejects.toMatchObject({
      code: 'URL_NOT_ALLOWED',
    });
  });
});

describe('parseArticleUrl', () => {
  it.each(['file:///etc/passwd', 'ftp://nyheder.example/a.txt', 'gopher://x/', 'javascript:alert(1)', 'nyheder'])(
    'refuses %s',
    (raw) => {
      expect(() => parseArticleUrl(raw)).toThrow(expect.objectContaining({ code: 'URL_NOT_ALLOWED' }));
    },
  );
  it('refuses credentials in the URL', () => {
    expect(() => parseArticleUrl('https://bruger:kode@nyheder.example/')).toThrow(/user name or password/);
  });
});
