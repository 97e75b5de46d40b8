// relate: resolved entities in their sentences -> typed relations (with evidence), CO_MENTIONED pairs and events.
import type { ExtractedEvent, ExtractedRelation } from '../../model.ts';
import type { EventModel } from '../../nlp/events/model.ts';
import { loadEventModel, loadRelationModel } from '../../nlp/relations/load.ts';
import type { RelationModel } from '../../nlp/relations/model.ts';
import { classifyRelations } from './classify.ts';
import type { ArticleContext } from './context.ts';
import { extractEvents } from './events.ts';
import { markRelatedHeadlines } from './related.ts';
import { coMentions, markDepartures, markUnitHeads, typedRelations } from './relations.ts';

export { type ArticleContext, buildContexts, isPublisher, type SentenceContext, type Slot } from './context.ts';
export { datesIn } from './events.ts';
export { ARTICLE } from './relations.ts';

export interface Relating {
  readonly relations: readonly ExtractedRelation[];
  readonly events: readonly ExtractedEvent[];
}

/**
 * Reads relations and events sentence by sentence: the precise rules first (announcements, citations, titles), then
 * the learned classifier for every pair they left untyped; CO_MENTIONED only for pairs with no typed relation, with
 * the classifier's score. Events likewise: rules, then the event classifier. What "Læs også" headlines yield is
 * marked as theirs (markRelatedHeadlines). The models default to the committed ones (data/relations-model.json,
 * data/events-model.json); null = rules only.
 */
export function relate(
  ctx: ArticleContext,
  model: RelationModel | null = loadRelationModel(),
  eventModel: EventModel | null = model ? loadEventModel() : null,
): Relating {
  const sink = typedRelations(ctx);
  const scores = model ? classifyRelations(ctx, sink, model) : new Map<string, number>();
  // A head of a unit is no head of the body ("formanden for Folketingets markedsudvalg"), whoever typed it.
  markUnitHeads(ctx, sink);
  // A post being left is held before, whoever typed it ("Vestas' finansdirektør, X, fratræder").
  markDepartures(ctx, sink);
  const events = extractEvents(ctx, sink, eventModel);
  return markRelatedHeadlines(ctx, [...sink.relations, ...coMentions(ctx, sink, scores)], events);
}
