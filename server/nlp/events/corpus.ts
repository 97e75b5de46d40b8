// Event training examples from the corpus articles: each annotated sentence, with the kinds of the events whose
// evidence it is (none for most sentences).
import { type EntityType, type EventKind, isEventKind, type Section } from '../../model.ts';
import type { ArticleAnnotation } from '../relations/corpus.ts';
import { tokenize } from '../tokenizer.ts';
import type { EventSentence } from './features.ts';

export interface EventExample {
  readonly sentence: EventSentence;
  readonly kinds: readonly EventKind[];
}

export function eventExamples(annotation: ArticleAnnotation): EventExample[] {
  const typeOf = new Map(annotation.entities.map((e) => [e.name, e.type as EntityType]));
  const kindsByEvidence = new Map<string, EventKind[]>();
  for (const e of annotation.events) {
    if (!e.evidence || !isEventKind(e.kind)) continue;
    const list = kindsByEvidence.get(e.evidence) ?? [];
    if (!list.includes(e.kind)) list.push(e.kind);
    kindsByEvidence.set(e.evidence, list);
  }
  return annotation.sentences.map((s) => ({
    sentence: {
      tokens: tokenize(s.text).map((t) => t.text),
      entityTypes: s.mentions.map((m) => typeOf.get(m.entity)).filter((t): t is EntityType => t !== undefined),
      section: (s.section ?? 'body') as Section,
    },
    kinds: kindsByEvidence.get(s.text) ?? [],
  }));
}
