// The tokenizer scans words by hand for speed; these tests hold the scan to the WORD expression it replaces.
import { describe, expect, it } from 'vitest';
import { tokenize, WORD, wordAt } from '../../../server/nlp/tokenizer.ts';

/** What the WORD expression matches at `at` (it is sticky), or undefined. */
function wordByExpression(text: string, at: number): string | undefined {
  WORD.lastIndex = at;
  return WORD.exec(text)?.[0];
}

/** A small deterministic generator, so a failure names a text that can be replayed. */
function randomTexts(count: number, seed: number): string[] {
  const pieces = [
    'a',
    'Z',
    'æ',
    'Ø',
    'å',
    '9',
    '²',
    'e\u0301',
    '\u0301',
    '-',
    "'",
    '’',
    '/',
    '&',
    ' ',
    '.',
    '𝐀',
    '😀',
    '\ud835',
    '\udc00',
    'İ',
    'ǅ',
    '٣',
    '\u00a0',
    'A/S',
    'Trump-regeringen',
    "80'erne",
  ];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 16) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

describe('wordAt', () => {
  it('matches what the WORD expression matches, at every position', () => {
    for (const text of randomTexts(3000, 7)) {
      for (let at = 0; at < text.length; at++) {
        // The tokenizer never stops inside a surrogate pair (there the expression would step back to the pair's start).
        if (/[\ud800-\udbff]/.test(text[at - 1] ?? '') && /[\udc00-\udfff]/.test(text[at])) continue;
        expect(wordAt(text, at), JSON.stringify({ text, at })).toBe(wordByExpression(text, at));
      }
    }
  });

  it('keeps joined words, combining marks and letters outside the BMP in one token', () => {
    expect(tokenize('Trump-regeringen A/S Huawei’s Cafe\u0301 𝐀𝐁 AT&T').map((t) => t.text)).toEqual([
      'Trump-regeringen',
      'A/S',
      'Huawei’s',
      'Cafe\u0301',
      '𝐀𝐁',
      'AT&T',
    ]);
  });
});
