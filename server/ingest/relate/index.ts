// relate: resolved entities in their sentences -> typed relations (with evidence), CO_MENTIONED pairs and events.
import type { ExtractedEvent, ExtractedRelation } from '../types.ts';
import type { ArticleContext } from './context.ts';
import { coMentions, typedRelations } from './relations.ts';
import { extractEvents } from './events.ts';

export { buildContexts, isPublisher, type ArticleContext, type SentenceContext, type Slot } from './context.ts';
export { ARTICLE } from './relations.ts';
export { datesIn } from './events.ts';

export interface Relating {
  readonly relations: readonly ExtractedRelation[];
  readonly events: readonly ExtractedEvent[];
}

/** Reads relations and events sentence by sentence; CO_MENTIONED only for pairs with no typed relation. */
export function relate(ctx: ArticleContext): Relating {
  const sink = typedRelations(ctx);
  const events = extractEvents(ctx, sink);
  return { relations: [...sink.relations, ...coMentions(ctx, sink)], events };
}
