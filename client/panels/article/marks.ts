// Pure text marking for the article reader: where the evidence sentence and the entity mentions are.

export interface MarkEntity {
  id: string;
  label: string;
  name: string;
  aliases: readonly string[];
}

export interface EntityRange {
  start: number;
  end: number;
  entity: MarkEntity;
}

export interface Segment {
  text: string;
  start: number;
  inSentence: boolean;
  entity: MarkEntity | null;
}

/**
 * Finds `sentence` in `text` ignoring differences in whitespace (the extractor normalises line
 * breaks inside sentences), returning offsets into the original text.
 */
export function findSentence(text: string, sentence: string | null | undefined): [number, number] | null {
  if (!sentence) return null;
  const target = sentence.replace(/\s+/g, ' ').trim();
  if (!target) return null;
  const direct = text.indexOf(target);
  if (direct >= 0) return [direct, direct + target.length];
  // Collapse whitespace in the text while remembering where each kept character came from.
  let normalized = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (!inSpace && normalized.length > 0) {
        normalized += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      normalized += ch;
      origin.push(i);
      inSpace = false;
    }
  }
  const at = normalized.indexOf(target);
  if (at < 0) return null;
  return [origin[at], origin[at + target.length - 1] + 1];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Entity mentions by name or alias, longest names first so "Donald Trump" wins over "Trump";
 * Danish genitive endings ("Huaweis", "USA's") are included in the mark. Case-sensitive: the names
 * are proper nouns, and matching them case-blind would mark ordinary words.
 */
export function findEntityRanges(text: string, entities: readonly MarkEntity[]): EntityRange[] {
  const byName = new Map<string, MarkEntity>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const clean = name.trim();
      if (clean.length >= 2 && !byName.has(clean)) byName.set(clean, entity);
    }
  }
  if (byName.size === 0) return [];
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?:'s|’s|s)?(?![\\p{L}\\p{N}])`,
    'gu',
  );
  const ranges: EntityRange[] = [];
  for (const match of text.matchAll(pattern)) {
    const matched = match[0];
    const base = names.find(
      (n) => matched === n || (matched.startsWith(n) && /^('s|’s|s)$/.test(matched.slice(n.length))),
    );
    const entity = base ? byName.get(base) : undefined;
    if (entity && match.index !== undefined)
      ranges.push({ start: match.index, end: match.index + matched.length, entity });
  }
  return ranges;
}

/** Splits the text at every sentence and entity boundary so each piece can be rendered with its marks. */
export function segmentText(
  text: string,
  sentence: [number, number] | null,
  entities: readonly EntityRange[],
): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  if (sentence) {
    cuts.add(sentence[0]);
    cuts.add(sentence[1]);
  }
  for (const r of entities) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  let ei = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    while (ei < entities.length && entities[ei].end <= start) ei++;
    const entity =
      ei < entities.length && entities[ei].start <= start && entities[ei].end >= end ? entities[ei].entity : null;
    const inSentence = sentence !== null && start >= sentence[0] && end <= sentence[1];
    segments.push({ text: text.slice(start, end), start, inSentence, entity });
  }
  return segments;
}
