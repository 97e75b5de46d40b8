// White space collapsed to single spaces, as text.replace(/\s+/g, ' ').trim() does, without rewriting what needs no change.

/** White space that collapsing would change: a run of two or more, or a single one other than a space. */
const UNEVEN_RUN = /\s\s+|[^\S ]/g;
const UNEVEN = /\s\s|[^\S ]/;

/**
 * `text.replace(/\s+/g, ' ').trim()`. A run that is one space already is left alone (most of them in prose), so
 * only the runs that change are replaced: a run of two or more is matched whole, a single other character alone.
 */
export function collapseWhiteSpace(text: string): string {
  return (UNEVEN.test(text) ? text.replace(UNEVEN_RUN, ' ') : text).trim();
}
