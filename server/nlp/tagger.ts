// The Danish NER tagger: loads the trained weights once and tags token sequences with PER/ORG/LOC/MISC (BIO).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { type Span, spansFromTags } from './conll.ts';
import { lexiconBits } from './ner/features.ts';
import { LEX } from './ner/lexicon.ts';
import { deserializeModel, NerModel } from './ner/model.ts';

/** The committed model, rebuilt by `npm run train:ner`. */
export const DEFAULT_MODEL_PATH = join(PROJECT_ROOT, 'data', 'ner-model.bin');

/** An entity span over token indexes: `start` inclusive, `end` exclusive; `type` is PER, ORG, LOC or MISC. */
export type EntitySpan = Span;

export interface Tagger {
  /** One BIO tag per token ("O", "B-PER", "I-PER", "B-ORG", ...). Never throws on odd tokens. */
  tag(tokens: readonly string[]): string[];
  /** The entities in a token sequence as spans over token indexes. */
  tagSpans(tokens: readonly string[]): EntitySpan[];
  /** Facts about how the loaded model was trained (epochs, dev F1, lexicon sources). */
  readonly info: Readonly<Record<string, unknown>>;
  /**
   * Whether a lowercased word is a plain common word by the model's lexicon: in the Danish dictionary or seen in
   * lowercase in the training text, and never a name, name part or kind word there (a title word may be common).
   */
  isCommonWord(lower: string): boolean;
  /**
   * Whether a lowercased word is unknown to the model's lexicon as anything but a possible organisation name: no
   * dictionary or lowercase word, no first name, surname or place ("wupti", "intrasoft"; not "radius", "musk").
   */
  isUnknownWord(lower: string): boolean;
}

/** Lexicon bits of anything that can stand in a name. */
const NAME_BITS =
  LEX.dictProper |
  LEX.dictPlace |
  LEX.firstName |
  LEX.surname |
  LEX.place |
  LEX.orgWord |
  LEX.orgSuffix |
  LEX.corpusCapital |
  LEX.orgName |
  LEX.miscWord |
  LEX.trainPer |
  LEX.trainOrg |
  LEX.trainLoc |
  LEX.trainMisc;
const COMMON_BITS = LEX.dictCommon | LEX.corpusLower;
/** Lexicon bits that say a word is something other than an organisation's name: common, a person's, a place's. */
const NOT_ORGANISATION_BITS =
  COMMON_BITS | LEX.firstName | LEX.surname | LEX.trainPer | LEX.dictPlace | LEX.place | LEX.trainLoc;

class LinearChainTagger implements Tagger {
  private readonly model: NerModel;

  constructor(model: NerModel) {
    this.model = model;
  }

  get info(): Readonly<Record<string, unknown>> {
    return this.model.data.info;
  }

  tag(tokens: readonly string[]): string[] {
    if (tokens.length === 0) return [];
    return this.model.tag(tokens);
  }

  tagSpans(tokens: readonly string[]): EntitySpan[] {
    return spansFromTags(this.tag(tokens));
  }

  isCommonWord(lower: string): boolean {
    // With inflections stripped, as the tagger's features read it: "analytikere" is common through "analytiker".
    const bits = lexiconBits(this.model.data.lexicon, lower);
    return (bits & COMMON_BITS) !== 0 && (bits & NAME_BITS) === 0;
  }

  isUnknownWord(lower: string): boolean {
    return (lexiconBits(this.model.data.lexicon, lower) & NOT_ORGANISATION_BITS) === 0;
  }
}

let defaultTagger: Tagger | undefined;

/**
 * Loads a tagger. Without a path it returns the shared tagger for the committed model, loading it on
 * first use; with a path it loads that file afresh (for evaluating a candidate model).
 */
export function loadTagger(path?: string): Tagger {
  if (path === undefined && defaultTagger) return defaultTagger;
  const file = path === undefined ? DEFAULT_MODEL_PATH : resolve(path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(
      `Cannot read the NER model at ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): rebuild it with \`npm run train:ner\``,
    );
  }
  const tagger = new LinearChainTagger(new NerModel(deserializeModel(bytes, file)));
  if (path === undefined) defaultTagger = tagger;
  return tagger;
}
