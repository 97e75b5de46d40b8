// Splits Danish text into tokens with character offsets, following the DaN+ news token conventions.
//
// DaN+ keeps these whole: abbreviations ("bl.a.", "f.eks.", "kr.", "pct."), initials ("K."), dotted
// acronyms ("B.T."), ordinals before a lowercase word or month ("1. april"), numbers with separators
// ("10.000", "9,5"), hyphenated and slashed words ("Trump-regeringen", "A/S", "km/t"), genitives with an
// apostrophe ("USA's", "Elvis'"), decade forms ("80'erne") and a dangling compound hyphen
// ("forsknings- og udviklingsarbejde"). Everything else that is not a letter or digit is its own token,
// except "..." which stays one token.

export interface Token {
  /** The token text exactly as it appears in the input. */
  readonly text: string;
  /** Offset of the first character in the input (UTF-16 code units). */
  readonly start: number;
  /** Offset just past the last character (exclusive). */
  readonly end: number;
}

/** Lowercased abbreviations (without the final dot) that DaN+ keeps together with their dot. */
const ABBREVIATIONS = new Set([
  'kr',
  'pct',
  'pr',
  'ca',
  'mill',
  'mio',
  'mia',
  'mrd',
  'kl',
  'nr',
  'dr',
  'mr',
  'mrs',
  'ms',
  'hhv',
  'jf',
  'jfr',
  'pga',
  'stk',
  'inc',
  'ltd',
  'co',
  'corp',
  'osv',
  'kg',
  'kvm',
  'km',
  'cm',
  'mm',
  'fig',
  'kgl',
  'kgs',
  'kons',
  'spsk',
  'tsk',
  'red',
  'sek',
  'div',
  'alm',
  'evt',
  'dvs',
  'maks',
  'fhv',
  'gl',
  'instr',
  'postnr',
  'tlf',
  'chr',
  'vind',
  'lic',
  'ds',
  'hk',
  'pc',
  'bl',
  'st',
  'sct',
  'skt',
  'prof',
  'ing',
  'cand',
  'adm',
  'dir',
  'fx',
  'jan',
  'feb',
  'aug',
  'sept',
  'okt',
  'nov',
  'dec',
  'ekskl',
  'inkl',
  'iflg',
  'mht',
  'vedr',
  'ang',
  'bla',
  'etc',
  'vs',
  'jr',
  'sr',
  'd',
  'tidl',
  'ff',
  'ml',
  'mv',
  'mfl',
  'bd',
  'afd',
  'att',
  'ref',
]);

const MONTHS = new Set([
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
]);

// Ordered alternatives; the first that matches at the current position wins.
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]]/uy;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/uy;
// Bare domain names: "Computerworld.dk", "ing.dk", "version2.dk".
const DOMAIN =
  /[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:dk|com|org|net|eu|se|no|de|fr|uk|io|ai|gov|edu|info|tech|app)(?![\p{L}\p{N}])/uy;
const ELLIPSIS = /\.{2,}|…/uy;
// Dotted abbreviations and acronyms: "bl.a.", "f.eks.", "B.T.", "d.v.s.", "H.L.", "lic.-jur.".
const DOTTED = /\p{L}{1,4}\.(?:-?\p{L}{1,6}\.)+(?:s(?!\p{L}))?/uy;
// Numbers with thousands or decimal separators and an optional hyphenated or apostrophe suffix.
const NUMBER = /\p{N}+(?:[.,:]\p{N}+)*(?:(?:-|'|’)\p{L}+)*/uy;
// Words: letters/digits joined by hyphens, apostrophes, slashes and "&" with no spaces around them. The
// tokenizer scans this form by hand (wordAt); the expression states it and the tests compare the two.
export const WORD = /[\p{L}\p{N}\p{M}]+(?:[-'’/&][\p{L}\p{N}\p{M}]+)*/uy;
// Where a domain name can end (DOMAIN's last part): a domain is tried only before one of these.
const DOMAIN_END = /\.(?:dk|com|org|net|eu|se|no|de|fr|uk|io|ai|gov|edu|info|tech|app)(?![\p{L}\p{N}])/gu;
const WHITE_SPACE = /\s/u;
const DIGIT = /\p{N}/u;

/** One letter, digit or mark ([\p{L}\p{N}\p{M}]), tested once per BMP character and remembered. */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;
/** Per UTF-16 code unit: 0 not yet known, 1 a word character, 2 not one. */
const wordCharacterCache = new Uint8Array(0x10000);

/** The length in code units (1, or 2 for a surrogate pair) of the word character at `at`, or 0 if there is none. */
function wordCharacterLength(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdfff) {
    // A pair is one code point and tested whole; a lone surrogate is no letter.
    const low = text.charCodeAt(at + 1);
    return c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff && WORD_CHARACTER.test(text.slice(at, at + 2)) ? 2 : 0;
  }
  let known = wordCharacterCache[c];
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(c)) ? 1 : 2;
    wordCharacterCache[c] = known;
  }
  return known === 1 ? 1 : 0;
}

function wordRunEnd(text: string, at: number): number {
  let end = at;
  for (let n = wordCharacterLength(text, end); n > 0; n = wordCharacterLength(text, end)) end += n;
  return end;
}

/**
 * What WORD matches at `at`, scanned by hand (the expression ran for nearly every token): a maximal run of word
 * characters, then as long as one of - ' ’ / & is followed by another run, that joiner and the run. `at` is never
 * inside a surrogate pair: the tokenizer moves on by whole code points.
 */
export function wordAt(text: string, at: number): string | undefined {
  let end = wordRunEnd(text, at);
  if (end === at) return undefined;
  for (;;) {
    const c = text.charCodeAt(end);
    if (c !== 0x2d && c !== 0x27 && c !== 0x2019 && c !== 0x2f && c !== 0x26) break;
    const next = wordRunEnd(text, end + 1);
    if (next === end + 1) break;
    end = next;
  }
  return text.slice(at, end);
}

function matchAt(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0] : undefined;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || isWhiteSpace(ch);
}

