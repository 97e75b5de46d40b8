// collapseWhiteSpace skips the replacement where nothing changes; it must still equal the plain expression.
import { describe, expect, it } from 'vitest';
import { collapseWhiteSpace } from '../../../server/ingest/clean/whitespace.ts';

describe('collapseWhiteSpace', () => {
  it('equals text.replace(/\\s+/g, " ").trim() on mixed white space', () => {
    const pieces = ['Det', 'skriver', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u2003', '\ufeff', 'æ'];
    let state = 3;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 20000; k++) {
      const text = Array.from(
        { length: Math.floor(next() * 10) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      expect(collapseWhiteSpace(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });

  it('returns prose with single spaces as it is', () => {
    const text = 'Huawei fjernes fra USA’s sorte liste.';
    expect(collapseWhiteSpace(text)).toBe(text);
    expect(collapseWhiteSpace('  To  mellemrum\nog linjeskift ')).toBe('To mellemrum og linjeskift');
  });
});
