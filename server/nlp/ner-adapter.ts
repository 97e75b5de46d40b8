// Connects the statistical NER tagger (server/nlp/tagger.ts) to mention finding; extraction still works on rules if the model is missing.

import type { NerLabel, NerSpan, SentenceTagger } from './mentions.ts';
import { loadTagger } from './tagger.ts';
import type { Token } from './tokenizer.ts';

const LABELS = new Set<NerLabel>(['PER', 'ORG', 'LOC', 'MISC']);

let shared: { tagger: SentenceTagger | null; problem: string | null } | undefined;

/** Wraps a token tagger so it returns character spans over the sentence. */
export function sentenceTaggerFrom(tagger: {
  tagSpans(tokens: readonly string[]): readonly { type: string; start: number; end: number }[];
  isCommonWord?(lower: string): boolean;
  isUnknownWord?(lower: string): boolean;
}): SentenceTagger {
  const tag = (tokens: readonly Token[]): NerSpan[] => {
    if (tokens.length === 0) return [];
    const spans = tagger.tagSpans(tokens.map((t) => t.text));
    const out: NerSpan[] = [];
    for (const s of spans) {
      if (!LABELS.has(s.type as NerLabel) || s.start < 0 || s.end > tokens.length || s.start >= s.end) continue;
      out.push({ start: tokens[s.start].start, end: tokens[s.end - 1].end, label: s.type as NerLabel });
    }
    return out;
  };
  return Object.assign(tag, {
    ...(tagger.isCommonWord ? { isCommonWord: tagger.isCommonWord.bind(tagger) } : {}),
    ...(tagger.isUnknownWord ? { isUnknownWord: tagger.isUnknownWord.bind(tagger) } : {}),
  });
}

/**
 * The shared sentence tagger, loaded once. When the model cannot be loaded (not trained yet, corrupt file),
 * extraction falls back to gazetteers and rules; `taggerProblem()` says why, for the CLI to report.
 */
export function defaultSentenceTagger(): SentenceTagger | null {
  if (!shared) {
    try {
      shared = { tagger: sentenceTaggerFrom(loadTagger()), problem: null };
    } catch (error) {
      shared = { tagger: null, problem: error instanceof Error ? error.message : String(error) };
    }
  }
  return shared.tagger;
}

export function taggerProblem(): string | null {
  defaultSentenceTagger();
  return shared?.problem ?? null;
}
