// The event classifier's view of a sentence: its words, stems, cue groups and the kinds of entity it names.
import type { EntityType, Section } from '../../model.ts';
import { cueGroups } from '../relations/cues.ts';

export interface EventSentence {
  readonly tokens: readonly string[];
  /** The types of the entities named in the sentence, one per mention. */
  readonly entityTypes: readonly EntityType[];
  readonly section: Section;
}

const WORD = /[\p{L}\p{N}]/u;

function stem(word: string): string {
  return word.length > 5 ? word.slice(0, 5) : word;
}

export function sentenceFeatures(s: EventSentence): string[] {
  const f: string[] = ['bias', `sec=${s.section}`];
  const lower = s.tokens.map((t) => t.toLowerCase()).filter((t) => WORD.test(t));
  const seen = new Set<string>();
  const add = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      f.push(name);
    }
  };
  const cues = new Set<string>();
  for (let i = 0; i < lower.length; i++) {
    add(`w=${lower[i]}`);
    add(`s=${stem(lower[i])}`);
    if (i + 1 < lower.length) add(`b=${lower[i]}_${lower[i + 1]}`);
    for (const g of cueGroups(lower[i], lower[i + 1])) cues.add(g);
  }
  for (const g of cues) add(`c=${g}`);
  if (lower.length > 0) add(`first=${lower[0]}`);
  const types = new Set(s.entityTypes);
  for (const t of types) add(`t=${t}`);
  if (types.has('Person') && (types.has('Company') || types.has('Organization') || types.has('Government')))
    add('t=person+actor');
  add(`n=${Math.min(s.entityTypes.length, 4)}`);
  for (const t of types) for (const g of cues) add(`c=${g}|${t}`);
  return f;
}
