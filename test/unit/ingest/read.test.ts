// Reading article bytes: refusals with clear codes, the Latin-1 fallback, HTML pages.
import { describe, expect, it } from 'vitest';
import { ErrorCode, NewsgraphError } from '../../../server/errors.ts';
import { readArticle } from '../../../server/ingest/read.ts';

const MAX = 2 * 1024 * 1024;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof NewsgraphError ? error.code : 'not a NewsgraphError';
  }
  return undefined;
}

describe('readArticle', () => {
  it('refuses empty and whitespace-only text with EMPTY_TEXT and a message saying what to do', () => {
    expect(codeOf(() => readArticle('', { maxBytes: MAX }))).toBe(ErrorCode.EMPTY_TEXT);
    expect(codeOf(() => readArticle(new Uint8Array([0x20, 0x0a, 0x09, 0x0a]), { maxBytes: MAX }))).toBe(
      ErrorCode.EMPTY_TEXT,
    );
    expect(() => readArticle('   \n\n ', { maxBytes: MAX })).toThrow(
      'Article text is empty: paste the article body or give a .txt file',
    );
  });

  it('refuses binary input (NUL bytes, control bytes) with BINARY_INPUT', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(codeOf(() => readArticle(png, { maxBytes: MAX, source: 'billede.png' }))).toBe(ErrorCode.BINARY_INPUT);
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => readArticle(controls, { maxBytes: MAX }))).toBe(ErrorCode.BINARY_INPUT);
  });

  it('reads Latin-1 Danish text as windows-1252 and says so', () => {
    const latin1 = Buffer.from('Huawei får dispensation i USA: Søren og Åse er glade for æbler.', 'latin1');
    const read = readArticle(latin1, { maxBytes: MAX });
    expect(read.encoding).toBe('windows-1252');
    expect(read.text).toContain('Søren og Åse er glade for æbler');
  });

  it('refuses bytes that are neither UTF-8 nor Latin text with BAD_ENCODING', () => {
    const garbage = new Uint8Array([0x41, 0x81, 0x8d, 0x90, 0x9d, 0x42, 0x43, 0x81, 0x0a]);
    expect(codeOf(() => readArticle(garbage, { maxBytes: MAX }))).toBe(ErrorCode.BAD_ENCODING);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]);
    expect(codeOf(() => readArticle(utf16, { maxBytes: MAX }))).toBe(ErrorCode.BAD_ENCODING);
  });

  it('refuses input over the limit with TEXT_TOO_LARGE before decoding it', () => {
    // Bytes that decoding would refuse (not UTF-8, and 0x81 is undefined in windows-1252): over the limit, the size
    // is what is reported, so it was checked first.
    const undecodable = new Uint8Array(5 * 1024 * 1024).fill(0x81);
    expect(codeOf(() => readArticle(undecodable.subarray(0, 1024), { maxBytes: MAX }))).toBe(ErrorCode.BAD_ENCODING);
    expect(codeOf(() => readArticle(undecodable, { maxBytes: MAX }))).toBe(ErrorCode.TEXT_TOO_LARGE);
    // Likewise text that is no article (control characters) as a string.
    const binaryText = '\u0001'.repeat(MAX + 1);
    expect(codeOf(() => readArticle(binaryText.slice(0, 1024), { maxBytes: MAX }))).toBe(ErrorCode.BINARY_INPUT);
    expect(codeOf(() => readArticle(binaryText, { maxBytes: MAX }))).toBe(ErrorCode.TEXT_TOO_LARGE);
    expect(codeOf(() => readArticle('x'.repeat(MAX + 1), { maxBytes: MAX }))).toBe(ErrorCode.TEXT_TOO_LARGE);
  });

  it('strips an HTML page to text: scripts and styles gone, entities decoded, title and date taken from the page', () => {
    const html = `<!doctype html><html><head><title>Side</title>
      <meta property="article:published_time" content="2019-06-29T10:00:00Z"><style>p{color:red}</style>
      <script>var x = "<p>ikke tekst</p>";</script></head><body><nav>Menu</nav>
      <h1>Trump lemper p&aring; Huawei-sanktioner</h1><p>Amerikansk pr&aelig;sident Donald Trump lemper igen.</p>
      <p>Det skriver Reuters&nbsp;&#8211; ifølge &#x43;NN.</p></body></html>`;
    const read = readArticle(html, { maxBytes: MAX });
    expect(read.format).toBe('html');
    expect(read.title).toBe('Trump lemper på Huawei-sanktioner');
    expect(read.publishedAt).toBe('2019-06-29');
    expect(read.text).toContain('Amerikansk præsident Donald Trump lemper igen.');
    expect(read.text).toContain('Det skriver Reuters – ifølge CNN.');
    expect(read.text).not.toContain('ikke tekst');
    expect(read.text).not.toContain('color:red');
    expect(read.text).not.toContain('Menu');
  });

  it('keeps plain text with a stray "<" as text', () => {
    const read = readArticle('Vækst < 2 procent\n\nSelskabet voksede under 2 procent.', { maxBytes: MAX });
    expect(read.format).toBe('text');
    expect(read.text).toContain('Vækst < 2 procent');
  });
});
