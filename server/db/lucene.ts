// Builds Lucene query strings for the full-text indexes from user text, so no user character is ever Lucene syntax.

/** Shortest word searched for; single letters ("A/S" -> "a", "s") match everything. */
export const MIN_TERM_LENGTH = 2;
/** Most words taken from one search string; more only slows Lucene down. */
export const MAX_SEARCH_TERMS = 8;
/** Most names in one resolution lookup; Lucene refuses queries with more than 1024 clauses. */
export const MAX_LOOKUP_NAMES = 300;

/**
 * Splits text into lower-cased words of letters and digits. Everything else (Lucene's + - && || ! ( ) { }
 * [ ] ^ " ~ * ? : \ /) is a separator, which is what makes the result safe to embed in a query.
 */
export function searchTerms(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= MIN_TERM_LENGTH);
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}

/** Edit distance allowed for a fuzzy term: none for short words (too many false hits), 1, then 2 for long names. */
function fuzziness(term: string): number {
  if (term.length < 4) return 0;
  return term.length < 8 ? 1 : 2;
}

/**
 * A ranked search query: every word must match (AND), each as an exact word (boosted), a prefix ("hua" finds
 * Huawei) or a fuzzy match ("Huaewei" finds Huawei). The whole phrase is boosted so "Donald Trump" ranks the
 * person above things merely containing "Donald". Returns null when the text has no searchable word.
 */
export function searchQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  const clauses = terms.map((term) => {
    const alternatives = [`${term}^4`, `${term}*^2`];
    const distance = fuzziness(term);
    if (distance > 0) alternatives.push(`${term}~${distance}`);
    return `(${alternatives.join(' OR ')})`;
  });
  const all = clauses.join(' AND ');
  return terms.length > 1 ? `(${all}) OR "${terms.join(' ')}"^8` : all;
}

/**
 * An exact-name lookup for entity resolution: each name as a phrase, joined with OR. Returns null when no
 * name has a searchable word.
 */
export function namesQuery(names: readonly string[]): string | null {
  const phrases = new Set<string>();
  for (const name of names) {
    const words = name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
    if (words.length > 0) phrases.add(`"${words.join(' ')}"`);
    if (phrases.size >= MAX_LOOKUP_NAMES) break;
  }
  return phrases.size === 0 ? null : [...phrases].join(' OR ');
}
