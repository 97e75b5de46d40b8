// The relation classifier: a linear model (../linear.ts) over a candidate pair's features, answering a relation
// type or NONE.
import { RELATION_TYPES, type RelationType } from '../../model.ts';
import {
  emitNames,
  type FeatureSink,
  LinearModel,
  type LinearModelFile,
  type ModelSpec,
  parseModelFile as parseLinear,
} from '../linear.ts';

/** What the classifier can answer: a relation type, or NONE (the pair is only co-mentioned). */
export const RELATION_LABELS = ['NONE', ...RELATION_TYPES.filter((t) => t !== 'CO_MENTIONED')] as const;
export type RelationLabel = RelationType | 'NONE';

export const RELATION_MODEL_SPEC: ModelSpec = {
  format: 'newsgraph-relation-model',
  what: 'relation model',
  labels: RELATION_LABELS,
  fix: 'rebuild it with `npm run train:relations`',
};

/** Makes one example's features into a sink. */
export type FeatureEmitter = (sink: FeatureSink) => void;

export interface Prediction {
  readonly label: RelationLabel;
  /** Probability of `label`. */
  readonly probability: number;
  /** The best relation type other than NONE and its probability (what a co-mention "almost" is). */
  readonly bestType: RelationType;
  readonly bestTypeProbability: number;
}

export class RelationModel extends LinearModel<RelationLabel> {
  /**
   * The most probable label, and the most probable relation type. `allowed`, in `labels` order, says which labels
   * may be answered (NONE always may); without it, all.
   */
  predict(features: readonly string[] | FeatureEmitter, allowed?: readonly boolean[]): Prediction {
    const p = this.scoreFeatures(typeof features === 'function' ? features : emitNames(features));
    let best = 0;
    let bestType = -1;
    for (let i = 1; i < p.length; i++) {
      if (allowed && !allowed[i]) continue;
      if (p[i] > p[best]) best = i;
      if (bestType < 0 || p[i] > p[bestType]) bestType = i;
    }
    return {
      label: this.labels[best],
      probability: p[best],
      bestType: this.labels[bestType] as RelationType,
      bestTypeProbability: p[bestType],
    };
  }
}

/** Parses and checks a relation model file's text; throws with what is wrong and how to fix it. */
export function parseModelFile(text: string, path: string): LinearModelFile {
  return parseLinear(text, path, RELATION_MODEL_SPEC);
}
