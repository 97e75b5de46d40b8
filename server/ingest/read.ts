// read: turns the bytes of an uploaded or pasted article into a RawArticle, refusing what cannot be an article.
import { ErrorCode, NewsgraphError } from '../errors.ts';
import { htmlToText, looksLikeHtml } from './clean/html.ts';
import type { RawArticle } from './types.ts';

/** Which decoding produced the text: UTF-8, or the Latin-1 family fallback for legacy Danish files. */
export type TextEncoding = 'utf-8' | 'windows-1252';

/** A RawArticle plus how it was read, so callers can tell the user about a fallback decoding. */
export interface ReadArticle extends RawArticle {
  readonly encoding: TextEncoding;
  /** 'html' when tags were stripped from a saved web page. */
  readonly format: 'text' | 'html';
}

export interface ReadOptions {
  /** Largest accepted input in bytes (pass config.maxArticleBytes); the check runs before decoding. */
  readonly maxBytes: number;
  /** File path or other label, used in messages only. */
  readonly source?: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly author?: string;
}

// Code points that are legal in text files; anything else in the C0 range means a binary file.
const TEXT_CONTROL = new Set([0x09, 0x0a, 0x0c, 0x0d]);
// Bytes 0x80-0x9f decode to printable punctuation in windows-1252; these five are undefined there.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
// How much of the start of the input is inspected for binary content: enough to see a file's header.
const BINARY_SNIFF_BYTES = 8192;

function label(source: string | undefined): string {
  return source ? `${source}: ` : '';
}

/** True when the start of the input looks like a binary file (NUL bytes, or mostly control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && !TEXT_CONTROL.has(b)) control++;
  }
  return control / n > 0.1;
}

// windows-1252's characters for bytes 0x80-0x9f (undefined ones stay as the C1 control of the same number).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes windows-1252, which agrees with Latin-1 except for printable punctuation in 0x80-0x9f. By hand: Node's
 * TextDecoder('windows-1252') (and 'iso-8859-1', which the Encoding Standard maps to it) decodes those bytes as
 * C1 controls on Node 20/22 builds, turning „quotes“ and – dashes into invisible characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/**
 * Decides whether non-UTF-8 bytes are legacy Latin text: high bytes must be mostly Latin letters
 * (æøå and other accented letters live in 0xc0-0xff) and none of the bytes windows-1252 leaves undefined.
 */
function looksLikeLatinText(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    if (CP1252_UNDEFINED.has(b)) return false;
    high++;
    if (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) letters++;
  }
  return high > 0 && letters / high >= 0.5;
}

/** Decodes bytes as UTF-8, falling back to windows-1252 only when the bytes look like Latin-1 Danish text. */
export function decodeArticleBytes(bytes: Uint8Array, source?: string): { text: string; encoding: TextEncoding } {
  let offset = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new NewsgraphError(
      ErrorCode.BAD_ENCODING,
      `${label(source)}the file is UTF-16: save it as UTF-8 text and try again`,
    );
  }
  const body = bytes.subarray(offset);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (looksLikeLatinText(body)) return { text: decodeWindows1252(body), encoding: 'windows-1252' };
    throw new NewsgraphError(
      ErrorCode.BAD_ENCODING,
      `${label(source)}the file is not valid UTF-8 text: save it as UTF-8 and try again`,
    );
  }
}

function assertTextIsUsable(text: string, source: string | undefined): void {
  if (text.trim() === '') {
    throw new NewsgraphError(
      ErrorCode.EMPTY_TEXT,
      `${label(source)}Article text is empty: paste the article body or give a .txt file`,
    );
  }
  // Decoded text with many replacement or control characters is a binary file that happened to decode.
  let odd = 0;
  const sample = text.length > BINARY_SNIFF_BYTES ? text.slice(0, BINARY_SNIFF_BYTES) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && !TEXT_CONTROL.has(c))) odd++;
  }
  if (odd / sample.length > 0.05) {
    throw new NewsgraphError(
      ErrorCode.BINARY_INPUT,
      `${label(source)}this looks like a binary file, not article text: give a .txt or .html file`,
    );
  }
}

function tooLarge(size: number, maxBytes: number, source: string | undefined): NewsgraphError {
  return new NewsgraphError(
    ErrorCode.TEXT_TOO_LARGE,
    `${label(source)}Article is ${size} bytes, more than the limit of ${maxBytes} bytes: split it into separate articles or raise NEWSGRAPH_MAX_ARTICLE_BYTES`,
    { size, maxBytes },
  );
}

/**
 * Reads one article from bytes (a file) or a string (pasted text / GraphQL input).
 * Throws NewsgraphError EMPTY_TEXT, BINARY_INPUT, BAD_ENCODING or TEXT_TOO_LARGE with a message that says what to do.
 */
export function readArticle(input: Uint8Array | string, options: ReadOptions): ReadArticle {
  const { maxBytes, source } = options;
  let text: string;
  let encoding: TextEncoding = 'utf-8';
  if (typeof input === 'string') {
    const size = Buffer.byteLength(input, 'utf8');
    if (size > maxBytes) throw tooLarge(size, maxBytes, source);
    text = input;
  } else {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes, source);
    // UTF-16 text is full of NUL bytes: say it is the wrong encoding rather than binary.
    const utf16 =
      input.length >= 2 && ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff));
    if (!utf16 && looksBinary(input)) {
      throw new NewsgraphError(
        ErrorCode.BINARY_INPUT,
        `${label(source)}this looks like a binary file, not article text: give a .txt or .html file`,
      );
    }
    ({ text, encoding } = decodeArticleBytes(input, source));
  }
  assertTextIsUsable(text, source);
  text = text.normalize('NFC').replace(/\r\n?/g, '\n');

  let format: 'text' | 'html' = 'text';
  let title = options.title;
  let url = options.url;
  let publishedAt = options.publishedAt;
  if (looksLikeHtml(text)) {
    const page = htmlToText(text);
    format = 'html';
    text = page.text;
    title ??= page.title ?? undefined;
    url ??= page.url ?? undefined;
    publishedAt ??= page.publishedAt ?? undefined;
    if (text.trim() === '') {
      throw new NewsgraphError(
        ErrorCode.EMPTY_TEXT,
        `${label(source)}Article text is empty: the HTML page has no readable text; paste the article body or give a .txt file`,
      );
    }
  }
  return {
    text,
    encoding,
    format,
    ...(title !== undefined ? { title } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    ...(options.author !== undefined ? { author: options.author } : {}),
    ...(source !== undefined ? { source } : {}),
  };
}
