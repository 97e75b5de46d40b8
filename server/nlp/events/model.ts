// The event classifier: a linear model (../linear.ts) over a sentence's features, answering the kind of event the
// sentence reports, or NONE.
import { EVENT_KINDS, type EventKind } from '../../model.ts';
import {
  type FeatureSink,
  LinearModel,
  type LinearModelFile,
  type ModelSpec,
  parseModelFile as parseLinear,
} from '../linear.ts';

export const EVENT_LABELS = ['NONE', ...EVENT_KINDS] as const;
export type EventLabel = EventKind | 'NONE';

export const EVENT_MODEL_SPEC: ModelSpec = {
  format: 'newsgraph-event-model',
  what: 'event model',
  labels: EVENT_LABELS,
  fix: 'rebuild it with `npm run train:relations`',
};

export class EventModel extends LinearModel<EventLabel> {
  /** Every event kind whose probability reaches `min`, most probable first. */
  kinds(emit: (sink: FeatureSink) => void, min: number): { kind: EventKind; probability: number }[] {
    const p = this.scoreFeatures(emit);
    const out: { kind: EventKind; probability: number }[] = [];
    for (let i = 1; i < p.length; i++)
      if (p[i] >= min) out.push({ kind: this.labels[i] as EventKind, probability: p[i] });
    return out.sort((a, b) => b.probability - a.probability);
  }
}

export function parseEventModelFile(text: string, path: string): LinearModelFile {
  return parseLinear(text, path, EVENT_MODEL_SPEC);
}
