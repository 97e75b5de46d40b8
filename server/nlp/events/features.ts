// The event classifier's view of a sentence: its words, stems, cue groups and the kinds of entity it names.
import type { EntityType, Section } from '../../model.ts';
import { FeatureNames, type FeatureSink } from '../linear.ts';
import { cueGroups } from '../relations/cues.ts';

export interface EventSentence {
  readonly tokens: readonly string[];
  /** The types of the entities named in the sentence, one per mention. */
  readonly entityTypes: readonly EntityType[];
  readonly section: Section;
}

const WORD = /[\p{L}\p{N}]/u;

/** WORD.test, with plain ASCII letters and digits at the start answered before the expression runs. */
function hasWordCharacter(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) return true;
  return WORD.test(t);
}

const STEM_LENGTH = 5;

function stem(word: string): string {
  return word.length > STEM_LENGTH ? word.slice(0, STEM_LENGTH) : word;
}

/** sentenceFeatures' names (each once), for training and reading. */
export function sentenceFeatureNames(s: EventSentence): string[] {
  const names = new FeatureNames({ unique: true });
  sentenceFeatures(s, names);
  return names.names;
}

/** Makes the features of a sentence into `f` (a feature's name is its parts joined; see FeatureSink). */
export function sentenceFeatures(s: EventSentence, f: FeatureSink): void {
  f.add('bias');
  f.add('sec=', s.section);
  const lower: string[] = [];
  for (const t of s.tokens) if (hasWordCharacter(t)) lower.push(t.toLowerCase());
  const cues = new Set<string>();
  for (let i = 0; i < lower.length; i++) {
    f.add('w=', lower[i]);
    // A word of five letters or fewer is its own stem: the word feature says it already.
    if (lower[i].length > STEM_LENGTH) f.add('s=', stem(lower[i]));
    if (i + 1 < lower.length) f.add('b=', lower[i], '_', lower[i + 1]);
    for (const g of cueGroups(lower[i], lower[i + 1])) cues.add(g);
  }
  for (const g of cues) f.add('c=', g);
  if (lower.length > 0) f.add('first=', lower[0]);
  const types = new Set(s.entityTypes);
  for (const t of types) f.add('t=', t);
  if (types.has('Person') && (types.has('Company') || types.has('Organization') || types.has('Government')))
    f.add('t=person+actor');
  f.add('n=', String(Math.min(s.entityTypes.length, 4)));
  for (const t of types) for (const g of cues) f.add('c=', g, '|', t);
}
