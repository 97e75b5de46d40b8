// Danish sentence splitting that keeps "pr. 1. oktober 2025", "bl.a.", "A/S", initials and quoted speech whole.

/** Lowercased abbreviations (without the final dot) after which a dot does not end a sentence. */
const ABBREVIATIONS = new Set([
  // "Det Kgl. Teater", "Kgl. Hofleverandør".
  'kgl',
  'pr',
  'bl.a',
  'f.eks',
  'fx',
  'ca',
  'mio',
  'mia',
  'mill',
  'mrd',
  'kr',
  'nr',
  'dvs',
  'd.v.s',
  'osv',
  'mht',
  'jf',
  'jfr',
  'hhv',
  'evt',
  'inkl',
  'ekskl',
  'tlf',
  'dr',
  'hr',
  'fr',
  'frk',
  'st',
  'skt',
  'sct',
  'gl',
  'vs',
  'pct',
  'kl',
  'adm',
  'dir',
  'prof',
  'cand',
  'mr',
  'mrs',
  'ms',
  'jr',
  'sr',
  'inc',
  'ltd',
  'corp',
  'co',
  'etc',
  'mv',
  'm.v',
  'm.m',
  'mfl',
  'm.fl',
  'iflg',
  'vedr',
  'ang',
  'tidl',
  'fhv',
  'red',
  'bl',
  'ff',
  'el',
  'ift',
  'i.f.t',
  'pga',
  'p.g.a',
  'stk',
  'afd',
  'att',
  'ref',
  'jan',
  'feb',
  'aug',
  'sept',
  'okt',
  'nov',
  'dec',
  'u.s',
  'a.m.b.a',
  'e.kr',
  'f.kr',
  'ph.d',
  'cand.merc',
  'cand.polyt',
  'cand.scient',
  'mag',
  'lic',
  'stud',
  'ing',
  'civ',
  'dipl',
  'ekstra',
]);

const MONTHS =
  /^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b/i;

/** Longest stretch treated as one quotation. */
const MAX_QUOTATION_CHARS = 1200;
/** Longest sentence: longer runs without a full stop (lists, pasted tables) are cut at spaces, keeping work per sentence bounded. */
export const MAX_SENTENCE_CHARS = 1500;

// Opening and closing quote pairs used in Danish news copy.
const QUOTE_PAIRS: Record<string, string> = { '‘': '’', '“': '”', '«': '»', '„': '“', '‚': '‘', '»': '«' };

/** True for the code unit of any quote mark above (", ', « and », ‘ ’ ‚ “ ” „): a cheap test before the exact one. */
function isQuoteMark(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e);
}

/** A sentence as a span of the paragraph it came from. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Finds quoted stretches that are closed within the paragraph, so a "?" or "." inside a quotation does not
 * end the sentence. An apostrophe ("USA’s", "'erne") is not a closing quote because a letter follows it.
 */
