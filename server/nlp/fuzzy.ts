// Bounded edit distance for catching typos in names ("Huaewei", "Blooomberg") without quadratic work on long strings.

/** Row buffers reused by editDistance: it runs for every typo candidate, and three arrays per call added up. */
let rowBuffers: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Largest `max` the reused integer rows are used for; larger (or fractional) bounds take plain arrays. */
const MAX_BUFFERED_BOUND = 1 << 20;

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as soon as it
 * is certain to exceed `max`. Cost is O(len * (2 * max + 1)).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (!Number.isInteger(max) || max < 0 || max > MAX_BUFFERED_BOUND) return editDistanceArrays(a, b, max);
  const INF = max + 1;
  if (rowBuffers[0].length < m + 1) {
    const size = Math.max(m + 1, rowBuffers[0].length * 2);
    rowBuffers = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [prevPrev, prev, cur] = rowBuffers;
  prevPrev.fill(INF, 0, m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : INF;
  for (let i = 1; i <= n; i++) {
    cur.fill(INF, 0, m + 1);
    if (i <= max) cur[0] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return INF;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[m], INF);
}

/** editDistance on plain arrays, for bounds the integer rows cannot hold. */
function editDistanceArrays(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const INF = max + 1;
  let prevPrev = new Array<number>(m + 1).fill(INF);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : INF;
  for (let i = 1; i <= n; i++) {
    cur.fill(INF);
    if (i <= max) cur[0] = i;
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    let rowMin = cur[0];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return INF;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return Math.min(prev[m], INF);
}

/** How many typos a name of this length may carry and still count as the same name: none below 5 letters. */
export function typoBudget(name: string): number {
  if (name.length < 5) return 0;
  if (name.length < 9) return 1;
  return 2;
}

/** True when `a` and `b` differ only by a typo their length allows (the same first letter is required). */
export function isTypoOf(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y || x[0] !== y[0]) return false;
  const budget = Math.min(typoBudget(x), typoBudget(y));
  return budget > 0 && editDistance(x, y, budget) <= budget;
}