/** /\s/u for one character, without the regular expression for ASCII. */
function isWhiteSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return WHITE_SPACE.test(ch);
}

/**
 * Positions where the costlier alternatives (URL, e-mail, domain, ellipsis, dotted abbreviation) can match, so
 * each is tried only where it might: most tokens are plain words, and trying five expressions at each costs.
 */
class Prospects {
  private nextAt = -1;
  private nextDot = -1;
  private readonly domainEnds: number[] = [];
  private domainIndex = 0;

  constructor(private readonly text: string) {
    this.nextAt = text.indexOf('@');
    this.nextDot = text.indexOf('.');
    if (this.nextDot >= 0) {
      DOMAIN_END.lastIndex = 0;
      for (let m = DOMAIN_END.exec(text); m; m = DOMAIN_END.exec(text)) this.domainEnds.push(m.index);
    }
  }

  /** An "@" after i (an e-mail address needs one). */
  atSignAfter(i: number): boolean {
    if (this.nextAt >= 0 && this.nextAt <= i) this.nextAt = this.text.indexOf('@', i + 1);
    return this.nextAt > i;
  }

  /** The first "." after i, or -1. Calls come with increasing i. */
  dotAfter(i: number): number {
    if (this.nextDot >= 0 && this.nextDot <= i) this.nextDot = this.text.indexOf('.', i + 1);
    return this.nextDot;
  }

  /** A domain ending after i with no space in between (DOMAIN has none). Calls come with increasing i. */
  domainAfter(i: number): boolean {
    while (this.domainIndex < this.domainEnds.length && this.domainEnds[this.domainIndex] <= i) this.domainIndex++;
    if (this.domainIndex >= this.domainEnds.length) return false;
    const end = this.domainEnds[this.domainIndex];
    const space = this.text.indexOf(' ', i);
    return space < 0 || space > end;
  }
}

/** /\p{N}/u for one character (a UTF-16 unit, as `text[i]`), without the regular expression for ASCII. */
function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 48 && c <= 57;
  return DIGIT.test(ch);
}

/** True when the dot after `word` (ending at `end`) belongs to the word rather than ending the sentence. */
function dotBelongsToWord(word: string, text: string, end: number): boolean {
  const after = text[end + 1];
  // A dot glued to a following letter is not an abbreviation dot ("slut.Næste").
  if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // A single capital before a capitalised word is an initial ("K. Olsen"), not the end of "Odense Å."
  if (/^\p{Lu}$/u.test(word)) return /^\s+\p{Lu}/u.test(text.slice(end + 1, end + 4));
  if (/^\p{N}+$/u.test(word)) {
    // Ordinal before a lowercase word or a month ("1. april", "10. klasse"), not "i 1992."
    const next = /^\s+(\p{L}+)/u.exec(text.slice(end + 1, end + 40));
    if (!next) return false;
    const nextWord = next[1];
    return MONTHS.has(nextWord.toLowerCase()) || /^\p{Ll}/u.test(nextWord);
  }
  return false;
}

/** Tokenize Danish text into tokens with character offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  const prospects = new Prospects(text);
  while (i < n) {
    const ch = text[i];
    if (isWhiteSpace(ch)) {
      i++;
      continue;
    }
    // The same order as always (the first alternative that matches wins), each tried only where it can match.
    const dot = prospects.dotAfter(i);
    let piece =
      (ch === 'h' || ch === 'w' ? matchAt(URL, text, i) : undefined) ??
      (prospects.atSignAfter(i) ? matchAt(EMAIL, text, i) : undefined) ??
      (dot > i && prospects.domainAfter(i) ? matchAt(DOMAIN, text, i) : undefined) ??
      (ch === '.' || ch === '…' ? matchAt(ELLIPSIS, text, i) : undefined) ??
      // DOTTED opens with one to four letters and a dot: up to eight code units for letters outside the BMP.
      (dot > i && dot - i <= 8 ? matchAt(DOTTED, text, i) : undefined);
    if (piece === undefined) {
      const number = isDigit(ch) ? matchAt(NUMBER, text, i) : undefined;
      const word = wordAt(text, i);
      // Prefer the longer of the number and word readings ("3F" is a word, "10.000" a number).
      piece = number !== undefined && (word === undefined || number.length >= word.length) ? number : word;
      if (piece !== undefined) {
        const end = i + piece.length;
        const next = text[end];
        if (next === '.' && dotBelongsToWord(piece, text, end)) {
          piece += '.';
        } else if (
          (next === "'" || next === '’') &&
          /[sxzSXZ]$/u.test(piece) &&
          !/[\p{L}\p{N}]/u.test(text[end + 1] ?? ' ')
        ) {
          // Genitive of a word ending in s/x/z: "Elvis'", "Mercedes'".
          piece += next;
        } else if (
          next === '-' &&
          isSpace(text[end + 1]) &&
          /^\s*(?:og|eller|,)/u.test(text.slice(end + 1, end + 10))
        ) {
          // Dangling compound hyphen: "forsknings- og udviklingsarbejde".
          piece += '-';
        }
      }
    }
    if (piece === undefined) {
      // Any other character is a token of its own; keep surrogate pairs together.
      const code = text.codePointAt(i)!;
      piece = String.fromCodePoint(code);
    }
    tokens.push({ text: piece, start: i, end: i + piece.length });
    i += piece.length;
  }
  return tokens;
}
