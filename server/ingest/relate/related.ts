// "Læs også" headlines: what relate reads in them is kept, marked so that it never passes for body support.
import { type ExtractedEvent, type ExtractedRelation, RELATED_ONLY } from '../../model.ts';
import type { ArticleContext } from './context.ts';

/** A linked article's headline restates its news in a few words: half as sure as the same reading in a body sentence. */
const RELATED_CONFIDENCE_FACTOR = 0.5;

/**
 * A "Læs også" headline (section 'related') names another article's news. A relation or event read in one is kept as
 * a fact that the linked article reports, but is never counted as this article's body support of a fact:
 * - a relation gets `section: 'related'` in its props and half its confidence. Relationships are shared by every
 *   article stating the same fact, so loading keeps the mark only while no article supports the relationship in its
 *   body or Navnenyt (withRelatedMark in server/model.ts), and the stored confidence is the highest reading's.
 * - an event gets its own id (the body reading's id + ":related") and half its confidence: an event's id comes from
 *   its sentence, so a headline repeating the linked article's title would otherwise become that article's event.
 * CO_MENTIONED is left as it is: it states no fact, and one co-mention stands for all the sentences naming the pair.
 * This is the smallest change that shows the distinction in the graph: no new relationship types or provenance lists.
 */
export function markRelatedHeadlines(
  ctx: ArticleContext,
  relations: readonly ExtractedRelation[],
  events: readonly ExtractedEvent[],
): { relations: readonly ExtractedRelation[]; events: readonly ExtractedEvent[] } {
  const related = new Set<number>();
  for (const s of ctx.sentences) if (s.sentence.section === 'related') related.add(s.sentence.index);
  if (related.size === 0) return { relations, events };
  return {
    relations: relations.map((r) =>
      related.has(r.sentenceIndex) && r.type !== 'CO_MENTIONED'
        ? { ...r, props: { ...r.props, ...RELATED_ONLY }, confidence: r.confidence * RELATED_CONFIDENCE_FACTOR }
        : r,
    ),
    events: events.map((ev) =>
      related.has(ev.sentenceIndex)
        ? { ...ev, id: `${ev.id}:related`, confidence: ev.confidence * RELATED_CONFIDENCE_FACTOR }
        : ev,
    ),
  };
}