function quotedRanges(text: string): Array<[number, number]> {
  // Positions where each quote character could close a quotation (not followed by a letter or digit), found
  // in one pass so that many unmatched quote marks cost n log n, not n times the look-ahead.
  const closers = new Map<string, number[]>();
  for (let k = 0; k < text.length; k++) {
    if (!isQuoteMark(text.charCodeAt(k))) continue;
    const ch = text[k];
    if (ch !== '’' && ch !== '”' && ch !== '»' && ch !== '“' && ch !== '‘' && ch !== '«' && ch !== '"' && ch !== "'")
      continue;
    const after = text[k + 1];
    if (after !== undefined && /[\p{L}\p{N}]/u.test(after)) continue;
    const list = closers.get(ch);
    if (list) list.push(k);
    else closers.set(ch, [k]);
  }
  const nextCloser = (close: string, from: number): number => {
    const list = closers.get(close);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo] : -1;
  };
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    if (!isQuoteMark(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ch = text[i];
    let close: string | undefined = QUOTE_PAIRS[ch];
    const straight = ch === '"' || ch === '”' || ch === "'";
    if (straight) {
      // A straight or right quote opens only at a word start.
      const before = text[i - 1];
      if (before !== undefined && !/[\s([:—–-]/u.test(before)) {
        i++;
        continue;
      }
      close = ch;
    }
    if (close === undefined) {
      i++;
      continue;
    }
    const found = nextCloser(close, i + 1);
    // Quotations longer than a few sentences are more likely an unbalanced quote mark.
    if (found < 0 || found - i > MAX_QUOTATION_CHARS) {
      i++;
      continue;
    }
    ranges.push([i, found]);
    i = found + 1;
  }
  return ranges;
}

function wordBefore(text: string, dot: number): string {
  let k = dot;
  while (k > 0 && /[\p{L}\p{N}.\-/&]/u.test(text[k - 1])) k--;
  return text.slice(k, dot);
}

/** True when the dot at `dot` is part of an abbreviation, an ordinal, an initial or a number rather than a full stop. */
function dotIsNotAStop(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // "bl.a." ends with a dot whose word reads "bl.a"; dotted forms like "f.eks" are in the set above.
  if (/^\p{L}(?:\.\p{L})+$/u.test(word)) return true;
  // An initial: "Donald J. Trump".
  if (/^\p{Lu}$/u.test(word)) return true;
  // An ordinal before a month or a lowercase word: "pr. 1. oktober", "3. kvartal".
  if (/^\d{1,3}$/.test(word)) return MONTHS.test(next) || /^\p{Ll}/u.test(next);
  return false;
}

/**
 * Splits one paragraph into sentences. A sentence ends at . ! ? (or …) followed by space and a capital letter,
 * a digit-free quote opener or the end of the paragraph; trailing closing quotes stay with the sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const quoted = quotedRanges(text);
  let q = 0;
  let start = 0;
  while (start < text.length && /\s/u.test(text[start])) start++;
  for (let i = start; i < text.length; i++) {
    // Only a stop character or a quote mark (where a quotation may close) can end a sentence.
    const code = text.charCodeAt(i);
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026 && !isQuoteMark(code)) continue;
    let ch = text[i];
    while (q < quoted.length && quoted[q][1] < i) q++;
    // A quotation that ends with its own full stop ends the sentence too: "‘meget kompliceret.’ Han …".
    if (q < quoted.length && quoted[q][1] === i && /[.!?…]/u.test(text[i - 1] ?? '')) ch = text[i - 1];
    else {
      if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
      if (q < quoted.length && quoted[q][0] < i && i < quoted[q][1]) continue;
    }
    let end = i + 1;
    // Keep runs like "?!" or "..." and closing quotes/brackets with the sentence.
    while (end < text.length && /[.!?…’”"»')\]]/u.test(text[end])) end++;
    if (end >= text.length) break;
    if (!/\s/u.test(text[end])) continue;
    let next = end;
    while (next < text.length && /\s/u.test(text[next])) next++;
    if (next >= text.length) break;
    const following = text.slice(next, next + 20);
    if (!/^[\p{Lu}\p{N}‘“"«»'(\-–]/u.test(following)) continue;
    if (ch === '.' && end === i + 1 && dotIsNotAStop(text, i, following)) continue;
    spans.push({ start, end });
    start = next;
    i = next - 1;
  }
  let end = text.length;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
  return spans.some((sp) => sp.end - sp.start > MAX_SENTENCE_CHARS) ? spans.flatMap((sp) => cutLong(text, sp)) : spans;
}

/** Cuts an over-long span at the last space before the limit (or hard at the limit if there is none). */
function cutLong(text: string, span: SentenceSpan): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
    if (cut <= start) cut = start + MAX_SENTENCE_CHARS;
    out.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/u.test(text[start])) start++;
  }
  if (span.end > start) out.push({ start, end: span.end });
  return out;
}
